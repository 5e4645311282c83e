% format_stream_pos: format/2,3 with column stops written to a stream, and
% the stream's position (character_count, line_count, line_position) after
% text with tabs, backspaces and multi-byte characters.  Checked against
% swipl 9.0.4 (swipl -q -g main -t halt FILE -- DIR).  The file goes to
% the directory given as the last command-line argument.

dir_file(Name, Path) :-
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atomic_list_concat([Dir, '/', Name], Path).

file_text(F, Text) :-
    open(F, read, S), read_chars(S, Cs), close(S), atom_chars(Text, Cs).
read_chars(S, Cs) :-
    get_char(S, C), ( C == end_of_file -> Cs = [] ; Cs = [C|T], read_chars(S, T) ).

pos(S) :-
    character_count(S, C), line_count(S, L), line_position(S, P),
    format(user_output, "pos ~w ~w ~w~n", [C, L, P]).

main :-
    format("~t~w~10|~w~t~10+~a~n", [right, left, end]),
    format("~`-t~30|~n"),
    format("~a~t~15|~a~t~10+~a~n", [ab, 'cd\u00e9', x]),
    format("~t~d~6|~t~d~6+~t~d~6+~n", [1, 22, 333]),
    format("no stops ~w and ~q~n", [f(x), 'A b']),
    dir_file('pos.txt', F),
    open(F, write, S),
    format(S, "~t~d~8| ~a~t~20|~e~n", [7, abc, 2.5]),
    pos(S),
    write(S, 'a\tb'), pos(S),
    write(S, 'xy\bz'), pos(S),
    write(S, '\u00e9\u4e2d'), pos(S),
    nl(S), pos(S),
    format(S, "~a~t~12|~a~n", [tab, stop]), pos(S),
    format(S, "x~ty~t~9|z~n", []), pos(S),
    close(S),
    file_text(F, A), writeq(A), nl.
