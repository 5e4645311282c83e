% An error in the middle of a file: the clauses after it still load.
p(1).
p(2).
q(X) :- p(X), X > .
p(3).
r(X) :- p(X).
main :- forall(r(X), (write(X), nl)).
