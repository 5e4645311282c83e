/* library(gensym): gensym/2, reset_gensym/1,0: unique atoms a1, a2, ... per
 * base.  The counters are in the database, which backtracking does not
 * undo: an atom handed out is never handed out again by a retry. */
:- module(gensym, [gensym/2, reset_gensym/1, reset_gensym/0]).

:- dynamic('$gensym_count'/2).

% gensym(+Base, -Unique): Base followed by the next number of Base's counter.
gensym(Base, Unique) :-
    ( var(Base) -> throw(error(instantiation_error, _)) ; true ),
    (   retract('$gensym_count'(Base, N0)) -> true ; N0 = 0 ),
    N is N0 + 1,
    assertz('$gensym_count'(Base, N)),
    atom_concat(Base, N, Unique).

% reset_gensym(+Base), reset_gensym: start Base's counter (all counters) again.
reset_gensym(Base) :- retractall('$gensym_count'(Base, _)).
reset_gensym :- retractall('$gensym_count'(_, _)).
