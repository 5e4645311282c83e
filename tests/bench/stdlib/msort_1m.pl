% msort_1m: msort/2 of 1,000,000 integers in a scrambled order (a linear
% congruential sequence, so every system sorts the same list).  The list is
% built once; each iteration sorts it.  The check: the result is ordered,
% as long as the input, and holds its smallest and largest elements first
% and last.
%! iterations: 4

bench(N) :-
    msort_input(1000000, L),
    N1 is N - 1,
    ( between(1, N1, _), msort(L, _), fail ; true ),
    msort(L, S),
    msort_check(L, S).

% MINSTD: X(i+1) = X(i) * 48271 mod (2^31 - 1), from X(0) = 42 (products
% stay below 2^47: small integers everywhere).
msort_input(N, L) :- msort_lcg(N, 42, L).
msort_lcg(0, _, []) :- !.
msort_lcg(N, X, [Y|T]) :- Y is X * 48271 mod 2147483647, N1 is N - 1, msort_lcg(N1, Y, T).

msort_check(L, S) :-
    length(L, N), length(S, N),
    max_list(L, Max), min_list(L, Min),
    S = [Min|_], last(S, Max),
    msort_ordered(S),
    !.
msort_check(_, _) :- format('msort_1m: wrong answer~n', []), fail.

msort_ordered([X|T]) :- msort_ordered(T, X).
msort_ordered([], _).
msort_ordered([Y|T], X) :- X =< Y, msort_ordered(T, Y).
