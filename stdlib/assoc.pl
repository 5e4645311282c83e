/* library(assoc): association lists as AVL trees.  The empty tree is t; a
 * node is t(Key, Value, Balance, Left, Right), Balance one of < (left is
 * higher), - or > (right is higher), as swipl's.  Keys are compared by standard order. */
:- module(assoc, [empty_assoc/1, put_assoc/4, get_assoc/3, list_to_assoc/2, ord_list_to_assoc/2,
                  assoc_to_list/2, assoc_to_keys/2, assoc_to_values/2, max_assoc/3, min_assoc/3,
                  gen_assoc/3, del_assoc/4, map_assoc/2, map_assoc/3, is_assoc/1]).

empty_assoc(t).

get_assoc(K, t(K0, V0, _, L, R), V) :- compare(O, K, K0), '$assoc_get'(O, K, V, V0, L, R).
'$assoc_get'(=, _, V, V, _, _).
'$assoc_get'(<, K, V, _, L, _) :- get_assoc(K, L, V).
'$assoc_get'(>, K, V, _, _, R) :- get_assoc(K, R, V).

put_assoc(K, A0, V, A) :- '$assoc_put'(A0, K, V, A, _).

% '$assoc_put'(+Tree, +K, +V, -NewTree, -Grew): Grew is yes when the height grew.
'$assoc_put'(t, K, V, t(K, V, -, t, t), yes).
'$assoc_put'(t(K0, V0, B, L, R), K, V, New, Grew) :-
    compare(O, K, K0),
    '$assoc_put'(O, K0, V0, B, L, R, K, V, New, Grew).
'$assoc_put'(=, K0, _, B, L, R, _, V, t(K0, V, B, L, R), no).
'$assoc_put'(<, K0, V0, B, L, R, K, V, New, Grew) :-
    '$assoc_put'(L, K, V, L1, G), '$assoc_left'(G, K0, V0, B, L1, R, New, Grew).
'$assoc_put'(>, K0, V0, B, L, R, K, V, New, Grew) :-
    '$assoc_put'(R, K, V, R1, G), '$assoc_right'(G, K0, V0, B, L, R1, New, Grew).

% The left subtree grew (G = yes) or not; when it grew, the old balance
% decides, a predicate of its own so that first-argument indexing picks
% the one clause (no choice point, so no snapshot, per insertion).
'$assoc_left'(no, K, V, B, L, R, t(K, V, B, L, R), no).
'$assoc_left'(yes, K, V, B, L, R, New, Grew) :- '$assoc_left_grew'(B, K, V, L, R, New, Grew).
'$assoc_left_grew'(-, K, V, L, R, t(K, V, <, L, R), yes).
'$assoc_left_grew'(>, K, V, L, R, t(K, V, -, L, R), no).
'$assoc_left_grew'(<, K, V, t(LK, LV, LB, LL, LR), R, New, no) :- '$assoc_rot_right'(LB, LK, LV, LL, LR, K, V, R, New).
'$assoc_right'(no, K, V, B, L, R, t(K, V, B, L, R), no).
'$assoc_right'(yes, K, V, B, L, R, New, Grew) :- '$assoc_right_grew'(B, K, V, L, R, New, Grew).
'$assoc_right_grew'(-, K, V, L, R, t(K, V, >, L, R), yes).
'$assoc_right_grew'(<, K, V, L, R, t(K, V, -, L, R), no).
'$assoc_right_grew'(>, K, V, L, t(RK, RV, RB, RL, RR), New, no) :- '$assoc_rot_left'(RB, RK, RV, RL, RR, K, V, L, New).

% Left-left: a single rotation; left-right: a double one.
'$assoc_rot_right'(<, LK, LV, LL, LR, K, V, R, t(LK, LV, -, LL, t(K, V, -, LR, R))).
'$assoc_rot_right'(>, LK, LV, LL, t(XK, XV, XB, XL, XR), K, V, R, t(XK, XV, -, t(LK, LV, B1, LL, XL), t(K, V, B2, XR, R))) :-
    '$assoc_double'(XB, B1, B2).
'$assoc_rot_left'(>, RK, RV, RL, RR, K, V, L, t(RK, RV, -, t(K, V, -, L, RL), RR)).
'$assoc_rot_left'(<, RK, RV, t(XK, XV, XB, XL, XR), RR, K, V, L, t(XK, XV, -, t(K, V, B1, L, XL), t(RK, RV, B2, XR, RR))) :-
    '$assoc_double'(XB, B1, B2).
'$assoc_double'(<, -, >).
'$assoc_double'(-, -, -).
'$assoc_double'(>, <, -).

% list_to_assoc(+Pairs, -Assoc): keys must be unique.
list_to_assoc(L, A) :-
    must_be(list, L),
    keysort(L, S),
    '$assoc_unique'(S, L),
    length(S, N),
    '$assoc_build'(N, S, [], _, A).
