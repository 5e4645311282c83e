/* library(lists): list predicates as swipl's library(lists) defines them,
 * with the same determinism: where the last answer is known to be the last
 * (member/2 on the last element, select/3, nth0/3 enumerating), no choice
 * point is left, by looking one element ahead ("lagging" the list). */
:- module(lists, [append/2, append/3, prefix/2, member/2, memberchk/2, reverse/2, nth0/3, nth1/3, nth0/4, nth1/4,
                  last/2, nextto/3, select/3, selectchk/3, select/4, selectchk/4, subtract/3, delete/3,
                  permutation/2, flatten/2, clumped/2, subseq/3, sum_list/2, sumlist/2,
                  max_list/2, min_list/2, max_member/2, min_member/2, max_member/3, min_member/3, numlist/3,
                  is_set/1, subset/2, intersection/3, union/3, list_to_set/2, proper_length/2, same_length/2,
                  predsort/3]).

append([], L, L).
append([H|T], L, [H|R]) :- append(T, L, R).

% append(+ListOfLists, ?List)
append(Ls, L) :- must_be(list, Ls), '$lists_append'(Ls, L).
'$lists_append'([], []).
'$lists_append'([L|Ls], As) :- append(L, Ws, As), '$lists_append'(Ls, Ws).

prefix([], _).
prefix([E|T0], [E|T]) :- prefix(T0, T).

member(X, [H|T]) :- '$lists_member'(T, X, H).
'$lists_member'(_, X, X).
'$lists_member'([H|T], X, _) :- '$lists_member'(T, X, H).

memberchk(X, L) :- member(X, L), !.

% reverse(?List, ?Reversed): the second list's length bounds the first, so
% reverse(X, [1,2]) terminates.
reverse(L, R) :- '$lists_reverse'(L, [], R, R).
'$lists_reverse'([], R, R, []).
'$lists_reverse'([X|Xs], A, R, [_|B]) :- '$lists_reverse'(Xs, [X|A], R, B).

nth0(I, L, E) :- '$lists_nth'(I, 0, L, E).
nth1(I, L, E) :- '$lists_nth'(I, 1, L, E).

'$lists_nth'(I, B, L, E) :- integer(I), !, I0 is I - B, I0 >= 0, '$lists_nth_det'(I0, L, E).
'$lists_nth'(I, B, L, E) :- var(I), !, L = [H|T], '$lists_nth_gen'(T, E, H, B, I).
'$lists_nth'(I, _, _, _) :- must_be(integer, I).

'$lists_nth_det'(0, L, E) :- !, L = [E|_].
'$lists_nth_det'(I, [_|T], E) :- I1 is I - 1, '$lists_nth_det'(I1, T, E).

'$lists_nth_gen'(_, E, E, B, B).
'$lists_nth_gen'([H|T], E, _, B0, B) :- B1 is B0 + 1, '$lists_nth_gen'(T, E, H, B1, B).

% nth0(?I, ?List, ?Elem, ?Rest): Rest is List without the element.
nth0(I, L, E, R) :- '$lists_nth4'(I, 0, L, E, R).
nth1(I, L, E, R) :- '$lists_nth4'(I, 1, L, E, R).

'$lists_nth4'(I, B, L, E, R) :- integer(I), !, I0 is I - B, I0 >= 0, '$lists_nth_del'(I0, L, E, R).
'$lists_nth4'(I, B, L, E, R) :- var(I), !, '$lists_nth_sel'(L, E, R, B, I).
'$lists_nth4'(I, _, _, _, _) :- must_be(integer, I).

'$lists_nth_del'(0, L, E, T) :- !, L = [E|T].
'$lists_nth_del'(I, [H|T], E, [H|R]) :- I1 is I - 1, '$lists_nth_del'(I1, T, E, R).

'$lists_nth_sel'([E|T], E, T, B, B).
'$lists_nth_sel'([H|T], E, [H|R], B0, B) :- B1 is B0 + 1, '$lists_nth_sel'(T, E, R, B1, B).

last([X|Xs], L) :- '$lists_last'(Xs, X, L).
'$lists_last'([], L, L).
'$lists_last'([X|Xs], _, L) :- '$lists_last'(Xs, X, L).

nextto(X, Y, [X, Y|_]).
nextto(X, Y, [_|T]) :- nextto(X, Y, T).

