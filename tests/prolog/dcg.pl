% Grammar rules and phrase/2,3.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
greeting --> [hello], name.
name --> [world].
name --> [prolog].

digits([D|T]) --> digit(D), digits(T).
digits([D]) --> digit(D).
digit(D) --> [D], { code_type_digit(D) }.
code_type_digit(D) :- D >= 0'0, D =< 0'9.

ab --> [].
ab --> [a], ab, [b].

anything([]) --> [].
anything([H|T]) --> [H], anything(T).

main :-
    ( phrase(greeting, [hello, world]) -> write(yes) ; write(no) ), nl,
    ( phrase(greeting, [hello, there]) -> write(yes) ; write(no) ), nl,
    phrase(digits(Ds), `123`, Rest), atom_codes_list(Ds, A), write(A-Rest), nl,
    findall(N, (member(N, [0, 1, 2, 3]), length(L, N), maplist(=(a), L), append(L, Bs, S), length(Bs, N), maplist(=(b), Bs), phrase(ab, S)), Ns),
    write(Ns), nl,
    findall(X-Y, phrase((anything(X), anything(Y)), [1, 2]), Splits), write(Splits), nl.

atom_codes_list(Cs, Cs).
