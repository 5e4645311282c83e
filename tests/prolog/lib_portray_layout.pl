% lib_portray_layout: portray_clause/1 lays out the terms that are not
% plain clauses as swipl 9.0.4 does: directives (goals under the first, an
% operator goal bracketed), grammar rules, {}/1 in and out of bodies,
% conjunctions and disjunctions as clauses, facts that are operator terms.
% Checked against swipl 9.0.4.  Not covered: swipl's "( G\n   )" for a
% goal that is a clause itself, (:- (a :- b)).
main :-
    portray_clause((:- dynamic foo/1)), portray_clause((a --> b, [c])), portray_clause({x}),
    portray_clause((a, b)),
    portray_clause((h :- a, (b ; c -> d ; e), \+ f, findall(X, p(X), _))),
    portray_clause(f('A', "s", [1, 2|_], 'hello world', -1, - 1, 1-2, a=b)),
    portray_clause((h(X) :- X = f(Y), Y > 0)),
    portray_clause((:- a, b)), portray_clause((:- Z = 1, _ = Z)), portray_clause({a, b}),
    portray_clause((a ; b)), portray_clause((a --> [])), portray_clause((a(W) --> b(W), {c})),
    portray_clause((a :- {b})), portray_clause(('$VAR'(1) :- x)), portray_clause((a -> b)),
    portray_clause(- a), portray_clause(dynamic(f/1)).
