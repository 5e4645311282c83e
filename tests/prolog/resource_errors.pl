% Exhausting the term heap raises resource_error(memory), caught like any
% error, and the program goes on: a growing live list, a deep non-tail
% recursion, and an unbounded findall.  Run with --mem 64M.
% snaplog-specific output: swipl raises its own resource errors here
% (stack_overflow with a different context), so this is not a swipl golden.
grow(L) :- grow([x|L]).
deep(N) :- N1 is N + 1, deep(N1), true.

report(G) :- catch(G, error(E, _), (write(caught(E)), nl)).

main :-
    report(grow([])),
    report(deep(0)),
    report(findall(X, between(1, inf, X), _)),
    findall(X, between(1, 3, X), L), write(still_running(L)), nl.
