% Heads that bind the goal's variables and then do not match, or whose guard
% (pure tests before a cut) fails: the solve loop tries them without a
% snapshot and unbinds what they bound before trying the next clause.  Each
% case must see the goal's variables unbound again.  Checked against swipl
% 9.0.4 (standard behaviour).

q(f(A), B, A) :- B > 0, !.
q(_, _, none).

r(X, Y, pair(X, Y)) :- X == Y, !.
r(_, _, other).

s(g(X), X, first) :- integer(X), X > 2, !.
s(g(_), _, second).

t(a, [X, Y|_], X-Y) :- !.
t(_, L, rest(L)).

u(A, A, same) :- !.
u(_, _, different).

d(U + V, X, DU + DV) :- !, d(U, X, DU), d(V, X, DV).
d(U * V, X, DU * V + U * DV) :- !, d(U, X, DU), d(V, X, DV).
d(X, X, 1) :- !.
d(_, _, 0).

% bodies that start with tests and unifications but have no cut: a failing
% one skips the clause, a passing one runs the body with its alternatives
m([], []).
m([P|Ps], [D|Ds]) :- P = [_|_], D = [_|_], m(P, D), m(Ps, Ds).
m([P|Ps], [D|Ds]) :- atom(P), P == D, m(Ps, Ds).
m([P|Ps], [_|Ds]) :- P == '?', m(Ps, Ds).
m([P|Ps], [D|Ds]) :- P = D, m(Ps, Ds).

% conditions of if-then-else and \+ that are one call of facts or of
% clauses whose bodies are tests and cuts: tried without a snapshot
lemma(and(P, Q), if(P, if(Q, t, f), f)).
lemma(or(P, Q), if(P, t, if(Q, t, f))).
lemma(not(P), if(P, f, t)).
lemma(f(X, X), same).
small(X, s) :- integer(X), X < 10.
small(X, m) :- integer(X), X < 100, !, X > 50.
small(X, b) :- integer(X).
deep(X) :- lemma(X, _).
:- dynamic(dyn/1).
dyn(1).
dyn(2).

% guards that call such a predicate just before the cut
kind(X, builtin) :- op_like(X), !.
kind(X, number) :- number(X), !.
kind(_, other).
op_like(_ =< _).
op_like(_ > _).
choice(a, 1).
choice(a, 2).
choice(b, 3).
first(X, Y) :- choice(X, Y), !.
first(_, none).
% a goal after the call: backtracking into the call must find Y = 2
later(X, Y) :- choice(X, Y), Y > 1, !.
later(_, none).
% no cut: every solution of the call, then the next clause
nocut(X, Z) :- choice(X, Y), Z = Y.
nocut(_, end).
tested(X, Y) :- atom(X), choice(X, Y), !.
tested(_, untested).

% conditions made of unifications and tests, a call last
unif(X, R) :- ( X = f(Y), Y = 1 -> R = X ; R = none(X) ).
unif2(X, R) :- ( X = f(Y), Y == 2 -> R = yes(Y) ; R = no(X) ).
unif3(T, R) :- ( T = g(K, _), lemma(K, S) -> R = S ; R = nolemma(T) ).
unif4(R) :- ( lemma(K, S), K = not(_) -> R = K-S ; R = none ).
unif5(X) :- ( \+ X = a -> out(not_a(X)) ; out(a_ok(X)) ).

% conditions that search: last calls, backtracking across levels, cuts
lvl1(X, Y) :- lvl2(X, Y).
lvl1(X, fallback(X)).
lvl2(X, Y) :- X > 5, lvl3(X, Y).
lvl2(X, small(X)) :- X < 100.
lvl3(X, big(X)) :- X > 10.
lvl3(X, huge(X)) :- X > 1000.
mem(X, [X|_]).
mem(X, [_|T]) :- mem(X, T).
firstpos(X, [X|_], I, I) :- !.
firstpos(X, [_|T], I0, I) :- I1 is I0 + 1, firstpos(X, T, I1, I).
cutfail(X, Y) :- cf(X, Y).
cutfail(_, outer).
cf(X, Y) :- X > 0, !, X > 10, Y = pos.
cf(_, other).
edge(a, b). edge(b, c). edge(c, d).
path(X, Y) :- edge(X, Y).
path(X, Y) :- edge(X, Z), path(Z, Y).
% calls that are not last: the search keeps what follows as a continuation
pm([], []).
pm([(*)|Ps], Ds) :- pm(Ps, Ds).
pm([(*)|Ps], [_|Ds]) :- pm([(*)|Ps], Ds).
pm([P|Ps], [D|Ds]) :- P = [_|_], D = [_|_], pm(P, D), pm(Ps, Ds).
pm([P|Ps], [D|Ds]) :- atom(P), P \== (*), P == D, pm(Ps, Ds).
two_step(X, Z) :- edge(X, Y), edge(Y, Z).
after_cut(X, Y) :- edge(X, Y), !, Y \== b.
after_cut(_, other).
search(G, R) :- ( call(G) -> R = G ; R = none ).

cond(G, R) :- ( call(G) -> R = yes(G) ; R = no(G) ).
naf_test(T) :-
    ( \+ lemma(T, same) -> write(not_same) ; term_variables(T, Vs), length(Vs, N), write(unbound(N)) ), nl.
