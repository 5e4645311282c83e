/* library(aggregate): aggregate_all/3 and aggregate_all/4, over findall/3,
 * and aggregate/3,4, over bagof/3 and setof/3: one answer per binding of
 * the goal's free variables (use V^Goal to leave V out), and failure when
 * there is no solution. */
:- module(aggregate, [aggregate_all/3, aggregate_all/4, aggregate/3, aggregate/4, foreach/2]).

% aggregate_all(+Spec, :Goal, -Result): count, count(T), sum(E), max(E),
% min(E), max(E, W), min(E, W), bag(T), set(T).  max and min of no
% solutions fail; sum of none is 0.
aggregate_all(Spec, _, _) :- var(Spec), !, throw(error(instantiation_error, _)).
aggregate_all(count, G, C) :- !, findall(x, G, L), length(L, C).
aggregate_all(count(T), G, C) :- !, findall(T, G, L), length(L, C).
aggregate_all(sum(E), G, S) :- !, findall(E, G, L), '$aggr_sum'(L, 0, S).
% The first solution is evaluated (max, min) or checked to be a number
% (max/2, min/2) before any other, so a bad one raises the error swipl's does.
aggregate_all(max(E), G, M) :- !, findall(E, G, L), L = [H|T], H1 is H, '$aggr_max'(T, H1, M).
aggregate_all(min(E), G, M) :- !, findall(E, G, L), L = [H|T], H1 is H, '$aggr_min'(T, H1, M).
aggregate_all(max(E, W), G, max(M, MW)) :- !, findall(E-W, G, L), L = [H|T], '$aggr_number'(H), '$aggr_maxw'(T, H, M-MW).
aggregate_all(min(E, W), G, min(M, MW)) :- !, findall(E-W, G, L), L = [H|T], '$aggr_number'(H), '$aggr_minw'(T, H, M-MW).
aggregate_all(bag(E), G, L) :- !, findall(E, G, L).
aggregate_all(set(E), G, S) :- !, findall(E, G, L), sort(L, S).
aggregate_all(Spec, _, _) :- throw(error(domain_error(aggregate_template, Spec), _)).

% aggregate_all(+Spec, +Discriminator, :Goal, -Result): as /3 over the
% solutions with distinct Discriminator values (count, sum, max, min, bag, set).
aggregate_all(Spec, D, G, R) :-
    findall(D-Spec, G, Ps0), sort(Ps0, Ps1), '$aggr_values'(Ps1, Spec, Vs),
    '$aggr_spec'(Spec, Vs, R).
'$aggr_values'([], _, []).
'$aggr_values'([_-S|T], Spec, [V|Vs]) :- '$aggr_value'(Spec, S, V), '$aggr_values'(T, Spec, Vs).
'$aggr_value'(count, _, x).
'$aggr_value'(sum(_), sum(E), E).
'$aggr_value'(max(_), max(E), E).
'$aggr_value'(min(_), min(E), E).
'$aggr_value'(bag(_), bag(E), E).
'$aggr_value'(set(_), set(E), E).
'$aggr_spec'(count, Vs, C) :- length(Vs, C).
'$aggr_spec'(sum(_), Vs, S) :- '$aggr_sum'(Vs, 0, S).
'$aggr_spec'(max(_), [H|T], M) :- '$aggr_max'(T, H, M).
'$aggr_spec'(min(_), [H|T], M) :- '$aggr_min'(T, H, M).
'$aggr_spec'(bag(_), Vs, Vs).
'$aggr_spec'(set(_), Vs, S) :- sort(Vs, S).

'$aggr_sum'([], S, S).
'$aggr_sum'([X|Xs], S0, S) :- S1 is S0 + X, '$aggr_sum'(Xs, S1, S).
'$aggr_max'([], M0, M) :- M is M0.
'$aggr_max'([X|Xs], M0, M) :- M1 is max(M0, X), '$aggr_max'(Xs, M1, M).
'$aggr_min'([], M0, M) :- M is M0.
'$aggr_min'([X|Xs], M0, M) :- M1 is min(M0, X), '$aggr_min'(Xs, M1, M).
'$aggr_number'(E-_) :- ( number(E) -> true ; throw(error(type_error(number, E), _)) ).
'$aggr_maxw'([], M, M).
'$aggr_maxw'([E-W|T], E0-W0, M) :- ( E > E0 -> '$aggr_maxw'(T, E-W, M) ; '$aggr_maxw'(T, E0-W0, M) ).
'$aggr_minw'([], M, M).
'$aggr_minw'([E-W|T], E0-W0, M) :- ( E < E0 -> '$aggr_minw'(T, E-W, M) ; '$aggr_minw'(T, E0-W0, M) ).

