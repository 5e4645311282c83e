/* library(ugraphs): unweighted graphs as swipl's (after the DEC-10 library)
 * represents them: a list of Vertex-Neighbours pairs, sorted by vertex,
 * each Neighbours an ordered set.  Results are the same lists swipl gives,
 * top_sort/2's order included (new sources are taken last in, first out). */
:- module(ugraphs, [vertices_edges_to_ugraph/3, vertices/2, edges/2, add_vertices/3, del_vertices/3,
                    add_edges/3, del_edges/3, neighbours/3, neighbors/3, transpose_ugraph/2,
                    compose/3, top_sort/2, transitive_closure/2, reachable/3, ugraph_union/3,
                    complement/2]).

% vertices_edges_to_ugraph(+Vertices, +Edges, -Graph)
vertices_edges_to_ugraph(Vertices, Edges, Graph) :-
    msort(Vertices, V1),
    '$ug_edge_ends'(Edges, Ends),
    append(V1, Ends, V2),
    sort(V2, Vs),
    msort(Edges, Es),
    '$ug_group'(Vs, Es, Graph).

'$ug_edge_ends'([], []).
'$ug_edge_ends'([A-B|Es], [A, B|Vs]) :- '$ug_edge_ends'(Es, Vs).

% Each vertex with the (sorted, deduplicated) targets of its edges.
'$ug_group'([], _, []).
'$ug_group'([V|Vs], Es0, [V-Ns|G]) :-
    '$ug_take'(Es0, V, Ns0, Es),
    sort(Ns0, Ns),
    '$ug_group'(Vs, Es, G).
'$ug_take'([A-B|Es0], V, [B|Ns], Es) :- A == V, !, '$ug_take'(Es0, V, Ns, Es).
'$ug_take'(Es, _, [], Es).

vertices([], []).
vertices([V-_|G], [V|Vs]) :- vertices(G, Vs).

edges(G, Es) :- findall(V-N, ( member(V-Ns, G), member(N, Ns) ), Es).

% add_vertices(+Graph, +Vertices, -NewGraph)
add_vertices(G, Vs0, NG) :-
    msort(Vs0, Vs1), sort(Vs1, Vs),
    '$ug_add_vertices'(G, Vs, NG).
'$ug_add_vertices'(G, [], G) :- !.
'$ug_add_vertices'([], Vs, G) :- !, '$ug_empty'(Vs, G).
'$ug_add_vertices'([V-Ns|G], [W|Ws], NG) :-
    compare(O, V, W),
    (   O == (<) -> NG = [V-Ns|NG1], '$ug_add_vertices'(G, [W|Ws], NG1)
    ;   O == (=) -> NG = [V-Ns|NG1], '$ug_add_vertices'(G, Ws, NG1)
    ;   NG = [W-[]|NG1], '$ug_add_vertices'([V-Ns|G], Ws, NG1)
    ).
'$ug_empty'([], []).
'$ug_empty'([V|Vs], [V-[]|G]) :- '$ug_empty'(Vs, G).

% del_vertices(+Graph, +Vertices, -NewGraph): the vertices and every edge
% to them go.
del_vertices(G, Vs0, NG) :-
    sort(Vs0, Vs),
    '$ug_del_vertices'(G, Vs, NG).
'$ug_del_vertices'([], _, []).
'$ug_del_vertices'([V-Ns|G], Vs, NG) :-
    (   ord_memberchk(V, Vs)
    ->  NG = NG1
    ;   ord_subtract(Ns, Vs, Ns1), NG = [V-Ns1|NG1]
    ),
    '$ug_del_vertices'(G, Vs, NG1).

% add_edges(+Graph, +Edges, -NewGraph), del_edges(+Graph, +Edges, -NewGraph)
add_edges(G, Es, NG) :-
    vertices_edges_to_ugraph([], Es, G1),
    ugraph_union(G, G1, NG).
del_edges(G, Es, NG) :-
    vertices_edges_to_ugraph([], Es, G1),
    '$ug_del_edges'(G, G1, NG).
'$ug_del_edges'([], _, []).
'$ug_del_edges'([V-Ns|G], D, [V-Ns1|NG]) :-
    (   memberchk(V-DNs, D) -> ord_subtract(Ns, DNs, Ns1) ; Ns1 = Ns ),
    '$ug_del_edges'(G, D, NG).

% neighbours(+Vertex, +Graph, -Neighbours), neighbors/3: fails for a vertex
% not in Graph.
neighbours(V, G, Ns) :- '$ug_lookup'(G, V, Ns).
neighbors(V, G, Ns) :- '$ug_lookup'(G, V, Ns).
'$ug_lookup'([W-Ns0|G], V, Ns) :- ( W == V -> Ns = Ns0 ; '$ug_lookup'(G, V, Ns) ).

% transpose_ugraph(+Graph, -Transposed): every edge reversed.
transpose_ugraph(G, T) :-
    vertices(G, Vs),
    findall(N-V, ( member(V-Ns, G), member(N, Ns) ), Es),
    vertices_edges_to_ugraph(Vs, Es, T).

