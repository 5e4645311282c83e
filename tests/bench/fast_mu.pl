% fast_mu: the MU puzzle again, a harder theorem (MUUIU, whose shortest
% derivation from MI takes 8 steps) by iterative deepening with a bound:
% rules 3 and 4 shorten a string by 2, so a string more than 2K longer than
% the goal cannot reach it in K steps and is cut off.  The derivation is
% checked by replaying it, and must be a shortest one (8 steps, found by
% breadth-first search outside Prolog).
%! iterations: 1100

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), fmu_theorem([m, u, u, i, u], _), fail ; true ),
    fmu_theorem([m, u, u, i, u], Proof),
    length(Proof, Len),
    fmu_check([m, i], Proof, [m, u, u, i, u]),
    ( Len =:= 8 -> true ; format('fast_mu: ~d steps, not 8~n', [Len]), fail ).

fmu_theorem(T, Proof) :-
    length(T, TL),
    between(0, 20, D),
    fmu_derive([m, i], 2, T, TL, D, Proof), !.

fmu_derive(S, _, T, _, 0, []) :- !, S == T.
fmu_derive(S, L, T, TL, D, [s(R, S1)|Steps]) :-
    L - 2 * D =< TL,
    D1 is D - 1,
    fmu_rule(R, S, S1),
    length(S1, L1),
    fmu_derive(S1, L1, T, TL, D1, Steps).

fmu_rule(1, S, T) :- fmu_rule1(S, T).
fmu_rule(2, [m|X], [m|Y]) :- fmu_app(X, X, Y).
fmu_rule(3, [m|S], [m|T]) :- fmu_rule3(S, T).
fmu_rule(4, [m|S], [m|T]) :- fmu_rule4(S, T).

fmu_rule1([i], [i, u]).
fmu_rule1([X|Xs], [X|Ys]) :- fmu_rule1(Xs, Ys).

fmu_rule3([i, i, i|S], [u|S]).
fmu_rule3([X|S], [X|T]) :- fmu_rule3(S, T).

fmu_rule4([u, u|S], S).
fmu_rule4([X|S], [X|T]) :- fmu_rule4(S, T).

fmu_app([], L, L).
fmu_app([X|Xs], L, [X|R]) :- fmu_app(Xs, L, R).

fmu_check(From, Proof, To) :-
    ( fmu_replay(Proof, From, To) -> true
    ; format('fast_mu: wrong derivation ~w~n', [Proof]), fail
    ).

fmu_replay([], S, T) :- S == T.
fmu_replay([s(R, S1)|Steps], S, T) :- fmu_valid(R, S, S1), fmu_replay(Steps, S1, T).

fmu_valid(1, S, T) :- fmu_app(_, [i], S), fmu_app(S, [u], T).
fmu_valid(2, [m|X], T) :- fmu_app([m|X], X, T).
fmu_valid(3, S, T) :- fmu_app(A, Rest, S), A = [m|_], fmu_app([i, i, i], B, Rest),
    fmu_app(A, [u|B], T).
fmu_valid(4, S, T) :- fmu_app(A, Rest, S), A = [m|_], fmu_app([u, u], B, Rest),
    fmu_app(A, B, T).
