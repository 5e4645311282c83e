/* library(random): random numbers, members, selections and permutations,
 * with swipl's names, modes and errors.  They draw on the evaluable
 * random/1 and random_float, whose state is persistent: backtracking does
 * not hand out the same number again.  set_random(seed(N)) (a built-in)
 * makes a run repeatable. */
:- module(random, [random/1, random/3, random_between/3, random_member/2, random_select/3,
                   random_subseq/3, random_permutation/2, randseq/3, randset/3,
                   random_numlist/4]).

% random(-R): a float, 0.0 < R < 1.0.
random(R) :- R is random_float.

% random(+L, +U, -R): L =< R < U; integers give an integer, else a float.
random(L, U, R) :- integer(L), integer(U), !, R is L + random(U - L).
random(L, U, R) :- number(L), number(U), !, R is L + (U - L) * random_float.
random(L, U, _) :- must_be(number, L), must_be(number, U).

% random_between(+L, +H, -X): L =< X =< H, all equally likely; fails when H < L.
random_between(L, H, X) :-
    must_be(integer, L), must_be(integer, H),
    H >= L,
    X is L + random(H - L + 1).

% random_member(-X, +List): X is an element of List, each equally likely;
% fails on [].
random_member(X, List) :-
    must_be(list, List),
    length(List, N), N > 0,
    I is random(N),
    nth0(I, List, X).

% random_select(?X, ?List, ?Rest): X taken from List at random, Rest the
% others; or, with List unbound, X inserted into Rest at a random place.
random_select(X, List, Rest) :-
    (   is_list(List)
    ->  length(List, N), N > 0,
        I is random(N),
        nth0(I, List, X, Rest)
    ;   must_be(list, Rest),
        length(Rest, N),
        I is random(N + 1),
        nth0(I, List, X, Rest)
    ).

% random_subseq(+List, -Subseq, -Complement): each element goes to one of
% the two at random, in order.
random_subseq([], [], []).
random_subseq([H|T], Sub, Comp) :-
    (   random_float < 0.5
    ->  Sub = [H|Sub1], Comp = Comp1
    ;   Sub = Sub1, Comp = [H|Comp1]
    ),
    random_subseq(T, Sub1, Comp1).

% random_permutation(?List, ?Perm): one of List's permutations, each equally
% likely (either argument may be the given one).
random_permutation(List, Perm) :-
    (   is_list(List)
    ->  '$random_perm'(List, Perm)
    ;   is_list(Perm)
    ->  '$random_perm'(Perm, List)
    ;   throw(error(instantiation_error, _))
    ).
'$random_perm'(List, Perm) :-
    '$random_keys'(List, Keyed),
    keysort(Keyed, Sorted),
    pairs_values(Sorted, Perm).
'$random_keys'([], []).
'$random_keys'([H|T], [K-H|KT]) :- K is random_float, '$random_keys'(T, KT).

% randset(+K, +N, -Set): a sorted list of K distinct integers in 1..N.
randset(K, N, Set) :-
    must_be(nonneg, K), must_be(nonneg, N),
    K =< N,
    (   K * K =< N
    ->  J0 is N - K + 1,
        '$randset_floyd'(J0, N, [], Set0),
        sort(Set0, Set)
    ;   numlist(1, N, All),
        '$random_perm'(All, Perm),
        length(Take, K), append(Take, _, Perm),
        sort(Take, Set)
    ).
% Floyd's sampling, for K small against N (the list stays short): for J in
% N-K+1..N, add a random T in 1..J, or J itself when T is taken.
'$randset_floyd'(J, N, Acc, Acc) :- J > N, !.
'$randset_floyd'(J, N, Acc, Set) :-
    T is 1 + random(J),
    ( memberchk(T, Acc) -> Acc1 = [J|Acc] ; Acc1 = [T|Acc] ),
    J1 is J + 1,
    '$randset_floyd'(J1, N, Acc1, Set).

% randseq(+K, +N, -List): K distinct integers in 1..N in random order.
randseq(K, N, List) :-
    randset(K, N, Set),
    '$random_perm'(Set, List).

% random_numlist(+P, +L, +U, -List): the integers of L..U, each kept with
% probability P.
random_numlist(P, L, U, List) :-
    must_be(between(0.0, 1.0), P), must_be(integer, L), must_be(integer, U),
    '$random_numlist'(L, U, P, List).
'$random_numlist'(L, U, _, []) :- L > U, !.
'$random_numlist'(L, U, P, List) :-
    ( random_float < P -> List = [L|T] ; List = T ),
    L1 is L + 1,
    '$random_numlist'(L1, U, P, T).
