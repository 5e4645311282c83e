% library(assoc) builds the same AVL trees as swipl's: the balance marks
% <, -, >, list_to_assoc/2 and ord_list_to_assoc/2 putting the larger half
% left, put_assoc/4 and del_assoc/4 rebalancing as swipl's do, so a printed
% assoc is the same term.  Checked against swipl 9.0.4.
ins(K, A0, A) :- put_assoc(K, A0, K, A).
del(K, A0, A) :- del_assoc(K, A0, _, A), ( is_assoc(A) -> true ; print(bad(K)), nl ).

main :-
    numlist(1, 12, L),
    forall(between(0, 12, N),
           ( length(P, N), append(P, _, L), pairs_keys_values(KV, P, P),
             list_to_assoc(KV, A), print(A), nl )),
    foldl(ins, [5,3,8,1,4,7,9,2,6,10,0,11], t, T1), print(T1), nl,
    foldl(ins, [1,2,3,4,5,6,7,8,9,10], t, T2), print(T2), nl,
    foldl(ins, [10,9,8,7,6,5,4,3,2,1], t, T3), print(T3), nl,
    foldl(ins, [3,1,2,5,4,7,6], t, T4), print(T4), nl,
    ord_list_to_assoc([a-1,b-2,c-3,d-4], T5), print(T5), nl,
    list_to_assoc([a-1,b-2,c-3,d-4,e-5], T6), del_assoc(c, T6, V, T7), print(V-T7), nl,
    numlist(1, 40, L40), pairs_keys_values(KV40, L40, L40), list_to_assoc(KV40, A40),
    foldl(del, [20,3,17,39,1,2,4,5,10,30,31,32,33,34,35,36,6,7,8,9], A40, A40b), print(A40b), nl,
    foldl(del, [5,8,3,1,0,11,9], T1, T1b), print(T1b), nl,
    ( del_assoc(100, A40, _, _) -> print(yes) ; print(no) ), nl,
    ( del_assoc(1, A40, 2, _) -> print(yes) ; print(no) ), nl,
    numlist(1, 200, L200), pairs_keys_values(KV200, L200, L200), list_to_assoc(KV200, B0),
    foldl(del, L200, B0, B1), print(B1), nl,
    reverse(L200, R200), foldl(del, R200, B0, B2), print(B2), nl,
    findall(K, (between(1, 60, I), K is (I * 37) mod 101), Ks),
    foldl(ins, Ks, t, C0), foldl(del, [37,74,10,47,84,20,57,94], C0, C1), print(C1), nl.
