/* library(tabling): `:- table Name/Arity.`  A tabled predicate's answers
 * are computed once per call variant and kept, so left recursion ends and
 * repeated subgoals are not solved again:
 *
 *   :- table path/2.
 *   path(X, Y) :- path(X, Z), edge(Z, Y).
 *   path(X, Y) :- edge(X, Y).
 *
 * Consult gives the clauses of a tabled predicate to '$tabled Name'/Arity
 * (engine/consult.c) and the predicate itself one clause, a wrapper that
 * calls '$tbl_call'/2.  A call first completes its table, then returns its
 * answers (local scheduling, swipl's default): each answer once, in the
 * order found.
 *
 * The tables are in persistent memory (the variant sets of stdlib/vset.c,
 * the '$tbl'/3 facts, nb_setval/2 globals), so backtracking does not undo
 * them.  Completion is by iteration: the first tabled call not under
 * another one is the leader; a call of a table still being evaluated gets
 * the answers found so far and marks its caller as dependent; the leader
 * evaluates its clauses again, and every dependent table under it once per
 * round, until a round finds no new answer; then they are all complete.  A
 * table whose evaluation met no incomplete one is complete at once, so a
 * program without recursion through tables (fib/2) takes one round.
 * Answers must be finite in number; a change of the dynamic predicates a
 * table read does not invalidate it (abolish_all_tables/0 does). */
:- module(tabling, [table/1, abolish_all_tables/0, '$tbl_call'/2]).

:- dynamic('$tbl'/3).       % '$tbl'(CallIndex, AnswerSet, Status)
:- dynamic('$tbl_member'/1). % incomplete tables under the running leader

