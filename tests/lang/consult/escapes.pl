% Bad escapes and numbers: each costs one clause.
p(1).
q :- X = 'a\qb'.
p(2).
r :- X = "x\zy".
p(3).
s :- X = 0x.
p(4).
t :- X = f(,).
p(5).
u :- X = [a|b|c].
p(6).
main :- forall(p(X), (write(X), nl)).