rewrite(T, R) :- ( lemma(T, T2) -> R = T2 ; R = T ).

show(G) :- ( call(G) -> out(G) ; out(failed(G)) ).
out(T) :-
    copy_term(T, C), term_variables(C, Vs), name_vars(Vs, ['A', 'B', 'C', 'D']),
    write(C), nl.
name_vars([], _).
name_vars([V|Vs], [V|Ns]) :- name_vars(Vs, Ns).

main :-
    show(q(f(1), 1, _)),
    show(q(f(1), -1, _)),
    show(r(a, b, _)),
    show(r(a, a, _)),
    show(r(_, _, _)),
    show(s(g(3), _, _)),
    show(s(g(1), _, _)),
    show(s(g(_), 5, _)),
    show(t(a, [1, 2, 3], _)),
    show(t(b, [1, 2, 3], _)),
    show(t(a, _, _)),
    show(u(_, x, _)),
    show(u(f(_, b), f(a, _), _)),
    show(u(f(b), f(a), _)),
    show(d(x * x + 1, x, _)),
    show(d(y * x, x, _)),
    show(m([a, [b, c], '?'], [a, [b, c], z])),
    show(m([a, [b, '?']], [a, [b, y]])),
    show(m([a, _], [a, b])),
    findall(Y1, m([Y1, '?'], [q, r]), Ys), print(Ys), nl,
    show(m([[x]], [y])),
    show(rewrite(and(a, b), _)),
    show(rewrite(not(x), _)),
    show(rewrite(plus(1, 2), _)),
    show(rewrite(f(1, 1), _)),
    show(rewrite(f(1, 2), _)),
    show(rewrite(_, _)),
    show(cond(small(5, _), _)),
    show(cond(small(70, _), _)),
    show(cond(small(20, _), _)),
    show(cond(small(500, _), _)),
    show(cond(small(x, _), _)),
    show(cond(deep(or(p, q)), _)),
    show(cond(deep(g), _)),
    naf_test(f(_, _)),
    show(unif(_, _)), show(unif(f(2), _)), show(unif(g, _)),
    show(unif2(f(2), _)), show(unif2(_, _)), show(unif2(f(3), _)),
    show(unif3(g(not(x), 1), _)), show(unif3(g(_, 1), _)), show(unif3(g(zz, 1), _)),
    show(unif4(_)),
    unif5(_), unif5(b), unif5(a),
    show(search(lvl1(7, _), _)), show(search(lvl1(50, _), _)), show(search(lvl1(3, _), _)),
    show(search(lvl1(5000, _), _)), show(search(lvl1(500, _), _)),
    show(search(mem(c, [a, b, c]), _)), show(search(mem(_, [a, b]), _)), show(search(mem(z, [a, b]), _)),
    show(search(firstpos(b, [a, b, c, b], 0, _), _)), show(search(firstpos(q, [a], 0, _), _)),
    show(search(cutfail(5, _), _)), show(search(cutfail(50, _), _)), show(search(cutfail(-1, _), _)),
    show(search(path(a, d), _)), show(search(path(a, _), _)), show(search(path(d, _), _)),
    show(search(pm([a, *, c], [a, b, b, c]), _)), show(search(pm([*, [b, *], d], [a, [b, x], d]), _)),
    show(search(pm([*, [b, *], d], [a, [c, x], d]), _)), show(search(pm([*, e], [a, b]), _)),
    show(search(two_step(a, _), _)), show(search(two_step(c, _), _)),
    show(search(after_cut(a, _), _)), show(search(after_cut(b, _), _)),
    ( \+ mem(x, [a, b]) -> write(no_x) ; write(x) ), nl,
    ( \+ lvl1(7, _) -> write(none) ; write(some) ), nl,
    findall(Y9, ( member(X9, [1, 7, 20]), ( lvl1(X9, Y9) -> true ; Y9 = none ) ), Y9s), print(Y9s), nl,
    show(kind(1 =< 2, _)), show(kind(3, _)), show(kind(foo, _)),
    show(first(a, _)), show(first(c, _)), show(first(_, _)),
    show(later(a, _)), show(later(b, _)),
    findall(Z7, nocut(a, Z7), Zs), print(Zs), nl,
    findall(X8-Z8, nocut(X8, Z8), XZs), out(XZs),
    show(tested(b, _)), show(tested(1, _)),
    ( \+ lemma(f(1, 2), _) -> write(no_lemma) ; write(lemma) ), nl,
    ( lemma(f(A3, b), S3) -> write(A3-S3) ; write(none) ), nl,
    ( dyn(X4), X4 > 1 -> write(X4) ; write(none) ), nl,
    ( dyn(X5) -> assertz(dyn(3)), ( dyn(3) -> write(X5-3) ; write(X5) ) ; true ), nl,
    retract(dyn(3)),
    findall(W, ( member(T6, [and(x, y), z, not(w)]), ( lemma(T6, W) -> true ; W = T6 ) ), Ws), print(Ws), nl,
    % the variables a failed head bound are free for the clause after it
    ( q(f(A), -1, R), var(A) -> writeq(a_free(R)) ; writeq(a_bound) ), nl,
    % and on backtracking into the caller
    findall(R2, ( member(B, [1, -1, 2]), q(f(z), B, R2) ), Rs), writeq(Rs), nl.
:- initialization(main, main).
