% lib_misc: subsumes_term/2 (ISO), setup_call_cleanup/3 and call_cleanup/2
% (deterministic exit, exception, failure, all solutions, a failing setup),
% nb_current/2, library(debug) (assertion/1, debug/1,3, nodebug/1) and
% library(readutil) (line endings \n and \r\n, end of file).  Checked
% against swipl 9.0.4; its assertion/1 also prints a backtrace on
% user_error, which is not compared.
:- use_module(library(readutil)).
:- use_module(library(debug)).
t(G) :- ( catch(G, E, (print(ex(E)), nl, fail)) -> R = yes ; R = no ), functor(G, N, A), print(R-N/A), nl.
gen(1). gen(2). gen(3).
main :-
    t(subsumes_term(f(_), f(a))), t(subsumes_term(f(a), f(_))), t(subsumes_term(f(X, X), f(_, _))),
    t(subsumes_term(f(_, _), f(Z1, Z1))), t(subsumes_term(g(A), g(A))),
    setup_call_cleanup(true, writeln(body), writeln(cleanup1)),
    catch(setup_call_cleanup(true, throw(oops), writeln(cleanup2)), B, (print(caught(B)), nl)),
    ( setup_call_cleanup(true, fail, writeln(cleanup3)) -> true ; writeln(failed3) ),
    findall(N, setup_call_cleanup(true, gen(N), writeln(cleanup4)), Ns), print(Ns), nl,
    ( setup_call_cleanup(fail, writeln(no), writeln(no_cleanup)) -> true ; writeln(setup_failed) ),
    call_cleanup(true, writeln(cleanup5)),
    nb_setval(k, f(1)), t(nb_current(k, _)), t(nb_current(nokey, _)),
    t(assertion(1 =:= 1)),
    catch(assertion(1 =:= 2), error(AE, _), (print(AE), nl)),
    debug(foo), debug(foo, "x=~w", [1]), debug(bar, "hidden", []), nodebug(foo), debug(foo, "gone", []),
    current_prolog_flag(argv, Argv), last(Argv, Dir), atom_concat(Dir, '/lines.txt', F),
    open(F, write, W), format(W, "line one~nline two\r~nlast", []), close(W),
    open(F, read, R),
    read_line_to_string(R, L1), read_line_to_codes(R, L2), read_line_to_string(R, L3), read_line_to_string(R, L4), close(R),
    print([L1, L2, L3, L4]), nl,
    open(F, read, R2), read_stream_to_codes(R2, All), close(R2), length(All, Len), print(Len), nl.
