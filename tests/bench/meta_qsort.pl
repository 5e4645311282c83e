% meta_qsort: a vanilla meta-interpreter running quicksort (the program is
% stored as mq_clause/2 facts), on the 50-element list of qsort.  Checked
% against msort/2.
%! iterations: 3000

bench(N) :-
    mq_data(L),
    N1 is N - 1,
    ( between(1, N1, _), mq_solve(qsort(L, _, [])), fail ; true ),
    mq_solve(qsort(L, S, [])),
    msort(L, Want),
    ( S == Want -> true ; format('meta_qsort: wrong answer ~w~n', [S]), fail ).

mq_solve(true) :- !.
mq_solve((A, B)) :- !, mq_solve(A), mq_solve(B).
mq_solve(G) :- mq_builtin(G), !, call(G).
mq_solve(G) :- mq_clause(G, Body), mq_solve(Body).

mq_builtin(_ =< _).
mq_builtin(_ > _).

% The interpreted program has no cut: partition tests both ways instead.
mq_clause(qsort([X|L], R, R0), (partition(L, X, L1, L2), qsort(L2, R1, R0),
                                qsort(L1, R, [X|R1]))).
mq_clause(qsort([], R, R), true).
mq_clause(partition([X|L], Y, [X|L1], L2), (X =< Y, partition(L, Y, L1, L2))).
mq_clause(partition([X|L], Y, L1, [X|L2]), (X > Y, partition(L, Y, L1, L2))).
mq_clause(partition([], _, [], []), true).

mq_data([27, 74, 17, 33, 94, 18, 46, 83, 65, 2, 32, 53, 28, 85, 99, 47, 28, 82,
         6, 11, 55, 29, 39, 81, 90, 37, 10, 0, 66, 51, 7, 21, 85, 27, 31, 63,
         75, 4, 95, 99, 11, 28, 61, 74, 18, 92, 40, 53, 59, 8]).
