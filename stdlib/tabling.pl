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
 * program without recursion through tables (fib/2) takes one round.  A
 * call of an incomplete table reads its answers one by one, also those
 * added while it runs, so a left recursion takes two rounds (one to find,
 * one to see nothing new), not as many as its longest derivation.
 * Answers must be finite in number; a change of the dynamic predicates a
 * table read does not invalidate it (abolish_all_tables/0 does).
 *
 * Mode-directed tables, `:- table path(_, _, min).`: the arguments marked
 * `_` (or index) tell answers apart, and each moded argument keeps one
 * value per such answer: min, max (standard order of terms), first, last,
 * lattice(P/3) (call(P, Old, New, Kept)), po(P/2) (New replaces Old when
 * call(P, Old, New)).  A call's moded arguments must be unbound, as in
 * swipl.  sum is not offered: the rounds evaluate clauses again. */
:- module(tabling, [table/1, abolish_all_tables/0, abolish_table_subgoals/1, current_table/2,
                    '$tbl_call'/2]).

:- dynamic('$tbl'/3).       % '$tbl'(CallIndex, AnswerSet, Status)
:- dynamic('$tbl_modes'/3).  % '$tbl_modes'(Name, Arity, Modes): a moded table
:- dynamic('$tbl_mans'/3).   % '$tbl_mans'(CallIndex, IndexArgs, ModedArgs)

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
table(Head) :-
    compound(Head), !,
    Head =.. [Name|Specs],
    maplist('$tbl_mode', Specs, Modes),
    length(Modes, Arity),
    table(Name/Arity),
    retractall('$tbl_modes'(Name, Arity, _)),
    (   memberchk(moded(_), Modes)
    ->  assertz('$tbl_modes'(Name, Arity, Modes))
    ;   true
    ).
table(Spec) :- throw(error(type_error(predicate_indicator, Spec), _)).

'$tbl_mode'(S, index) :- var(S), !.
'$tbl_mode'(index, index) :- !.
'$tbl_mode'(M, moded(M)) :- '$tbl_mode_ok'(M), !.
'$tbl_mode'(M, _) :- throw(error(domain_error(tabled_mode, M), _)).
'$tbl_mode_ok'(min).
'$tbl_mode_ok'(max).
'$tbl_mode_ok'(first).
'$tbl_mode_ok'(last).
'$tbl_mode_ok'(lattice(P)) :- callable(P).
'$tbl_mode_ok'(po(P)) :- callable(P).

