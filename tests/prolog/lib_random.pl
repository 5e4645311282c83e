% library(random): the properties each predicate promises (ranges, sizes,
% permutations, distinctness, order), its failures and its errors.  The
% numbers drawn differ from swipl's (another generator), so the program
% prints what holds, not the numbers.  Expected output checked against
% swipl 9.0.4 (swipl -q -g main -t halt).

t(G) :- catch((call(G) -> R = yes ; R = no), error(E, _), R = E),
    \+ \+ ( numbervars(G, 0, _), format("~p: ~q~n", [G, R]) ).

% N draws all within bounds, and every value of a small range seen.
draws(N, G, X, Xs) :- findall(X, (between(1, N, _), call(G)), Xs).

in_range(L, H) :- draws(500, random_between(L, H, X), X, Xs), forall(member(Y, Xs), (integer(Y), Y >= L, Y =< H)),
    sort(Xs, S), numlist(L, H, S).
float_unit :- draws(200, random(X), X, Xs), forall(member(Y, Xs), (float(Y), Y > 0.0, Y < 1.0)).
member_of(L) :- draws(300, random_member(X, L), X, Xs), sort(Xs, S), sort(L, S).
perm(L) :- random_permutation(L, P), msort(L, S), msort(P, S), length(P, N), length(L, N).
perm_back(P) :- random_permutation(L, P), msort(L, S), msort(P, S).
select_out(L) :- random_select(X, L, R), selectchk(X, L, R0), R0 == R.
select_in(X, R) :- random_select(X, L, R), selectchk(X, L, R1), R1 == R.
subseq(L) :- random_subseq(L, A, B), append(A, B, AB), msort(AB, S), msort(L, S), subseq_order(A, L), subseq_order(B, L).
subseq_order([], _).
subseq_order([X|Xs], L) :- append(_, [X|T], L), !, subseq_order(Xs, T).
set_ok(K, N) :- randset(K, N, S), length(S, K), sort(S, S), forall(member(X, S), (X >= 1, X =< N)).
seq_ok(K, N) :- randseq(K, N, L), length(L, K), sort(L, S), length(S, K), forall(member(X, L), (X >= 1, X =< N)).
numlist_ok :- random_numlist(0.5, 1, 50, L), sort(L, L), forall(member(X, L), between(1, 50, X)).
numlist_all :- random_numlist(1.0, 1, 10, L), numlist(1, 10, L).
numlist_none :- random_numlist(0.0, 1, 10, L), L == [].
low_high :- draws(300, random(3, 7, X), X, Xs), sort(Xs, [3,4,5,6]).
low_high_float :- random(1.0, 2, X), float(X), X >= 1.0, X < 2.0.
% a seed makes the draws repeat; backtracking does not
seeded :- set_random(seed(42)), draws(5, random_between(1, 1000000, X), X, A),
    set_random(seed(42)), draws(5, random_between(1, 1000000, X), X, B), A == B.
no_repeat_on_backtrack :- draws(20, random_between(1, 1000000000, X), X, Xs), sort(Xs, S), length(S, N), N > 15.

main :-
    maplist(t, [in_range(1, 6), in_range(-3, 3), in_range(5, 5), float_unit, member_of([a,b,c]),
                perm([]), perm([1]), perm([c,a,b,a,d]), perm_back([x,y,z]),
                select_out([1,2,3,4]), select_in(z, [a,b,c]), select_in(z, []),
                subseq([]), subseq([1,2,3,4,5,6]),
                set_ok(0, 5), set_ok(3, 3), set_ok(4, 1000000), set_ok(50, 60),
                seq_ok(0, 3), seq_ok(10, 10), seq_ok(5, 100),
                numlist_ok, numlist_all, numlist_none, low_high, low_high_float,
                seeded, no_repeat_on_backtrack]),
    % failures
    maplist(t, [random_between(3, 1, _), random_member(_, []), random_select(_, [], _),
                randset(5, 3, _), randseq(4, 3, _)]),
    % errors
    maplist(t, [random_between(a, 1, _), random_between(1, 2.0, _), random_between(_, 1, _),
                random_member(_, _), random_member(_, [a|b]), random_permutation(_, _),
                random(1, a, _), set_random(foo), set_random(seed(a)), set_random(_),
                randset(-1, 3, _), random_numlist(2, 1, 10, _)]).
