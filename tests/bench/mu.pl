% mu: Hofstadter's MU puzzle, a depth-bounded search for a derivation of
% MUIIU from MI (at most 5 steps) with the four MIU rules:
%   1. xI -> xIU    2. Mx -> Mxx    3. xIIIy -> xUy    4. xUUy -> xy
% The check replays the derivation with the rules written another way
% (as append/3 decompositions) and requires it to end at MUIIU.
%! iterations: 10000

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), mu_theorem([m, u, i, i, u], 5, _), fail ; true ),
    mu_theorem([m, u, i, i, u], 5, Proof),
    mu_check([m, i], Proof, [m, u, i, i, u]).

mu_theorem(T, Depth, Proof) :- mu_derive([m, i], T, Depth, Proof).

% mu_derive(+From, +To, +Depth, -Steps): Steps is a list of s(Rule, String).
mu_derive(S, S, _, []).
mu_derive(S, T, D, [s(R, S1)|Steps]) :-
    D > 0, D1 is D - 1,
    mu_rule(R, S, S1),
    mu_derive(S1, T, D1, Steps).

mu_rule(1, S, T) :- mu_rule1(S, T).
mu_rule(2, [m|X], [m|Y]) :- mu_app(X, X, Y).
mu_rule(3, [m|S], [m|T]) :- mu_rule3(S, T).
mu_rule(4, [m|S], [m|T]) :- mu_rule4(S, T).

mu_rule1([i], [i, u]).
mu_rule1([X|Xs], [X|Ys]) :- mu_rule1(Xs, Ys).

mu_rule3([i, i, i|S], [u|S]).
mu_rule3([X|S], [X|T]) :- mu_rule3(S, T).

mu_rule4([u, u|S], S).
mu_rule4([X|S], [X|T]) :- mu_rule4(S, T).

mu_app([], L, L).
mu_app([X|Xs], L, [X|R]) :- mu_app(Xs, L, R).

mu_check(From, Proof, To) :-
    ( mu_replay(Proof, From, To) -> true
    ; format('mu: wrong derivation ~w~n', [Proof]), fail
    ).

mu_replay([], S, T) :- S == T.
mu_replay([s(R, S1)|Steps], S, T) :- mu_valid(R, S, S1), mu_replay(Steps, S1, T).

mu_valid(1, S, T) :- mu_app(_, [i], S), mu_app(S, [u], T).
mu_valid(2, [m|X], T) :- mu_app([m|X], X, T).
mu_valid(3, S, T) :- mu_app(A, Rest, S), A = [m|_], mu_app([i, i, i], B, Rest),
    mu_app(A, [u|B], T).
mu_valid(4, S, T) :- mu_app(A, Rest, S), A = [m|_], mu_app([u, u], B, Rest),
    mu_app(A, B, T).
