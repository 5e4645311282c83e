/* library(pairs): lists of Key-Value pairs. */
:- module(pairs, [pairs_keys_values/3, pairs_keys/2, pairs_values/2, transpose_pairs/2, map_list_to_pairs/3]).

pairs_keys_values([], [], []).
pairs_keys_values([K-V|T], [K|Ks], [V|Vs]) :- pairs_keys_values(T, Ks, Vs).

pairs_keys([], []).
pairs_keys([K-_|T], [K|Ks]) :- pairs_keys(T, Ks).

pairs_values([], []).
pairs_values([_-V|T], [V|Vs]) :- pairs_values(T, Vs).

% transpose_pairs(+Pairs, -Transposed): V-K for each K-V, keysorted.
transpose_pairs(Pairs, Transposed) :- '$pairs_flip'(Pairs, Flipped), keysort(Flipped, Transposed).
'$pairs_flip'([], []).
'$pairs_flip'([K-V|T], [V-K|R]) :- '$pairs_flip'(T, R).

map_list_to_pairs(F, L, Ps) :- '$pairs_map'(L, F, Ps).
'$pairs_map'([], _, []).
'$pairs_map'([H|T], F, [K-H|R]) :- call(F, H, K), '$pairs_map'(T, F, R).
