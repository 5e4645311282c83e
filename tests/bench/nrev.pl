% nrev: naive reverse of a 30-element list, the classic LIPS benchmark.
% One reversal is 496 logical inferences (the number LIPS figures quote).
%! iterations: 60000

bench(N) :-
    nrev_list(30, L),
    N1 is N - 1,
    ( between(1, N1, _), nrev(L, _), fail ; true ),
    nrev(L, R),
    nrev_check(R).

nrev([], []).
nrev([X|Xs], R) :- nrev(Xs, R1), nrev_app(R1, [X], R).

nrev_app([], L, L).
nrev_app([X|Xs], L, [X|R]) :- nrev_app(Xs, L, R).

nrev_list(N, L) :- findall(I, between(1, N, I), L).

% The answer is built another way: counting down.
nrev_check(R) :-
    findall(I, (between(1, 30, J), I is 31 - J), Want),
    ( R == Want -> true ; format('nrev: wrong answer ~w~n', [R]), fail ).
