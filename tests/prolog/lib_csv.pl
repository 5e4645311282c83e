% library(csv): reading (quoted fields with separators, doubled quotes and
% newlines, \r\n line ends, empty fields, number conversion and
% convert(false), strip(true), functor/1, separator/1, match_arity and
% its error), writing (quoting what needs it, \r\n line ends), the csv//1
% grammar both ways, csv_read_file_row/3 with line/1, and a round trip.
% The files go to the directory given as the last command-line argument
% (a fresh temporary directory: see the .args).  Expected output checked
% against swipl 9.0.4 (swipl -q -g main -t halt FILE -- DIR).
:- use_module(library(csv)).

path(Rel, P) :- current_prolog_flag(argv, Argv), last(Argv, D), directory_file_path(D, Rel, P).
write_file(Rel, Text) :- path(Rel, P), setup_call_cleanup(open(P, write, S), format(S, "~s", [Text]), close(S)).
show(G) :- ( catch(G, error(E, _), (print(error(E)), nl, fail)) -> true ; writeln(failed) ).

main :-
    write_file('t.csv', "name,age,score\nalice,30,1.5\n\"bob, jr\",40,\"7\"\n\"say \"\"hi\"\"\",,x y \r\nmulti,\"line1\nline2\",-3e2\n"),
    write_file('bad.csv', "a,b\n1,2,3\n"),
    write_file('semi.csv', "a;b;c\n1;2;3\n"),
    path('t.csv', T), path('bad.csv', B), path('semi.csv', Se), path('out.csv', O),
    show((csv_read_file(T, R1), print(R1), nl)),
    show((csv_read_file(T, R2, [convert(false)]), print(R2), nl)),
    show((csv_read_file(T, R3, [functor(r), strip(true)]), print(R3), nl)),
    show((csv_read_file(Se, R4, [separator(0';)]), print(R4), nl)),
    show((csv_read_file(B, R5), print(R5), nl)),
    show((csv_read_file(B, R6, [match_arity(false)]), print(R6), nl)),
    show((atom_codes('a,b\n1,2\n', Cs), phrase(csv(Rows), Cs), print(Rows), nl)),
    show((csv_write_file(O, [row(a, 'b c', 1), row('x,y', 'q"q', 2.5), row('two\nlines', '', -7)]),
          read_file_to_string(O, S, []), print(S), nl,
          csv_read_file(O, Back), print(Back), nl)),
    show((phrase(csv([row(a, b)]), Cs2), atom_codes(A2, Cs2), print(A2), nl)),
    show((findall(L-Row, csv_read_file_row(Se, Row, [separator(0';), line(L)]), LRs), print(LRs), nl)).