'$assoc_unique'([], _).
'$assoc_unique'([P|T], L) :-
    (   var(P) -> throw(error(instantiation_error, _))
    ;   P = K-_ -> '$assoc_unique'(T, K, L)
    ;   throw(error(type_error(pair, P), _))
    ).
'$assoc_unique'([], _, _).
'$assoc_unique'([K2-_|T], K, L) :- !,
    ( K2 == K -> throw(error(domain_error(unique_key_pairs, L), _)) ; '$assoc_unique'(T, K2, L) ).
'$assoc_unique'([P|_], _, _) :- throw(error(type_error(pair, P), _)).

% ord_list_to_assoc(+Pairs, -Assoc): Pairs sorted by strictly increasing keys.
ord_list_to_assoc(L, A) :-
    must_be(list, L),
    (   '$assoc_strict'(L) -> true
    ;   throw(error(domain_error(key_ordered_pairs, L), _))
    ),
    length(L, N),
    '$assoc_build'(N, L, [], _, A).
'$assoc_strict'([]).
'$assoc_strict'([K-_|T]) :- '$assoc_strict'(T, K).
'$assoc_strict'([], _).
'$assoc_strict'([K-_|T], K0) :- K0 @< K, '$assoc_strict'(T, K).

% '$assoc_build'(+N, +Pairs, -Rest, -Height, -Tree): a balanced tree of the first N pairs.
'$assoc_build'(0, L, L, 0, t) :- !.
'$assoc_build'(N, L, Rest, H, t(K, V, B, Lt, Rt)) :-
    NR is (N - 1) // 2, NL is N - 1 - NR, % the larger half left, as swipl
    '$assoc_build'(NL, L, [K-V|L1], HL, Lt),
    '$assoc_build'(NR, L1, Rest, HR, Rt),
    H is max(HL, HR) + 1,
    compare(O, HL, HR), '$assoc_balance'(O, B).
'$assoc_balance'(<, >).
'$assoc_balance'(=, -).
'$assoc_balance'(>, <).

assoc_to_list(A, L) :- '$assoc_list'(A, L, []).
'$assoc_list'(t, L, L).
'$assoc_list'(t(K, V, _, Lt, Rt), L, T) :- '$assoc_list'(Lt, L, [K-V|M]), '$assoc_list'(Rt, M, T).
assoc_to_keys(A, Ks) :- assoc_to_list(A, L), pairs_keys(L, Ks).
assoc_to_values(A, Vs) :- assoc_to_list(A, L), pairs_values(L, Vs).

max_assoc(t(K0, V0, _, _, R), K, V) :- ( R == t -> K = K0, V = V0 ; max_assoc(R, K, V) ).
min_assoc(t(K0, V0, _, L, _), K, V) :- ( L == t -> K = K0, V = V0 ; min_assoc(L, K, V) ).

% gen_assoc(?Key, +Assoc, ?Value): the pairs in increasing key order.
gen_assoc(K, A, V) :- ground(K), !, get_assoc(K, A, V).
gen_assoc(K, A, V) :- '$assoc_gen'(A, K, V).
'$assoc_gen'(t(_, _, _, L, _), K, V) :- '$assoc_gen'(L, K, V).
'$assoc_gen'(t(K, V, _, _, _), K, V).
'$assoc_gen'(t(_, _, _, _, R), K, V) :- '$assoc_gen'(R, K, V).

% del_assoc(+Key, +Assoc, ?Value, -NewAssoc): AVL deletion.  A node with
% two subtrees takes the smallest key of its right one when that is the
% higher, else the largest of its left one: the trees swipl's makes.
del_assoc(K, A0, V, A) :- '$assoc_del'(A0, K, V, A, _).

% '$assoc_del'(+Tree, +K, ?V, -NewTree, -Shrunk): Shrunk is yes when the
% height went down.
'$assoc_del'(t(K0, V0, B, L, R), K, V, New, Sh) :-
    compare(O, K, K0),
    '$assoc_del'(O, K0, V0, B, L, R, K, V, New, Sh).
'$assoc_del'(=, _, V0, B, L, R, _, V, New, Sh) :-
    V = V0,
    '$assoc_del_node'(B, L, R, New, Sh).
'$assoc_del'(<, K0, V0, B, L, R, K, V, New, Sh) :-
    '$assoc_del'(L, K, V, L1, LS),
    '$assoc_del_fix'(LS, t(K0, V0, B, L1, R), left, New, Sh).
'$assoc_del'(>, K0, V0, B, L, R, K, V, New, Sh) :-
    '$assoc_del'(R, K, V, R1, RS),
    '$assoc_del_fix'(RS, t(K0, V0, B, L, R1), right, New, Sh).

