% tak: Takeuchi's function, deep recursion and integer arithmetic.
% tak(18, 12, 6) = 7, after 63,609 calls.
%! iterations: 120

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), tak(18, 12, 6, _), fail ; true ),
    tak(18, 12, 6, A),
    ( A =:= 7 -> true ; format('tak: wrong answer ~w~n', [A]), fail ).

tak(X, Y, Z, A) :-
    X =< Y, !,
    Z = A.
tak(X, Y, Z, A) :-
    X1 is X - 1, Y1 is Y - 1, Z1 is Z - 1,
    tak(X1, Y, Z, A1),
    tak(Y1, Z, X, A2),
    tak(Z1, X, Y, A3),
    tak(A1, A2, A3, A).
