% atom_codes: atom_codes/2 both ways, N round trips: the codes of
% "item_K_suffix" (K = I mod 20000: 20,000 distinct atoms, under GNU
% Prolog's default atom table of 32,768) made into an atom and the atom
% back into codes, compared with what went in.  A failure-driven loop, so
% that a system without a collector (GNU Prolog) runs it in bounded memory.
% The check: no round trip gave back other codes, and the atom of the last
% one is the one expected.
%! iterations: 200000

bench(N) :-
    atom_codes(item_, Prefix),
    atom_codes('_suffix', Suffix),
    \+ ( between(1, N, I), \+ atom_codes_round_trip(I, Prefix, Suffix, _) ),
    atom_codes_round_trip(N, Prefix, Suffix, Last),
    K is N mod 20000,
    number_codes(K, Ds),
    atom_codes(KA, Ds),
    atom_concat(item_, KA, A1),
    atom_concat(A1, '_suffix', Want),
    (   Last == Want
    ->  true
    ;   write(atom_codes(last(Last), want(Want))), nl, fail
    ).

atom_codes_round_trip(I, Prefix, Suffix, A) :-
    K is I mod 20000,
    number_codes(K, Ds),
    atom_codes_append(Prefix, Ds, P1),
    atom_codes_append(P1, Suffix, Cs),
    atom_codes(A, Cs),
    atom_codes(A, Back),
    Back == Cs.

atom_codes_append([], L, L).
atom_codes_append([H|T], L, [H|R]) :- atom_codes_append(T, L, R).
