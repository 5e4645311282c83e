% assert/asserta/assertz/retract/retractall/abolish/clause with the logical
% update view: a running call sees the clauses as they were when it started.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
:- dynamic counter/1, fact/1, q/1.

counter(0).
q(1).

incr :- retract(counter(N)), N1 is N + 1, assertz(counter(N1)).

main :-
    incr, incr, incr, counter(V), write(V), nl,
    assertz(fact(b)), asserta(fact(a)), assertz(fact(c)),
    findall(X, fact(X), L1), write(L1), nl,
    ( q(X), assertz(q(X)), X > 5 -> true ; true ),
    findall(X, q(X), L2), write(L2), nl,
    forall(retract(fact(X)), (write(retracted(X)), nl)),
    findall(X, fact(X), L3), write(L3), nl,
    assertz((double(X, Y) :- Y is X * 2)),
    double(4, D), write(D), nl,
    clause(double(P1, P2), Body), P1 = x, P2 = y, write(Body), nl,
    assertz(r(1)), assertz(r(2)), assertz(r(3)),
    retractall(r(2)), findall(X, r(X), L4), write(L4), nl,
    abolish(r/1), catch(r(_), E, (E = error(Ex, _), write(Ex), nl)),
    retractall(newdyn(_)), ( newdyn(_) -> true ; write(newdyn_fails), nl ),
    ( assertz(p(1)), fail ; true ), findall(X, p(X), L5), write(L5), nl,
    catch(assertz(foo), _, true), catch(retract(incr), Err, (Err = error(Perm, _), write(Perm), nl)).
