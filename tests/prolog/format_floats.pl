% format_floats: ~e and ~f at several precisions for 3,000 floats of every
% magnitude, sign and shape (halves, exact ties, integers, tiny and huge
% values, negative zero).  format/2 computes most digits itself and falls
% back to C's printf near a rounding tie or out of range (stdlib/fmtfloat.c):
% both paths must print what swipl prints.  Checked against swipl 9.0.4.

lcg(S0, S) :- S is (S0 * 6364136223846793005 + 1442695040888963407) mod (1 << 64).

value(I, S, X) :-
    K is I mod 6,
    M is S >> 11,
    (   K =:= 0 -> X is M / 9007199254740992 * 10 ** (S mod 41 - 20)
    ;   K =:= 1 -> X is (S mod 2000001) / 8 - 125000
    ;   K =:= 2 -> X is -(M / 9007199254740992) * 10 ** (S mod 61 - 30)
    ;   K =:= 3 -> X is (S mod 100000000) * 1.5
    ;   K =:= 4 -> X is (S mod 1000) / 1000 + 0.0005
    ;   X is float(S mod 100000) * 10.0 ** (S mod 21 - 10)
    ).

line(X) :- format("~e ~3e ~0e ~15e ~f ~2f ~0f ~12f~n", [X, X, X, X, X, X, X, X]).

run(I, N, _) :- I > N, !.
run(I, N, S0) :- lcg(S0, S), value(I, S, X), line(X), I1 is I+1, run(I1, N, S).

main :-
    forall(member(X, [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 99.5, 999.9999995,
                      1.0e22, 1.0e23, 1.0e-5, 5.0e-324, 1.7976931348623157e308, 123456789012345680.0,
                      0.1, 0.3, 2/3, 1.0e15, 9.999999999999999e22, 12, -7]),
           line(X)),
    run(1, 3000, 42).
