% library(pairs), library(ordsets) and library(assoc) (AVL trees),
% autoloaded.  Expected output checked against swipl 9.0.4 (swipl -q -g
% main -t halt FILE); errors print their formal term only.  Trees are not
% printed (their shape is the library's own business), only what the
% predicates give back.

t(G) :- t(G, G).

% t(Answer, Goal): the answers Answer of Goal, or its error.
t(X, G) :-
    catch(( findall(X, G, L), R = L ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

len(X, L) :- atom_length(X, L).

main :-
    t(pairs_keys_values(_, [a, b], [1, 2])), t(pairs_keys_values([a-1, b-2], _, _)),
    t(pairs_keys([a-1, b-2], _)), t(pairs_values([a-1, b-2], _)),
    t(transpose_pairs([a-2, b-1, c-2], _)), t(map_list_to_pairs(len, [ab, c, def], _)),
    t(is_ordset([a, b, c])), t(is_ordset([b, a])), t(is_ordset([a, a])), t(is_ordset(x)),
    t(list_to_ord_set([c, a, b, a], _)), t(ord_union([a, c], [b, d], _)), t(ord_union([[c], [a], [b, a]], _)),
    t(ord_union([a, c], [b, c, d], _, _)),
    t(ord_subtract([a, b, c, d], [b, d, e], _)), t(ord_intersection([a, b, c], [b, c, d], _)),
    t(ord_intersection([[a, b, c], [b, c], [c, d]], _)), t(ord_intersection([a, b], [b, c], _, _)),
    t(ord_memberchk(b, [a, b, c])), t(ord_memberchk(d, [a, b, c])), t(ord_add_element([a, c], b, _)),
    t(ord_del_element([a, b, c], b, _)), t(ord_selectchk(b, [a, b, c], _)), t(ord_subset([a, c], [a, b, c])),
    t(ord_subset([a, d], [a, b, c])), t(ord_disjoint([a, b], [c, d])), t(ord_disjoint([a, b], [b])),
    t(ord_intersect([a, b], [b])), t(ord_symdiff([a, b, c], [b, c, d], _)), t(ord_empty(_)),
    t(V1, (list_to_assoc([c-3, a-1, b-2], A1), get_assoc(b, A1, V1))),
    t(L2, (list_to_assoc([c-3, a-1, b-2], A2), assoc_to_list(A2, L2))),
    t(K3-V3, (list_to_assoc([c-3, a-1, b-2], A3), assoc_to_keys(A3, K3), assoc_to_values(A3, V3))),
    t(V4, (empty_assoc(E0), put_assoc(k, E0, v, E1), put_assoc(k, E1, w, E2), get_assoc(k, E2, V4))),
    t(V5, (empty_assoc(E3), get_assoc(k, E3, V5))),
    t(V6-Mx-Mn, (numlist(1, 200, Ns), foldl([N, T0, T]>>put_assoc(N, T0, x(N), T), Ns, t, T1),
       assoc_to_keys(T1, Ks), Ks == Ns, get_assoc(137, T1, V6), max_assoc(T1, Mx, _), min_assoc(T1, Mn, _))),
    t(First, (numlist(1, 100, Ms), reverse(Ms, Rs), foldl([N, T0, T]>>put_assoc(N, T0, N, T), Rs, t, T2),
       assoc_to_list(T2, [First|_]))),
    t(K7-V7, (list_to_assoc([a-1, b-2, c-3], A4), gen_assoc(K7, A4, V7))),
    t(V8-L8, (list_to_assoc([a-1, b-2, c-3], A5), del_assoc(b, A5, V8, A6), assoc_to_list(A6, L8))),
    t(x, (list_to_assoc([a-1, b-2, c-3], A7), del_assoc(z, A7, _, _))),
    t(L9, (list_to_assoc([a-1, b-2], A8), map_assoc([V, W]>>(W is V * 10), A8, A9), assoc_to_list(A9, L9))),
    t(x, (list_to_assoc([a-1, b-2], A10), map_assoc(integer, A10))),
    t(L11, (ord_list_to_assoc([a-1, b-2, c-3], A11), assoc_to_list(A11, L11))),
    t(x, list_to_assoc([a-1, a-2], _)), t(x, list_to_assoc([a], _)), t(x, list_to_assoc(_, _)),
    t(x, list_to_assoc([a-1|_], _)), t(x, ord_list_to_assoc([b-1, a-2], _)),
    t(x, (list_to_assoc([], A12), empty_assoc(A12))),
    t(x, (numlist(1, 300, Up), foldl([N, T0, T]>>put_assoc(N, T0, N, T), Up, t, U), is_assoc(U))),
    t(x, (findall(K, (between(1, 300, I), K is (I * 7919) mod 1009), Mix),
          foldl([N, T0, T]>>put_assoc(N, T0, N, T), Mix, t, M), is_assoc(M), assoc_to_keys(M, MK), sort(Mix, MK))),
    t(x, (numlist(1, 50, L50), findall(K-K, member(K, L50), P50), list_to_assoc(P50, B50), is_assoc(B50))),
    t(x, is_assoc(t(a, 1, <, t, t))).
