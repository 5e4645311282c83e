% sendmore: SEND + MORE = MONEY, column by column from the units with
% carries, picking distinct digits as it goes.  Unique answer 9567 + 1085 =
% 10652, checked by the arithmetic.
%! iterations: 250

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), sendmore(_), fail ; true ),
    findall(S, sendmore(S), Sols),
    sendmore_check(Sols).

sendmore([S, E, N, D, M, O, R, Y]) :-
    Digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    sendmore_pick(D, Digits, R1), sendmore_pick(E, R1, R2),
    sendmore_column(D, E, 0, Y, C1, R2, R3),
    sendmore_pick(N, R3, R4), sendmore_pick(R, R4, R5),
    sendmore_column(N, R, C1, E, C2),
    sendmore_pick(O, R5, R6),
    sendmore_column(E, O, C2, N, C3),
    sendmore_pick(S, R6, R7), S > 0,
    sendmore_pick(M, R7, _), M > 0,
    sendmore_column(S, M, C3, O, M).

% A column whose sum digit is still unknown: pick it from what is left.
sendmore_column(X, Y, C0, Z, C, Left0, Left) :-
    T is X + Y + C0, Z0 is T mod 10, C is T // 10,
    sendmore_pick(Z, Left0, Left), Z =:= Z0.

% A column whose digits are all known: just check it.
sendmore_column(X, Y, C0, Z, C) :-
    T is X + Y + C0, Z =:= T mod 10, C is T // 10.

sendmore_pick(X, [X|Xs], Xs).
sendmore_pick(X, [Y|Ys], [Y|Zs]) :- sendmore_pick(X, Ys, Zs).

sendmore_check(Sols) :-
    (   Sols = [[S, E, N, D, M, O, R, Y]],
        Send is ((S * 10 + E) * 10 + N) * 10 + D,
        More is ((M * 10 + O) * 10 + R) * 10 + E,
        Money is (((M * 10 + O) * 10 + N) * 10 + E) * 10 + Y,
        Send + More =:= Money, Send =:= 9567, More =:= 1085
    ->  true
    ;   format('sendmore: wrong answer ~w~n', [Sols]), fail
    ).
