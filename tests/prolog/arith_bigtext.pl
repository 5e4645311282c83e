% Big integers as text, both ways, at sizes where a quadratic conversion
% would show (the reader's and writer's own code is quadratic; the engine
% converts through GMP, lang/numtext.h).  Expected output checked against
% swipl 9.0.4 (swipl -q -g main -t halt).


sum_digits([], S, S).
sum_digits([C|Cs], S0, S) :- ( C >= 0'0, C =< 0'9 -> S1 is S0 + C - 0'0 ; S1 = S0 ), sum_digits(Cs, S1, S).

main :-
    X is 7**200000, atom_number(A, X), atom_length(A, L), atom_codes(A, Cs), sum_digits(Cs, 0, S),
    writeq(digits(L, S)), nl,
    number_codes(Y, Cs), ( Y =:= X -> writeln(read_back) ; writeln(differs) ),
    length(Ns, 50000), maplist(=(0'7), Ns), number_codes(N, Ns), M is N mod 1000000007, writeq(M), nl,
    length(Fs, 30000), maplist(=(0'f), Fs), atom_codes(H, [0'0, 0'x|Fs]), term_to_atom(T, H),
    ( T =:= 16**30000 - 1 -> writeln(hex_ok) ; writeln(hex_wrong) ),
    length(Zs, 5000), maplist(=(0'z), Zs), atom_codes(R, [0'3, 0'6, 0''|Zs]), term_to_atom(U, R),
    ( U =:= 36**5000 - 1 -> writeln(radix_ok) ; writeln(radix_wrong) ),
    V is -(3**100000), atom_number(VA, V), sub_atom(VA, 0, 12, _, Head), writeq(Head), nl,
    atom_number(VA, W), ( W =:= V -> writeln(negative_read_back) ; writeln(negative_differs) ).
