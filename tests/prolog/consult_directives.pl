% consult_directives: the declarations ordinary swipl programs carry load
% and mean what they mean there, with one module: multifile (the predicate
% is defined: a call fails rather than raising), meta_predicate (checked),
% table (library(tabling): the predicate is tabled), operators
% exported by a module, module-qualified clause heads and asserts.
% Checked against swipl 9.0.4.
:- use_module('data/ops_module').
:- use_module(library(lists), [append/3]).
:- multifile hook/1.
:- multifile other_hook/2, third/0.
:- meta_predicate twice(0), with_arg(1, ?).
:- table fibt/2.
:- dynamic counter/1.
:- dynamic gram//1.
:- multifile gram2//0.

twice(G) :- call(G), call(G).
with_arg(G, X) :- call(G, X).
fibt(0, 0).
fibt(1, 1).
fibt(N, F) :- N > 1, A is N-1, B is N-2, fibt(A, FA), fibt(B, FB), F is FA+FB.
user:portray(secret(_)) :- write('<hidden>').
m:qualified(X) :- X = 2.

main :-
    ( hook(_) -> writeln(hook_true) ; writeln(hook_fails) ),
    ( catch(third, E, (print_message(error, E), fail)) -> true ; writeln(third_fails) ),
    twice(write(hi)), nl,
    with_arg(writeln, arg),
    fibt(15, F), writeln(F),
    Z = (a ===> b), writeq(Z), nl,
    X = ===>(p, q), print(X), nl,
    print(secret(1)), nl,
    m:qualified(Q), writeln(Q),
    assertz(user:counter(3)), counter(C), writeln(C),
    catch(multifile(atom_length/2), error(Err, _), (writeq(Err), nl)),
    catch(meta_predicate(foo(bad)), error(Err2, _), (writeq(Err2), nl)),
    ( gram(_, _, _) -> true ; writeln(gram_fails) ),
    ( gram2(_, _) -> true ; writeln(gram2_fails) ),
    rule(R1, R2), writeln(R1-R2).
