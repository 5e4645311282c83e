% queens: all solutions of the 8-queens problem, by generating permutations
% and testing the diagonals of each placed queen against the ones before.
%! iterations: 150

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), queens_all(8, _), fail ; true ),
    queens_all(8, Sols),
    queens_check(Sols).

queens_all(N, Sols) :- findall(Qs, queens(N, Qs), Sols).

queens(N, Qs) :-
    findall(I, between(1, N, I), Ns),
    queens_place(Ns, [], Qs).

% Place the queens one row at a time; Placed holds the earlier rows.
queens_place([], Qs, Qs).
queens_place(Unplaced, Placed, Qs) :-
    queens_select(Q, Unplaced, Rest),
    queens_safe(Placed, Q, 1),
    queens_place(Rest, [Q|Placed], Qs).

queens_select(X, [X|Xs], Xs).
queens_select(X, [Y|Ys], [Y|Zs]) :- queens_select(X, Ys, Zs).

queens_safe([], _, _).
queens_safe([Q|Qs], Q0, D) :-
    Q0 =\= Q + D,
    Q0 =\= Q - D,
    D1 is D + 1,
    queens_safe(Qs, Q0, D1).

% 92 distinct solutions, each checked by a different test: every pair of
% queens on different columns and diagonals.
queens_check(Sols) :-
    length(Sols, Len),
    msort(Sols, Sorted), queens_distinct(Sorted),
    ( Len =:= 92, \+ (queens_member(S, Sols), \+ queens_valid(S)) -> true
    ; format('queens: wrong answer: ~d solutions~n', [Len]), fail
    ).

queens_distinct([]).
queens_distinct([_]).
queens_distinct([A, B|T]) :- A \== B, queens_distinct([B|T]).

queens_member(X, [X|_]).
queens_member(X, [_|T]) :- queens_member(X, T).

queens_valid(S) :-
    length(S, 8),
    \+ ( queens_nth(I, S, A), queens_nth(J, S, B), I < J,
         ( A =:= B ; abs(A - B) =:= J - I ) ).

queens_nth(I, L, X) :- queens_nth(L, 1, I, X).
queens_nth([X|_], I, I, X).
queens_nth([_|T], I0, I, X) :- I1 is I0 + 1, queens_nth(T, I1, I, X).
