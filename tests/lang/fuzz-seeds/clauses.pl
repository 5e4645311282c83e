a :- b, c.
foo(X, [1,2|T], "s", 0'a, 0x1F, 1.5e10).
