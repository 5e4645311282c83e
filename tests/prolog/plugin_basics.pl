% plugin_basics: a C plugin (tests/plugins/probe.c) loaded with
% use_foreign_library/1 backtracks with no undo code of its own: its
% globals, what it mallocs and the terms it builds are put back by
% backtracking, while its code, what it registered and what its install
% function made persist.  No reference system can load this plugin; the
% expected output follows DESIGN sections 5 and 7, checked by hand (a C
% global in swipl would count on: [1,2,3] where we give [1,1,1]).
:- use_foreign_library(foreign(probe)).

main :-
    % a global: each answer of findall was undone before the next
    findall(N, (between(1, 3, _), bump(N)), Ns), writeln(bumps(Ns)),
    bump(A), bump(B), writeln(kept(A, B)),
    % malloc'd nodes: the pushes of a failed branch are gone
    push(1), push(2),
    ( push(3), push(4), items(L1), writeln(inside(L1)), fail ; true ),
    items(L2), writeln(after(L2)),
    ( pop(X), pop(Y), writeln(popped(X, Y)), fail ; true ),
    items(L3), writeln(still(L3)),
    % nondeterminism by sl_choose, one choice and two nested ones
    findall(D, digit(D), Ds), writeln(digits(Ds)),
    findall(P-Q, pair(P, Q), PQs), writeln(pairs(PQs)),
    bump(C0), writeln(count_after_pairs(C0)),
    ( digit(D1), D1 > 6 -> writeln(first_over_6(D1)) ; true ),
    once(pair(P1, Q1)), writeln(once(P1, Q1)),
    % what install made survives
    hello(H), writeln(H),
    % terms in and out
    point(Pt), writeq(Pt), nl,
    forall(member(T, [_, foo, 42, 1.0, "str", f(a, b), [x]]), ( describe(T, W), writeq(W), nl )),
    shout(abc, S1), shout("mixed Case", S2), writeq(S1-S2), nl,
    % errors are ISO error terms
    catch(twice(a, _), error(E1, context(C1, _)), (writeq(caught(E1, C1)), nl)),
    catch(twice(_, _), error(E2, _), (writeq(caught(E2)), nl)),
    catch(shout(1, _), error(E3, _), (writeq(caught(E3)), nl)),
    twice(21, T42), writeln(T42),
    % output written in a failed branch appears once
    ( say(one), fail ; say(two) ),
    % loading again is a no-op; what is loaded is listed
    use_foreign_library(foreign(probe)),
    findall(F, current_foreign_library(F, _), Fs), length(Fs, NF), writeln(libraries(NF)).
