% nand: logic synthesis, the smallest circuit of two-input NAND gates for
% each of eleven Boolean functions of two and three inputs, by iterative
% deepening over gate lists.  A signal is its truth table, a bit-parallel
% integer; a gate whose output already exists is never added.  The check
% simulates each circuit input by input, one bit at a time, against the
% function's definition, and compares the gate counts with minimal sizes
% found by an independent search outside Prolog.
%! iterations: 2

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), nand_all(_), fail ; true ),
    nand_all(Cs),
    nand_check(Cs).

nand_all(Cs) :- findall(F-C, (nand_problem(F, _, _), nand_synth(F, C)), Cs).

nand_synth(F, Gates) :-
    nand_problem(F, Inputs, _),
    nand_signals(Inputs, Sigs, Mask),
    nand_target(F, Inputs, T),
    between(0, 8, K),
    nand_search(K, Sigs, Mask, T, Gates), !.

% Inputs as truth tables over 2^n rows: bit r of input i is bit i of r.
nand_signals(Inputs, Sigs, Mask) :-
    length(Inputs, NI), Rows is 1 << NI, Mask is (1 << Rows) - 1,
    findall(S, (between(1, NI, I), nand_input_table(I, Rows, S)), Sigs).

nand_input_table(I, Rows, S) :-
    findall(B, (between(0, Rows, R), R < Rows, (R >> (I - 1)) /\ 1 =:= 1, B is 1 << R), Bs),
    nand_sum(Bs, 0, S).

nand_target(F, Inputs, T) :-
    length(Inputs, NI), Rows is 1 << NI,
    findall(B, (between(0, Rows, R), R < Rows, nand_row(R, NI, Vs),
                nand_problem(F, Vs, Def), nand_bool(Def), B is 1 << R), Bs),
    nand_sum(Bs, 0, T).

nand_row(R, NI, Vs) :- findall(V, (between(1, NI, I), V is (R >> (I - 1)) /\ 1), Vs).

nand_sum([], S, S).
nand_sum([X|Xs], S0, S) :- S1 is S0 + X, nand_sum(Xs, S1, S).

% nand_search(+Left, +Signals, +Mask, +Target, -Gates)
nand_search(_, Sigs, _, T, []) :- nand_index(Sigs, T, 0, _), !.
nand_search(K, Sigs, Mask, T, [g(I, J)|Gates]) :-
    K > 0, K1 is K - 1,
    nand_index(Sigs, X, 0, I),
    nand_index(Sigs, Y, 0, J), I =< J,
    Z is Mask - (X /\ Y),
    \+ nand_index(Sigs, Z, 0, _),
    nand_snoc(Sigs, Z, Sigs1),
    nand_search(K1, Sigs1, Mask, T, Gates).

nand_index([X|_], X, I, I).
nand_index([_|Xs], X, I0, I) :- I1 is I0 + 1, nand_index(Xs, X, I1, I).

nand_snoc([], Z, [Z]).
nand_snoc([X|Xs], Z, [X|Ys]) :- nand_snoc(Xs, Z, Ys).

% nand_problem(Name, Inputs, Definition): Definition over the inputs as 0/1.
nand_problem(not_a, [A, _], A = 0).
nand_problem(and, [A, B], (A = 1, B = 1)).
nand_problem(or, [A, B], (A = 1 ; B = 1)).
nand_problem(nor, [A, B], (A = 0, B = 0)).
nand_problem(xor2, [A, B], A =\= B).
nand_problem(xnor2, [A, B], A =:= B).
nand_problem(imp, [A, B], (A = 0 ; B = 1)).
nand_problem(andnot, [A, B], (A = 1, B = 0)).
nand_problem(mux, [S, X, Y], ((S = 1, X = 1) ; (S = 0, Y = 1))).
nand_problem(and3, [A, B, C], (A = 1, B = 1, C = 1)).
nand_problem(maj, [A, B, C], (A + B + C >= 2)).

nand_bool(G) :- call(G), !.

nand_minimum(not_a, 1). nand_minimum(and, 2). nand_minimum(or, 3).
nand_minimum(nor, 4). nand_minimum(xor2, 4). nand_minimum(xnor2, 5).
nand_minimum(imp, 2). nand_minimum(andnot, 3). nand_minimum(mux, 4).
nand_minimum(and3, 4). nand_minimum(maj, 6).

nand_check(Cs) :-
    findall(F, nand_problem(F, _, _), Fs), length(Fs, NF), length(Cs, NC),
    ( NF =:= NC, \+ (nand_in(F-G, Cs), \+ nand_circuit_ok(F, G)) -> true
    ; format('nand: wrong answer ~w~n', [Cs]), fail
    ).

nand_circuit_ok(F, Gates) :-
    length(Gates, Len), nand_minimum(F, Len),
    nand_problem(F, Inputs, _), length(Inputs, NI), Rows is 1 << NI,
    \+ ( between(1, Rows, R1), R is R1 - 1, nand_row(R, NI, Vs),
         nand_simulate(Gates, Vs, Out),
         \+ (nand_problem(F, Vs, Def), (nand_bool(Def) -> Out =:= 1 ; Out =:= 0)) ).

% The circuit's output is the last signal, or an input for no gates.
nand_simulate(Gates, Vs, Out) :- nand_sim(Gates, Vs, Sigs), nand_last(Sigs, Out).
nand_sim([], Sigs, Sigs).
nand_sim([g(I, J)|Gs], Sigs, Out) :-
    nand_index(Sigs, X, 0, I), !, nand_index(Sigs, Y, 0, J), !,
    ( X =:= 1, Y =:= 1 -> Z = 0 ; Z = 1 ),
    nand_snoc(Sigs, Z, Sigs1),
    nand_sim(Gs, Sigs1, Out).

nand_last([X], X) :- !.
nand_last([_|Xs], X) :- nand_last(Xs, X).

nand_in(X, [X|_]).
nand_in(X, [_|T]) :- nand_in(X, T).