% table(+Specs): Name/Arity, Name//Arity, a conjunction or a list of them.
table(Spec) :- var(Spec), !, throw(error(instantiation_error, _)).
table((A, B)) :- !, table(A), table(B).
table([]) :- !.
table([H|T]) :- !, table(H), table(T).
table(Name//DA) :- !, must_be(nonneg, DA), A is DA + 2, table(Name/A).
table(Name/Arity) :- !,
    must_be(atom, Name), must_be(nonneg, Arity),
    '$tbl_declare'(Name, Arity),
    abolish_all_tables,
    atom_concat('$tabled ', Name, ImplName),
    functor(Head, Name, Arity), Head =.. [_|Args], Impl =.. [ImplName|Args],
    Wrapper = (Head :- '$tbl_call'(Head, Impl)),
    (   prolog_load_context(file, _)
    ->  '$load_clause'(Wrapper)
    ;   assertz(Wrapper)
    ).
table(Spec) :- throw(error(type_error(predicate_indicator, Spec), _)).

% abolish_all_tables: forget every answer; the next calls compute again.
abolish_all_tables :-
    forall(retract('$tbl'(_, A, _)), '$vset_free'(A)),
    retractall('$tbl_member'(_)),
    (   nb_current('$tbl_calls', C), C >= 0
    ->  '$vset_free'(C)
    ;   true
    ),
    nb_setval('$tbl_calls', -1),
    nb_setval('$tbl_leader', -1).

'$tbl_calls'(C) :-
    (   nb_current('$tbl_calls', C), C >= 0
    ->  true
    ;   '$vset_new'(C),
        nb_setval('$tbl_calls', C),
        nb_setval('$tbl_leader', -1),
        nb_setval('$tbl_changed', 0),
        nb_setval('$tbl_dep', 0),
        nb_setval('$tbl_round', 0)
    ).

% '$tbl_call'(+Goal, +Impl): Goal's answers, from its completed table.
'$tbl_call'(Goal, Impl) :-
    '$tbl_calls'(Calls),
    '$vset_index'(Calls, Goal, K, New),
    (   New == false, '$tbl'(K, A, St)
    ->  true
    ;   '$vset_new'(A), assertz('$tbl'(K, A, fresh)), St = fresh
    ),
    '$tbl_run'(St, K, A, Goal, Impl),
    '$vset_list'(A, 0, Answers),
    '$tbl_member_of'(Answers, Goal).

% The answers as member/2 gives them, without a choice point after the last.
'$tbl_member_of'([X|Xs], G) :- '$tbl_member_of'(Xs, X, G).
'$tbl_member_of'([], X, X).
'$tbl_member_of'([Y|Ys], X, G) :- ( G = X ; '$tbl_member_of'(Ys, Y, G) ).

'$tbl_run'(complete, _, _, _, _) :- !.
'$tbl_run'(evaluating, _, _, _, _) :- !,        % a recursive variant call
    nb_setval('$tbl_dep', 1).
'$tbl_run'(incomplete(R), K, A, Goal, Impl) :-
    nb_getval('$tbl_round', R0),
    (   R == R0
    ->  nb_setval('$tbl_dep', 1)                 % done this round already
    ;   '$tbl_eval'(K, A, Goal, Impl)
    ).
'$tbl_run'(fresh, K, A, Goal, Impl) :-
    nb_getval('$tbl_leader', Leader),
    (   Leader >= 0
    ->  '$tbl_eval'(K, A, Goal, Impl)
    ;   '$tbl_lead'(K, A, Goal, Impl)
    ).

% One evaluation of a table: all solutions of its clauses, each new answer
% added.  Complete when no incomplete table was met, else incomplete in
% this round (and its caller depends on it too).
'$tbl_eval'(K, A, Goal, Impl) :-
    '$tbl_status'(K, A, evaluating),
    nb_getval('$tbl_dep', Dep0),
    nb_setval('$tbl_dep', 0),
    (   call(Impl),
        (   '$vset_add'(A, Goal)
        ->  nb_getval('$tbl_changed', C0), C is C0 + 1, nb_setval('$tbl_changed', C)
        ;   true
        ),
        fail
    ;   true
    ),
    nb_getval('$tbl_dep', Dep),
    (   Dep == 0
    ->  '$tbl_status'(K, A, complete)
    ;   nb_getval('$tbl_round', R),
        '$tbl_status'(K, A, incomplete(R)),
        ( '$tbl_member'(K) -> true ; assertz('$tbl_member'(K)) )
    ),
    Dep1 is Dep0 \/ Dep,
    nb_setval('$tbl_dep', Dep1).

'$tbl_status'(K, A, St) :-
    retract('$tbl'(K, A, _)), !,
    assertz('$tbl'(K, A, St)).

% The leader: rounds until one adds no answer.  An exception drops the
% tables that are not complete (their answers may be partial).
'$tbl_lead'(K, A, Goal, Impl) :-
    nb_setval('$tbl_leader', K),
    nb_setval('$tbl_round', 0),
    nb_setval('$tbl_dep', 0),
    catch('$tbl_rounds'(K, A, Goal, Impl), E, ('$tbl_abandon', throw(E))),
    nb_setval('$tbl_leader', -1).

'$tbl_rounds'(K, A, Goal, Impl) :-
    nb_getval('$tbl_changed', C0),
    nb_setval('$tbl_dep', 0),
    '$tbl_eval'(K, A, Goal, Impl),
    nb_getval('$tbl_changed', C1),
    (   ( '$tbl'(K, A, complete) ; C1 == C0 )
    ->  forall(retract('$tbl_member'(M)), '$tbl_status'(M, _, complete)),
        '$tbl_status'(K, A, complete)
    ;   nb_getval('$tbl_round', R), R1 is R + 1, nb_setval('$tbl_round', R1),
        '$tbl_rounds'(K, A, Goal, Impl)
    ).

'$tbl_abandon' :-
    forall(( '$tbl'(K, A, St), St \== complete ),
           ( retract('$tbl'(K, A, St)), '$vset_free'(A) )),
    retractall('$tbl_member'(_)),
    nb_setval('$tbl_leader', -1).
