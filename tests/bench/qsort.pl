% qsort: quicksort of a 50-element list with difference lists.  Checked
% against msort/2.
%! iterations: 16000

bench(N) :-
    qsort_data(L),
    N1 is N - 1,
    ( between(1, N1, _), qsort(L, _, []), fail ; true ),
    qsort(L, S, []),
    msort(L, Want),
    ( S == Want -> true ; format('qsort: wrong answer ~w~n', [S]), fail ).

qsort([X|L], R, R0) :-
    qsort_partition(L, X, L1, L2),
    qsort(L2, R1, R0),
    qsort(L1, R, [X|R1]).
qsort([], R, R).

qsort_partition([X|L], Y, [X|L1], L2) :- X =< Y, !, qsort_partition(L, Y, L1, L2).
qsort_partition([X|L], Y, L1, [X|L2]) :- qsort_partition(L, Y, L1, L2).
qsort_partition([], _, [], []).

qsort_data([27, 74, 17, 33, 94, 18, 46, 83, 65, 2, 32, 53, 28, 85, 99, 47, 28, 82,
            6, 11, 55, 29, 39, 81, 90, 37, 10, 0, 66, 51, 7, 21, 85, 27, 31, 63,
            75, 4, 95, 99, 11, 28, 61, 74, 18, 92, 40, 53, 59, 8]).
