% Bignums live across collections of the young heap: a 300,000-step loop
% whose accumulator is a 200-bit number and which keeps every 1000th one.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
loop(0, X, X) :- !.
loop(N, A-L, X) :- A1 is (A * 3 + N) mod (2**200 + 7), N1 is N - 1, ( N mod 1000 =:= 0 -> L1 = [A1|L] ; L1 = L ), loop(N1, A1-L1, X).
main :- loop(300000, 12345678901234567890123-[], A-L), write(A), nl, length(L, Len), write(Len), nl, sum_list(L, S), write(S), nl, msort(L, M), M = [F|_], write(F), nl, statistics(garbage_collection, G), G = [C|_], (C > 0 -> writeln(gc_ran) ; writeln(no_gc)).
