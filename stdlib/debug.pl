/* library(debug): assertion/1 and the debug/3 message channels, as swipl's. */
:- module(debug, [assertion/1, debug/3, debug/1, nodebug/1, nodebug/0, debugging/1]).

% assertion(:Goal): Goal must succeed (tried once, its bindings not kept).
% When it fails or raises, the goal is reported on user_error and
% error(assertion_error(fail, user:Goal), _) is raised, as swipl's (which
% also prints a backtrace and may start its debugger; there is none here).
assertion(G) :-
    (   \+ \+ catch(G, _, fail)
    ->  true
    ;   format(user_error, "ERROR: Assertion failed: ~q~n", [user:G]),
        throw(error(assertion_error(fail, user:G), _))
    ).

% debug(+Topic, +Format, +Args): the message on user_error, prefixed with
% "% ", when a topic subsuming Topic was turned on with debug/1.
debug(Topic, Format, Args) :-
    (   nb_current('$debug_topics', Ts), '$debug_on'(Topic, Ts)
    ->  format(user_error, "% ", []),
        format(user_error, Format, Args),
        nl(user_error)
    ;   true
    ).

'$debug_on'(T, Ts) :- member(T0, Ts), subsumes_term(T0, T), !.

% debug(+Topic), nodebug(+Topic), nodebug: topics on and off.
debug(Topic) :-
    ( nb_current('$debug_topics', Ts) -> true ; Ts = [] ),
    ( memberchk(Topic, Ts) -> true ; nb_setval('$debug_topics', [Topic|Ts]) ).
nodebug(Topic) :-
    ( nb_current('$debug_topics', Ts) -> true ; Ts = [] ),
    '$debug_without'(Ts, Topic, Rest),
    nb_setval('$debug_topics', Rest).
nodebug :- nb_setval('$debug_topics', []).

'$debug_without'([], _, []).
'$debug_without'([T|Ts], X, R) :- ( T \= X -> R = [T|R1] ; R = R1 ), '$debug_without'(Ts, X, R1).

% debugging(?Topic): the topics turned on.
debugging(Topic) :- nb_current('$debug_topics', Ts), member(Topic, Ts).