% compose(+G1, +G2, -G): an edge V-W for each V-X in G1 and X-W in G2; the
% vertices of both.
compose(G1, G2, G) :-
    vertices(G1, V1), vertices(G2, V2), ord_union(V1, V2, Vs),
    findall(V-Ws, ( member(V, Vs),
                    findall(W, ( '$ug_lookup'(G1, V, Xs), member(X, Xs), '$ug_lookup'(G2, X, Ys), member(W, Ys) ), Ws0),
                    sort(Ws0, Ws) ), G).

% ugraph_union(+G1, +G2, -G)
ugraph_union([], G, G) :- !.
ugraph_union(G, [], G) :- !.
ugraph_union([V1-N1|G1], [V2-N2|G2], G) :-
    compare(O, V1, V2),
    (   O == (=) -> ord_union(N1, N2, N), G = [V1-N|G3], ugraph_union(G1, G2, G3)
    ;   O == (<) -> G = [V1-N1|G3], ugraph_union(G1, [V2-N2|G2], G3)
    ;   G = [V2-N2|G3], ugraph_union([V1-N1|G1], G2, G3)
    ).

% complement(+Graph, -Complement): the edges Graph lacks, loops left out.
complement(G, C) :-
    vertices(G, Vs),
    '$ug_complement'(G, Vs, C).
'$ug_complement'([], _, []).
'$ug_complement'([V-Ns|G], Vs, [V-Cs|C]) :-
    ord_add_element(Ns, V, Excluded),
    ord_subtract(Vs, Excluded, Cs),
    '$ug_complement'(G, Vs, C).

% reachable(+Vertex, +Graph, -Reachable): the vertices reached from Vertex
% by zero or more edges, as an ordered set.
reachable(V, G, R) :- '$ug_reach'([V], G, [V], R).
'$ug_reach'([], _, R, R).
'$ug_reach'([V|Vs], G, R0, R) :-
    (   '$ug_lookup'(G, V, Ns) -> true ; Ns = [] ),
    ord_subtract(Ns, R0, New),
    ord_union(R0, New, R1),
    append(Vs, New, Queue),
    '$ug_reach'(Queue, G, R1, R).

% transitive_closure(+Graph, -Closure): Warshall's algorithm.
transitive_closure(G, C) :- '$ug_warshall'(G, G, C).
'$ug_warshall'([], C, C).
'$ug_warshall'([V-_|Vs], G0, C) :-
    memberchk(V-Ns, G0),
    '$ug_warshall_step'(G0, V, Ns, G1),
    '$ug_warshall'(Vs, G1, C).
'$ug_warshall_step'([], _, _, []).
'$ug_warshall_step'([X-Xs|G], V, Ns, [X-Ys|G1]) :-
    (   ord_memberchk(V, Xs) -> ord_union(Xs, Ns, Ys) ; Ys = Xs ),
    '$ug_warshall_step'(G, V, Ns, G1).

% top_sort(+Graph, -Sorted): the vertices so that every edge goes forward;
% fails when Graph has a cycle.  The sources are taken in the graph's
% order, then each vertex whose last incoming edge was just removed is
% taken before the ones waiting (as swipl's).
top_sort(G, Sorted) :-
    findall(N, ( member(_-Ns, G), member(N, Ns) ), Targets),
    msort(Targets, Ts),
    '$ug_counts'(Ts, Counts0),
    list_to_assoc(Counts0, Counts),
    findall(V, ( member(V-_, G), \+ get_assoc(V, Counts, _) ), Zeros),
    length(G, N),
    '$ug_top'(Zeros, G, Counts, Sorted, 0, N).
'$ug_counts'([], []).
'$ug_counts'([V|Vs], [V-C|Cs]) :- '$ug_run'(Vs, V, 1, C, Rest), '$ug_counts'(Rest, Cs).
'$ug_run'([W|Ws], V, C0, C, Rest) :- W == V, !, C1 is C0 + 1, '$ug_run'(Ws, V, C1, C, Rest).
'$ug_run'(Ws, _, C, C, Ws).
'$ug_top'([], _, _, [], N, N).
'$ug_top'([V|Zs], G, Counts0, [V|Sorted], K, N) :-
    '$ug_lookup'(G, V, Ns),
    '$ug_decr'(Ns, Counts0, Counts, Zs, Zs1),
    K1 is K + 1,
    '$ug_top'(Zs1, G, Counts, Sorted, K1, N).
'$ug_decr'([], Counts, Counts, Zs, Zs).
'$ug_decr'([W|Ws], Counts0, Counts, Zs0, Zs) :-
    get_assoc(W, Counts0, C0),
    C is C0 - 1,
    put_assoc(W, Counts0, C, Counts1),
    (   C =:= 0 -> Zs1 = [W|Zs0] ; Zs1 = Zs0 ),
    '$ug_decr'(Ws, Counts1, Counts, Zs1, Zs).
