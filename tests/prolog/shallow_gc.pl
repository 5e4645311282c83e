% A long deterministic loop through every path that binds without a
% snapshot (a guarded head binding the goal's variable, an if-then-else on
% facts, a guard ending in a call of facts, length/2 and between/3 in their
% deterministic modes, the first-argument switch), building a term per
% iteration: the collector runs (it must keep what these paths bound: the
% answer is checked at the end), the heap stays bounded, and no snapshot is
% taken per iteration.  snaplog-specific (statistics keys), not checked
% against swipl.

op_name(plus, +).
op_name(minus, -).
op_name(times, *).

key(0, zero). key(1, one). key(2, two). key(3, three). key(4, four).
key(5, five). key(6, six). key(7, seven). key(8, eight). key(9, nine).

% a guard ending in a call of facts; a head binding the goal's variable
step(M, K0, T, f(N, K, T)) :- nth_op(M, Op), !, name_of(Op, N), key(K0, K).
step(_, _, T, T).

nth_op(0, plus).
nth_op(1, minus).
nth_op(2, times).

% if-then-else on facts
name_of(Op, N) :- ( op_name(Op, N0) -> N = N0 ; N = unknown ).

% a condition whose clause matches the head and runs a test
named(f(N, K, g)) :- atom(N), atom(K).

loop(I, N, Acc, Acc) :- I >= N, !.
loop(I, N, Acc0, Acc) :-
    M is I mod 4, K0 is I mod 10,
    step(M, K0, g, T),
    length([T, T], L), between(2, 2, L),
    ( named(T) -> Acc1 is Acc0 + 1 ; Acc1 = Acc0 ),
    I1 is I + 1,
    loop(I1, N, Acc1, Acc).

main :-
    statistics(snapshots_taken, S0),
    statistics(garbage_collection, [C0|_]),
    loop(0, 300000, 0, Count),
    statistics(snapshots_taken, S1),
    statistics(garbage_collection, [C1|_]),
    statistics(heapused, H),
    Snaps is S1 - S0,
    write(count(Count)), nl,
    ( Snaps < 100 -> write(few_snapshots) ; write(snapshots(Snaps)) ), nl,
    ( C1 > C0 -> write(collected) ; write(not_collected) ), nl,
    ( H < 64000000 -> write(heap_bounded) ; write(heap(H)) ), nl.
:- initialization(main, main).
