/* library(option): option lists, as swipl's.  An option is Name(Value) or
 * Name = Value.  Lookup goes by the option's name and arity: the first
 * option of that name decides (option(a(2), [a(1), a(2)]) fails), and
 * only then is Name = Value tried.  Where swipl raises an existence error
 * for a list that is not a list (its single-sided unification rules), we
 * raise must_be(list, ...)'s error. */
:- module(option, [option/2, option/3, select_option/3, select_option/4, merge_options/3]).

option(Opt, Options) :-
    must_be(list, Options),
    '$option_get'(Opt, Options).

option(Opt, Options, Default) :-
    must_be(list, Options),
    (   '$option_get'(Opt, Options)
    ->  true
    ;   arg(1, Opt, Default)
    ).

'$option_get'(Opt, Options) :-
    functor(Opt, Name, Arity),
    functor(Gen, Name, Arity),
    (   memberchk(Gen, Options)
    ->  Opt = Gen
    ;   Arity =:= 1,
        memberchk(Name = V, Options),
        arg(1, Opt, V)
    ).

select_option(Opt, Options, Rest) :-
    must_be(list, Options),
    '$option_select'(Opt, Options, Rest).

select_option(Opt, Options, Rest, Default) :-
    must_be(list, Options),
    (   '$option_select'(Opt, Options, Rest)
    ->  true
    ;   arg(1, Opt, Default),
        Rest = Options
    ).

'$option_select'(Opt, Options, Rest) :-
    functor(Opt, Name, Arity),
    functor(Gen, Name, Arity),
    (   selectchk(Gen, Options, Rest0)
    ->  Opt = Gen, Rest = Rest0
    ;   Arity =:= 1,
        selectchk(Name = V, Options, Rest0),
        arg(1, Opt, V),
        Rest = Rest0
    ).

% merge_options(+New, +Old, -Merged): both in Name(Value) form, sorted, an
% option of New replacing one of Old with its name and arity (one: as in
% swipl, a second option of that name in Old stays).  With New or Old
% empty, the other is returned in Name(Value) form, unsorted.
merge_options([], Old, Merged) :- !, '$option_canonical'(Old, Merged).
merge_options(New, [], Merged) :- !, '$option_canonical'(New, Merged).
merge_options(New, Old, Merged) :-
    '$option_canonical'(New, N0), sort(N0, N),
    '$option_canonical'(Old, O0), sort(O0, O),
    '$option_merge'(N, O, Merged).

'$option_canonical'([], []).
'$option_canonical'([H|T], [C|R]) :-
    (   H = (Name = Value)
    ->  C =.. [Name, Value]
    ;   C = H
    ),
    '$option_canonical'(T, R).

'$option_merge'([], O, O) :- !.
'$option_merge'(N, [], N) :- !.
'$option_merge'([NH|NT], [OH|OT], Merged) :-
    functor(NH, NN, NA), functor(OH, ON, OA),
    compare(Order, NN/NA, ON/OA),
    (   Order == (=)
    ->  Merged = [NH|R], '$option_merge'(NT, OT, R)
    ;   Order == (<)
    ->  Merged = [NH|R], '$option_merge'(NT, [OH|OT], R)
    ;   Merged = [OH|R], '$option_merge'([NH|NT], OT, R)
    ).
