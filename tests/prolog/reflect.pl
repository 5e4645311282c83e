% reflect: current_predicate/1,2 and predicate_property/2.
% Checked against swipl 9.0.4 (swipl -q -g main -t halt reflect.pl); only
% the properties both systems have are compared (file(F) is left out: it
% is an absolute path), and library
% predicates too (swipl autoloads them: current_predicate(member/2) is
% false there until member/2 is first called).  current_predicate/2 and
% predicate_property/2 are not ISO: on bad arguments they fail, as swipl's.
:- dynamic d/1.
:- dynamic e/2.
foo(1).
foo(2).
bar :- true.
baz(X) :- X > 1.
baz(_).
e(1, 2).

t(G) :- ( catch(G, E, (print_message(error, E), fail)) -> R = yes ; R = no ), functor(G, N, _), arg(1, G, A), shape(A, S), writeln(R:N:S).
% a term without its variables, so that no variable name is printed
shape(X, v) :- var(X), !.
shape(X, X) :- atomic(X), !.
shape(X, S) :- X =.. [F|As], shapes(As, Ss), S =.. [F|Ss].
shapes([], []).
shapes([A|As], [S|Ss]) :- shape(A, S), shapes(As, Ss).
err(G) :- catch((G, writeln(succeeded:G)), error(E, _), (writeln(E))).

% the properties both systems have (swipl has more: size, iso, ...)
common(P) :-
    functor(P, N, _),
    memberchk(N, [interpreted, visible, built_in, foreign, dynamic, static, discontiguous,
                  line_count, number_of_clauses, number_of_rules, defined]).

props(H) :-
    findall(P, (predicate_property(H, P), common(P)), Ps),
    functor(H, N, A), writeln(N/A-Ps).

main :-
    t(current_predicate(write/1)),
    t(current_predicate(foo/1)),
    t(current_predicate(foo/2)),
    t(current_predicate(d/1)),
    t(current_predicate(nope/0)),
    t(current_predicate(foo/_)),
    t(current_predicate(e/_)),
    findall(N-A, (current_predicate(N/A), memberchk(N, [foo,bar,baz,d,e,t,err,props,main])), L),
    msort(L, L2), writeln(L2),
    findall(H, current_predicate(baz, H), Hs), length(Hs, NH), writeln(baz_heads(NH)),
    ( current_predicate(Nm, e(_, _)) -> writeln(name(Nm)) ; writeln(no_name) ),
    t(current_predicate(nope, _)),
    err(current_predicate(foo)),
    err(current_predicate(1/a)),
    err(current_predicate(f/a)),
    err(current_predicate(f/1/2)),
    t(current_predicate(1, _)),
    t(current_predicate(_, 3)),
    props(foo(_)),
    props(bar),
    props(baz(_)),
    props(d(_)),
    props(e(_, _)),
    props(atom_length(_, _)),
    ( predicate_property(foo(_), number_of_clauses(C)) -> writeln(clauses(C)) ; true ),
    ( predicate_property(X, dynamic), X = d(_) -> writeln(enumerates) ; writeln(no_enumeration) ),
    findall(Y, (predicate_property(Y, dynamic), memberchk(Y, [d(_), e(_,_)])), Ys), length(Ys, NY),
    writeln(dynamic_count(NY)),
    t(predicate_property(nope(_), defined)),
    t(predicate_property(foo(_), dynamic)),
    t(predicate_property(foo(_), number_of_clauses(3))),
    assertz(d(1)), assertz(d(2)), retract(d(1)),
    props(d(_)),
    t(predicate_property(foo(_), 3)),
    t(predicate_property(3, dynamic)),
    t(predicate_property(foo(_), nonsense(_, _))).
