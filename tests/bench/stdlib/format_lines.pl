% format_lines: format/2 of 100,000 lines (column stops, fill, integers,
% atoms, terms and floats) to a stream on /dev/null made the current
% output, in a failure-driven loop (so every line is written in a branch
% that then fails).  Checked by the stream's character count (43 characters
% a line) and by the text of one line formatted to an atom.
%! iterations: 100000
%! systems: snaplog,snaplog-native,swipl

bench(N) :-
    open('/dev/null', write, S),
    current_output(Old),
    set_output(S),
    catch(format_lines(N), E, true),
    set_output(Old),
    character_count(S, Chars),
    close(S),
    ( nonvar(E) -> throw(E) ; true ),
    format_lines_check(N, Chars).

format_lines(N) :-
    (   between(1, N, I),
        X is I * 1.5,
        format("~t~d~8| ~a ~w~t~30|~e~n", [I, line, f(I), X]),
        fail
    ;   true
    ).

format_lines_check(N, Chars) :-
    format(atom(A), "~t~d~8| ~a ~w~t~30|~e~n", [42, line, f(42), 63.0]),
    (   Chars =:= 43 * N,
        A == '      42 line f(42)           6.300000e+01\n'
    ->  true
    ;   format('format_lines: wrong answer ~w ~q~n', [Chars, A]), fail
    ).
