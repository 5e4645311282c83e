/* library(rbtrees): swipl's red-black tree interface, over the AVL trees of
 * library(assoc) (a tree is rb(AVL)): the same operations with the same
 * answers and O(log n) costs; only the term a tree is differs, which no
 * program should look into.  One difference: list_to_rbtree/2 keeps the
 * last value of a repeated key, where swipl keeps a node for each. */
:- module(rbtrees, [rb_new/1, rb_empty/1, rb_lookup/3, rb_insert/4, rb_insert_new/4, rb_update/4,
                    rb_update/5, rb_apply/4, rb_delete/3, rb_delete/4, rb_visit/2, rb_keys/2,
                    rb_size/2, rb_in/3, rb_min/3, rb_max/3, rb_next/4, rb_previous/4, rb_fold/4,
                    rb_map/2, rb_map/3, list_to_rbtree/2, ord_list_to_rbtree/2, is_rbtree/1,
                    rb_clone/3]).

rb_new(rb(t)).
rb_empty(rb(t)).

% rb_lookup(+Key, -Value, +Tree)
rb_lookup(K, V, rb(A)) :- get_assoc(K, A, V).

% rb_insert(+T0, +Key, ?Value, -T): adds or replaces; rb_insert_new/4
% fails when Key is there.
rb_insert(rb(A0), K, V, rb(A)) :- put_assoc(K, A0, V, A).
rb_insert_new(rb(A0), K, V, rb(A)) :- \+ get_assoc(K, A0, _), put_assoc(K, A0, V, A).

% rb_update(+T0, +Key, ?NewValue, -T), rb_update(+T0, +Key, -Old, ?New, -T):
% fail when Key is not there.
rb_update(T0, K, V, T) :- rb_update(T0, K, _, V, T).
rb_update(rb(A0), K, Old, V, rb(A)) :- get_assoc(K, A0, Old), put_assoc(K, A0, V, A).

% rb_apply(+T0, +Key, :G, -T): Key's value V0 becomes V, call(G, V0, V).
rb_apply(rb(A0), K, G, rb(A)) :- get_assoc(K, A0, V0), call(G, V0, V), put_assoc(K, A0, V, A).

% rb_delete(+T0, +Key, -T), rb_delete(+T0, +Key, -Value, -T): fail when Key
% is not there.
rb_delete(T0, K, T) :- rb_delete(T0, K, _, T).
rb_delete(rb(A0), K, V, rb(A)) :- del_assoc(K, A0, V, A).

rb_visit(rb(A), Pairs) :- assoc_to_list(A, Pairs).
rb_keys(rb(A), Keys) :- assoc_to_keys(A, Keys).
rb_size(rb(A), N) :- assoc_to_keys(A, Ks), length(Ks, N).

% rb_in(?Key, ?Value, +Tree): a lookup when Key is bound, else each pair in
% key order.
rb_in(K, V, rb(A)) :-
    (   var(K)
    ->  assoc_to_list(A, Pairs), member(K-V, Pairs)
    ;   get_assoc(K, A, V)
    ).

rb_min(rb(A), K, V) :- min_assoc(A, K, V).
rb_max(rb(A), K, V) :- max_assoc(A, K, V).

% rb_next(+Tree, +Key, -Next, -Value): the pair after Key (Key need not be
% in the tree); rb_previous/4 the pair before.
rb_next(rb(A), K, N, V) :- '$rb_next'(A, K, none, R), R = N-V.
'$rb_next'(t, _, Best, Best) :- Best \== none.
'$rb_next'(t(K0, V0, _, L, R), K, Best, Next) :-
    (   K0 @> K
    ->  '$rb_next'(L, K, K0-V0, Next)
    ;   '$rb_next'(R, K, Best, Next)
    ).
rb_previous(rb(A), K, P, V) :- '$rb_prev'(A, K, none, R), R = P-V.
'$rb_prev'(t, _, Best, Best) :- Best \== none.
'$rb_prev'(t(K0, V0, _, L, R), K, Best, Prev) :-
    (   K0 @< K
    ->  '$rb_prev'(R, K, K0-V0, Prev)
    ;   '$rb_prev'(L, K, Best, Prev)
    ).

% rb_fold(:G, +Tree, +Acc0, -Acc): call(G, Key-Value, Acc0, Acc1) in key order.
rb_fold(G, rb(A), Acc0, Acc) :- assoc_to_list(A, Pairs), foldl(G, Pairs, Acc0, Acc).

% rb_map(+Tree, :G): call(G, V) holds for every value; rb_map(+T0, :G, -T):
% every value V0 becomes V, call(G, V0, V).
rb_map(rb(A), G) :- map_assoc(G, A).
rb_map(rb(A0), G, rb(A)) :- map_assoc(G, A0, A).

list_to_rbtree(Pairs, rb(A)) :- '$rb_list'(Pairs, A).
ord_list_to_rbtree(Pairs, rb(A)) :- ord_list_to_assoc(Pairs, A).
'$rb_list'(Pairs, A) :- empty_assoc(E), foldl('$rb_put', Pairs, E, A).
'$rb_put'(K-V, A0, A) :- put_assoc(K, A0, V, A).

is_rbtree(T) :- nonvar(T), T = rb(A), is_assoc(A).

% rb_clone(+T, -Clone, -Pairs): Clone has T's keys with fresh values, Pairs
% its Key-Value list.
rb_clone(rb(A), rb(C), Pairs) :-
    assoc_to_keys(A, Keys),
    '$rb_fresh'(Keys, Pairs),
    ord_list_to_assoc(Pairs, C).
'$rb_fresh'([], []).
'$rb_fresh'([K|Ks], [K-_|Ps]) :- '$rb_fresh'(Ks, Ps).
