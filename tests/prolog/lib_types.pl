% Type checks (var ... ground, callable, is_list) and library(error):
% must_be/2 with swipl's types and error terms, is_of_type/2, and the
% error shorthands.  atom([]) is left out: snaplog's [] is the atom '[]'
% (traditional), swipl 7's a reserved symbol that is not an atom.  Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE); errors print their formal term only.

t(G) :-
    catch(( G -> R = yes ; R = no ), error(E, _), R = error(E)),
    writeq(R), nl.

checks([var(_), var(a), nonvar(a), nonvar(_), atom(a), atom("s"), atom(1), number(1), number(1.5),
        number(a), integer(3), integer(3.0), float(3.0), float(3), atomic(a), atomic("s"), atomic(f(x)),
        atomic(_), compound(f(x)), compound([a]), compound([]), compound(a), callable(a), callable(f(_)),
        callable(3), callable(_), is_list([a, b]), is_list([a|_]), is_list([a|b]), is_list([]),
        ground(f(a, [b])), ground(f(_)), string("s"), string(s)]).

types([integer-3, integer-a, integer-_, atom-a, atom-"s", atomic-f(x), callable-3, callable-foo,
       var-_, var-a, boolean-true, boolean-x, positive_integer-1, positive_integer-0, positive_integer-a,
       nonneg-0, nonneg-(-1), negative_integer-(-1), oneof([a, b])-a, oneof([a, b])-c,
       between(1, 3)-2, between(1, 3)-5, between(1, 3)-a, between(1.0, 3.0)-2.5, list-[a], list-[a|b],
       list-[a|_], list(integer)-[1, 2], list(integer)-[1, a], chars-[a, b], chars-[a, bb], codes-[97],
       codes-[a], text-"s", text-f(x), string-"s", string-s, compound-f(x), compound-a, float-1.0,
       number-a, char-a, char-ab, code-97, code-(-1), list_or_partial_list-[a|_],
       list_or_partial_list-[a|b], acyclic-f(x), encoding-utf8, encoding-x, pair-(a-b), pair-a,
       rational-1, rational-1.0, proper_list-[a], any-f(_), foo-1, _-1]).

main :-
    checks(Cs),
    forall(member(C, Cs), t(C)),
    types(Ts),
    forall(member(Ty-X, Ts), t(must_be(Ty, X))),
    forall(member(Ty-X, Ts), t(is_of_type(Ty, X))),
    t(type_error(integer, a)), t(domain_error(positive, -1)), t(existence_error(procedure, f/1)),
    t(permission_error(modify, static_procedure, f/1)), t(instantiation_error(_)),
    t(uninstantiation_error(a)), t(representation_error(max_arity)), t(resource_error(memory)).
