% between/3 with bignum bounds, an unbounded High (inf, infinite), values
% past the 64-bit range, and its errors in swipl's order (Low, High, X).
% Checked against swipl 9.0.4.
t(G) :- catch((findall(G, G, L), writeq(L)), error(E, _), writeq(caught(E))), nl.

% deterministic when it should be: no choice point after the last answer
det(G) :- call_cleanup(G, Det = true), ( Det == true -> writeq(det(G)) ; writeq(nondet(G)) ), nl, fail.
det(_).

main :-
    t(between(1, 3, _)), t(between(3, 1, _)), t(between(1, 1, _)),
    t(between(1, 3, 2)), t(between(1, 3, 5)), t(between(-3, -1, _)),
    t(between(1, inf, 5)), t(between(1, infinite, 5)), t(between(1, inf, -1)),
    t((between(1, inf, X), X > 3, !)), t((between(1, infinite, X), X > 3, !)),
    B is 2^100, B1 is B + 2,
    t(between(B, B1, _)), t(between(1, B, B)), t(between(1, B, 7)),
    t(between(B, inf, B1)), t(between(B1, B, _)), t(between(1, 3, B)),
    t(between(-5, B, -5)), NB is -B, t(between(NB, -B, _)),
    M is 9223372036854775806,
    t((between(M, inf, Y), Y > M + 2, !)), M1 is M + 1, t(between(M, M1, _)),
    t((M2 is M + 2, between(M, M2, _))),
    t(between(_, a, _)), t(between(a, _, _)), t(between(1, _, a)),
    t(between(1, a, _)), t(between(_, _, 1)), t(between(1, 3, x)),
    t(between(5, 3, x)), t(between(5, 3, 1.0)), t(between(1, inf, a)),
    t(between(1, 0.5, _)), t(between(1, 2, [])), t(between(1.0, 3, _)),
    t(between(inf, 3, _)), t(between(1, -inf, _)), t(between(1, foo, _)),
    t(between(1, 3, f(x))),
    det(between(1, 3, _)), det(between(1, 1, _)), det(between(B, B1, _)),
    det(between(1, 3, 2)), det(between(1, inf, 2)).
