% setup_call_cleanup/3 when a cut, an if-then-else, \+, once/1 or an
% exception removes the choice points its goal left: the cleanup runs then
% (a record the cut path runs, solve.c), once, seeing the bindings of the
% moment; an exception of the cleanup is raised unless the goal's own is
% on its way.  Checked against swipl 9.0.4 (swipl -q -g main -t halt).

t(Name, G) :-
    format("~w:~n", [Name]),
    (   catch(G, E, format("  caught ~q~n", [E])) -> true ; writeln('  failed') ).

p(1).
p(2).
p(3).

main :-
    t(cut, (setup_call_cleanup(true, member(X, [1, 2]), writeln(c)), !, format("  X = ~w~n", [X]))),
    t(cut_sees_bindings, (setup_call_cleanup(true, member(Y, [1, 2]), format("  cleanup Y = ~w~n", [Y])), !)),
    t(det, (setup_call_cleanup(true, X2 = 1, writeln(c)), format("  X2 = ~w~n", [X2]))),
    t(fail, setup_call_cleanup(true, fail, writeln(c))),
    t(exhaust, (setup_call_cleanup(true, p(_), writeln(c)), fail)),
    t(error, setup_call_cleanup(true, throw(oops), writeln(c))),
    t(throw_after_exit, (setup_call_cleanup(true, p(_), writeln(c)), throw(after))),
    t(ite_commits, ((setup_call_cleanup(true, p(Z), writeln(c)), Z >= 2 -> format("  Z = ~w~n", [Z]) ; true))),
    t(naf, \+ setup_call_cleanup(true, p(_), writeln(c))),
    t(once, once(setup_call_cleanup(true, p(_), writeln(c)))),
    t(nested, (setup_call_cleanup(true, (p(A), setup_call_cleanup(true, p(B), writeln(inner(A, B)))),
                                  writeln(outer(A, B))), !)),
    t(findall, (findall(W, setup_call_cleanup(true, p(W), writeln(c)), L), writeln(L))),
    t(cut_inside_goal, (setup_call_cleanup(true, (p(V), !), writeln(c)), format("  V = ~w~n", [V]))),
    t(second_solution, (setup_call_cleanup(true, p(S), writeln(c(S))), S >= 2, !, format("  S = ~w~n", [S]))),
    t(call_cleanup, (call_cleanup(p(_), writeln(c)), !)),
    t(cleanup_throws_at_cut, (setup_call_cleanup(true, p(_), throw(in_cleanup)), !, writeln(after))),
    t(cleanup_throws_at_exit, (setup_call_cleanup(true, true, throw(x)), writeln(after))),
    t(cleanup_throws_at_failure, (setup_call_cleanup(true, fail, throw(y)) ; writeln(failed))),
    t(goal_error_wins, setup_call_cleanup(true, throw(a), throw(z))),
    t(cleanup_error_at_throw_ignored, (setup_call_cleanup(true, p(_), throw(w)), throw(v))),
    t(cleanup_fails, (setup_call_cleanup(true, p(_), fail), !, writeln(after))).
