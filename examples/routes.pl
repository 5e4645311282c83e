% routes.pl - tabling: which cities reach which (a left-recursive closure
% over a graph with cycles, which would loop forever untabled), and the
% cheapest route cost between two cities (a mode-directed table keeps the
% minimum per pair).  The tables live outside the snapshots, so
% backtracking does not throw away what was computed.
%
%   build/snaplog examples/routes.pl

:- initialization(main, main).

road(amsterdam, utrecht, 40).
road(utrecht, amsterdam, 40).
road(utrecht, arnhem, 60).
road(arnhem, nijmegen, 20).
road(nijmegen, utrecht, 70).
road(amsterdam, haarlem, 20).
road(haarlem, leiden, 30).
road(leiden, utrecht, 50).

:- table reaches/2.
reaches(X, Y) :- reaches(X, Z), road(Z, Y, _).
reaches(X, Y) :- road(X, Y, _).

:- table cost(_, _, min).
cost(X, Y, C) :- road(X, Y, C).
cost(X, Y, C) :- cost(X, Z, C0), road(Z, Y, C1), C is C0 + C1.

main :-
    setof(Y, reaches(haarlem, Y), From),
    format("from haarlem: ~w~n", [From]),
    forall(member(To, [utrecht, nijmegen, amsterdam]),
           ( cost(haarlem, To, C), format("haarlem -> ~w: ~d km~n", [To, C]) )),
    aggregate_all(count, reaches(_, _), N),
    format("~d connected pairs~n", [N]).
