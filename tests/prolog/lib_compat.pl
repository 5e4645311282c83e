% library(thread)'s helpers (run one after another here: the same
% answers), library(backcomp)'s old names, catch_with_backtrace/3,
% term_hash/2 (its values differ from swipl's: the test checks what it
% promises), and swipl built-ins that are Prolog here (stdlib/compat.pl):
% name/2, compound_name_*, strip_module/3, divmod/4, rational/1,
% read_string/3,5, access_file/2, is_stream/1, expand_file_name/2,
% Edinburgh get0/get/skip/put, nb_delete/1.  Expected output checked against swipl 9.0.4
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
g(name(_, "12")).
g(name(_, "a b")).
g(name(_, [])).
g(name(foo, _)).
g(name(12, _)).
g(name("st", _)).
g(name(_, " 12")).
g(compound_name_arity(f(a, b), _, _)).
g(compound_name_arguments(_, f, [a, b])).
g(compound_name_arguments(f(x), _, _)).
g(strip_module(m:n:foo(x), _, _)).
g(strip_module(foo, _, _)).
g(divmod(7, 2, _, _)).
g(divmod(-7, 2, _, _)).
g(rational(3)).
g(rational(3.0)).
g(rs(1, _)).
g(rs(2, _)).
g(rs(3, _)).
g(rs(4, _)).
g(rs(5, _)).
g(access_file('/', exist)).
g(access_file('/nonexist', exist)).
g(access_file('/nonexist/x', write)).
g(access_file(foo, none)).
g(is_stream(user_input)).
g(is_stream(foo)).
g(prolog_to_os_filename(a, _)).
g(expand_file_name('nomatch*', _)).
g(edinburgh(_)).
g((nb_setval(k, 1), nb_delete(k), \+ nb_current(k, _))).
g(unifiable(f(_, b), f(a, _), _)).
g(unifiable(f(_, g(Q)), f(h(Q), _), _)).
g(unifiable(a, b, _)).
g(unifiable(g(A), g(A), _)).
g((prompt(O, 'x> '), prompt(O2, O), O2 == 'x> ')).
g(nv(1, _)).
g(nv(2, _)).
g(nv(3, _)).
g((term_singletons(f(P, _, P, _), S), length(S, 2))).

% (the streams themselves are not printed: they print differently)
rs(1, Sep-Str) :- open_string("ab,cd", S), read_string(S, ",", "", Sep, Str).
rs(2, Sep-Str) :- open_string("  hello  \nx", S), read_string(S, "\n", " ", Sep, Str).
rs(3, Str) :- open_string("abcdef", S), read_string(S, 3, Str).
rs(4, Len-Str) :- open_string("abcdef", S), read_string(S, Len, Str).
rs(5, Sep-Str) :- open_string("abc", S), read_string(S, ",", "", Sep, Str).
edinburgh([A, B, C]) :- open_string("  x yz", S), get(S, A), get0(S, B), skip(S, 0'z), get0(S, C).
nv(1, T-E) :- T = f(X, _, X, Z, g(Z)), numbervars(T, 0, E, [singletons(true)]).
nv(2, T-E) :- T = h(A, _, A), numbervars(T, 5, E, [functor_name(v)]).
nv(3, T-E) :- T = k(_), numbervars(T, 0, E, []).
