% An error on the last line, which has no final newline.
p(1).
main :- forall(p(X), (write(X), nl)).
p(2) :- foo(