% Listing: listing/1 (Name and Name/Arity, dynamic and static predicates,
% with the :- dynamic header) and portray_clause/1,2: variables A, B, ...
% and _ for singletons, operators, 4-space indentation, the if-then-else
% and disjunction layout, control constructs as arguments.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).  Static
% clauses name their variables A, B, ... in order, since swipl 9 lists
% source variable names where it has them.

:- dynamic counter/1.
counter(0).
:- dynamic empty/2.
:- dynamic r/2, s/1.

fact(a, "str", 'Q x', [1, 2|_], 1.5, -3, 'hello'(world), {x, y}, - 1, -(-(1)), 1-2, a:b, [a|b]).
rule1(A, B) :- A > B, !, write(A), nl.
rule1(A, _) :- ( A == a -> true ; A == b -> fail ; writeln(other) ).
disj(A) :- ( A = 1 ; A = 2 ), \+ A = 3.
nested(A) :- ( A > 0 -> ( A > 10 -> writeln(big) ; writeln(small) ) ; writeln(neg) ).
ops(A, B) :- B is A*2+1, B =.. [_|_], A = - 1, C = (a:-b), call(C), A = f(-), B = 'hello world', A = [a|b], B = {a, b}.
catchy(A) :- catch(A, B, (print_message(error, B), fail)), findall(C, member(C, [1, 2]), _).
two(a).
two(a, b).

main :-
    portray_clause(foo(X, _Y, X, _Z)), portray_clause((a :- b, c)), portray_clause([1, 2, 3]),
    portray_clause((h(X) :- X = "s", Y = 'A', Y == [])), portray_clause(x), portray_clause('$VAR'(1)),
    portray_clause(f('$VAR'('Foo'))), portray_clause(user_output, (x :- y)),
    portray_clause(f((a, b), {c, d}, (x :- y, z), [p, q])), portray_clause((h :- V = (a, b), call(V))),
    portray_clause((g(X1) :- \+ (X1, true), call((a, b)), forall(member(Q, [X1]), (write(Q), nl)))),
    portray_clause((k :- (a ; b ; c), (a -> b), (a *-> b ; c), (a, (b, c ; d)))),
    listing(counter/1), listing(empty/2), listing(fact), listing(rule1/2), listing(disj), listing(nested),
    listing(ops), listing(catchy), listing(two), listing(two/2),
    assertz(counter(1)), listing(counter),
    assertz((r(A, B) :- A > B, ( A = 1 -> true ; fail ), \+ (a, b),
                        findall(Z, (member(Z, [1]), Z > 0), _))),
    assertz(s(_)), assertz((s(S) :- S)), assertz((s(7) :- T = [1, 2], U = "abc", U = f(T, 'B', []))),
    listing(r/2), listing(s/1).
