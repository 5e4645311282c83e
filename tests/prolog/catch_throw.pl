% catch/3 and throw/1: ball copying, rethrow, transparency to backtracking,
% and the ISO error terms of common built-ins.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
p(X) :- member(X, [1, 2, 3]).
thrower(N) :- N > 2, throw(too_big(N)).
thrower(_).

main :-
    catch(thrower(5), too_big(X), (write(caught(X)), nl)),
    catch(catch(thrower(7), other, true), E1, (write(outer(E1)), nl)),
    findall(X2, catch(p(X2), _, true), L), write(L), nl,
    catch((p(Y), Y > 1, throw(found(Y))), found(Z), true), write(Z), nl,
    catch(throw(f(S, S)), B, (copy_term(B, C), C = f(P, Q), (P == Q -> write(shared) ; write(not_shared)), nl)),
    ( catch(member(M, [a, b]), _, true), M == b -> write(backtracked_into_catch), nl ; true ),
    catch((catch(true, _, true), throw(after_exit)), after_exit, (write(not_caught_by_exited_catch), nl)),
    catch(X3 is foo + 1, error(type_error(T, V), _), (write(type_error(T, V)), nl)),
    catch(X3 is 1 / 0, error(Err, _), (write(Err), nl)),
    catch(_ is _ + 1, error(Err2, _), (write(Err2), nl)),
    catch(undefined_predicate_xyz, error(Err3, _), (write(Err3), nl)),
    catch(call(1), error(Err4, _), (write(Err4), nl)),
    catch(functor(_, _, _), error(Err5, _), (write(Err5), nl)),
    catch(functor(_, foo, -1), error(Err6, _), (write(Err6), nl)),
    catch(arg(x, f(a), _), error(Err7, _), (write(Err7), nl)),
    catch(assertz(foo :- 1), error(Err8, _), (write(Err8), nl)),
    catch(assertz((atom(_) :- true)), error(Err9, _), (write(Err9), nl)),
    catch(throw(_), error(Err10, _), (write(Err10), nl)).
