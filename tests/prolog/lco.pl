% Last-call optimisation and the young-heap collector: a deterministic
% tail-recursive loop of 10,000,000 iterations that builds and drops a term
% each time runs in bounded memory.  First-argument indexing tells the two
% clauses apart (0 against any other integer), so no snapshot is taken per
% iteration.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
count(0) :- !.
count(N) :- _ = f(N, [N]), N1 is N - 1, count(N1).

len([], N, N).
len([_|T], N0, N) :- N1 is N0 + 1, len(T, N1, N).

main :-
    count(10000000), write(done), nl,
    numlist(1, 100000, L), len(L, 0, Len), write(Len), nl.
