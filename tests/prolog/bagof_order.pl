% bagof_order: bagof/3, setof/3 and aggregate_all/3 groups and orders,
% free variables and ^, witnesses with variables (grouped by variant in
% the order of the solutions), empty and nested cases.  Checked against
% swipl 9.0.4.  Not tested: the order of several groups whose witnesses
% hold variables, which follows the standard order of variables (by
% address: implementation-defined, ISO 7.2.1).
p(1, a, x). p(2, b, y). p(3, a, y). p(1, b, x). p(2, a, x).
age(peter, 7). age(ann, 11). age(pat, 8). age(tom, 5). age(mike, 11).

t(G) :-
    (   findall(G, G, L) -> true ; L = failed ),
    \+ \+ ( numbervars(L, 0, _), print(L) ), nl.

main :-
    t(bagof(X, p(X, _Y, _Z), _)),
    t(setof(X, Y^p(X, Y, _), _)),
    t(setof(X-Y, Z^p(X, Y, Z), _)),
    t(bagof(X, Y^Z^p(X, Y, Z), _)),
    t(setof(A-N, age(N, A), _)),
    t(setof(N, A^age(N, A), _)),
    t(bagof(X, member(X, []), _)),
    t(setof(X, member(X, [c, b, a, b]), _)),
    t(bagof(X-Y, member(X-Y, [1-_, 2-_]), _)),
    t(setof(K, V^member(K-V, [b-1, a-2, b-3]), _)),
    t(bagof(K, member(K-f(_), [a-f(1), b-f(2), c-f(1), d-f(_)]), _)),
    t(aggregate_all(count, p(_, _, _), _)),
    t(aggregate_all(sum(X), p(X, _, _), _)),
    t(aggregate_all(max(X), p(X, _, _), _)),
    t(aggregate_all(bag(Y), p(_, Y, _), _)),
    t(aggregate_all(set(Y), p(_, Y, _), _)),
    t(findall(X-L, bagof(Y, p(X, Y, _), L), _)),
    t(bagof(X, (member(X, [1, 2, 3]), X > 1), _)),
    t(setof(X, G^(G = member(X, [2, 1]), call(G)), _)),
    t(bagof(_, fail, _)).
