% Mode-directed tabling: shortest paths in a graph with a cycle (min),
% max, first and last per index argument, lattice(P/3), and the error for
% a call with a bound moded argument.  Expected output checked against
% swipl 9.0.4 (swipl -q -g main -t halt).
:- table path(_,_,min).
e(a,b,1). e(b,c,2). e(a,c,5). e(c,a,1). e(c,d,1).
path(X,Y,C) :- e(X,Y,C).
path(X,Y,C) :- path(X,Z,C0), e(Z,Y,C1), C is C0+C1.
:- table best(_,max).
best(X, V) :- member(X-V, [a-1, b-5, a-3, b-2]).
:- table fl(_,first), la(_,last).
fl(x, V) :- member(V, [3,1,2]).
la(x, V) :- member(V, [3,1,2]).
:- table lat(_, lattice(longer/3)).
longer(A, B, C) :- atom_length(A, LA), atom_length(B, LB), ( LA >= LB -> C = A ; C = B ).
lat(k, W) :- member(W, [ab, abcd, abc]).
main :- findall(Y-C, path(a,Y,C), L), msort(L, S), print(S), nl,
  catch(path(a,d,4), error(Er, _), (print(Er), nl)),
  findall(X-V, best(X,V), L2), msort(L2, S2), print(S2), nl,
  fl(x, F), la(x, La), print(F-La), nl, lat(k, W), print(W), nl.
