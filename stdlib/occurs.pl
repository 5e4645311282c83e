/* library(occurs): finding subterms, as swipl 9.0.4's library(occurs):
 * sub_term/2 enumerates a term's subterms (the term first, then its
 * arguments left to right, depth first); the *_term predicates match a
 * subterm by unification, the *_var ones by ==. */
:- module(occurs, [sub_term/2, contains_term/2, free_of_term/2, contains_var/2, free_of_var/2,
                   occurrences_of_term/3, occurrences_of_var/3, sub_term_shared_variables/3]).

% sub_term(-Sub, +Term): Sub is Term or a subterm of it.
sub_term(X, X).
sub_term(X, T) :-
    compound(T),
    '$occurs_arg'(T, A),
    sub_term(X, A).
'$occurs_arg'(T, A) :- functor(T, _, N), between(1, N, I), arg(I, T, A).

% contains_term(+Sub, +Term): Sub unifies with a subterm (the first, which
% it is then bound to; once).
contains_term(X, T) :- sub_term(S, T), S = X, !.
free_of_term(X, T) :- \+ contains_term(X, T).

% contains_var(+V, +Term): V (a variable, or any term) is == to a subterm.
contains_var(X, T) :- \+ \+ ( sub_term(S, T), S == X ).
free_of_var(X, T) :- \+ contains_var(X, T).

% occurrences_of_term(+Sub, +Term, ?Count), occurrences_of_var(+V, +Term, ?Count).
occurrences_of_term(X, T, C) :- aggregate_all(count, ( sub_term(S, T), \+ \+ S = X ), C).
occurrences_of_var(X, T, C) :- aggregate_all(count, ( sub_term(S, T), S == X ), C).

% sub_term_shared_variables(+Sub, +Term, -Vars): the variables of Sub that
% also occur in Term outside Sub.
sub_term_shared_variables(Sub, Term, Vars) :-
    '$occurs_outside'(Term, Sub, Outside),
    term_variables(Sub, SubVs),
    term_variables(Outside, OutVs),
    '$occurs_common'(SubVs, OutVs, Vars).
% Term with its first subterm == Sub replaced by [].
'$occurs_outside'(T, Sub, []) :- T == Sub, !.
'$occurs_outside'(T, Sub, O) :-
    compound(T), !,
    T =.. [F|As],
    '$occurs_outside_args'(As, Sub, Os),
    O =.. [F|Os].
'$occurs_outside'(T, _, T).
'$occurs_outside_args'([], _, []).
'$occurs_outside_args'([A|As], Sub, [O|Os]) :-
    '$occurs_outside'(A, Sub, O),
    (   O \== A -> Os = As ; '$occurs_outside_args'(As, Sub, Os) ).
'$occurs_common'([], _, []).
'$occurs_common'([V|Vs], Os, Cs) :-
    (   '$occurs_var_in'(Os, V) -> Cs = [V|Cs1] ; Cs = Cs1 ),
    '$occurs_common'(Vs, Os, Cs1).
'$occurs_var_in'([O|Os], V) :- ( O == V -> true ; '$occurs_var_in'(Os, V) ).
