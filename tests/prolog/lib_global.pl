% Global variables: b_setval/2, b_getval/2 (backtrackable) and
% nb_setval/2, nb_getval/2 (persistent), one namespace, with swipl's
% errors.  Expected output checked against swipl 9.0.4 (swipl -q -g main
% -t halt FILE); errors print their formal term only.

t(G) :-
    catch(( G -> R = yes(G) ; R = no ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

count(N) :- nb_setval(counter, 0), ( between(1, N, _), nb_getval(counter, C0), C1 is C0 + 1, nb_setval(counter, C1), fail ; true ).

main :-
    t(nb_getval(nokey, _)), t(b_getval(nokey, _)), t(nb_setval(_, 1)), t(nb_setval(1, 1)), t(b_setval(f(x), 1)),
    t(nb_getval(_, _)), t(b_getval(1, _)), t(nb_setval("str", 1)), t(nb_getval("str", _)),
    t((b_setval(k, f(X)), b_getval(k, V), V == f(X))),
    t((nb_setval(k2, g(_)), nb_getval(k2, A), nb_getval(k2, B), A == B)),
    t(( b_setval(k3, 1), fail ; b_getval(k3, _) )),
    t(( nb_setval(k4, 1), fail ; nb_getval(k4, _) )),
    t((b_setval(k5, 1), nb_setval(k5, 2), b_getval(k5, _))),
    t((nb_setval(k6, 1), b_setval(k6, 2), nb_getval(k6, _))),
    t((nb_setval(k7, 1), ( b_setval(k7, 2), fail ; nb_getval(k7, _) ))),
    t((b_setval(k8, Z), Z = 3, b_getval(k8, _))),
    t((nb_setval(k9, h(W)), W = 1, nb_getval(k9, h(W2)), var(W2))),
    t((b_setval(k10, 1), b_setval(k10, 2), b_getval(k10, _))),
    t((nb_setval(k11, [a, "s", 1.5, f(_, _)]), nb_getval(k11, _))),
    count(1000), t(nb_getval(counter, _)),
    t(( member(I, [1, 2, 3]), b_setval(k12, I), I >= 2 -> b_getval(k12, _) ; fail )),
    t(( nb_setval(k13, start), member(J, [1, 2, 3]), nb_setval(k13, J), J >= 3 -> nb_getval(k13, _) ; fail )),
    % an nb_setval is not hidden by an older b_setval that backtracking brings back
    t((b_setval(k14, 1), ( nb_setval(k14, 2), fail ; b_getval(k14, _) ))),
    t((nb_setval(k15, 1), b_setval(k15, 2), ( b_setval(k15, 3), fail ; nb_getval(k15, _) ))),
    t((nb_setval(k16, 1), ( b_setval(k16, 2), nb_setval(k16, 3), fail ; nb_getval(k16, _) ))),
    t((nb_setval(k17, f(_)), nb_getval(k17, A17), nb_setval(k17, g), nb_getval(k17, B17), A17 \== B17)).
