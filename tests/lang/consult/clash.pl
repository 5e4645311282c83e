% Operator priority clashes (xfx operators chained, a prefix operator too
% strong for its place), and an operator of a user op/3 directive.
:- op(700, xfx, ===>).
p(1) :- X = a = b, write(X).
p(2) :- a ===> b ===> c.
p(3) :- X = (a :- b :- c), write(X).
p(4) :- X = (a ===> b), write(X), nl.
p(5) :- X = f(- - a, \+ \+ b), writeq(X), nl.
main :- forall(p(X), (write(X), nl)) ; true.
