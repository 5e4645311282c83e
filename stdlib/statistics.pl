/* library(statistics): time/1, which runs a goal and tells on user_error
 * what it cost, as swipl prints it:
 *   % 1,234 inferences, 0.002 CPU in 0.002 seconds (97% CPU, 617000 Lips)
 * It reports when the goal succeeds (again after each retry), when it fails
 * and when it raises an exception, which it then passes on.  The counts run
 * from the call, so a later answer's line includes the earlier ones. */
:- module(statistics, [time/1]).

time(Goal) :-
    '$time_now'(S0),
    (   catch(Goal, E, ('$time_report'(S0), throw(E)))
    *-> '$time_report'(S0)
    ;   '$time_report'(S0), fail
    ).

% The counters as a term: inferences, CPU seconds, wall seconds.
'$time_now'(t(I, C, W)) :-
    statistics(inferences, I), statistics(cputime, C), get_time(W).

'$time_report'(t(I0, C0, W0)) :-
    '$time_now'(t(I1, C1, W1)),
    % the three calls of '$time_now'/1 and this clause's own call and head
    I is max(0, I1 - I0 - 5),
    C is C1 - C0, W is W1 - W0,
    ( W > 0 -> Perc is round(100 * C / W) ; Perc = '?' ),
    ( C > 0 -> Lips is integer(I / C) ; Lips = 'Infinite' ),
    format(user_error, "% ~D inferences, ~3f CPU in ~3f seconds (~w% CPU, ~w Lips)~n",
           [I, C, W, Perc, Lips]).
