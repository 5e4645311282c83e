% current_predicate/1 and predicate_property/2 on library predicates before
% and after their first use: a library predicate is not current until it is
% loaded (called, autoloaded, use_module), predicate_property/2 of a
% library predicate autoloads it first, imported_from/1 names the library's
% module (system for built-ins), Module:PI is accepted.  Checked against
% swipl 9.0.4.  Left out: current_predicate(append/_) (swipl has an
% Edinburgh append/1), and other predicates of a library after one was
% autoloaded (swipl imports just that one; we load the whole library), and
% the module an unbound qualifier is bound to (swipl enumerates every module
% that imported the predicate).
t(G) :- ( catch(G, error(E, _), (writeq(E), nl, fail)) -> R = yes ; R = no ), writeq(R), nl.

main :-
    t(current_predicate(append/3)), t(current_predicate(maplist/3)),
    t(current_predicate(foo/1)), t(current_predicate(atom_length/2)),
    t(current_predicate(main/0)), t(current_predicate(user:main/0)),
    t(current_predicate(foo:bar/1)), t(current_predicate(user:foo/_)),
    t(current_predicate(apply:maplist/3)), t(current_predicate(assoc:put_assoc/4)),
    t(current_predicate(3)), t(current_predicate(a:3)), t(current_predicate(foo/bar)),
    t(predicate_property(append(_, _, _), defined)),
    t(current_predicate(append/3)),
    t(predicate_property(maplist(_, _), defined)),
    t(current_predicate(maplist/2)),
    t((predicate_property(put_assoc(_, _, _, _), imported_from(M)), writeq(M), nl)),
    t(current_predicate(put_assoc/4)), t(current_predicate(assoc:put_assoc/4)),
    t(predicate_property(list_to_assoc(_, _), number_of_clauses(1))),
    t(predicate_property(nosuch(_), defined)), t(current_predicate(nosuch/1)),
    t((predicate_property(atom_length(_, _), imported_from(S)), writeq(S), nl)),
    t(predicate_property(main, imported_from(_))),
    t(predicate_property(user:main, defined)),
    t(predicate_property(lists:append(_, _, _), defined)),
    t(predicate_property(append(_, _, _), built_in)),
    t(predicate_property(append(_, _, _), static)),
    t(predicate_property(append(_, _, _), dynamic)),
    t((predicate_property(append(_, _, _), number_of_clauses(N)), writeq(N), nl)),
    t(current_predicate(_:append/3)),
    t(current_predicate(lists:main/0)),
    t(current_predicate(ord_union/3)),
    use_module(library(ordsets)),
    t(current_predicate(ord_union/3)), t(current_predicate(ordsets:ord_union/3)),
    t((findall(P, (current_predicate(t/P)), Ps), writeq(Ps), nl)).