'$assoc_del_node'(_, t, R, R, yes) :- !.
'$assoc_del_node'(_, L, t, L, yes) :- !.
'$assoc_del_node'(>, L, R, New, Sh) :- !,
    '$assoc_del_min'(R, K, V, R1, RS),
    '$assoc_del_fix'(RS, t(K, V, >, L, R1), right, New, Sh).
'$assoc_del_node'(B, L, R, New, Sh) :-
    '$assoc_del_max'(L, K, V, L1, LS),
    '$assoc_del_fix'(LS, t(K, V, B, L1, R), left, New, Sh).

'$assoc_del_min'(t(K0, V0, B, L, R), K, V, New, Sh) :-
    (   L == t -> K = K0, V = V0, New = R, Sh = yes
    ;   '$assoc_del_min'(L, K, V, L1, LS),
        '$assoc_del_fix'(LS, t(K0, V0, B, L1, R), left, New, Sh)
    ).
'$assoc_del_max'(t(K0, V0, B, L, R), K, V, New, Sh) :-
    (   R == t -> K = K0, V = V0, New = L, Sh = yes
    ;   '$assoc_del_max'(R, K, V, R1, RS),
        '$assoc_del_fix'(RS, t(K0, V0, B, L, R1), right, New, Sh)
    ).

% One side of a node got lower (yes) or not: its new balance, whether the
% node got lower, or a rotation when the other side is now two higher.
'$assoc_del_fix'(no, T, _, T, no).
'$assoc_del_fix'(yes, t(K, V, B0, L, R), Side, New, Sh) :-
    '$assoc_del_table'(B0, Side, B1, Sh0, Rotate),
    (   Rotate == no -> New = t(K, V, B1, L, R), Sh = Sh0
    ;   '$assoc_del_rot'(t(K, V, B0, L, R), New, Sh)
    ).
% (two levels, so that first-argument indexing picks one clause each)
'$assoc_del_table'(-, Side, B1, Sh, Rot) :- '$assoc_del_even'(Side, B1, Sh, Rot).
'$assoc_del_table'(<, Side, -, yes, Rot) :- '$assoc_del_lefty'(Side, Rot).
'$assoc_del_table'(>, Side, -, yes, Rot) :- '$assoc_del_righty'(Side, Rot).
'$assoc_del_even'(right, <, no, no).
'$assoc_del_even'(left, >, no, no).
'$assoc_del_lefty'(right, yes).
'$assoc_del_lefty'(left, no).
'$assoc_del_righty'(right, no).
'$assoc_del_righty'(left, yes).

'$assoc_del_rot'(t(A, VA, >, Al, t(B, VB, Bb, Be, Ga)), New, Sh) :-
    Bb \== (<), !,
    (   Bb == (>) -> New = t(B, VB, -, t(A, VA, -, Al, Be), Ga), Sh = yes
    ;   New = t(B, VB, <, t(A, VA, >, Al, Be), Ga), Sh = no
    ).
'$assoc_del_rot'(t(B, VB, <, t(A, VA, Ab, Al, Be), Ga), New, Sh) :-
    Ab \== (>), !,
    (   Ab == (<) -> New = t(A, VA, -, Al, t(B, VB, -, Be, Ga)), Sh = yes
    ;   New = t(A, VA, >, Al, t(B, VB, <, Be, Ga)), Sh = no
    ).
'$assoc_del_rot'(t(A, VA, >, Al, t(B, VB, <, t(X, VX, B1, Be, Ga), De)),
                 t(X, VX, -, t(A, VA, B2, Al, Be), t(B, VB, B3, Ga, De)), yes) :- !,
    '$assoc_double'(B1, B2, B3).
'$assoc_del_rot'(t(B, VB, <, t(A, VA, >, Al, t(X, VX, B1, Be, Ga)), De),
                 t(X, VX, -, t(A, VA, B2, Al, Be), t(B, VB, B3, Ga, De)), yes) :-
    '$assoc_double'(B1, B2, B3).

map_assoc(_, t).
map_assoc(P, t(_, V, _, L, R)) :- map_assoc(P, L), call(P, V), map_assoc(P, R).
map_assoc(_, t, t).
map_assoc(P, t(K, V, B, L0, R0), t(K, W, B, L, R)) :- map_assoc(P, L0, L), call(P, V, W), map_assoc(P, R0, R).

is_assoc(A) :- nonvar(A), '$assoc_check'(A, _, _, _).
'$assoc_check'(t, _, _, 0).
'$assoc_check'(t(K, _, B, L, R), Lo, Hi, H) :-
    nonvar(L), nonvar(R),
    ( nonvar(Lo) -> Lo @< K ; true ), ( nonvar(Hi) -> K @< Hi ; true ),
    '$assoc_check'(L, Lo, K, HL), '$assoc_check'(R, K, Hi, HR),
    H is max(HL, HR) + 1, compare(O, HL, HR), '$assoc_balance'(O, B).
