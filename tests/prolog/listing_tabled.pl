% listing/1 of tabled predicates prints the table declaration and the
% predicate's own clauses (not the wrapper that calls the table), as swipl
% 9.0.4 does; a mode-directed table gets swipl's comment.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
:- table t/1.
t(a).
t(b) :- true.
:- table m(_, max).
m(a, 1).
:- table u/0.
u.
main :- listing(t/1), listing(m/2), listing(u), listing(t).
