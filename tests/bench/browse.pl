% browse: a browse-style database search.  It builds a database of 60 items
% (lists of atoms and nested lists, from a small linear congruential
% generator) and counts the items each of ten patterns matches, where '*'
% matches any sequence of elements, '?' any one element, and a nested list
% pattern a nested list.  The expected counts were computed outside Prolog
% by an independent implementation of the same generator and matcher.
%! iterations: 450

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), browse(_), fail ; true ),
    browse(Counts),
    (   Counts == [12, 2, 8, 12, 8, 1, 6, 9, 9, 13] -> true
    ;   format('browse: wrong answer ~w~n', [Counts]), fail
    ).

browse(Counts) :-
    browse_items(60, 42, _, Items),
    findall(C, (browse_pattern(P), browse_count(Items, P, 0, C)), Counts).

browse_count([], _, C, C).
browse_count([I|Is], P, C0, C) :-
    ( browse_match(P, I) -> C1 is C0 + 1 ; C1 = C0 ),
    browse_count(Is, P, C1, C).

browse_match([], []).
browse_match([(*)|Ps], Ds) :- browse_match(Ps, Ds).
browse_match([(*)|Ps], [_|Ds]) :- browse_match([(*)|Ps], Ds).
browse_match(['?'|Ps], [_|Ds]) :- browse_match(Ps, Ds).
browse_match([P|Ps], [D|Ds]) :- P = [_|_], D = [_|_], browse_match(P, D), browse_match(Ps, Ds).
browse_match([P|Ps], [D|Ds]) :- atom(P), P \== (*), P \== (?), P == D, browse_match(Ps, Ds).

browse_pattern(['*', a, b, '*']).
browse_pattern([a, '*', e]).
browse_pattern(['?', '?', c, '*']).
browse_pattern(['*', ['?', '*'], '*', d]).
browse_pattern(['*', a, '*', a, '*', a, '*']).
browse_pattern([b, '*', [a, '*'], '*']).
browse_pattern(['*', e, '?', e, '*']).
browse_pattern(['*', c, c, '*']).
browse_pattern(['?', '*', ['*', b], '?', '*']).
browse_pattern(['*', d, '*', ['?', '?', '?'], '*']).

% The generator: seed' = (75 seed + 74) mod 65537.
browse_random(S0, S) :- S is (S0 * 75 + 74) mod 65537.

browse_items(0, S, S, []) :- !.
browse_items(K, S0, S, [I|Is]) :-
    browse_random(S0, S1), Len is 6 + S1 mod 6,
    browse_elements(Len, S1, S2, I),
    K1 is K - 1, browse_items(K1, S2, S, Is).

browse_elements(0, S, S, []) :- !.
browse_elements(K, S0, S, [E|Es]) :-
    browse_random(S0, S1),
    (   S1 mod 7 =:= 0
    ->  browse_random(S1, S2), Len is 2 + S2 mod 2, browse_atoms(Len, S2, S3, E)
    ;   browse_atom(S1, E), S3 = S1
    ),
    K1 is K - 1, browse_elements(K1, S3, S, Es).

browse_atoms(0, S, S, []) :- !.
browse_atoms(K, S0, S, [A|As]) :-
    browse_random(S0, S1), browse_atom(S1, A),
    K1 is K - 1, browse_atoms(K1, S1, S, As).

browse_atom(S, A) :- I is S mod 5, browse_letter(I, A).
browse_letter(0, a). browse_letter(1, b). browse_letter(2, c).
browse_letter(3, d). browse_letter(4, e).
