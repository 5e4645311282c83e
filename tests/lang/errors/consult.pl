ok(1).
bad(1 2).
p :- q(X, .
r :- 'unterminated\q'.
s(X) :- X = [1,2,|T].
t :- a b c.
u :- f(.
v :- X = 0'.
w(a) :- ( b ; c.
x :- )
.
y :- {a.
z(1).
