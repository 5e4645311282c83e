% lib_record: the recorded database (recorda/2,3, recordz/2,3, recorded/2,3,
% erase/1, instance/2): keys by name and arity, enumeration order, erasing
% under the logical update view, errors.  Checked against swipl 9.0.4.
t(G) :- ( catch(G, error(E, _), (print(E), nl, fail)) -> \+ \+ (numbervars(G, 0, _), print(yes(G))) ; print(no) ), nl.
main :-
    recordz(k, a), recordz(k, b), recorda(k, c), recordz(f(1), x), recordz(f(2), y), recorda(other, z(_)),
    findall(V, recorded(k, V), L1), print(L1), nl,
    findall(K-V, recorded(K, V), L2), \+ \+ (numbervars(L2, 0, _), print(L2)), nl,
    findall(V, recorded(f(_), V), L3), print(L3), nl,
    recorded(k, b, R), erase(R), findall(V, recorded(k, V), L4), print(L4), nl,
    ( recorded(k, c, R2), instance(R2, I) -> print(I) ; true ), nl,
    t(recorda(_, x)), t(recorda(1.5, x)), t(recorded(k, nope)),
    t(recordz("str", v)), t(recorded(3, _)), t(recordz(3, three)), t(recorded(3, _)),
    ( recorded(k, V5, _), V5 == a -> true ; true ),
    ( recorded(k, _, R5), erase(R5), fail ; true ), findall(V, recorded(k, V), L6), print(L6), nl,
    t(erase(foo)).
