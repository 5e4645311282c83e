% A long deterministic loop as the condition of if-then-else, and of \+:
% the solve loop first looks for the condition's first solution without a
% snapshot (a search outside the dispatch loop, without the collector); past
% a bound it gives up and runs the condition as any goal, so the loop stays
% in bounded memory (long_condition_memory.sh checks the peak).  Checked
% against swipl 9.0.4.
count(N, N) :- !.
count(I, N) :- I1 is I + 1, count(I1, N).

main :-
    ( count(0, 3000000) -> write(done) ; write(failed) ), nl,
    ( \+ count(5, 3000000) -> write(negation_failed) ; write(negation_done) ), nl.
:- initialization(main, main).
