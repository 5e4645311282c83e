/* flag/3, swipl's global counters (a built-in there; autoloaded from here).
 * The values are in the database, so backtracking does not undo them. */
:- module(flag, [flag/3]).

:- dynamic('$flag_value'/2).

% flag(+Key, -Old, +New): Old is Key's value (0 at first), then Key gets New,
% an atom or an arithmetic expression (evaluated).  Key is an atom, an
% integer or a compound (type_error(key, K) otherwise).
flag(Key, Old, New) :-
    (   var(Key) -> throw(error(instantiation_error, _))
    ;   atom(Key) -> true
    ;   integer(Key) -> true
    ;   compound(Key) -> true
    ;   throw(error(type_error(key, Key), _))
    ),
    (   '$flag_value'(Key, V0) -> true ; V0 = 0 ),
    Old = V0,
    (   atom(New) -> V = New ; V is New ),
    retractall('$flag_value'(Key, _)),
    assertz('$flag_value'(Key, V)).
