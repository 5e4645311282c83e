% The undo log stays small while a long deterministic loop with a choice
% point per step (pick/2's, cut at once) builds a big live list under the
% query's snapshot and the collector runs several times: the collector's
% rewrite of the young cells, and the cells allocated afterwards where
% they were, are fresh to every live snapshot and must not be logged
% (snap_bump_reclaim).  Before, the log grew by about one entry per 64
% bytes of young heap collected: 2.2 million entries here; 255,000 since
% (about one per step: the line a step binds after the drop, armed by the
% take; docs/snapvm.md).  statistics(undo_log_entries, N) and
% undo_log_peak are snaplog's own keys (no swipl counterpart), so the
% expected output was written by hand.
main :-
    statistics(garbage_collection, [G0|_]),
    statistics(undo_log_entries, E0),
    build(1, 300000, L),
    statistics(undo_log_entries, E1),
    statistics(garbage_collection, [G1|_]),
    D is E1 - E0,
    ( G1 - G0 >= 2 -> write(collected) ; write(not_collected(G0, G1)) ), nl,
    ( D < 400000 -> write(log_bounded) ; write(log_grew(D)) ), nl,
    statistics(undo_log_peak, P),
    ( P >= E1 -> write(peak_ok) ; write(peak_below(P, E1)) ), nl,
    length(L, N),
    write(N), nl.

build(I, N, []) :- I > N, !.
build(I, N, [f(I, J)|T]) :-
    pick(I, J),
    !,                         % drops the snapshot pick/2 took
    I1 is I + 1,
    build(I1, N, T).

pick(X, X).
pick(_, x).
