% Text built-ins under backtracking: nondeterministic ones resumed after
% snapshot restores (failure-driven loops that print, cuts, if-then-else,
% exceptions thrown in mid-enumeration), bindings undone between solutions,
% and long texts (100,000 characters, non-ASCII) round-tripped.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).

main :-
    ( atom_concat(X, Y, 'añb'), write(X+Y), write(' '), fail ; nl ),
    ( sub_atom(abcde, B, 2, _, S), write(B-S), write(' '), B >= 2, ! ; true ), nl,
    ( string_concat(P, _, "xyz"), string_length(P, 2) -> writeq(P) ; write(none) ), nl,
    catch(( sub_atom(abc, _, 1, _, C), write(C), C == b, throw(found(C)) ), found(F), (write(' caught '), write(F))), nl,
    findall(T, char_type(T, digit(_)), Ds), atomic_list_concat(Ds, Digits), writeq(Digits), nl,
    ( atom_concat(L, R, abc), atom_length(L, 1) -> writeq(L/R) ; true ), nl,
    findall(N-W, ( sub_atom('the quick brown fox', Bf, _, _, ' '), N = Bf, W = x ), Spaces), writeq(Spaces), nl,
    findall(I-K, string_code(I, "añb", K), Codes), writeq(Codes), nl,
    long_text.

long_text :-
    length(L, 100000), maplist(=(0'é), L),
    atom_codes(A, L), atom_length(A, N), write(N), nl,
    atom_codes(A, L2), ( L2 == L -> writeln(same_codes) ; writeln(different) ),
    atom_string(A, S), string_length(S, SN), write(SN), nl,
    sub_atom(A, 99998, 2, After, Tail), writeq(After/Tail), nl,
    atom_concat(A, x, Ax), sub_atom(Ax, Bx, _, 0, x), write(Bx), nl,
    upcase_atom(A, U), sub_atom(U, 0, 3, _, U3), writeq(U3), nl,
    split_string(S, "", "é", Parts), writeq(Parts), nl.
