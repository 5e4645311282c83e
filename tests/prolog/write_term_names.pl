% write_term_names: write_term/2,3's variable_names, fullstop and nl
% options, and format/2's ~W, which takes the term and such options.
% Checked against swipl 9.0.4, error terms included.
t(G) :- catch(G, error(E, _), (print(error(E)), nl)).

main :-
    X = f(Y),
    write_term(g(X, Y, Z), [variable_names(['X'=X, 'Y'=Y, 'Z'=Z, 'W'=Z])]), nl,
    write_term(f(A, 'b c'), [quoted(true), variable_names(['Q'=A]), fullstop(true), nl(true)]),
    write_term(- (1), [fullstop(true)]), nl,
    write_term(a+ -, [fullstop(true)]), nl,
    write_term(+, [fullstop(true)]), nl,
    write_term('a b', [fullstop(true), quoted(true)]), nl,
    write_term((a :- b, c), [fullstop(true), nl(true)]),
    write_term(x, [nl(true)]),
    write_term(f(B), [variable_names(['_G'=B]), quoted(true)]), nl,
    write_term(f(C, D), [variable_names(['C'=C, 'C'=D])]), nl,
    write_term(f(E), [variable_names(['E'=E, 'F'=E])]), nl,
    write_term(user_output, [V1, V2, V1], [variable_names(['First'=V1, 'Second'=V2])]), nl,
    format("~W|~a~n", [f(P, 'x y'), [quoted(true), variable_names(['P'=P])], z]),
    t(write_term(x, [variable_names(foo)])),
    t(write_term(x, [variable_names([1=_])])),
    t(write_term(x, [variable_names([a-b])])),
    t(write_term(x, [variable_names(['Q r'=_])])),
    t(write_term(x, [variable_names([lower=_])])),
    t(write_term(x, [variable_names([_=_])])),
    t(write_term(x, [fullstop(yes)])),
    t(format("~W", [x])),
    t(format("~W", [x, foo])).
