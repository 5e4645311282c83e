% Random asserta/assertz/retract on a dynamic predicate with a first-argument
% switch (engine/db.c), some of them while a call into the same key is
% running: every lookup's answers, in order, as swipl gives them (checked
% against swipl 9.0.4, swipl -q -g main -t halt).  The generator is a
% linear congruential one written out, so both systems run the same steps.

:- dynamic r/2.
lcg(S0, S) :- S is (S0 * 1103515245 + 12345) mod 2147483648.
step(0, _) :- !.
step(N, S0) :-
    lcg(S0, S1), Op is S1 mod 7, lcg(S1, S2), K0 is S2 mod 13, lcg(S2, S3),
    ( K0 =:= 12 -> K = _ ; K = K0 ),
    ( Op =:= 0 -> asserta(r(K, N))
    ; Op =< 2 -> assertz(r(K, N))
    ; Op =:= 3 -> ( retract(r(K0, _)) -> true ; true )
    ; Op =:= 4 -> findall(V, (r(K0, V), (integer(V), V mod 3 =:= 0 -> assertz(r(K0, x(V))) ; true), (integer(V), V mod 5 =:= 0 -> ignore(retract(r(K0, _))) ; true)), Vs), write(Vs), nl
    ; findall(V, r(K0, V), Vs), write(Vs), nl
    ),
    N1 is N - 1, step(N1, S3).
main :- step(2000, 42), findall(K-V, r(K, V), L), length(L, Len), write(Len), nl.
