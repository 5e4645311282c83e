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
    % the variables a failed head bound are free for the clause after it
    ( q(f(A), -1, R), var(A) -> writeq(a_free(R)) ; writeq(a_bound) ), nl,
    % and on backtracking into the caller
    findall(R2, ( member(B, [1, -1, 2]), q(f(z), B, R2) ), Rs), writeq(Rs), nl.
:- initialization(main, main).
