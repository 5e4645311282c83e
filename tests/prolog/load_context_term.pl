% prolog_load_context/2's term and variable_names keys while a file loads:
% the clause being expanded and the names of the term read, [] as the term
% of a directive, and the keys enumerated in swipl's order (swipl also has
% stream, which snaplog does not: consult reads the file's text, not a
% stream).  Checked against swipl 9.0.4 but for that key: its line is
% left out of the expected output.
:- prolog_load_context(term, T), print(directive_term(T)), nl.
:- X = 1, prolog_load_context(variable_names, V), V = [N1=V1, N2=V2|_],
   print(names(N1, N2)), nl, ( V1 == X, V2 == V -> print(bound) ; print(unbound) ), nl.

term_expansion(foo(X, Y), [bar(X), baz(Y)]) :-
    prolog_load_context(term, T),
    prolog_load_context(variable_names, Ns),
    copy_term(T-Ns, T1-Ns1),
    numbervars(T1-Ns1, 0, _),
    print(expanding(T1, Ns1)), nl,
    ( T == foo(X, Y) -> print(same_term) ; print(other_term) ), nl.

foo(First, [_Second, First]).

keys :-
    forall(prolog_load_context(K, _), ( write(K), nl )).
:- keys.

main :-
    bar(B), baz(Z), numbervars(B-Z, 0, _), print(B-Z), nl,
    ( prolog_load_context(term, T) -> print(T) ; write(none) ), nl.
