% Unbounded integers: GMP arithmetic, big literals in every notation, and
% bignums through unification, copy_term, findall, assert, and backtracking.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
% Also run in the snapshot runtime's checking mode (checked_mode.sh): the
% backtracking below restores snapshots taken around GMP computations.

t(E) :- catch((X is E, format("~q = ~q~n", [E, X])), error(F, _), format("~q: ~q~n", [E, F])).

fact(0, 1) :- !.
fact(N, F) :- N1 is N - 1, fact(N1, F1), F is N * F1.

fib(0, 0, 1) :- !.
fib(N, B, C) :- N1 is N - 1, fib(N1, A, B), C is A + B.

main :-
    maplist(t, [2**200, 2^200, -(2**64), 2**64 - 1, 2**63, -(2**63), -(2**63) - 1,
                9223372036854775807 + 1, -9223372036854775808 - 1, 1 << 100, -(1 << 100),
                (2**100) * (2**100), (2**200) // (2**100), -(2**200) // 3, -(2**200) div 3,
                (2**200) mod (-3), (2**200) rem (-3), -(2**100) mod 7, -(2**100) rem 7,
                (2**100) / (2**50), (2**100) / 3, 6 / (2**70), (2**70) / 7,
                (10**20 + 1) / 10**10, 10**20 / 10**10, abs(-(2**100)), sign(-(2**100)),
                sign(2**100), min(2**100, 2**101), max(-(2**100), 3), min(2**100, 1.0e40),
                max(2**100, 1.0e40), gcd(2**100, 6**50), gcd(2**200, 3**100),
                gcd(1 << 63, 1 << 62), gcd(-(1 << 63), 0), msb(2**100), msb(1 << 63),
                (2**100) >> 3, -(2**100) >> 3, (1 << 200) >> 199, (1 << 200) >> 300,
                -(1 << 200) >> 300, (2**200) >> (2**70), (2**100) /\ (2**99 + 5),
                \ (2**100), xor(-1, 2**70), (2**100) xor (2**100), (2**100) \/ 1,
                1 << 62, 1 << 63, -1 << 63, (1 << 62) * 2, abs(-(1 << 63)), -(-(1 << 63)),
                (1 << 63) // -1, (-(1 << 63)) // -1, (-(1 << 63)) div -1, (-(1 << 63)) mod -1,
                2^62, 2^63, 2^64, (-2)^63, (-1)^(2**100), (-1)^(2**100 + 1), 1^(2**100),
                0^(2**100), (2**100) - (2**100 - 1), 2**64 - 2**64, (2**64) * 0,
                float(2**100), (2**100) * 1.5, (2**100) - 0.5, sqrt(1 << 100), truncate(1.0e30),
                truncate(1.0e300), round(-1.0e20), ceiling(1.0e20 + 0.5), floor(-1.0e25),
                integer(1.0e20), integer(2**100), float_integer_part(1 << 100),
                float_fractional_part(-(1 << 100)), truncate(2**100), 7 ** 77, (-3) ** 41,
                2 ** 0.5 * 2 ** 100, 1.0e20 + 2**70, float(2**1023), float(2**1024 - 2**970),
                float(2**53 + 1), float(2**54 + 3), float(-(2**80 + 2**27 + 1))]),
    fact(100, F100), write(F100), nl,
    fib(300, _, Fib), write(Fib), nl,
    % literals, read back as written
    X1 = 123456789012345678901234567890, write(X1), nl,
    X2 = 0xffffffffffffffffffffffff, write(X2), nl,
    X3 = 16'ffffffffffffffffffffffff, write(X3), nl,
    X4 = 0b1111111111111111111111111111111111111111111111111111111111111111111111, write(X4), nl,
    X5 = 0o7777777777777777777777777777, write(X5), nl,
    X6 = 36'zzzzzzzzzzzzzzzzzzzz, write(X6), nl,
    X7 = -123456789012345678901234567890, write(X7), nl,
    X8 = 1152921504606846976, Y8 is 2**60, ( X8 == Y8 -> writeln(literal_equals_value) ; writeln(X8-Y8) ),
    Y9 is 10**30 + 7, format("~q~n", [Y9]), print(Y9), nl, writeq(f(-Y9)), nl,
    atom_number(A10, Y9), writeln(A10), atom_number('98765432109876543210', N10), Z10 is N10 + 1, writeln(Z10),
    number_codes(N11, "-340282366920938463463374607431768211456"), Z11 is N11 // 2, writeln(Z11),
    % unification, comparison, copy, the database, findall
    B1 is 2**100, B2 is 2**99 * 2, ( B1 = B2 -> writeln(unify_equal) ; writeln(unify_differs) ),
    B3 is 2**100 + 1, ( B1 = B3 -> writeln(unify_wrong) ; writeln(unify_different) ),
    ( B1 == B2 -> writeln(identical) ; writeln(not_identical) ),
    ( B1 =:= B2 -> writeln(arith_equal) ; writeln(arith_differs) ),
    ( B3 > B1 -> writeln(greater) ; writeln(not_greater) ),
    copy_term(f(B1, X, g(B3, X)), C1), C1 = f(C1a, CX, g(C1b, CY)),
    ( CX == CY, var(CX), CX \== X -> writeq(copied(C1a, C1b)), nl ; writeln(bad_copy) ),
    assertz(big(B1)), assertz(big(B3)), assertz(big(-B1)), findall(V, big(V), Vs), writeq(Vs), nl,
    ( big(1267650600228229401496703205377) -> writeln(found_by_value) ; writeln(not_found) ),
    retract(big(B3)), findall(V, big(V), Vs2), writeq(Vs2), nl,
    findall(P, (between(1, 5, I), P is 3**(I * 30)), Ps), writeq(Ps), nl,
    % backtracking over big computations: each alternative restores the
    % snapshot taken before the previous one's GMP work
    findall(S, (member(K, [100, 200, 300, 400]), fact(K, FK), S is FK mod 1000000007), Ss), writeq(Ss), nl,
    ( between(1, 30, J), Q is 7**(J * 20) + 1, Q mod 13 =:= 0 -> writeq(first(J)), nl ; writeln(none) ),
    ( member(M, [10, 20, 30]), W is 2**(M * 50), W > 2**1600 -> writeln(never) ; writeln(exhausted) ),
    catch(( between(1, 3, _), _ is 2**300 // 0 ), error(E, _), (writeq(E), nl)),
    R is 2**150, writeq(R), nl,
    % succ/2 and plus/3 across the small/big boundary
    SB is 2**100, succ(SB, S1), succ(S2, SB), M63 is 2**63, succ(S3, M63), M63a is 2**63 - 1, succ(M63a, S4),
    writeq([S1, S2, S3, S4]), nl,
    plus(SB, 1, P1), plus(SB, P2, 5), plus(P3, SB, SB), writeq([P1, P2, P3]), nl,
    NB is -(2**100), catch(succ(NB, _), error(SE, _), true), writeq(SE), nl,
    % swipl 9.0.4 has no max_integer and min_integer flags when unbounded
    current_prolog_flag(bounded, FB), writeq(bounded = FB), nl.
