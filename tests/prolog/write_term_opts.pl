% write_term/2,3 options (quoted, ignore_ops, numbervars, max_depth, portray,
% spacing), print/1 calling the portray/1 hook, op/3 and current_op/3.
% Checked against swipl 9.0.4 (swipl -q -g main -t halt write_term_opts.pl).
:- op(700, xfx, ===>).
:- op(200, xfy, ^^).
:- op(100, fy, #).
:- op(100, xf, $$).

portray(secret(_)) :- write('<hidden>').
portray(X) :- float(X), X > 100.0, write(big).

t(f('A', 'b c', [1,2], "s", 'don''t', -(1), - 1, 1-(-1), a- -1, -(-(1)), \+a, f(:-), {a,b}, '$VAR'(3))).
t(a ===> b ^^ c ^^ d).
t(# # a $$ + (b $$) $$).
t((a :- b, c ; d -> e)).
t([a, 'B', [x|y], f(secret(1)), 1.0e10, 200.5, -0.0]).
t(f(x, g(y, h(z, i(w))))).
t([1,2,3,4,5,6,7,8,9]).
t('$VAR'(0) + '$VAR'(27) + '$VAR'('Foo') + '$VAR'(x)).
t(- (1)).
t(1 rem 2 + (a:-b)).
t(f(',', '|', [], {}, '{}', ;, !)).

opts([quoted(true)]).
opts([quoted(false)]).
opts([quoted(true), ignore_ops(true)]).
opts([numbervars(true)]).
opts([numbervars(false), quoted(true)]).
opts([max_depth(3)]).
opts([max_depth(2), quoted(true)]).
opts([portray(true)]).
opts([portray(true), quoted(true)]).
opts([spacing(next_argument)]).
opts([quoted(true), spacing(next_argument), ignore_ops(true)]).

main :-
    forall(t(T), (forall(opts(O), (write(O), write(': '), write_term(T, O), nl)), print(T), nl)),
    write_term(user_output, hello('W'), [quoted(true)]), nl,
    forall(member(E, [write_term(a, [foo]), write_term(a, [quoted(maybe)]), write_term(a, [max_depth(a)]),
                      write_term(a, [_]), write_term(a, foo), write_term(a, [a|_]), write_term(_, a, []),
                      op(1201, xfx, foo), op(a, xfx, foo), op(700, abc, foo), op(700, xfx, [a, 1]),
                      op(700, xfx, ','), op(1000, xfy, '|'), op(700, fx, '|'),
                      current_op(1201, _, _), current_op(_, foo, _), current_op(_, _, 1)]),
           (catch(E, error(Err, _), true), writeq(Err), nl)),
    forall(current_op(P, T, ===>), (writeq(op(P, T, ===>)), nl)),
    forall(current_op(P, T, #), (writeq(op(P, T, #)), nl)),
    findall(P-T, current_op(P, T, -), L), msort(L, SL), writeq(SL), nl,
    op(0, xfx, ===>), ( current_op(_, _, ===>) -> writeq(still) ; writeq(removed) ), nl,
    writeq(f(===>)), nl.
