% Guards of tests before a cut, compiled (engine/clause.c cl_guard): a
% shallow try runs the tests on the head's values and builds only what
% follows the cut.  The answers, the clause chosen, the errors a test
% raises (with the culprit's functor) and backtracking into the clauses
% after a failed guard are as before.  Leading tests with no cut after
% them are run the same way by the condition search of if-then-else and
% \+ (m/2).  Checked against swipl 9.0.4 (swipl -q -g main -t halt).

p(X, Y, R) :- number(X), number(Y), X =< Y, !, R = le.
p(X, Y, R) :- var(X), X =< Y, !, R = le.
p(X, a, R) :- atom(X), X == b, !, R = atom_b.
p(_, _, other).

q(X, R) :- integer(X), X > 3, !, R = big.
q(X, R) :- X == foo, !, R = foo.
q(_, small).

r(X, Y) :- X @< Y, !.
r(_, _) :- fail.

m([], []).
m([P|Ps], [D|Ds]) :- atom(P), P == D, m(Ps, Ds).
m([P|Ps], [D|Ds]) :- integer(P), P =:= D, m(Ps, Ds).
m([P|Ps], [_|Ds]) :- P == (?), m(Ps, Ds).

main :-
    p(1, 2, A), writeln(A),
    p(3, 2, B), writeln(B),
    p(b, a, C), writeln(C),
    p(c, a, D), writeln(D),
    catch(p(_, 1, E), error(Err, context(Culprit, _)), ( print(Err-Culprit), nl, E = err )), writeln(E),
    q(5, F), writeln(F),
    q(foo, G), writeln(G),
    q(2, H), writeln(H),
    q(Z, I), ( var(Z) -> writeln(I-unbound) ; writeln(I-Z) ),
    findall(R, p(1, 2, R), L), writeln(L),
    findall(R2, p(3, 2, R2), L2), writeln(L2),
    findall(X-Y, ( member(X, [a, b, c]), member(Y, [a, b, c]), r(X, Y) ), Ps), writeln(Ps),
    forall(member(T, [[a, 1, b], [a, ?, b], [a, 2, b], [?, ?], [a, 1.0, b]]),
           ( ( m(T, [a, 1, b]) -> M = yes ; M = no ), ( \+ m(T, [a, 1, b]) -> N = no ; N = yes ),
             format("~w: ~w ~w~n", [T, M, N]) )),
    catch(( m([x, foo], [x, _]) -> writeln(matched) ; writeln(unmatched) ), error(Err2, _), ( print(Err2), nl )).
