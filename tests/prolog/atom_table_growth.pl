% atom_table_growth: 60,000 new atoms of lengths 1 to 24 bytes (across the
% hash's 8-byte words, UTF-8 included), made twice from their codes: the
% second make must give the same atom while the table grows and rehashes,
% and distinct texts distinct atoms.  Checked against swipl 9.0.4.

name_codes(I, Cs) :-
    L is I mod 24 + 1,
    number_codes(I, Ds),
    length(Ds, N),
    Pad is max(0, L - N),
    length(P, Pad), maplist(=(0'z), P),
    ( I mod 7 =:= 0 -> E = [0'\x00e9] ; E = [] ),
    append([Ds, P, E], Cs).

make_all(N, As) :- numlist(1, N, Is), maplist(make_one, Is, As).
make_one(I, A) :- name_codes(I, Cs), atom_codes(A, Cs).

same(A, I) :- make_one(I, B), A == B.

main :-
    N = 60000,
    make_all(N, As),
    numlist(1, N, Is),
    ( maplist(same, As, Is) -> writeln(same_atoms) ; writeln(different_atoms) ),
    sort(As, Sorted), length(Sorted, K), writeln(distinct(K)),
    nth1(12345, As, A12345), atom_length(A12345, L), writeq(A12345/L), nl,
    nth1(700, As, A700), writeq(A700), nl,
    ( atom_codes(X, "12345zzzzz"), X == A12345 -> writeln(lookup_ok) ; writeln(lookup_bad) ).
