% Cyclic terms in assert (representation_error(cyclic_term), nothing
% stored), term_variables/2,3, numbervars/3 and =@= on cyclic terms.
% Checked against swipl 9.0.4.
:- dynamic p/1, q/0, q/1.

t(G) :- catch((G -> R = yes ; R = no), error(E, _), R = caught(E)), writeq(R), nl.

main :-
    X = f(X),
    t(assertz(p(X))), t(asserta(p(X))), t(assert(p(X))),
    t(assertz((q(X) :- true))),
    B = (true, B), t(assertz((q :- B))),
    t(p(_)), t(q), t(q(_)),
    t(assertz(p(f(a)))), t(p(f(a))),
    Y = g(Y, V1, h(V2, Y)), term_variables(Y, L), length(L, N),
    t(L == [V1, V2]), writeq(N), nl,
    term_variables(Y, L3, T3), t(L3 = [V1, V2|T3]), t(var(T3)),
    term_variables(t(X, W1, X, W2), L4, []), t(L4 == [W1, W2]),
    Z = [A, B1|Z], numbervars(Z, 5, E), writeq(E-A-B1), nl,
    K = k(K, C1), numbervars(K, 0, E2), writeq(E2), nl, print(C1), nl,
    P = f(P, Q1), R = f(R, Q2), t(P =@= R), t(P-Q1 =@= R-Q2), t(P-Q1 =@= R-a),
    S = f(S, D, D), U = f(U, F1, F2), t(S =@= U), t(U =@= U),
    ( F1 = F2, t(S =@= U) ).
