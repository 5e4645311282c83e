% Comparison of numbers: the arithmetic comparisons and the standard order
% (compare/3, ==, msort/2, sort/2) over small integers, bignums and floats.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
% swipl 9 compares an integer with a float as the nearest double, both in
% arithmetic and in the standard order, where a float comes before an
% integer of equal value; it orders strings before atoms.

c(G) :- ( catch(G, E, (print_message(error, E), fail)) -> R = true ; R = false ), format("~q: ~q~n", [G, R]).

o(X-Y) :- compare(O, X, Y), format("compare(~q, ~q) = ~q~n", [X, Y, O]).

main :-
    X60a is 2**60 + 1, X60b is 2**60 - 1, F60 is 2.0**60,
    B100 is 2**100, B100a is 2**100 + 1, F100 is 2.0**100, NB is -(2**100),
    N is nan, I is inf, NI is -inf, Z is -0.0,
    maplist(c, [1 < 2, 2 < 1, 1 =:= 1.0, 1 =\= 1.0, 1 < 1.5, 2 >= 2.0, 3 =< 2,
                X60a =:= F60, X60a > F60, X60b =:= F60, X60b < F60, B100a =:= F100,
                B100 =:= F100, B100a > B100, NB < 0, NB < -1.0e40, B100 > 1.0e30,
                B100 < inf, NB > -inf, 2**1100 < inf, 2**1100 > 1.0e308,
                N =:= N, N =\= N, N < 1, N > 1, N >= N, N =< 1, 1 < N,
                0.0 =:= Z, 0 =:= Z, 9007199254740993 =:= 9007199254740992.0,
                2**64 =:= 18446744073709551616.0, 3 =:= 3, 2.5 > 2]),
    maplist(o, [1-1.0, 1.0-1, 1-2, 2.0-1, X60a-F60, X60b-F60, B100-F100,
                            B100a-F100, B100-B100a, NB-B100, NB-(-1.0e31), N-NI, N-N,
                            N-1, I-B100, NI-NB, 0.0-Z, Z-0, 0-Z, 9007199254740993-9007199254740992.0,
                            "s"-a, "zz"-a, 1-"a", "a"-f(x), B100-a, B100-"a"]),
    msort([2, 1.0, 1, 3.0, 1.0e30, -1, -1.0, 0, 0.0, Z, B100, NB, F100, B100a, N, I, NI,
           a, "s", f(x), 1.5, -(1.5), 2**3], L1),
    print(L1), nl,
    sort([B100, 1.0e30, 1.3e30, NB, -1.0e31, B100, 1, B100a, 1, 1.0], L2), print(L2), nl,
    msort([X60a, F60, X60b, 1152921504606846976], L3), print(L3), nl,
    ( B100 == B100a -> writeln(same) ; writeln(distinct) ),
    ( 1.0 == 1 -> writeln(same) ; writeln(distinct) ),
    ( 0.0 == Z -> writeln(same) ; writeln(distinct) ),
    ( N == N -> writeln(same) ; writeln(distinct) ),
    ( B100 @< B100a -> writeln(before) ; writeln(after) ),
    ( 1.0 @< 1 -> writeln(before) ; writeln(after) ).
