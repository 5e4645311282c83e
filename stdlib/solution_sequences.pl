/* library(solution_sequences): limit/2, offset/2, call_nth/2, order_by/2
 * and distinct/1,2, which change the sequence of a goal's solutions, with
 * swipl's names and errors.  The counts live in a term updated with
 * nb_setarg/3, which backtracking into the goal does not undo. */
:- module(solution_sequences, [limit/2, offset/2, call_nth/2, order_by/2,
                               distinct/1, distinct/2]).

% limit(+Count, :Goal): the first Count solutions of Goal (Count may be inf).
limit(Count, Goal) :-
    Count == inf, !,
    call(Goal).
limit(Count, Goal) :-
    Count > 0,
    State = count(0),
    call(Goal),
    arg(1, State, N0),
    N is N0 + 1,
    (   N =:= Count
    ->  !
    ;   nb_setarg(1, State, N)
    ).

% offset(+Count, :Goal): the solutions of Goal but the first Count.
offset(Count, Goal) :-
    Count > 0, !,
    State = count(0),
    call(Goal),
    arg(1, State, N0),
    (   N0 >= Count
    ->  true
    ;   N is N0 + 1,
        nb_setarg(1, State, N),
        fail
    ).
offset(Count, Goal) :-
    Count =:= 0, !,
    call(Goal).
offset(Count, _) :-
    throw(error(domain_error(not_less_than_zero, Count), _)).

% call_nth(:Goal, ?Nth): Goal's Nth solution; with Nth unbound, each
% solution in turn with Nth its number, from 1.
call_nth(Goal, Nth) :-
    integer(Nth), !,
    (   Nth > 0
    ->  '$call_nth'(Goal, Nth), !
    ;   throw(error(domain_error(not_less_than_one, Nth), _))
    ).
call_nth(Goal, Nth) :-
    var(Nth), !,
    '$call_nth'(Goal, Nth).
call_nth(_, Nth) :-
    throw(error(type_error(integer, Nth), _)).
'$call_nth'(Goal, Nth) :-
    State = count(0),
    call(Goal),
    arg(1, State, N0),
    N is N0 + 1,
    nb_setarg(1, State, N),
    Nth = N.

% order_by(+Specs, :Goal): Goal's solutions sorted on the asc(Key) and
% desc(Key) of Specs, the first spec first; solutions with equal keys keep
% their order.  All solutions are found first.
order_by(Specs, Goal) :-
    must_be(list, Specs),
    (   Specs == []
    ->  throw(error(domain_error(non_empty_list, []), _))
    ;   true
    ),
    '$order_specs'(Specs, Keys, Dirs),
    term_variables(Goal, Vs),
    findall(Keys-Vs, Goal, Results0),
    reverse(Dirs, RDirs),
    length(Dirs, Len),
    '$order_sort'(RDirs, Len, Results0, Results),
    member(Keys-Vs, Results).
'$order_specs'([], [], []).
'$order_specs'([S|Ss], [K|Ks], [D|Ds]) :-
    (   var(S) -> throw(error(instantiation_error, _))
    ;   S = asc(K) -> D = (@=<)
    ;   S = desc(K) -> D = (@>=)
    ;   throw(error(domain_error(order_specifier, S), _))
    ),
    '$order_specs'(Ss, Ks, Ds).
% Stable sorts from the last key to the first: the first key decides.
'$order_sort'([], _, Rs, Rs).
'$order_sort'([D|Ds], I, Rs0, Rs) :-
    '$order_keyed'(Rs0, I, Keyed),
    sort(1, D, Keyed, Sorted),
    pairs_values(Sorted, Rs1),
    I1 is I - 1,
    '$order_sort'(Ds, I1, Rs1, Rs).
'$order_keyed'([], _, []).
'$order_keyed'([Ks-Vs|T], I, [K-(Ks-Vs)|KT]) :-
    '$order_nth'(I, Ks, K),
    '$order_keyed'(T, I, KT).
'$order_nth'(1, [K|_], K) :- !.
'$order_nth'(I, [_|Ks], K) :- I1 is I - 1, '$order_nth'(I1, Ks, K).

% distinct(:Goal), distinct(?Witness, :Goal): Goal's solutions, but each
% one whose Witness is a variant (=@=) of an earlier one's is left out.
% The witnesses seen are kept in a set that backtracking does not undo
% (stdlib/vset.c), freed when Goal is done: exhausted, cut or raised.
distinct(Goal) :-
    distinct(Goal, Goal).
distinct(Witness, Goal) :-
    setup_call_cleanup('$vset_new'(Set),
                       ( call(Goal), '$vset_add'(Set, Witness) ),
                       '$vset_free'(Set)).
