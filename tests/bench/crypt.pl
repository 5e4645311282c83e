% crypt: a cryptomultiplication where only the parity of each digit is known.
%
%       O E E          (E: even digit, O: odd digit)
%     x   E E
%     -------
%     E O E E
%     E O E
%     -------
%     O O E E
%
% The search picks digits and multiplies digit by digit with carries, checking
% the parity of each product digit as soon as it is known.  The unique answer
% is 348 x 28 = 9744.
%! iterations: 200

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), crypt(_), fail ; true ),
    findall(S, crypt(S), Sols),
    ( Sols == [sol(348, 28, 2784, 696, 9744)] -> true
    ; format('crypt: wrong answer ~w~n', [Sols]), fail
    ).

crypt(sol(A, B, P1, P2, T)) :-
    crypt_odd(A1), crypt_even(A2), crypt_even(A3),
    crypt_even(B1), B1 > 0, crypt_even(B2),
    % first partial product: A1 A2 A3 x B2 = E O E E
    crypt_mult([A3, A2, A1], B2, 0, [D4, D3, D2, D1]),
    crypt_even(D1), D1 > 0, crypt_odd(D2), crypt_even(D3), crypt_even(D4),
    % second partial product: A1 A2 A3 x B1 = E O E (no carry out)
    crypt_mult([A3, A2, A1], B1, 0, [E3, E2, E1, 0]),
    crypt_even(E1), E1 > 0, crypt_odd(E2), crypt_even(E3),
    % the sum, shifted by one digit: O O E E
    crypt_add([D4, D3, D2, D1], [0, E3, E2, E1], 0, [F4, F3, F2, F1, 0]),
    crypt_odd(F1), crypt_odd(F2), crypt_even(F3), crypt_even(F4),
    A is A1 * 100 + A2 * 10 + A3,
    B is B1 * 10 + B2,
    P1 is D1 * 1000 + D2 * 100 + D3 * 10 + D4,
    P2 is E1 * 100 + E2 * 10 + E3,
    T is F1 * 1000 + F2 * 100 + F3 * 10 + F4.

crypt_odd(1). crypt_odd(3). crypt_odd(5). crypt_odd(7). crypt_odd(9).
crypt_even(0). crypt_even(2). crypt_even(4). crypt_even(6). crypt_even(8).

% crypt_mult(+DigitsLowFirst, +Digit, +Carry, -ProductLowFirst): the product
% has one more digit than the multiplicand (the final carry).
crypt_mult([], _, C, [C]).
crypt_mult([D|Ds], M, C, [R|Rs]) :-
    P is D * M + C,
    R is P mod 10,
    C1 is P // 10,
    crypt_mult(Ds, M, C1, Rs).

crypt_add([], [], C, [C]).
crypt_add([X|Xs], [Y|Ys], C, [R|Rs]) :-
    S is X + Y + C,
    R is S mod 10,
    C1 is S // 10,
    crypt_add(Xs, Ys, C1, Rs).
