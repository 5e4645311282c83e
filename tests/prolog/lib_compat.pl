% library(thread)'s helpers (run one after another here: the same
% answers), library(backcomp)'s old names, catch_with_backtrace/3 and
% term_hash/2 (its values differ from swipl's: the test checks what it
% promises).  Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt).
:- use_module(library(thread)).
:- use_module(library(yall)).

hash_props :-
    term_hash(f(a, "s", 1.5, [x]), H), integer(H), H >= 0,
    term_hash(f(a, "s", 1.5, [x]), H2), H == H2,
    term_hash(f(_), U), var(U),
    findall(X, (between(1, 200, I), term_hash(k(I), X)), Hs), sort(Hs, S), length(S, N), N > 190.

main :- forall(g(G), ( \+ \+ ( catch(G, E, (print(ex(E)), nl, fail)) -> numbervars(G, 0, _), print(G) ; print(no) ), nl )).

g(concurrent_maplist([X, Y]>>(Y is X * 2), [1, 2, 3], _)).
g(concurrent_maplist(atom, [a, b])).
g(concurrent_maplist(atom, [a, 1])).
g(concurrent_maplist([X, Y, Z]>>(Z is X + Y), [1, 2], [10, 20], _)).
g(concurrent_forall(member(X, [1, 2]), X > 0)).
g(concurrent_forall(member(X, [1, -2]), X > 0)).
g(concurrent(2, [_X = 1, _Y = 2], [])).
g(concurrent(2, [true, fail], [])).
g(first_solution(X, [member(X, [a, b])], [])).
g(first_solution(X, [fail, X = c], [])).
g(apply(succ, [1, _])).
g(concat_atom([a, b, c], _)).
g(concat_atom([a, b], '-', _)).
g(catch_with_backtrace(throw(x), _, true)).
g(catch_with_backtrace(atom_length(_, _), error(_E, _), true)).
g(hash_props).
g(first_solution(X, [fail, X = c], [on_fail(continue)])).
