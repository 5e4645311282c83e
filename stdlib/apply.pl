/* library(apply): maplist/2..7, foldl/4..7, include/3, exclude/3,
 * partition/4,5, convlist/3.  The list comes first in the helpers so that
 * first-argument indexing makes a call on proper lists deterministic. */
:- module(apply, [maplist/2, maplist/3, maplist/4, maplist/5, maplist/6, maplist/7, foldl/4, foldl/5, foldl/6,
                  foldl/7, include/3, exclude/3, partition/4, partition/5, convlist/3]).

maplist(G, L) :- '$apply_map'(L, G).
'$apply_map'([], _).
'$apply_map'([A|As], G) :- call(G, A), '$apply_map'(As, G).

maplist(G, L1, L2) :- '$apply_map'(L1, L2, G).
'$apply_map'([], [], _).
'$apply_map'([A|As], [B|Bs], G) :- call(G, A, B), '$apply_map'(As, Bs, G).

maplist(G, L1, L2, L3) :- '$apply_map'(L1, L2, L3, G).
'$apply_map'([], [], [], _).
'$apply_map'([A|As], [B|Bs], [C|Cs], G) :- call(G, A, B, C), '$apply_map'(As, Bs, Cs, G).

maplist(G, L1, L2, L3, L4) :- '$apply_map'(L1, L2, L3, L4, G).
'$apply_map'([], [], [], [], _).
'$apply_map'([A|As], [B|Bs], [C|Cs], [D|Ds], G) :- call(G, A, B, C, D), '$apply_map'(As, Bs, Cs, Ds, G).

maplist(G, L1, L2, L3, L4, L5) :- '$apply_map'(L1, L2, L3, L4, L5, G).
'$apply_map'([], [], [], [], [], _).
'$apply_map'([A|As], [B|Bs], [C|Cs], [D|Ds], [E|Es], G) :-
    call(G, A, B, C, D, E), '$apply_map'(As, Bs, Cs, Ds, Es, G).

maplist(G, L1, L2, L3, L4, L5, L6) :- '$apply_map'(L1, L2, L3, L4, L5, L6, G).
'$apply_map'([], [], [], [], [], [], _).
'$apply_map'([A|As], [B|Bs], [C|Cs], [D|Ds], [E|Es], [F|Fs], G) :-
    call(G, A, B, C, D, E, F), '$apply_map'(As, Bs, Cs, Ds, Es, Fs, G).

foldl(G, L, V0, V) :- '$apply_foldl'(L, G, V0, V).
'$apply_foldl'([], _, V, V).
'$apply_foldl'([X|Xs], G, V0, V) :- call(G, X, V0, V1), '$apply_foldl'(Xs, G, V1, V).

foldl(G, L1, L2, V0, V) :- '$apply_foldl'(L1, L2, G, V0, V).
'$apply_foldl'([], [], _, V, V).
'$apply_foldl'([X|Xs], [Y|Ys], G, V0, V) :- call(G, X, Y, V0, V1), '$apply_foldl'(Xs, Ys, G, V1, V).

foldl(G, L1, L2, L3, V0, V) :- '$apply_foldl'(L1, L2, L3, G, V0, V).
'$apply_foldl'([], [], [], _, V, V).
'$apply_foldl'([X|Xs], [Y|Ys], [Z|Zs], G, V0, V) :-
    call(G, X, Y, Z, V0, V1), '$apply_foldl'(Xs, Ys, Zs, G, V1, V).

foldl(G, L1, L2, L3, L4, V0, V) :- '$apply_foldl'(L1, L2, L3, L4, G, V0, V).
'$apply_foldl'([], [], [], [], _, V, V).
'$apply_foldl'([X|Xs], [Y|Ys], [Z|Zs], [W|Ws], G, V0, V) :-
    call(G, X, Y, Z, W, V0, V1), '$apply_foldl'(Xs, Ys, Zs, Ws, G, V1, V).

include(P, L, R) :- '$apply_include'(L, P, R).
'$apply_include'([], _, []).
'$apply_include'([H|T], P, R) :- ( call(P, H) -> R = [H|R1] ; R = R1 ), '$apply_include'(T, P, R1).

exclude(P, L, R) :- '$apply_exclude'(L, P, R).
'$apply_exclude'([], _, []).
'$apply_exclude'([H|T], P, R) :- ( call(P, H) -> R = R1 ; R = [H|R1] ), '$apply_exclude'(T, P, R1).

partition(P, L, I, E) :- '$apply_partition'(L, P, I, E).
'$apply_partition'([], _, [], []).
'$apply_partition'([H|T], P, I, E) :-
    (   call(P, H) -> I = [H|I1], E = E1 ; I = I1, E = [H|E1] ),
    '$apply_partition'(T, P, I1, E1).

% partition(:Pred, ?List, ?Less, ?Equal, ?Greater): Pred(X, Order).
partition(P, L, Ls, Es, Gs) :- '$apply_partition'(L, P, Ls, Es, Gs).
'$apply_partition'([], _, [], [], []).
'$apply_partition'([H|T], P, L, E, G) :-
    call(P, H, Diff),
    '$apply_partition_'(Diff, H, P, T, L, E, G).
'$apply_partition_'(<, H, P, T, [H|L], E, G) :- !, '$apply_partition'(T, P, L, E, G).
'$apply_partition_'(=, H, P, T, L, [H|E], G) :- !, '$apply_partition'(T, P, L, E, G).
'$apply_partition_'(>, H, P, T, L, E, [H|G]) :- !, '$apply_partition'(T, P, L, E, G).
'$apply_partition_'(Diff, _, _, _, _, _, _) :- must_be(oneof([<, =, >]), Diff).

convlist(G, L, R) :- '$apply_convlist'(L, G, R).
'$apply_convlist'([], _, []).
'$apply_convlist'([H|T], G, R) :- ( call(G, H, X) -> R = [X|R1] ; R = R1 ), '$apply_convlist'(T, G, R1).
