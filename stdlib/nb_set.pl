/* library(nb_set): sets that backtracking does not undo, as swipl's: a set
 * is nb_set(Handle), a variant set of stdlib/vset.c in persistent memory.
 * Unlike swipl's, whose sets are terms the collector reclaims, a set here
 * lives until the process ends. */
:- module(nb_set, [empty_nb_set/1, add_nb_set/2, add_nb_set/3, gen_nb_set/2, size_nb_set/2,
                   nb_set_to_list/2]).

empty_nb_set(nb_set(H)) :- '$vset_new'(H).

% add_nb_set(+Key, !Set), add_nb_set(+Key, !Set, ?New): New is true when Key
% was added, false when it was there; with New bound to false, only a test.
add_nb_set(Key, Set) :- add_nb_set(Key, Set, _).
add_nb_set(Key, nb_set(H), New) :-
    (   New == false
    ->  '$vset_has'(H, Key)
    ;   '$vset_add'(H, Key)
    ->  New = true
    ;   New = false
    ).

% gen_nb_set(+Set, -Key): each member.
gen_nb_set(nb_set(H), Key) :- '$vset_list'(H, 0, Keys), member(Key, Keys).

size_nb_set(nb_set(H), N) :- '$vset_size'(H, N).

% nb_set_to_list(+Set, -OrdSet)
nb_set_to_list(nb_set(H), L) :- '$vset_list'(H, 0, Keys), sort(Keys, L).
