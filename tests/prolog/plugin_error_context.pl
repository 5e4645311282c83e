% plugin_error_context: an error a plugin predicate raises names it in the
% context, whether it comes before any choice or in an alternative the
% predicate resumes after a failure (sl_choose, sl_fail), and whether the
% error comes in the first call or after the failure or the caught error
% of another built-in; an error of the solve loop itself (an unbound goal)
% names none, also right after a built-in failed or threw.  No reference system loads the plugin: the contexts
% follow those of built-ins (system:Name/Arity, as swipl gives them),
% checked by hand.
:- use_foreign_library(foreign(probe)).

main :-
    catch(twice(a, _), error(E1, context(C1, _)), true),
    writeq(first(E1, C1)), nl,
    catch(late_error(a, _), error(E2, context(C2, _)), true),
    writeq(later(E2, C2)), nl,
    late_error(4, Y), writeq(value(Y)), nl,
    ( catch(atom_length(_, _), _, fail) ; true ),
    catch(late_error(b, _), error(E3, context(C3, _)), true),
    writeq(after_a_throw(E3, C3)), nl,
    ( atom_length(abc, 2) ; true ),
    catch(late_error(c, _), error(E4, context(C4, _)), true),
    writeq(after_a_failure(E4, C4)), nl,
    % the loop's own errors have no predicate in their context: an unbound
    % goal called at once, after a built-in failed from inside, and as the
    % recovery of a caught error
    G = _,
    catch(G, error(E5, C5), true),
    named(C5, P5), writeq(unbound_goal(E5, P5)), nl,
    catch(( fail_inside ; G ), error(E6, C6), true),
    named(C6, P6), writeq(after_failing_inside(E6, P6)), nl,
    catch(catch(atom_length(_, _), error(_, _), G), error(E7, C7), true),
    named(C7, P7), writeq(as_recovery(E7, P7)), nl.

% The predicate an error's context names, or none.
named(C, none) :- var(C), !.
named(context(P, _), P).
