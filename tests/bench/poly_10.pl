% poly_10: raise 1 + x + y + z to the 10th power, with polynomials kept in
% recursive sparse form: poly(Var, [term(Exp, Coeff), ...]) with coefficients
% themselves polynomials in later variables (x < y < z) or numbers.
% The check evaluates the result at two points: 4^10 and 11^10.
%! iterations: 250

bench(N) :-
    poly_test(P0),
    N1 is N - 1,
    ( between(1, N1, _), poly_exp(10, P0, _), fail ; true ),
    poly_exp(10, P0, P),
    poly_check(P).

poly_test(poly(x, [term(0, poly(y, [term(0, poly(z, [term(0, 1), term(1, 1)])),
                                     term(1, 1)])),
                   term(1, 1)])).

poly_add(poly(V, T1), poly(V, T2), poly(V, T)) :- !, poly_add_terms(T1, T2, T).
poly_add(poly(V1, T1), poly(V2, T2), poly(V1, T)) :- V1 @< V2, !,
    poly_add_const(T1, poly(V2, T2), T).
poly_add(P, poly(V, T), poly(V, T1)) :- !, poly_add_const(T, P, T1).
poly_add(poly(V, T), C, poly(V, T1)) :- !, poly_add_const(T, C, T1).
poly_add(C1, C2, C) :- C is C1 + C2.

poly_add_terms([], T, T) :- !.
poly_add_terms(T, [], T) :- !.
poly_add_terms([term(E, C1)|T1], [term(E, C2)|T2], [term(E, C)|T]) :- !,
    poly_add(C1, C2, C), poly_add_terms(T1, T2, T).
poly_add_terms([term(E1, C1)|T1], [term(E2, C2)|T2], [term(E1, C1)|T]) :- E1 < E2, !,
    poly_add_terms(T1, [term(E2, C2)|T2], T).
poly_add_terms(T1, [term(E2, C2)|T2], [term(E2, C2)|T]) :-
    poly_add_terms(T1, T2, T).

poly_add_const([term(0, C1)|T], C, [term(0, C2)|T]) :- !, poly_add(C, C1, C2).
poly_add_const(T, C, [term(0, C)|T]).

poly_mul(poly(V, T1), poly(V, T2), poly(V, T)) :- !, poly_mul_terms(T1, T2, T).
poly_mul(poly(V1, T1), poly(V2, T2), poly(V1, T)) :- V1 @< V2, !,
    poly_mul_const(T1, poly(V2, T2), T).
poly_mul(P, poly(V, T), poly(V, T1)) :- !, poly_mul_const(T, P, T1).
poly_mul(poly(V, T), C, poly(V, T1)) :- !, poly_mul_const(T, C, T1).
poly_mul(C1, C2, C) :- C is C1 * C2.

poly_mul_terms(_, [], []) :- !.
poly_mul_terms([], _, []) :- !.
poly_mul_terms([Tm|T1], T2, T) :-
    poly_mul_term(T2, Tm, P1),
    poly_mul_terms(T1, T2, P2),
    poly_add_terms(P1, P2, T).

poly_mul_term([], _, []).
poly_mul_term([term(E1, C1)|T], term(E2, C2), [term(E, C)|T1]) :-
    E is E1 + E2, poly_mul(C1, C2, C), poly_mul_term(T, term(E2, C2), T1).

poly_mul_const([], _, []).
poly_mul_const([term(E, C1)|T], C, [term(E, C2)|T1]) :-
    poly_mul(C1, C, C2), poly_mul_const(T, C, T1).

% Exponentiation by squaring.
poly_exp(0, _, 1) :- !.
poly_exp(N, P, R) :- N mod 2 =:= 0, !,
    M is N // 2, poly_exp(M, P, R1), poly_mul(R1, R1, R).
poly_exp(N, P, R) :-
    M is N - 1, poly_exp(M, P, R1), poly_mul(P, R1, R).

poly_check(P) :-
    poly_eval(P, [x = 1, y = 1, z = 1], V1),
    poly_eval(P, [x = 2, y = 3, z = 5], V2),
    (   V1 =:= 1048576, V2 =:= 25937424601 -> true
    ;   format('poly_10: wrong answer: ~w, ~w~n', [V1, V2]), fail
    ).

poly_eval(poly(V, Ts), Env, R) :- !,
    poly_lookup(Env, V, X), poly_eval_terms(Ts, X, Env, 0, R).
poly_eval(C, _, C).

poly_eval_terms([], _, _, R, R).
poly_eval_terms([term(E, C)|Ts], X, Env, R0, R) :-
    poly_eval(C, Env, CV),
    R1 is R0 + CV * X ** E,
    poly_eval_terms(Ts, X, Env, R1, R).

poly_lookup([K = V|_], K, V) :- !.
poly_lookup([_|T], K, V) :- poly_lookup(T, K, V).
