% Tabling (:- table, library(tabling)): left recursion that would loop
% untabled, mutual recursion through two tables, a cycle in the data,
% tabled arithmetic (fib), a DCG table (Name//Arity), answers returned
% once each, a table whose subgoal raises (the error passes through and
% the tables stay usable), abolish_all_tables/0, current_table/2,
% abolish_table_subgoals/1, and table/1's errors.
% Tables are not undone by backtracking: a failure-driven loop over a
% tabled call computes the table once (counted/1).
% Answers are sorted before printing: the order of a table's answers is
% not specified (swipl returns them from a trie).  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt).

:- table path/2.
edge(a, b). edge(b, c). edge(c, a). edge(c, d). edge(d, d).
path(X, Y) :- path(X, Z), edge(Z, Y).
path(X, Y) :- edge(X, Y).

:- table even/1, odd/1.
even(0).
even(N) :- odd(M), M < 10, N is M + 1.
odd(N) :- even(M), M < 10, N is M + 1.

:- table fib/2.
fib(0, 0).
fib(1, 1).
fib(N, F) :- N > 1, N1 is N - 1, N2 is N - 2, fib(N1, F1), fib(N2, F2), F is F1 + F2.

% same generation, over a small family tree: doubly recursive
:- table sg/2.
par(c1, p1). par(c2, p1). par(c3, p2). par(p1, g). par(p2, g).
sg(X, X) :- par(X, _) ; par(_, X).
sg(X, Y) :- par(X, XP), sg(XP, YP), par(Y, YP).

% a left-recursive grammar: as a DCG table over a code list
:- table expr//1.
expr(X) --> expr(X0), "+", term(Y), { X is X0 + Y }.
expr(X) --> term(X).
term(D) --> [C], { code_type(C, digit(D)) }.

% each answer once, however many derivations it has
:- table twice/1.
twice(X) :- member(X, [1, 2, 1, 3, 2]).

:- table boom/1.
boom(X) :- X = 1 ; throw(oops).

:- dynamic fact/1.
fact(1).
:- table from_fact/1.
from_fact(X) :- fact(X).

:- dynamic tfact/1.
tfact(1).
:- table tf/1.
tf(X) :- tfact(X).

:- table counted/1.
counted(X) :- flag(evals, N, N + 1), member(X, [p, q]).

all(G) :- findall(G, G, L0), msort(L0, L), print(L), nl.

main :-
    all(path(a, _)), all(path(d, _)), all(path(_, a)),
    findall(X-Y, path(X, Y), Ps), length(Ps, NP), print(NP), nl,
    all(even(_)), all(odd(_)),
    fib(100, F), print(F), nl,
    all(sg(c1, _)), all(sg(c3, _)),
    atom_codes('1+2+3', Cs), ( phrase(expr(V), Cs) -> print(V) ; print(no) ), nl,
    all(twice(_)),
    catch(all(boom(_)), E, (print(caught(E)), nl)),
    catch(all(boom(_)), E2, (print(caught(E2)), nl)),
    all(from_fact(_)),
    assertz(fact(2)), all(from_fact(_)),
    abolish_all_tables, all(from_fact(_)),
    all(path(b, _)),
    \+ ( between(1, 3, _), counted(_), fail ), flag(evals, Ev, Ev), print(evals(Ev)), nl,
    all(tf(_)), findall(TV, current_table(TV, _), TVs0), msort(TVs0, TVs), length(TVs, NTV), print(tables(NTV)), nl,
    assertz(tfact(2)), all(tf(_)), abolish_table_subgoals(tf(_)), all(tf(_)),
    catch(table(_), error(Er1, _), (print(Er1), nl)).
% Not compared: table(foo/a) is type_error(nonneg, a) here, swipl 9.0.4
% says domain_error(tabled_mode, foo); table(1) is
% type_error(predicate_indicator, 1) here, type_error(table_desclaration, 1)
% (sic) in swipl.
