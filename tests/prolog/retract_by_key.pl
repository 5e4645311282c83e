% retract/1 and clause/2 walk the first-argument switch (engine/dbpreds.c)
% under the logical update view: on backtracking they see the clauses of
% the moment they were called, none added since, and those retracted
% since (retract/1 then succeeds on them again, as swipl's does).  Checked
% against swipl 9.0.4 (swipl -q -g main -t halt).

:- dynamic g/2.

fill :- forall(between(1, 30, I), ( K is I mod 3, assertz(g(K, I)) )), assertz(g(_, any)).

show :- findall(K-V, g(K, V), L), format("~w~n", [L]).

main :-
    fill,
    % retract every g(1, _) on backtracking while adding more: the added
    % ones stay
    forall(retract(g(1, V)), ( integer(V), V < 10 -> assertz(g(1, new(V))) ; true )),
    show,
    % clause/2 sees what was there when it was called
    findall(B-V2, ( clause(g(2, V2), B), ( V2 == 2 -> retract(g(2, 5)), asserta(g(2, front)) ; true ) ), Seen),
    format("~w~n", [Seen]),
    show,
    % two retracts of the same key interleaved: the outer one still sees
    % the clauses the inner one took
    findall(X-Y, ( retract(g(0, X)), ( X == 3 -> retract(g(0, Y)) ; Y = none ) ), Pairs),
    format("~w~n", [Pairs]),
    show,
    % by key among many distinct keys
    forall(between(1, 2000, I), assertz(g(I, I))),
    forall(between(1, 2000, I), ( J is 2001 - I, retract(g(J, J)) )),
    show.
