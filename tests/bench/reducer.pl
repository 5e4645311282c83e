% reducer: a combinator graph reducer.  Small functional programs, written
% as lambda terms, are compiled to S K I B C Y combinators by bracket
% abstraction, then reduced in normal order with strict arithmetic
% primitives.  The check computes the same functions directly in Prolog.
%! iterations: 3

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), red_all(_), fail ; true ),
    red_all(Vs),
    red_check(Vs).

red_all(Vs) :- findall(V, (red_program(P), red_compile(P, C), red_eval(C, V)), Vs).

% Programs: v(Name) is a variable, lam(Name, Body), ap(F, A), numbers, and
% the primitives plus minus times lt if y.
red_program(ap(red_fib, 16)).
red_program(ap(red_fact, 10)).
red_program(ap(ap(ap(red_twice, red_twice), red_twice), ap(plus, 1))).
red_program(ap(ap(ap(red_sum_to, 0), 1), 200)).
red_program(ap(ap(red_const, 7), ap(red_fib, 5))).

red_def(red_fib, ap(y, lam(f, lam(n,
    ap(ap(ap(if, ap(ap(lt, v(n)), 2)), v(n)),
       ap(ap(plus, ap(v(f), ap(ap(minus, v(n)), 1))),
                   ap(v(f), ap(ap(minus, v(n)), 2)))))))).
red_def(red_fact, ap(y, lam(f, lam(n,
    ap(ap(ap(if, ap(ap(lt, v(n)), 1)), 1),
       ap(ap(times, v(n)), ap(v(f), ap(ap(minus, v(n)), 1)))))))).
red_def(red_const, lam(x, lam(y, v(x)))).
red_def(red_twice, lam(f, lam(x, ap(v(f), ap(v(f), v(x)))))).
red_def(red_sum_to, ap(y, lam(s, lam(acc, lam(i, lam(n,
    ap(ap(ap(if, ap(ap(lt, v(n)), v(i))), v(acc)),
       ap(ap(ap(v(s), ap(ap(plus, v(acc)), v(i))), ap(ap(plus, v(i)), 1)), v(n))))))))).

% red_compile(+Lambda, -Combinators)
red_compile(v(X), v(X)).
red_compile(N, N) :- number(N), !.
red_compile(A, C) :- atom(A), red_def(A, D), !, red_compile(D, C).
red_compile(A, A) :- atom(A).
red_compile(ap(F, X), ap(CF, CX)) :- red_compile(F, CF), red_compile(X, CX).
red_compile(lam(X, B), C) :- red_compile(B, CB), red_abstract(X, CB, C).

% red_abstract(+Var, +Body, -Combinator): [x]Body, Turner's optimised rules.
red_abstract(X, v(X), i) :- !.
red_abstract(X, E, ap(k, E)) :- \+ red_occurs(X, E), !.
red_abstract(X, ap(F, v(X)), F) :- \+ red_occurs(X, F), !.
red_abstract(X, ap(F, G), ap(ap(b, F), AG)) :- \+ red_occurs(X, F), !,
    red_abstract(X, G, AG).
red_abstract(X, ap(F, G), ap(ap(c, AF), G)) :- \+ red_occurs(X, G), !,
    red_abstract(X, F, AF).
red_abstract(X, ap(F, G), ap(ap(s, AF), AG)) :-
    red_abstract(X, F, AF), red_abstract(X, G, AG).

red_occurs(X, v(X)).
red_occurs(X, ap(F, G)) :- ( red_occurs(X, F) -> true ; red_occurs(X, G) ).

% red_eval(+Expr, -Value): a number, or p(Comb, Args) for a partial
% application.  The spine is unwound by red_apply, which fires a combinator
% when it has all its arguments.
red_eval(N, N) :- number(N), !.
red_eval(ap(F, A), V) :- !, red_eval(F, FV), red_apply(FV, A, V).
red_eval(C, p(C, [])) :- atom(C).

red_apply(p(C, Args), A, V) :-
    red_snoc(Args, A, Args1),
    red_arity(C, N), length(Args1, L),
    (   L =:= N -> red_rule(C, Args1, V)
    ;   V = p(C, Args1)
    ).

red_arity(i, 1). red_arity(k, 2). red_arity(s, 3). red_arity(b, 3).
red_arity(c, 3). red_arity(y, 1). red_arity(plus, 2). red_arity(minus, 2).
red_arity(times, 2). red_arity(lt, 2). red_arity(if, 3).

red_rule(i, [X], V) :- red_eval(X, V).
red_rule(k, [X, _], V) :- red_eval(X, V).
red_rule(s, [F, G, X], V) :- red_eval(ap(ap(F, X), ap(G, X)), V).
red_rule(b, [F, G, X], V) :- red_eval(ap(F, ap(G, X)), V).
red_rule(c, [F, G, X], V) :- red_eval(ap(ap(F, X), G), V).
red_rule(y, [F], V) :- red_eval(ap(F, ap(y, F)), V).
red_rule(plus, [X, Y], V) :- red_eval(X, A), red_eval(Y, B), V is A + B.
red_rule(minus, [X, Y], V) :- red_eval(X, A), red_eval(Y, B), V is A - B.
red_rule(times, [X, Y], V) :- red_eval(X, A), red_eval(Y, B), V is A * B.
red_rule(lt, [X, Y], V) :- red_eval(X, A), red_eval(Y, B), ( A < B -> V = 1 ; V = 0 ).
red_rule(if, [C, T, E], V) :-
    red_eval(C, CV), ( CV =:= 0 -> red_eval(E, V) ; red_eval(T, V) ).

red_snoc([], Z, [Z]).
red_snoc([X|Xs], Z, [X|Ys]) :- red_snoc(Xs, Z, Ys).

red_check(Vs) :-
    red_fib_direct(16, F), red_fact_direct(10, P),
    % twice twice twice (plus 1) is a function still waiting for its
    % argument: a partial application, which applied to 0 must give 16
    Want = [F, P, p(_, _), 20100, 7],
    ( Vs = Want, red_apply_last(Vs) -> true ; format('reducer: wrong answer ~w~n', [Vs]), fail ).

% The third program's function, applied to 0, must give 16.
red_apply_last([_, _, Fn, _, _]) :- red_apply(Fn, 0, V), V =:= 16.

red_fib_direct(N, N) :- N < 2, !.
red_fib_direct(N, F) :- A is N - 1, B is N - 2,
    red_fib_direct(A, FA), red_fib_direct(B, FB), F is FA + FB.

red_fact_direct(0, 1) :- !.
red_fact_direct(N, F) :- M is N - 1, red_fact_direct(M, G), F is N * G.
