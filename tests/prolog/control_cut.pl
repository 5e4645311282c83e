% Cut, if-then-else, soft cut, negation and call/N with ISO cut semantics.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
t(1). t(2). t(3).

first(X) :- t(X), !.
cut_in_call(X) :- call((t(X), !)) ; X = none.
cut_in_ite(X) :- ( t(X), ! -> true ; X = no ).
cut_in_naf :- \+ (t(_), !, fail).
disj_cut(X) :- ( t(X), X > 1, ! ; X = 9 ).
soft(X, Y) :- ( t(X) *-> Y = yes ; Y = no ).
soft_none(Y) :- ( fail *-> Y = yes ; Y = no ).
ite_no_else(X) :- ( X > 1 -> true ).
nested(X, Y) :- t(X), ( X >= 2 -> ( t(Y), Y > X, ! ; Y = last ) ; Y = small ).

show(G) :- findall(G, G, L), writeq(L), nl.

main :-
    show(first(_)),
    show(cut_in_call(_)),
    show(cut_in_ite(_)),
    show(cut_in_naf),
    show(disj_cut(_)),
    show(soft(_, _)),
    show(soft_none(_)),
    show(ite_no_else(2)),
    show(ite_no_else(0)),
    show(nested(_, _)),
    show(once(t(_))),
    show(ignore(fail)),
    ( forall(t(X), X > 0) -> write(all_positive) ; write(not_all) ), nl,
    ( forall(t(Y), Y > 1) -> write(all_above_one) ; write(not_all) ), nl,
    show(call(t, _)),
    show(call(format, "~w-~w~n", [a, b])),
    G = (t(A), A >= 2), show(G),
    show(\+ t(4)),
    show(not(t(1))),
    show(lists:append(_, [c], [a, b, c])).
