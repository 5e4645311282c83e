p :- \+ q, !, (a -> b ; c).
:- dynamic foo/1.
