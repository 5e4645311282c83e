% Sorting: sort/2, msort/2, sort/4 (the four orders, on keys), predsort/3,
% keysort/2 (stable), list_to_set/2, with their errors.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt FILE); errors
% print their formal term only.  A Key that is an atom (a dict key in
% swipl) is left out: snaplog has no dicts.

t(G) :-
    catch(( G -> R = yes(G) ; R = no ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

by_length(O, A, B) :- atom_length(A, LA), atom_length(B, LB), compare(O, LA, LB).
rev(O, A, B) :- compare(O, B, A).

main :-
    t(sort([c, a, b, a, c], _)), t(msort([c, a, b, a, c], _)), t(sort([], _)), t(msort([], _)),
    t(sort([f(B1), f(A1), f(B1), 2, 1.0, 1, b, a], _)), t(var(A1)), t(var(B1)),
    t(sort([b, a], [a, b])), t(sort([b, a], [b, a])),
    t(sort(_, _)), t(sort([a|_], _)), t(sort([a|b], _)), t(sort(a, _)), t(msort(_, _)), t(msort([a|b], _)),
    t(sort(0, @<, [c, a, b, a], _)), t(sort(0, @=<, [c, a, b, a], _)), t(sort(0, @>, [c, a, b, a], _)),
    t(sort(0, @>=, [c, a, b, a], _)),
    t(sort(1, @<, [f(2, a), f(1, b), f(2, c), f(1, d)], _)),
    t(sort(1, @=<, [f(2, a), f(1, b), f(2, c), f(1, d)], _)),
    t(sort(1, @>, [f(2, a), f(1, b), f(2, c), f(1, d)], _)),
    t(sort(1, @>=, [f(2, a), f(1, b), f(2, c), f(1, d)], _)),
    t(sort(2, @<, [f(2, b), f(1, a), f(3, b)], _)),
    t(sort(_, @<, [], _)), t(sort(-1, @<, [], _)), t(sort(0, _, [], _)),
    t(sort(0, foo, [], _)), t(sort(0, 1, [], _)), t(sort(2, @<, [f(1)], _)), t(sort(1, @<, [a], _)),
    t(sort(1, @<, [_], _)), t(sort(0, @<, [b|_], _)), t(sort(0, @<, [b|c], _)), t(sort(0, @<, _, _)),
    t(keysort([b-1, a-2, b-0, a-1, c-9], _)), t(keysort([], _)), t(keysort([a], _)), t(keysort([_], _)),
    t(keysort([a-1|_], _)), t(keysort([a-1|b], _)), t(keysort(_, _)), t(keysort([f(a)], _)),
    t(predsort(by_length, [abc, a, ab, xyz, b], _)), t(predsort(rev, [c, a, b, a], _)),
    t(predsort(rev, [], _)), t(predsort(rev, [x], _)),
    t(list_to_set([a, b, a, 1, 1.0, c, b, 1], _)), t(list_to_set([], _)),
    t((list_to_set([X, Y, X, f(Y)], S), S == [X, Y, f(Y)])),
    t(list_to_set(_, _)), t(list_to_set([a|b], _)),
    numlist(1, 2000, L0), reverse(L0, L1), msort(L1, L2), t(L2 == L0),
    findall(K-V, (member(V, L0), K is V mod 3), Ps), keysort(Ps, Ks), Ks = [_-First|_], t(First == 3).
