% Standard order and ==/2 on lists, where compare_terms steps over equal
% heads without its work stack: long code lists equal, differing at the
% start, the middle or the end, in length, in a head that is a compound,
% a variable or a float, open tails, partial lists, and cyclic lists
% longer than the walk's cycle threshold.  Checked against swipl 9.0.4.
main :-
    numlist(1, 5000, L1), numlist(1, 5000, L2),
    check(long_equal, L1, L2),
    append(L0, [_], L1), append(L0, [0], L3),
    check(last_differs, L1, L3),
    check(first_differs, [0|L0], [1|L0]),
    append(Front, [2500|Back], L1), append(Front, [x|Back], L4),
    check(middle_atom, L1, L4),
    check(shorter, L0, L1),
    check(code_lists, `item_12345_suffix`, `item_12345_suffiy`),
    check(compound_heads, [f(1), g(2)], [f(1), g(3)]),
    check(float_int, [1, 2.0], [1, 2]),
    check(same_var_tail, [1, 2|T], [1, 2|T]),
    ( [1, 2|_] == [1, 2|_] -> writeln(var_tails_identical) ; writeln(var_tails_different) ),
    check(nil_vs_tail, [1, 2], [1, 2|_]),
    check(list_vs_atom, [1, 2], [1|foo]),
    X = [1, 2, 3|X], Y = [1, 2, 3|Y],
    ( X == Y -> writeln(cyclic_equal) ; writeln(cyclic_differ) ),
    Z = [1, 2, 4|Z],
    compare(O, X, Z), writeln(cyclic_order(O)),
    length(B, 3000), maplist(=(7), B), append(B, P, XP), P = XP,
    length(C, 3000), maplist(=(7), C), append(C, Q, XQ), Q = XQ,
    ( XP == XQ -> writeln(long_cycles_equal) ; writeln(long_cycles_differ) ).

check(Name, A, B) :-
    compare(O, A, B),
    ( A == B -> E = identical ; E = different ),
    writeln(Name-O-E).
