% A dynamic predicate's first-argument switch is kept up to date by
% assert and retract (engine/db.c): calls by first argument give the right
% clauses in the right order, and a call that is running keeps the
% logical update view (ISO 7.5.4) while clauses are added and retracted
% under it, in front and behind, with a key or a variable first.  The
% queue at the end retracts far more clauses than stay, so retracted ones
% are unlinked and freed under a running forall/2.  Checked against swipl
% 9.0.4 (swipl -q -g main -t halt).

:- dynamic f/2, q/1.

fill :-
    forall(between(1, 40, I), ( K is I mod 4, assertz(f(K, I)) )),
    assertz(f(_, var1)),
    asserta(f(2, front)).

show(K) :- findall(V, f(K, V), Vs), format("f(~w, _): ~w~n", [K, Vs]).

main :-
    fill,
    show(1), show(2), show(none),
    % assert and retract while iterating f(2, _): the running call sees
    % the clauses of its start, no more, no fewer
    findall(V, ( f(2, V),
                 ( V == front -> assertz(f(2, late)), asserta(f(2, early)), retract(f(2, 10)) ; true ),
                 ( V == 6 -> retract(f(2, 14)), assertz(f(_, var2)) ; true ) ), Seen),
    format("seen: ~w~n", [Seen]),
    show(2), show(3), show(none),
    % retract every f(1, _) but one, then look them up
    forall(( f(1, V1), integer(V1), V1 > 1 ), retract(f(1, V1))),
    show(1),
    % retract while a choice point into the same key is open
    ( f(3, A), A == 3 -> retract(f(3, 7)), findall(B, f(3, B), Bs) ; Bs = none ),
    format("after retract under a choice point: ~w~n", [Bs]),
    % a queue: 20000 asserted at the back, all but the last 5 retracted at
    % the front, with lookups by key along the way
    forall(between(1, 20000, I),
           ( assertz(q(I)), ( I > 5 -> retract(q(_)) ; true ), ( 0 =:= I mod 5000 -> q(I) ; true ) )),
    findall(X, q(X), Qs),
    format("queue: ~w~n", [Qs]),
    retract(f(_, var1)),
    show(0), show(none).
