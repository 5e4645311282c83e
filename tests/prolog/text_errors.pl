% text_errors: error terms of split_string/4 (text only, no numbers),
% normalize_space/2 (atomic input) and atomic_list_concat/2,3 (the tail of
% a list that is not one).  Checked against swipl 9.0.4.
t(G) :- ( catch(G, error(E, _), (print(E), nl, fail)) -> \+ \+ (numbervars(G, 0, _), print(yes(G))) ; print(no) ), nl.
main :-
    t(split_string(12, "", "", _)), t(split_string("a1b", 1, "", _)), t(split_string("a", "", 2, _)),
    t(split_string(`a b`, " ", "", _)), t(split_string([a, ' ', b], " ", "", _)),
    t(normalize_space(atom(_), 12)), t(normalize_space(atom(_), f(x))), t(normalize_space(string(_), "  a   b ")),
    t(atomic_list_concat([a|b], _)), t(atomic_list_concat([a, f(x)], _)), t(atomic_list_concat([a|b], '-', _)),
    t(atomic_list_concat(L, '-', 'a-b')), t(atomic_list_concat([a, 1, "s", 2.5], X)), print(L-X), nl.
