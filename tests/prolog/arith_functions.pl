% Evaluable functions of is/2 on small integers, floats and mixed operands.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt),
% except where a line below says otherwise: max_tagged_integer,
% min_tagged_integer, log2/1 and realtime are in the issue's list but not in
% swipl 9.0.4 (later versions have them), so their cases are ours.

t(E) :- catch((X is E, format("~q = ~q~n", [E, X])), error(F, _), format("~q: ~q~n", [E, F])).

main :-
    maplist(t, [1+2, 3-5, 6*7, -(4), +(4), 7/2, 4/2, -7/2, 7/2.0, 0/2.0, 0.0/2,
                7//2, -7//2, 7// -2, 7 mod 2, -7 mod 2, 7 mod -2, 7 rem -2, -7 rem 2,
                7 div 2, -7 div 2, 7 div -2, -7 div -2,
                abs(-3), abs(3.5), abs(-0.0), sign(-3), sign(0), sign(2.5), sign(-0.0), sign(0.0),
                min(1, 2), max(1, 2), min(1, 1.0), max(1, 1.0), max(1.0, 1), max(2, 3.0),
                max(3, 2.0), min(2.0, 2), max(-0.0, 0.0), max(0, 0.0),
                gcd(12, 18), gcd(-4, 6), gcd(0, 0), gcd(0, -5), msb(1000), msb(1),
                sqrt(4), sqrt(2), sin(0), cos(0), tan(0), asin(1), acos(1), atan(1),
                atan2(1, 0), atan(1, 0), atan2(0, 0), atan2(0.0, 0.0), exp(0), exp(1),
                log(1), log(e), 2**3, 2**3.0, 2.0**3, 2** -1, 2 ** -2, 2^3, 2^(-1),
                1^(-1), (-1)^(-3), (-2)**3, (-2)** -3, 2.5**0, 2.5**0.0, 0.0**0.0,
                0**0, 1**2.5, 1.0**2.5, 0**2.5, 0.0**2, 2.5^2, 2^2.5, 4**0.5, 10 ** -20,
                10.0 ** 20, 10 ** 20.0, e ** 2, float(7), float(2.5), integer(2.5),
                integer(-2.5), integer(3.4999), integer(0.49999999999999994), integer(7),
                float_integer_part(3.7), float_integer_part(-2.5), float_integer_part(5),
                float_fractional_part(3.75), float_fractional_part(-2.5),
                float_fractional_part(5), truncate(3.7), truncate(-3.7), truncate(0.0),
                round(2.5), round(-2.5), round(-0.5), ceiling(2.1), ceiling(-2.1),
                floor(2.1), floor(-2.1), truncate(1.0e18), 1 >> 0, 16 >> 2, -7 >> 1,
                1 << 10, 5 >> -1, 1 << -1, 3 >> 100, -3 >> 100, 0 << 100, 12 /\ 10,
                12 \/ 3, 255 xor 15, \ 5, \ -1, pi, e, inf, nan, -inf, epsilon,
                copysign(2.5, -1), copysign(1, 2), copysign(-3, 0.0), copysign(1, -0.0),
                "a", [x], [0'a], 1+[a], 1.0e20 + 1, 3 - 1.0, 2.0 * 3, 5 / 10, -6 / 3,
                1/2.0, 1/1.0e308, 1.0/inf, inf**0, integer(inf), integer(-inf),
                floor(inf), round(nan), -(nan), abs(nan), sign(nan), max(nan, 1),
                max(1, nan), min(nan, 1), max(nan, nan), 10 ** 15 * 10.0,
                123456789012345.0 * 1, 1234567890123456.0 * 1, 0.0001 * 1, 0.00001 * 1,
                1.0e15 * 1, 1.0e16 * 1, 0.1 + 0.2, 1/3.0, -(0.0), 2.0 * -0.0]),
    % ours: not evaluable in swipl 9.0.4
    maplist(t, [max_tagged_integer, min_tagged_integer, log2(8), log2(2**100)]),
    X is realtime, ( integer(X), X > 1600000000 -> writeln(realtime_ok) ; writeln(X) ),
    % the clock and the generator, checked by type and range
    C is cputime, ( float(C), C >= 0 -> writeln(cputime_ok) ; writeln(C) ),
    findall(R, (between(1, 200, _), R is random(10)), Rs),
    ( forall(member(R, Rs), (integer(R), R >= 0, R < 10)) -> writeln(random_in_range) ; writeln(Rs) ),
    sort(Rs, Distinct), length(Distinct, ND), ( ND > 5 -> writeln(random_varies) ; writeln(Distinct) ),
    findall(F, (between(1, 200, _), F is random_float), Fs),
    ( forall(member(F, Fs), (float(F), F > 0.0, F < 1.0)) -> writeln(random_float_in_range) ; writeln(Fs) ),
    % backtracking does not rewind the generator
    findall(V, (between(1, 20, _), (V is random(1000000), fail ; V is random(1000000))), Vs),
    sort(Vs, DVs), length(DVs, NV), ( NV > 15 -> writeln(random_not_rewound) ; writeln(Vs) ),
    succ_plus.

succ_plus :-
    succ(3, A), succ(B, 4), writeln(A-B),
    ( succ(_, 0) -> writeln(succ_0_succeeded) ; writeln(succ_0_fails) ),
    plus(1, 2, P1), plus(1, P2, 5), plus(P3, 2, 5), writeln([P1, P2, P3]),
    ( succ(3, 5) -> true ; writeln(succ_3_5_fails) ),
    ( plus(1, 2, 4) -> true ; writeln(plus_1_2_4_fails) ).
