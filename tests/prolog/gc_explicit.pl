% garbage_collect/0 collects at once: the collection count of
% statistics(garbage_collection, [Count|_]) goes up, and every live term
% is intact after it (a list, a term with shared variables, a string).
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
main :-
    numlist(1, 50000, L), T = f(X, g(X, Y), "text", Y),
    statistics(garbage_collection, [C0|_]),
    garbage_collect,
    statistics(garbage_collection, [C1|_]),
    ( C1 > C0 -> writeln(collected) ; writeln(not_collected) ),
    length(L, N), sum_list(L, S), writeln(N-S),
    X = 1, Y = 2, print(T), nl.