% current_table(?Variant, -Table): each call variant with a complete table
% (Table is its answer set's handle, or moded(Modes)).
current_table(Variant, Table) :- '$tbl_current'(Variant, _, Table).
'$tbl_current'(Variant, K, Table) :-
    nb_current('$tbl_calls', C), C >= 0,
    '$vset_list'(C, 0, Calls),
    nth0(K, Calls, Variant),
    '$tbl'(K, Table, complete).

% abolish_table_subgoals(+Goal): forget the complete tables of the call
% variants that unify with Goal; their next calls compute again.
abolish_table_subgoals(Goal) :-
    forall(( '$tbl_current'(V, K, A), \+ \+ V = Goal ),
           ( retract('$tbl'(K, A, complete)),
             retractall('$tbl_mans'(K, _, _)),
             ( integer(A) -> '$vset_free'(A) ; true ) )).

% abolish_all_tables: forget every answer; the next calls compute again.
abolish_all_tables :-
    forall(retract('$tbl'(_, A, _)), ( integer(A) -> '$vset_free'(A) ; true )),
    retractall('$tbl_mans'(_, _, _)),
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
    functor(Goal, Name, Arity),
    (   '$tbl_modes'(Name, Arity, Modes)
    ->  '$tbl_call_moded'(Goal, Impl, Modes)
    ;   '$tbl_calls'(Calls),
        '$vset_index'(Calls, Goal, K, New),
        (   New == false, '$tbl'(K, A, St)
        ->  true
        ;   '$vset_new'(A), assertz('$tbl'(K, A, fresh)), St = fresh
        ),
        '$tbl_run'(St, K, A, Goal, Impl),
        (   '$tbl'(K, A, complete)
        ->  '$vset_list'(A, 0, Answers),
            member(Goal, Answers)          % no choice point after the last
        ;   '$tbl_answer'(A, 0, Goal)
        )
    ).

% The answers from position I on, one by one: a call of a table still being
% evaluated also sees the answers added while it runs, so that a left
% recursion finds in one round what it would take many rounds to find
% from a copy of the answers at the call.
'$tbl_answer'(A, I, Goal) :-
    '$vset_nth'(A, I, T),
    (   Goal = T
    ;   I1 is I + 1,
        '$tbl_answer'(A, I1, Goal)
    ).

% A moded table's call: its key has the moded arguments unbound; its
% answers are the '$tbl_mans'/3 facts.
'$tbl_call_moded'(Goal, Impl, Modes) :-
    Goal =.. [Name|Args], Impl =.. [IName|_],
    '$tbl_key_args'(Modes, Args, KeyArgs),
    Key =.. [Name|KeyArgs], KeyImpl =.. [IName|KeyArgs],
    '$tbl_calls'(Calls),
    '$vset_index'(Calls, Key, K, New),
    (   New == false, '$tbl'(K, A, St)
    ->  true
    ;   A = moded(Modes), assertz('$tbl'(K, A, fresh)), St = fresh
    ),
    '$tbl_run'(St, K, A, Key, KeyImpl),
    '$tbl_split'(Modes, Args, Index, Moded),
    '$tbl_mans'(K, Index, Moded).

% (each list walked by one clause per cell, the mode tested in the body:
% clauses on [index|_] and [moded(_)|_] would leave a choice point, a
% snapshot, at every argument)
'$tbl_key_args'([], [], []).
'$tbl_key_args'([M|Ms], [A|As], [K|Ks]) :-
    (   M == index
    ->  K = A
    ;   var(A) -> true
    ;   throw(error(uninstantiation_error(A), _))
    ),
    '$tbl_key_args'(Ms, As, Ks).

% The index arguments and the moded ones of an answer, as two lists.
'$tbl_split'([], [], [], []).
'$tbl_split'([M|Ms], [A|As], Is, Ds) :-
    (   M == index
    ->  Is = [A|Is1], Ds = Ds1
    ;   Is = Is1, Ds = [A|Ds1]
    ),
    '$tbl_split'(Ms, As, Is1, Ds1).

% Add an answer: true when the table changed.
'$tbl_add'(A, _, Goal) :- integer(A), !, '$vset_add'(A, Goal).
'$tbl_add'(moded(Modes), K, Goal) :-
    Goal =.. [_|Args],
    '$tbl_split'(Modes, Args, Index0, Moded0),
    copy_term(Index0-Moded0, Index-Moded),
    '$tbl_moded_of'(Modes, ModeList),
    (   '$tbl_mans'(K, I, Old), I =@= Index
    ->  '$tbl_better'(ModeList, Old, Moded, Kept),
        Kept \== Old,
        retract('$tbl_mans'(K, I, Old)), !,
        assertz('$tbl_mans'(K, I, Kept))
    ;   assertz('$tbl_mans'(K, Index, Moded))
    ).
'$tbl_moded_of'([], []).
'$tbl_moded_of'([M|Ms], Ds) :-
    (   M = moded(D) -> Ds = [D|Ds1] ; Ds = Ds1 ),
    '$tbl_moded_of'(Ms, Ds1).

% The values a moded answer keeps, argument by argument.
'$tbl_better'([], [], [], []).
'$tbl_better'([M|Ms], [O|Os], [N|Ns], [K|Ks]) :-
    '$tbl_keep'(M, O, N, K),
    '$tbl_better'(Ms, Os, Ns, Ks).
'$tbl_keep'(min, O, N, K) :- ( N @< O -> K = N ; K = O ).
'$tbl_keep'(max, O, N, K) :- ( N @> O -> K = N ; K = O ).
'$tbl_keep'(first, O, _, O).
'$tbl_keep'(last, _, N, N).
'$tbl_keep'(lattice(P), O, N, K) :- '$tbl_goal'(P, 3, G), ( call(G, O, N, K0) -> K = K0 ; K = O ).
'$tbl_keep'(po(P), O, N, K) :- '$tbl_goal'(P, 2, G), ( call(G, O, N) -> K = N ; K = O ).
'$tbl_goal'(Name/_, _, Name) :- !.
'$tbl_goal'(G, _, G).

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
        (   '$tbl_add'(A, K, Goal)
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
        '$tbl_status'(K, A, incomplete(R))
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
    ->  % the incomplete tables are the leader's: there is one leader at a time
        forall(retract('$tbl'(M, MA, incomplete(_))), assertz('$tbl'(M, MA, complete))),
        '$tbl_status'(K, A, complete)
    ;   nb_getval('$tbl_round', R), R1 is R + 1, nb_setval('$tbl_round', R1),
        '$tbl_rounds'(K, A, Goal, Impl)
    ).

'$tbl_abandon' :-
    forall(( '$tbl'(K, A, St), St \== complete ),
           ( retract('$tbl'(K, A, St)), retractall('$tbl_mans'(K, _, _)),
             ( integer(A) -> '$vset_free'(A) ; true ) )),
    nb_setval('$tbl_leader', -1).
