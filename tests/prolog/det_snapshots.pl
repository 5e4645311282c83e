% Deterministic programs take no snapshot: the solve loop takes one only
% when more than one clause can still match after indexing and the shallow
% tries (docs/engine.md).  Counts, not times, through statistics/2's
% snapshots_taken: naive reverse, tak and deriv (the clauses of
% tests/bench), and a nondeterministic goal that must take some, so that
% the counter is seen to count.  snaplog-specific (swipl has no snapshot
% counter), so not checked against swipl; the answers printed are swipl's.

app([], L, L).
app([X|Xs], L, [X|R]) :- app(Xs, L, R).
nrev([], []).
nrev([X|Xs], R) :- nrev(Xs, R1), app(R1, [X], R).

tak(X, Y, Z, A) :- X =< Y, !, Z = A.
tak(X, Y, Z, A) :-
    X1 is X - 1, Y1 is Y - 1, Z1 is Z - 1,
    tak(X1, Y, Z, A1), tak(Y1, Z, X, A2), tak(Z1, X, Y, A3),
    tak(A1, A2, A3, A).

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

deriv_all(D1, D2, D3) :-
    d((x + 1) * ((x ^ 2 + 2) * (x ^ 3 + 3)), x, D1),
    d(x / x / x / x / x, x, D2),
    d(log(log(exp(-x))), x, D3).

% if-then-else on a table of facts (boyer's rewriting step)
lemma(and(P, Q), if(P, if(Q, t, f), f)).
lemma(or(P, Q), if(P, t, if(Q, t, f))).
lemma(not(P), if(P, f, t)).
rewrite(T, R) :- ( lemma(T, T2) -> R = T2 ; R = T ).
rewrite_all([], []).
rewrite_all([T|Ts], [R|Rs]) :- rewrite(T, R), rewrite_all(Ts, Rs).

index_of(X, L, I) :- index_of(X, L, 0, I).
index_of(X, [X|_], I, I).
index_of(X, [_|T], I0, I) :- I1 is I0 + 1, index_of(X, T, I1, I).

snapshots(Goal, N) :-
    statistics(snapshots_taken, S0),
    call(Goal),
    statistics(snapshots_taken, S1),
    N is S1 - S0.

report(Name, Goal, Answer) :-
    snapshots(Goal, N),
    write(Name), write(': '), print(Answer), write(', snapshots: '), write(N), nl.

main :-
    numlist(1, 30, L),
    report(nrev, nrev(L, R), R),
    report(tak, tak(18, 12, 6, A), A),
    report(deriv, deriv_all(D1, D2, D3), [D1, D2, D3]),
    report(rewrite, rewrite_all([and(a, b), x, not(c), or(d, e)], Rw), Rw),
    % nondeterministic built-ins called in a deterministic mode
    report(length, length([a, b, c], N3), N3),
    report(length_bound, ( length(L4, 2), L4 = [p, q] ), L4),
    report(between_bound, between(1, 5, 3), yes),
    report(between_one, between(4, 4, X4), X4),
    findall(N5, ( length(_, N5), ( N5 >= 2 -> ! ; true ) ), Ns), print(Ns), nl,
    findall(X6, between(1, 3, X6), Xs), print(Xs), nl,
    % the first solution of a search: a search without a snapshot
    report(once_member, once(member(Xm, [a, b])), Xm),
    report(index_search, ( index_of(c, [a, b, c, d], Ix) -> true ; Ix = none ), Ix),
    snapshots(findall(Xf, member(Xf, [a, b, c]), _), M),
    ( M > 0 -> write('member: snapshots taken') ; write('member: none, the counter does not count') ), nl.
:- initialization(main, main).
