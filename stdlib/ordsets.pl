/* library(ordsets): sets as lists in standard order without duplicates. */
:- module(ordsets, [is_ordset/1, list_to_ord_set/2, ord_union/2, ord_union/3, ord_union/4, ord_subtract/3,
                    ord_intersection/2, ord_intersection/3, ord_intersection/4, ord_memberchk/2,
                    ord_add_element/3, ord_del_element/3, ord_selectchk/3, ord_subset/2,
                    ord_disjoint/2, ord_intersect/2, ord_symdiff/3, ord_empty/1, ord_seteq/2]).

is_ordset(T) :- is_list(T), '$ord_strict'(T).
'$ord_strict'([]).
'$ord_strict'([H|T]) :- '$ord_strict'(T, H).
'$ord_strict'([], _).
'$ord_strict'([H|T], P) :- P @< H, '$ord_strict'(T, H).

list_to_ord_set(L, S) :- sort(L, S).
ord_empty([]).
ord_seteq(A, B) :- A == B.

ord_union(Sets, S) :- '$ord_union_all'(Sets, [], S).
'$ord_union_all'([], S, S).
'$ord_union_all'([H|T], S0, S) :- ord_union(S0, H, S1), '$ord_union_all'(T, S1, S).

ord_union([], B, B) :- !.
ord_union(A, [], A) :- !.
ord_union([H1|T1], [H2|T2], U) :- compare(O, H1, H2), '$ord_union'(O, H1, T1, H2, T2, U).
'$ord_union'(<, H1, T1, H2, T2, [H1|U]) :- ord_union(T1, [H2|T2], U).
'$ord_union'(=, H1, T1, _, T2, [H1|U]) :- ord_union(T1, T2, U).
'$ord_union'(>, H1, T1, H2, T2, [H2|U]) :- ord_union([H1|T1], T2, U).

% ord_union(+Set1, +Set2, -Union, -New): New are the elements of Set2 not in Set1.
ord_union(A, B, U, New) :- ord_union(A, B, U), ord_subtract(B, A, New).

ord_subtract([], _, []) :- !.
ord_subtract(A, [], A) :- !.
ord_subtract([H1|T1], [H2|T2], D) :- compare(O, H1, H2), '$ord_subtract'(O, H1, T1, H2, T2, D).
'$ord_subtract'(<, H1, T1, H2, T2, [H1|D]) :- ord_subtract(T1, [H2|T2], D).
'$ord_subtract'(=, _, T1, _, T2, D) :- ord_subtract(T1, T2, D).
'$ord_subtract'(>, H1, T1, _, T2, D) :- ord_subtract([H1|T1], T2, D).

ord_intersection([], _, []) :- !.
ord_intersection(_, [], []) :- !.
ord_intersection([H1|T1], [H2|T2], I) :- compare(O, H1, H2), '$ord_inter'(O, H1, T1, H2, T2, I).
'$ord_inter'(<, _, T1, H2, T2, I) :- ord_intersection(T1, [H2|T2], I).
'$ord_inter'(=, H1, T1, _, T2, [H1|I]) :- ord_intersection(T1, T2, I).
'$ord_inter'(>, H1, T1, _, T2, I) :- ord_intersection([H1|T1], T2, I).

ord_intersection([], []).
ord_intersection([S|Ss], I) :- '$ord_inter_all'(Ss, S, I).
'$ord_inter_all'([], I, I).
'$ord_inter_all'([S|Ss], I0, I) :- ord_intersection(I0, S, I1), '$ord_inter_all'(Ss, I1, I).

% ord_intersection(+Set1, +Set2, ?Intersection, ?Difference): Difference is Set2 - Set1.
ord_intersection(A, B, I, D) :- ord_intersection(A, B, I), ord_subtract(B, A, D).

ord_memberchk(X, [H|T]) :- compare(O, X, H), '$ord_memberchk'(O, X, T).
'$ord_memberchk'(=, _, _).
'$ord_memberchk'(>, X, T) :- ord_memberchk(X, T).

ord_add_element(S, E, S2) :- ord_union(S, [E], S2).
ord_del_element(S, E, S2) :- ord_subtract(S, [E], S2).
ord_selectchk(E, S, S2) :- ord_memberchk(E, S), ord_subtract(S, [E], S2).
ord_subset(A, B) :- ord_subtract(A, B, []).
ord_disjoint(A, B) :- ord_intersection(A, B, []).
ord_intersect(A, B) :- \+ ord_intersection(A, B, []).
ord_symdiff(A, B, D) :- ord_subtract(A, B, D1), ord_subtract(B, A, D2), ord_union(D1, D2, D).
