% library(nb_set): adding (New true or false), the membership test with
% New = false, enumeration, size, the ordered list, and sets surviving
% backtracking.  Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt).
:- use_module(library(nb_set)).

main :- forall(g(G), ( \+ \+ ( G -> true ; print(no) ), nl )).

g((empty_nb_set(S), add_nb_set(b,S), add_nb_set(a,S), add_nb_set(b,S,N), add_nb_set(c,S,N2), size_nb_set(S,Z), nb_set_to_list(S,L), print(N-N2-Z-L))).
g((empty_nb_set(S), add_nb_set(f(x),S), (add_nb_set(f(x),S,false) -> print(present) ; print(absent)))).
g((empty_nb_set(S), (add_nb_set(g,S,false) -> print(present) ; print(absent)), size_nb_set(S,Z), print(Z))).
g((empty_nb_set(S), forall(member(X,[3,1,2,1]), add_nb_set(X,S)), findall(K, gen_nb_set(S,K), Ks), msort(Ks, SK), print(SK))).
g((empty_nb_set(S), \+ (member(X,[1,2]), add_nb_set(X,S), fail), size_nb_set(S,Z), print(Z))).
