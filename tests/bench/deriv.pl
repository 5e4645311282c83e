% deriv: symbolic differentiation of four expressions (ops8, divide10, log10,
% times10), the rules of the classic benchmark.  The check differentiates
% numerically: each derivative, evaluated at a point, must agree with a
% central difference of the expression; for the tower of logarithms, whose
% domain is too small for that, with the chain rule applied by a loop.
%! iterations: 120000

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), deriv_all(_), fail ; true ),
    deriv_all(Ds),
    deriv_check(Ds).

deriv_all([D1, D2, D3, D4]) :-
    deriv_ops8(E1), d(E1, x, D1),
    deriv_divide10(E2), d(E2, x, D2),
    deriv_log10(E3), d(E3, x, D3),
    deriv_times10(E4), d(E4, x, D4).

deriv_ops8((x + 1) * ((x ^ 2 + 2) * (x ^ 3 + 3))).
deriv_divide10(x / x / x / x / x / x / x / x / x / x).
deriv_log10(log(log(log(log(log(log(log(log(log(log(x))))))))))).
deriv_times10(x * x * x * x * x * x * x * x * x * x).

d(U + V, X, DU + DV) :- !, d(U, X, DU), d(V, X, DV).
d(U - V, X, DU - DV) :- !, d(U, X, DU), d(V, X, DV).
d(U * V, X, DU * V + U * DV) :- !, d(U, X, DU), d(V, X, DV).
d(U / V, X, (DU * V - U * DV) / (V ^ 2)) :- !, d(U, X, DU), d(V, X, DV).
d(U ^ N, X, DU * N * U ^ N1) :- !, integer(N), N1 is N - 1, d(U, X, DU).
d(-U, X, -DU) :- !, d(U, X, DU).
d(exp(U), X, exp(U) * DU) :- !, d(U, X, DU).
d(log(U), X, DU / U) :- !, d(U, X, DU).
d(X, X, 1) :- !.
d(_, _, 0).

deriv_check([D1, D2, D3, D4]) :-
    deriv_ops8(E1), deriv_numeric(ops8, E1, D1),
    deriv_divide10(E2), deriv_numeric(divide10, E2, D2),
    deriv_times10(E4), deriv_numeric(times10, E4, D4),
    deriv_log_chain(10, x, Want),
    ( D3 == Want -> true ; format('deriv: log10 gives ~w~n', [D3]), fail ).

deriv_numeric(Name, E, D) :-
    X0 = 1.3, H = 0.000001,
    Xp is X0 + H, Xm is X0 - H,
    deriv_eval(E, Xp, Ep), deriv_eval(E, Xm, Em), deriv_eval(D, X0, Dv),
    Num is (Ep - Em) / (2 * H),
    (   abs(Num - Dv) =< 0.0001 * (1 + abs(Num)) -> true
    ;   format('deriv: ~a: derivative ~w, numerically ~w~n', [Name, Dv, Num]), fail
    ).

deriv_eval(x, X, X) :- !.
deriv_eval(C, _, C) :- number(C), !.
deriv_eval(A + B, X, V) :- deriv_eval(A, X, VA), deriv_eval(B, X, VB), V is VA + VB.
deriv_eval(A - B, X, V) :- deriv_eval(A, X, VA), deriv_eval(B, X, VB), V is VA - VB.
deriv_eval(A * B, X, V) :- deriv_eval(A, X, VA), deriv_eval(B, X, VB), V is VA * VB.
deriv_eval(A / B, X, V) :- deriv_eval(A, X, VA), deriv_eval(B, X, VB), V is VA / VB.
deriv_eval(A ^ N, X, V) :- deriv_eval(A, X, VA), V is VA ** N.
deriv_eval(-A, X, V) :- deriv_eval(A, X, VA), V is -VA.
deriv_eval(exp(A), X, V) :- deriv_eval(A, X, VA), V is exp(VA).
deriv_eval(log(A), X, V) :- deriv_eval(A, X, VA), V is log(VA).

% d(log^K(x)) as the rules write it: D(K) = D(K-1) / log^(K-1)(x), D(0) = 1.
deriv_log_chain(0, _, 1).
deriv_log_chain(K, U, D / Inner) :-
    K > 0, K1 is K - 1,
    deriv_log_tower(K1, U, Inner),
    deriv_log_chain(K1, U, D).

deriv_log_tower(0, U, U).
deriv_log_tower(K, U, log(T)) :- K > 0, K1 is K - 1, deriv_log_tower(K1, U, T).
