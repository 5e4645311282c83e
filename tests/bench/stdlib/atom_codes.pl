% atom_codes: atom_codes/2 both ways, N round trips: the codes of
% "item_K_suffix" (K = I mod 20000: 20,000 distinct atoms, under GNU
% Prolog's default atom table of 32,768) made into an atom and the atom
% back into codes, compared with what went in.  The check: every round
% trip gave back its codes, and the last atom is the one expected.
%! iterations: 200000

bench(N) :-
    atom_codes(item_, Prefix),
    atom_codes('_suffix', Suffix),
    atom_codes_loop(1, N, Prefix, Suffix, 0, Bad, Last),
    K is N mod 20000,
    number_codes(K, Ds),
    atom_codes_append(Prefix, Ds, P1),
    atom_codes_append(P1, Suffix, Want),
    atom_codes(WantA, Want),
    (   Bad =:= 0, Last == WantA
    ->  true
    ;   write(atom_codes(bad(Bad), last(Last))), nl, fail
    ).

atom_codes_loop(I, N, _, _, Bad, Bad, _) :- I > N, !.
atom_codes_loop(I, N, Prefix, Suffix, Bad0, Bad, Last) :-
    K is I mod 20000,
    number_codes(K, Ds),
    atom_codes_append(Prefix, Ds, P1),
    atom_codes_append(P1, Suffix, Cs),
    atom_codes(A, Cs),
    atom_codes(A, Back),
    ( Back == Cs -> Bad1 = Bad0 ; Bad1 is Bad0 + 1 ),
    I1 is I + 1,
    ( I1 > N -> Last = A ; true ),
    atom_codes_loop(I1, N, Prefix, Suffix, Bad1, Bad, Last).

atom_codes_append([], L, L).
atom_codes_append([H|T], L, [H|R]) :- atom_codes_append(T, L, R).