select(X, [H|T], R) :- '$lists_select'(T, H, X, R).
'$lists_select'(T, H, H, T).
'$lists_select'([H2|T], H, X, [H|R]) :- '$lists_select'(T, H2, X, R).

selectchk(X, L, R) :- select(X, L, R), !.

% select(?X, ?Xs, ?Y, ?Ys): Ys is Xs with one X replaced by Y.
select(X, Xs, Y, Ys) :- '$lists_select4'(Xs, X, Y, Ys).
'$lists_select4'([X|T], X, Y, [Y|T]).
'$lists_select4'([H|T], X, Y, [H|T2]) :- '$lists_select4'(T, X, Y, T2).

selectchk(X, Xs, Y, Ys) :- select(X, Xs, Y, Ys), !.

subtract([], _, []).
subtract([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), subtract(T, L, R1).

% delete(+List, @Elem, -Rest): every element that unifies with Elem removed
% (tested without binding).
delete([], _, []).
delete([H|T], X, R) :- ( H \= X -> R = [H|R1] ; R = R1 ), delete(T, X, R1).

permutation(Xs, Ys) :-
    (   is_list(Xs) -> length(Xs, N), length(Ys, N)
    ;   is_list(Ys) -> length(Ys, N), length(Xs, N)
    ;   length(Xs, N), length(Ys, N)
    ),
    '$lists_perm'(Xs, Ys).
'$lists_perm'([], []).
'$lists_perm'(L, [H|T]) :- select(H, L, R), '$lists_perm'(R, T).

% flatten(+Nested, -Flat): variables and non-lists are elements.
flatten(L, F) :- '$lists_flatten'(L, [], F0), !, F = F0.
'$lists_flatten'(V, T, [V|T]) :- var(V), !.
'$lists_flatten'([], T, T) :- !.
'$lists_flatten'([H|Rest], T, F) :- !, '$lists_flatten'(H, F1, F), '$lists_flatten'(Rest, T, F1).
'$lists_flatten'(X, T, [X|T]).

% clumped(+Items, -Pairs): runs of == elements as Item-Count.
clumped([], []).
clumped([H|T], [H-C|R]) :- '$lists_clump'(T, H, 1, C, Rest), clumped(Rest, R).
'$lists_clump'([H|T], X, C0, C, Rest) :- H == X, !, C1 is C0 + 1, '$lists_clump'(T, X, C1, C, Rest).
'$lists_clump'(Rest, _, C, C, Rest).

subseq([], [], []).
subseq([H|T], [H|S], R) :- subseq(T, S, R).
subseq([H|T], S, [H|R]) :- subseq(T, S, R).

sum_list(L, S) :- '$lists_sum'(L, 0, S).
'$lists_sum'([], S, S).
'$lists_sum'([X|Xs], S0, S) :- S1 is S0 + X, '$lists_sum'(Xs, S1, S).
sumlist(L, S) :- sum_list(L, S).

max_list([H|T], M) :- '$lists_max'(T, H, M).
'$lists_max'([], M, M).
'$lists_max'([H|T], M0, M) :- M1 is max(M0, H), '$lists_max'(T, M1, M).
min_list([H|T], M) :- '$lists_min'(T, H, M).
'$lists_min'([], M, M).
'$lists_min'([H|T], M0, M) :- M1 is min(M0, H), '$lists_min'(T, M1, M).

% max_member(-Max, +List), by the standard order of terms.
max_member(M, [H|T]) :- '$lists_maxm'(T, H, M).
'$lists_maxm'([], M, M).
'$lists_maxm'([H|T], M0, M) :- ( H @> M0 -> '$lists_maxm'(T, H, M) ; '$lists_maxm'(T, M0, M) ).
min_member(M, [H|T]) :- '$lists_minm'(T, H, M).
'$lists_minm'([], M, M).
'$lists_minm'([H|T], M0, M) :- ( H @< M0 -> '$lists_minm'(T, H, M) ; '$lists_minm'(T, M0, M) ).

% max_member(:Pred, -Max, +List): Pred(X, Y) is X =< Y.
max_member(P, M, [H|T]) :- '$lists_maxp'(T, P, H, M).
'$lists_maxp'([], _, M, M).
'$lists_maxp'([H|T], P, M0, M) :- ( call(P, M0, H) -> '$lists_maxp'(T, P, H, M) ; '$lists_maxp'(T, P, M0, M) ).
min_member(P, M, [H|T]) :- '$lists_minp'(T, P, H, M).
'$lists_minp'([], _, M, M).
'$lists_minp'([H|T], P, M0, M) :- ( call(P, H, M0) -> '$lists_minp'(T, P, H, M) ; '$lists_minp'(T, P, M0, M) ).

numlist(L, H, R) :- must_be(integer, L), must_be(integer, H), L =< H, '$lists_numlist'(L, H, R).
'$lists_numlist'(H, H, R) :- !, R = [H].
'$lists_numlist'(L, H, [L|T]) :- L1 is L + 1, '$lists_numlist'(L1, H, T).

is_set(S) :- is_list(S), '$lists_no_dup'(S).
'$lists_no_dup'([]).
'$lists_no_dup'([H|T]) :- \+ ( member(X, T), X == H ), '$lists_no_dup'(T).

subset([], _) :- !.
subset([H|T], L) :- memberchk(H, L), subset(T, L).

intersection([], _, []) :- !.
intersection([H|T], L, R) :- ( memberchk(H, L) -> R = [H|R1] ; R = R1 ), intersection(T, L, R1).

union([], L, L) :- !.
union([H|T], L, R) :- ( memberchk(H, L) -> R = R1 ; R = [H|R1] ), union(T, L, R1).

% list_to_set(+List, -Set): the first of each group of == elements, in
% order.  O(n log n): number the elements, sort, keep the first of each run.
list_to_set(L, S) :-
    must_be(list, L),
    '$lists_number'(L, 1, Ps),
    keysort(Ps, Sorted),
    '$lists_first_of_runs'(Sorted, Firsts),
    keysort(Firsts, ByIndex),
    pairs_values(ByIndex, S).
'$lists_number'([], _, []).
'$lists_number'([H|T], I, [H-I|R]) :- I1 is I + 1, '$lists_number'(T, I1, R).
'$lists_first_of_runs'([], []).
'$lists_first_of_runs'([E-I|T], [I-E|R]) :- '$lists_skip_run'(T, E, T1), '$lists_first_of_runs'(T1, R).
'$lists_skip_run'([E2-_|T], E, R) :- E2 == E, !, '$lists_skip_run'(T, E, R).
'$lists_skip_run'(T, _, T).

proper_length(L, N) :- is_list(L), length(L, N).

same_length([], []).
same_length([_|T1], [_|T2]) :- same_length(T1, T2).

% predsort(:Pred, +List, -Sorted): merge sort by Pred(-Order, +A, +B);
% elements Pred calls = are dropped (all but the first).
predsort(P, L, Sorted) :-
    length(L, N),
    (   N < 2 -> Sorted = L
    ;   '$lists_predsort'(N, P, L, _, Sorted1), Sorted = Sorted1
    ).
'$lists_predsort'(2, P, [X1, X2|L], L, R) :- !,
    call(P, Delta, X1, X2),
    '$lists_sort2'(Delta, X1, X2, R).
'$lists_predsort'(1, _, [X|L], L, [X]) :- !.
'$lists_predsort'(0, _, L, L, []) :- !.
'$lists_predsort'(N, P, L1, L3, R) :-
    N1 is N // 2, N2 is N - N1,
    '$lists_predsort'(N1, P, L1, L2, R1),
    '$lists_predsort'(N2, P, L2, L3, R2),
    '$lists_predmerge'(P, R1, R2, R).
'$lists_sort2'(<, X1, X2, [X1, X2]).
'$lists_sort2'(=, X1, _, [X1]).
'$lists_sort2'(>, X1, X2, [X2, X1]).
'$lists_predmerge'(_, [], R, R) :- !.
'$lists_predmerge'(_, R, [], R) :- !.
'$lists_predmerge'(P, [H1|T1], [H2|T2], Result) :-
    call(P, Delta, H1, H2), !,
    '$lists_predmerge_'(Delta, P, H1, H2, T1, T2, Result).
'$lists_predmerge_'(<, P, H1, H2, T1, T2, [H1|R]) :- '$lists_predmerge'(P, T1, [H2|T2], R).
'$lists_predmerge_'(=, P, H1, _, T1, T2, [H1|R]) :- '$lists_predmerge'(P, T1, T2, R).
'$lists_predmerge_'(>, P, H1, H2, T1, T2, [H2|R]) :- '$lists_predmerge'(P, [H1|T1], T2, R).
