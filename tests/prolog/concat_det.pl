% atom_concat/3 and string_concat/3 take a snapshot only when they
% enumerate (first two arguments unbound): a joining or a one-sided
% split call is deterministic and runs without one, and joining logs
% no undo entry (the text is joined on the C stack, not in malloc'd
% memory).  The answers of every mode are as swipl 9.0.4 gives them; the
% snapshot and log counts are snaplog's own keys, so the expected output
% was written by hand for those two lines.
main :-
    statistics(snapshots_taken, T0),
    statistics(lines_logged, L0),
    loop(1, 2000),
    statistics(snapshots_taken, T1),
    statistics(lines_logged, L1),
    T is T1 - T0,
    ( T < 10 -> writeln(few_snapshots) ; writeln(snapshots(T)) ),
    L is L1 - L0,
    ( L < 200 -> writeln(few_lines) ; writeln(lines(L)) ),
    atom_concat(ab, cd, A1), writeln(A1),
    string_concat("ab", cd, S1), print(S1), nl,
    atom_concat(X1, cd, abcd), writeln(X1),
    string_concat("ab", Y1, "abcd"), print(Y1), nl,
    ( atom_concat(ab, cd, abcd) -> writeln(yes) ; writeln(no) ),
    ( string_concat(ab, cd, "abce") -> writeln(yes) ; writeln(no) ),
    findall(P+Q, atom_concat(P, Q, abc), Ps), writeln(Ps),
    findall(P+Q, string_concat(P, Q, "héé"), Qs), print(Qs), nl,
    findall(Z, atom_concat(Z, Z, abab), Zs), writeln(Zs),
    atom_concat(P1, Q1, xy), writeln(first(P1, Q1)),
    catch(atom_concat(_, _, _), E, (print_message(silent, E), E = error(Ex, _), writeln(Ex))),
    catch(string_concat(f(x), a, _), E2, (E2 = error(Ex2, _), writeln(Ex2))),
    long(LA), atom_concat(LA, LA, LL), atom_length(LL, N), writeln(N).

loop(I, N) :- I > N, !.
loop(I, N) :-
    string_concat("item-", "x", S), S == "item-x",
    atom_concat(item_, x, A), A == item_x,
    atom_concat(item_, R, item_x), R == x,
    I1 is I + 1,
    loop(I1, N).

long(A) :- length(L, 300), maplist(=(0'a), L), atom_codes(A, L).
