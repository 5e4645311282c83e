% serialise: replace each item of a list by its rank among the distinct
% items, here the codes of "ABLE WAS I ERE I SAW ELBA".  Items go into an
% ordered binary tree whose nodes share one rank variable per distinct item;
% numbering the tree in order then binds them all.  Checked by counting, for
% each item, the distinct items below it.
%! iterations: 50000

bench(N) :-
    atom_codes('ABLE WAS I ERE I SAW ELBA', L),
    N1 is N - 1,
    ( between(1, N1, _), serialise(L, _), fail ; true ),
    serialise(L, R),
    serialise_check(L, R).

serialise(L, R) :-
    serialise_pairs(L, R, Pairs),
    serialise_arrange(Pairs, Tree),
    serialise_number(Tree, 1, _).

serialise_pairs([], [], []).
serialise_pairs([X|Xs], [Y|Ys], [p(X, Y)|Ps]) :- serialise_pairs(Xs, Ys, Ps).

serialise_arrange([], void).
serialise_arrange([X|L], tree(T1, X, T2)) :-
    serialise_split(L, X, L1, L2),
    serialise_arrange(L1, T1),
    serialise_arrange(L2, T2).

% Items equal to the pivot unify with it (sharing its rank) and are dropped.
serialise_split([], _, [], []).
serialise_split([X|L], X, L1, L2) :- !, serialise_split(L, X, L1, L2).
serialise_split([X|L], Y, [X|L1], L2) :- serialise_before(X, Y), !,
    serialise_split(L, Y, L1, L2).
serialise_split([X|L], Y, L1, [X|L2]) :- serialise_split(L, Y, L1, L2).

serialise_before(p(X1, _), p(X2, _)) :- X1 < X2.

serialise_number(void, N, N).
serialise_number(tree(L, p(_, N1), R), N0, N) :-
    serialise_number(L, N0, N1),
    N2 is N1 + 1,
    serialise_number(R, N2, N).

serialise_check(L, R) :-
    sort(L, Distinct),
    serialise_ranks(L, Distinct, Want),
    ( R == Want -> true ; format('serialise: wrong answer ~w~n', [R]), fail ).

serialise_ranks([], _, []).
serialise_ranks([X|Xs], D, [K|Ks]) :-
    serialise_below(D, X, 0, B), K is B + 1,
    serialise_ranks(Xs, D, Ks).

serialise_below([], _, B, B).
serialise_below([Y|Ys], X, B0, B) :-
    ( Y < X -> B1 is B0 + 1 ; B1 = B0 ),
    serialise_below(Ys, X, B1, B).
