% Cyclic terms (rational trees), made by unification without the occurs
% check: unify, ==, compare/3, copy_term/2, findall/3, ground/1,
% cyclic_term/1, acyclic_term/1 and write/print/writeq all terminate.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
t(Name, G) :-
    write(Name), write(': '),
    catch((G -> write(yes) ; write(no)), E, (write(caught(E)))),
    nl.

main :-
    t(unify_same, (X1 = f(X1), Y1 = f(Y1), X1 = Y1)),
    t(unify_unrolled, (X2 = f(X2), Y2 = f(f(Y2)), X2 = Y2)),
    t(unify_differ, (X3 = f(X3, a), Y3 = f(Y3, b), X3 = Y3)),
    t(unify_binds, (X4 = f(X4, A4), Y4 = f(Y4, 1), X4 = Y4, A4 == 1)),
    t(unify_list, (L5 = [a, b|L5], M5 = [a, b, a, b|M5], L5 = M5)),
    t(identical, (X6 = f(X6), Y6 = f(Y6), X6 == Y6)),
    t(not_identical, (X7 = f(X7, a), Y7 = f(Y7, b), X7 \== Y7)),
    t(compare_lt, (X8 = f(X8, a), Y8 = f(Y8, b), compare(O8, X8, Y8), write(O8), write(' '))),
    t(compare_eq, (X9 = [x|X9], Y9 = [x, x|Y9], compare(O9, X9, Y9), write(O9), write(' '))),
    t(copy, (X10 = f(X10, V10), copy_term(X10, C10), C10 = f(C10, W10), X10 = C10, W10 == V10)),
    t(copy_fresh, (X11 = g(X11, _), copy_term(X11, C11), C11 = g(_, W11), var(W11), W11 = z, write(C11), write(' '))),
    t(findall, (X12 = f(X12), findall(X12, true, [E12]), E12 == X12, write(E12), write(' '))),
    t(ground, (X13 = [a|X13], ground(X13))),
    t(ground_var, (X14 = f(X14, _), ground(X14))),
    t(occurs_check, (X15 = f(X15), unify_with_occurs_check(X15, Y15), Y15 == X15)),
    t(cyclic, (X16 = f(X16), cyclic_term(X16))),
    t(cyclic_inner, (X17 = [a|X17], cyclic_term(g(1, X17)))),
    t(cyclic_not, (cyclic_term(f(A18, A18)))),
    t(acyclic, (acyclic_term(f(_, g(1))))),
    t(acyclic_not, (X19 = f(X19), acyclic_term(X19))),
    t(acyclic_shared, (numlist(1, 100000, L20), acyclic_term(f(L20, L20)))),
    X21 = f(X21), write(X21), nl, print(X21), nl, writeq(X21), nl,
    X22 = [a|X22], format("~w~n", [X22]),
    X23 = f(X23, Y23), Y23 = g(X23), write(X23), nl,
    writeq(h(X21, X22, 'A b')), nl,
    X24 = (X24 :- a), writeq(X24), nl,
    X25 = X25 + 1, write(X25), nl,
    X26 = [X26|X26], write(X26), nl.
