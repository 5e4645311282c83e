% library(ugraphs): building graphs, adding and deleting vertices and
% edges, neighbours, transposition, composition, union, complement,
% reachability, transitive closure and top_sort/2 (its order for ties
% and its failure on a cycle).  Expected output checked against swipl
% 9.0.4 (swipl -q -g main -t halt).
:- use_module(library(ugraphs)).

t(G) :- ( catch(G, E, (print(ex(E)), nl, fail)) -> print(G) ; print(no) ), nl.

main :- forall(g(G), t(G)).

g(top_sort([1-[2],2-[3],3-[]],_)).
g(top_sort([a-[b,c],b-[d],c-[d],d-[]],_)).
g(top_sort([a-[],b-[],c-[]],_)).
g(top_sort([a-[c],b-[c],c-[]],_)).
g(top_sort([a-[b],b-[a]],_)).
g(top_sort([1-[3],2-[3],3-[4,5],4-[],5-[]],_)).
g(vertices_edges_to_ugraph([a,z],[b-c,a-b,b-a],_)).
g(transitive_closure([1-[2],2-[3],3-[]],_)).
g(transitive_closure([1-[2],2-[1],3-[]],_)).
g(reachable(1,[1-[2],2-[3],3-[],4-[1]],_)).
g(del_vertices([1-[2,3],2-[3],3-[1]],[3],_)).
g(add_edges([1-[2]],[1-3,4-1],_)).
g(del_edges([1-[2,3],2-[3]],[1-3,5-1],_)).
g(transpose_ugraph([1-[2,3],2-[3],3-[]],_)).
g(compose([1-[2],2-[3]],[2-[4],3-[5]],_)).
g(complement([1-[2],2-[],3-[1]],_)).
g(ugraph_union([1-[2],3-[]],[1-[3],2-[]],_)).
g(edges([1-[2,3],2-[]],_)).
g(neighbours(1,[1-[2,3],2-[]],_)).
g(neighbours(9,[1-[2]],_)).
g(add_vertices([1-[2]],[0,3,1],_)).
g(top_sort([c-[a],b-[a],a-[]],_)).
% a larger graph: the closure and reachability agree, and top_sort orders
% every edge forward
g(big).
big :- numlist(1, 60, Vs), findall(X-Y, (member(X, Vs), member(D, [1, 7, 13]), Y is X + D, Y =< 60), Es),
    vertices_edges_to_ugraph(Vs, Es, G), transitive_closure(G, C),
    forall(member(V, Vs), ( reachable(V, G, R), memberchk(V-Cs, C), ord_del_element(R, V, Cs) )),
    top_sort(G, S), length(S, 60),
    forall(member(X-Y, Es), ( nth1(I, S, X), nth1(J, S, Y), I < J )).
