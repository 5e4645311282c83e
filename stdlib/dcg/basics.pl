/* library(dcg/basics): common grammar rules over lists of character codes. */
:- module(dcg_basics, [blank//0, blanks//0, white//0, whites//0, nonblank//1, nonblanks//1, blanks_to_nl//0,
                       string//1, string_without//2, digit//1, digits//1, integer//1, float//1, number//1,
                       xdigit//1, xdigits//1, xinteger//1, alpha_to_lower//1, eol//0, eos//0, remainder//1]).

blank --> [C], { nonvar(C), code_type(C, space) }.
blanks --> blank, !, blanks.
blanks --> [].
white --> [C], { nonvar(C), code_type(C, white) }.
whites --> white, !, whites.
whites --> [].
nonblank(C) --> [C], { code_type(C, graph) }.
nonblanks([H|T]) --> [H], { code_type(H, graph) }, !, nonblanks(T).
nonblanks([]) --> [].
blanks_to_nl --> [C], { code_type(C, space), C \== 0'\n }, !, blanks_to_nl.
blanks_to_nl --> "\n", !.
blanks_to_nl --> eos.

% string(-Codes): the shortest prefix first, longer on backtracking.
string([]) --> [].
string([H|T]) --> [H], string(T).

% string_without(+End, -Codes): the longest prefix with none of End's codes
% (End a code list or, as swipl allows, a string).
string_without(End, Codes, S0, S) :-
    ( string(End) -> string_codes(End, EndCodes) ; EndCodes = End ),
    '$dcgb_without'(S0, EndCodes, Codes, S).
'$dcgb_without'([C|T], End, [C|Cs], S) :- \+ memberchk(C, End), !, '$dcgb_without'(T, End, Cs, S).
'$dcgb_without'(S, _, [], S).

digit(C) --> [C], { code_type(C, digit) }.
digits([H|T]) --> digit(H), !, digits(T).
digits([]) --> [].

% integer(?I): parsing, or generating when I is bound (also float//1, number//1).
integer(I, Head, Tail) :- integer(I), !, number_codes(I, Cs), append(Cs, Tail, Head).
integer(I) --> '$dcgb_int_codes'(Cs), { number_codes(I, Cs) }.

float(F, Head, Tail) :- float(F), !, number_codes(F, Cs), append(Cs, Tail, Head).
% a float has a fraction or an exponent: 2 is not one
float(F) -->
    '$dcgb_int_codes'(I), '$dcgb_frac'(Fr), '$dcgb_exp'(E), { Fr \== [] ; E \== [] }, !,
    { append(Fr, E, FE), append(I, FE, Cs), number_codes(F0, Cs), F is float(F0) }.

number(N, Head, Tail) :- number(N), !, number_codes(N, Cs), append(Cs, Tail, Head).
number(N) -->
    '$dcgb_int_codes'(I), '$dcgb_frac'(F), '$dcgb_exp'(E),
    { append(F, E, FE), append(I, FE, Cs), number_codes(N, Cs) }.

'$dcgb_int_codes'(Cs) --> '$dcgb_sign'(Cs, [D0|Ds]), digit(D0), digits(Ds).
'$dcgb_sign'([0'-|T], T) --> "-", !.
'$dcgb_sign'(T, T) --> "+", !.
'$dcgb_sign'(T, T) --> [].
'$dcgb_frac'([0'., D0|Ds]) --> ".", digit(D0), !, digits(Ds).
'$dcgb_frac'([]) --> [].
'$dcgb_exp'([0'e|Cs]) --> [E], { E == 0'e ; E == 0'E }, '$dcgb_sign'(Cs, [D0|Ds]), digit(D0), !, digits(Ds).
'$dcgb_exp'([]) --> [].

xdigit(W) --> [C], { '$dcgb_xdigit'(C, W) }.
'$dcgb_xdigit'(C, W) :- integer(C), ( C >= 0'0, C =< 0'9 -> W is C - 0'0
                                    ; C >= 0'a, C =< 0'f -> W is C - 0'a + 10
                                    ; C >= 0'A, C =< 0'F -> W is C - 0'A + 10 ).
xdigits([H|T]) --> xdigit(H), !, xdigits(T).
xdigits([]) --> [].
xinteger(I) --> xdigit(D0), xdigits(Ds), { '$dcgb_hex'([D0|Ds], 0, I) }.
'$dcgb_hex'([], I, I).
'$dcgb_hex'([D|Ds], I0, I) :- I1 is I0 * 16 + D, '$dcgb_hex'(Ds, I1, I).

alpha_to_lower(L) --> [C], { code_type(C, alpha), ( code_type(C, upper(L0)) -> L = L0 ; L = C ) }.

eol --> "\n", !.
eol --> "\r\n", !.
eol --> eos.
eos([], []).
remainder(R, R, []).
