% Directives while consulting: they run in order as they are met; a failing
% (term_expansion and goal_expansion apply to what follows them);
% directive warns and loading goes on; clauses after it are still loaded.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
:- write(first_directive), nl.
a(1).
:- a(X), write(a(X)), nl.
:- fail.
a(2).
:- findall(X, a(X), L), write(L), nl.
term_expansion(gen(N), [num(N), num(M)]) :- M is N * 10.
gen(1).
gen(2).
main :- findall(X, num(X), L), write(L), nl.
goal_expansion(twice(X), (X, X)).
hello :- twice(write(hi)), nl.
:- hello.
