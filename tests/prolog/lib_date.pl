% Dates: stamp_date_time/3 in UTC and at a fixed offset, date_time_stamp/2
% (date/9 with an offset, normalisation of out-of-range fields),
% format_time/3 over date/9 terms (strftime's directives, swipl's %f, %3f
% and %+, the output forms, an unknown directive), day_of_the_week/2,
% date_time_value/3, and local time only through round trips (the
% machine's zone is not fixed).  Expected output checked against swipl
% 9.0.4 (swipl -q -g main -t halt).

d(date(2023, 11, 14, 22, 13, 20.123456, 0, 'UTC', -)).

g(stamp_date_time(0, _, 'UTC')).
g(stamp_date_time(1700000000.25, _, 'UTC')).
g(stamp_date_time(1700000000, _, 3600)).
g(stamp_date_time(-1.5, _, 'UTC')).
g(date_time_stamp(date(2023, 11, 14, 22, 13, 20.25, 0, 'UTC', -), _)).
g(date_time_stamp(date(2023, 11, 14, 22, 13, 20, -7200, -, -), _)).
g((date_time_stamp(date(2023, 13, 35, 25, 0, 0, 0, -, -), S), stamp_date_time(S, _, 'UTC'))).
g((d(D), format_time(atom(_), '%Y-%m-%d %H:%M:%S', D))).
g((d(D), format_time(atom(_), '%FT%T%z %Z', D))).
g((d(D), format_time(atom(_), '%a %A %b %B %d %e %j %u %w %y %p %I %3f %f', D))).
g((d(D), format_time(atom(_), '%D %R %T %k %l %P %C %G %V %U %h|%n|%t|%%', D))).
g(format_time(atom(_), '%+', date(1970, 1, 1, 0, 0, 0, 0, 'UTC', -))).
g(format_time(atom(_), '%H:%M %z', date(2023, 6, 1, 8, 30, 0, -19800, 'IST', -))).
g((d(D), format_time(string(_), '%d/%m', D))).
g((d(D), format_time(codes(_), '%Y', D))).
g((d(D), format_time(chars(_), '%m', D))).
g((d(D), with_output_to(string(_), format_time(current_output, '%Y!', D)))).
g(format_time(atom(_), '%Q', 0)).
g(format_time(atom(_), '%d', foo)).
g(format_time(atom(_), '%d', 86400 * 31)).
g(stamp_date_time(foo, _, 'UTC')).
g(day_of_the_week(date(2023, 11, 14), _)).
g(day_of_the_week(date(2024, 2, 29), _)).
g(day_of_the_week(date(2023, 11, 19), _)).
g((d(D), findall(K-V, date_time_value(K, D, V), _))).
% local time: a stamp and its local date agree both ways (the values are
% not printed: they depend on the machine's zone)
g(local_round_trip).
g(local_midnight).
g(local_format).

local_round_trip :-
    stamp_date_time(1700000000.5, D, local), D = date(_, _, _, _, _, _, Off, _, Dst), integer(Off),
    ( Dst == true ; Dst == false ), date_time_stamp(D, S), S =:= 1700000000.5.
local_midnight :-
    date_time_stamp(date(2023, 11, 14), S), stamp_date_time(S, date(Y, M, Dy, H, Mn, _, _, _, _), local),
    [Y, M, Dy, H, Mn] == [2023, 11, 14, 0, 0].
local_format :-
    format_time(atom(A), '%Y-%m-%d', 1700000000), stamp_date_time(1700000000, date(Y, M, D, _, _, _, _, _, _), local),
    format(atom(B), "~d-~|~`0t~d~2+-~|~`0t~d~2+", [Y, M, D]), A == B.

main :- forall(g(G), ( \+ \+ ( catch(G, error(E, _), (print(error(E)), nl, fail)) -> numbervars(G, 0, _), print(G), nl ; true ) )).
