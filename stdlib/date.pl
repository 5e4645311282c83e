/* library(date): date_time_value/3 and format_time/4.  The conversions are
 * built-ins in C (stdlib/os.c: stamp_date_time/3, date_time_stamp/2,
 * format_time/3, day_of_the_week/2). */
:- module(date, [format_time/4, date_time_value/3]).

% format_time(+Out, +Format, +Time, +Locale): as format_time/3; only the
% posix locale is known.
format_time(Out, Format, Time, Locale) :-
    (   Locale == posix -> true
    ;   var(Locale) -> throw(error(instantiation_error, _))
    ;   throw(error(existence_error(locale, Locale), _))
    ),
    format_time(Out, Format, Time).

% date_time_value(?Key, +DateTime, ?Value): a field of date/9 by name.
date_time_value(year, date(Y, _, _, _, _, _, _, _, _), Y).
date_time_value(month, date(_, M, _, _, _, _, _, _, _), M).
date_time_value(day, date(_, _, D, _, _, _, _, _, _), D).
date_time_value(hour, date(_, _, _, H, _, _, _, _, _), H).
date_time_value(minute, date(_, _, _, _, M, _, _, _, _), M).
date_time_value(second, date(_, _, _, _, _, S, _, _, _), S).
date_time_value(utc_offset, date(_, _, _, _, _, _, O, _, _), O).
date_time_value(time_zone, date(_, _, _, _, _, _, _, Z, _), Z) :- Z \== (-).
date_time_value(daylight_saving, date(_, _, _, _, _, _, _, _, D), D) :- D \== (-).
date_time_value(date, date(Y, M, D, _, _, _, _, _, _), date(Y, M, D)).
date_time_value(time, date(_, _, _, H, Mn, S, _, _, _), time(H, Mn, S)).