% aggregate(+Spec, :Goal, -Result): as aggregate_all/3, but grouped as bagof
% groups, and failing when Goal has no solution.  Spec may also be a
% compound of specs, r(count, sum(X)), giving r(Count, Sum).
aggregate(Spec, Goal, Result) :-
    '$aggr_template'(Spec, Template, Kind),
    bagof(Template, Goal, List),
    '$aggr_result'(Kind, List, Result).

% aggregate(+Spec, +Discriminator, :Goal, -Result): the same over the
% solutions with distinct Discriminator values.
aggregate(Spec, D, Goal, Result) :-
    '$aggr_template'(Spec, Template, Kind),
    setof(D-Template, Goal, Pairs),
    pairs_values(Pairs, List),
    '$aggr_result'(Kind, List, Result).

% The template bagof collects for a spec, and how to fold the list.
'$aggr_template'(Spec, _, _) :- var(Spec), !, throw(error(instantiation_error, _)).
'$aggr_template'(count, x, count) :- !.
'$aggr_template'(count(T), T, count) :- !.
'$aggr_template'(sum(E), E, sum) :- !.
'$aggr_template'(max(E), E, max) :- !.
'$aggr_template'(min(E), E, min) :- !.
'$aggr_template'(max(E, W), E-W, maxw) :- !.
'$aggr_template'(min(E, W), E-W, minw) :- !.
'$aggr_template'(bag(T), T, bag) :- !.
'$aggr_template'(set(T), T, set) :- !.
'$aggr_template'(Spec, Template, compound(Kinds)) :-
    compound(Spec), !,
    Spec =.. [F|Specs],
    '$aggr_templates'(Specs, Templates, Kinds),
    Template =.. [F|Templates].
'$aggr_template'(Spec, _, _) :- throw(error(domain_error(aggregate_template, Spec), _)).
'$aggr_templates'([], [], []).
'$aggr_templates'([S|Ss], [T|Ts], [K|Ks]) :- '$aggr_template'(S, T, K), '$aggr_templates'(Ss, Ts, Ks).

'$aggr_result'(count, L, C) :- length(L, C).
'$aggr_result'(sum, L, S) :- '$aggr_sum'(L, 0, S).
'$aggr_result'(max, [H|T], M) :- H1 is H, '$aggr_max'(T, H1, M).
'$aggr_result'(min, [H|T], M) :- H1 is H, '$aggr_min'(T, H1, M).
'$aggr_result'(maxw, [H|T], max(M, W)) :- '$aggr_number'(H), '$aggr_maxw'(T, H, M-W).
'$aggr_result'(minw, [H|T], min(M, W)) :- '$aggr_number'(H), '$aggr_minw'(T, H, M-W).
'$aggr_result'(bag, L, L).
'$aggr_result'(set, L, S) :- sort(L, S).
'$aggr_result'(compound(Kinds), L, R) :-
    L = [T0|_], functor(T0, F, N), functor(R, F, N),
    '$aggr_columns'(Kinds, 1, L, R).
'$aggr_columns'([], _, _, _).
'$aggr_columns'([K|Ks], I, L, R) :-
    '$aggr_column'(L, I, Col),
    arg(I, R, V),
    '$aggr_result'(K, Col, V),
    I1 is I + 1,
    '$aggr_columns'(Ks, I1, L, R).
'$aggr_column'([], _, []).
'$aggr_column'([T|Ts], I, [V|Vs]) :- arg(I, T, V), '$aggr_column'(Ts, I, Vs).

% foreach(:Generator, :Goal): the conjunction of a copy of Goal for each
% solution of Generator, with Generator's bindings; the variables of Goal
% that do not occur in Generator are shared by all the copies.
foreach(Generator, Goal) :-
    term_variables(Generator, GenVs),
    term_variables(Goal, GoalVs),
    '$aggr_not_in'(GoalVs, GenVs, Shared),
    findall(Shared-Goal, Generator, Copies),
    '$aggr_foreach'(Copies, Shared).
'$aggr_not_in'([], _, []).
'$aggr_not_in'([V|Vs], Gs, S) :-
    (   '$aggr_var_in'(Gs, V) -> S = S1 ; S = [V|S1] ),
    '$aggr_not_in'(Vs, Gs, S1).
'$aggr_var_in'([G|Gs], V) :- ( G == V -> true ; '$aggr_var_in'(Gs, V) ).
'$aggr_foreach'([], _).
'$aggr_foreach'([Shared-Goal|Copies], Shared) :-
    call(Goal),
    '$aggr_foreach'(Copies, Shared).
