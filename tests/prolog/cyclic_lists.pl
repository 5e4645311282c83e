% Built-ins over lists end on a cyclic list (L = [a, b|L]): is_list/1
% fails, length/2, msort/2 and keysort/2 raise type_error(list, L).
% Checked against swipl 9.0.4.  (Left out: sort/2 and sort/4 with @<,
% which swipl answers with the elements of the cycle, and predsort/3: we
% raise type_error(list, L) for them too.)
t(G, L) :-
    catch(( G -> R = yes ; R = no ), error(E, _), R = caught(E)),
    ( R = caught(type_error(T, C)) -> ( C == L -> print(type_error(T, 'L')) ; print(other) ) ; print(R) ),
    nl.

main :-
    L = [a, b|L],
    t(is_list(L), L), t(length(L, _), L), t(length(L, 3), L), t(msort(L, _), L),
    t(keysort(L, _), L), t(sort(0, @>=, L, _), L), t(sort(0, @=<, L, _), L),
    t(ground(L), L), t(L == [a, b, a|L], L), t(copy_term(L, _), L),
    K = [x|K], t(is_list([a|K]), K), t(length([a|K], _), [a|K]).
