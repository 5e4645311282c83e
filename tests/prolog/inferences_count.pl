% statistics(inferences) counts calls of predicates, user and built-in, as
% swipl does, and not control constructs (',', ->, ;): so LIPS figures from
% it compare with swipl's.  Checked against swipl 9.0.4 (swipl -q -g main -t
% halt): each count below is what swipl prints.  Left out on purpose, where
% the two differ: goals swipl runs through library code of its own
% (findall/3, length/2) and control constructs called through call/1 (swipl
% counts call(\+ G), call(once(G)) as a call, a compiled body does not).
% Each difference includes the second statistics/2 call.

app([], L, L).
app([X|Xs], L, [X|R]) :- app(Xs, L, R).
nrev([], []).
nrev([X|Xs], R) :- nrev(Xs, R1), app(R1, [X], R).

t(X) :- X > 1, !.
t(_).
p(1).
p(2).
p(3).

count(Name, G) :-
    statistics(inferences, I0), call(G), statistics(inferences, I1),
    D is I1 - I0, format("~w: ~w~n", [Name, D]).

main :-
    numlist(1, 30, L),
    count(nrev30, nrev(L, _)),
    count(conj, (true, true)),
    count(guard, t(2)),
    count(search, (p(X), X >= 2)),
    count(ite, (p(1) -> true ; true)),
    count(catch, catch(p(1), _, true)),
    count(forall, forall(p(Y), Y > 0)),
    count(unify, _ = 1),
    count(builtin, atom_length(abc, _)),
    count(between, between(1, 3, 3)),
    count(msort, msort([b, a], _)).
