% The double_quotes and back_quotes flags change what consult, read_term and
% term_to_atom make of "..." and `...` from the next clause on.
% Checked against swipl 9.0.4 (swipl -q -g main -t halt double_quotes_flag.pl).
:- set_prolog_flag(double_quotes, codes).
a("ab").
:- set_prolog_flag(double_quotes, chars).
b("ab").
:- set_prolog_flag(double_quotes, atom).
c("ab").
:- set_prolog_flag(double_quotes, string).
d("ab").
:- set_prolog_flag(back_quotes, string).
e(`ab`).
:- set_prolog_flag(back_quotes, codes).
f(`ab`).

main :-
    a(A), b(B), c(C), d(D), e(E), f(F), print([A, B, C, D, E, F]), nl,
    current_prolog_flag(double_quotes, DQ), current_prolog_flag(back_quotes, BQ), print(DQ/BQ), nl,
    catch(set_prolog_flag(double_quotes, foo), error(Err, _), (print(Err), nl)),
    catch(set_prolog_flag(back_quotes, 1), error(Err2, _), (print(Err2), nl)),
    set_prolog_flag(double_quotes, codes), term_to_atom(T1, '"xy"'), print(T1), nl,
    set_prolog_flag(double_quotes, chars), term_to_atom(T2, 'f("xy")'), print(T2), nl,
    set_prolog_flag(double_quotes, atom), term_to_atom(T3, '"x y"'), print(T3), nl,
    set_prolog_flag(double_quotes, string), term_to_atom(T4, '"xy"'), print(T4), nl.
