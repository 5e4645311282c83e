% library(rbtrees): building, lookup, insert (new or replacing), update,
% apply, delete, visiting, size, rb_in both ways, min/max, next/previous,
% fold, map both ways, emptiness, is_rbtree, clone.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt); left out: a
% list with a repeated key (swipl keeps a node for each, we keep the last).
:- use_module(library(rbtrees)).
:- use_module(library(yall)).

main :- forall(g(G), ( \+ \+ ( G -> true ; print(no) ), nl )).

g((list_to_rbtree([b-2,a-1,c-3],T), rb_keys(T,K), rb_visit(T,P), rb_size(T,S), print(K-P-S))).
g((rb_new(T0), rb_insert(T0,k,1,T1), rb_insert(T1,k,2,T2), rb_lookup(k,V,T2), print(V))).
g((rb_new(T0), rb_insert_new(T0,k,1,T1), (rb_insert_new(T1,k,2,_) -> print(dup) ; print(nodup)))).
g((list_to_rbtree([a-1,b-2],T), (rb_update(T,c,3,_) -> print(upd) ; print(noupd)))).
g((list_to_rbtree([a-1,b-2],T), rb_update(T,a,Old,9,T2), rb_visit(T2,P), print(Old-P))).
g((list_to_rbtree([a-1,b-2],T), rb_apply(T,a,[X,Y]>>(Y is X+10),T2), rb_visit(T2,P), print(P))).
g((list_to_rbtree([a-1,b-2,c-3],T), rb_delete(T,b,T2), rb_visit(T2,P), print(P))).
g((list_to_rbtree([a-1,b-2,c-3],T), rb_delete(T,b,V,T2), rb_visit(T2,P), print(V-P))).
g((list_to_rbtree([a-1],T), (rb_delete(T,z,_) -> print(del) ; print(nodel)))).
g((list_to_rbtree([a-1,b-2,c-3],T), findall(K-V, rb_in(K,V,T), L), print(L))).
g((list_to_rbtree([a-1,b-2,c-3],T), rb_min(T,K,V), rb_max(T,K2,V2), print(K-V-K2-V2))).
g((list_to_rbtree([a-1,b-2,c-3],T), rb_next(T,a,K,V), rb_previous(T,c,K2,V2), print(K-V-K2-V2))).
g((list_to_rbtree([a-1,b-2,c-3],T), (rb_next(T,c,_,_) -> print(n) ; print(non)))).
g((list_to_rbtree([a-1,b-2,c-3],T), rb_fold([_-V,A0,A]>>(A is A0+V),T,0,S), print(S))).
g((list_to_rbtree([a-1,b-2],T), rb_map(T,[X,Y]>>(Y is X*2),T2), rb_visit(T2,P), print(P))).
g((list_to_rbtree([a-1,b-2],T), (rb_map(T,integer) -> print(allint) ; print(notall)))).
g((rb_empty(T), rb_empty(T), print(ok))).
g((list_to_rbtree([a-1],T), (rb_empty(T) -> print(e) ; print(ne)))).
g((ord_list_to_rbtree([a-1,b-2],T), rb_visit(T,P), print(P))).
g((list_to_rbtree([a-1],T), (is_rbtree(T) -> print(isrb) ; print(notrb)))).
g(((is_rbtree(foo) -> print(isrb) ; print(notrb)))).
g((list_to_rbtree([a-1,b-2],T), rb_clone(T,T2,Pairs), rb_visit(T2,P2), numbervars(P2-Pairs, 0, _), print(P2-Pairs))).
g((list_to_rbtree([a-1,b-2],T), rb_in(b,V,T), print(V))).
