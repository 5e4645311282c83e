/* The recorded database: recorda/2,3, recordz/2,3, recorded/2,3, erase/1,
 * instance/2, as swipl has them.  A key is an atom, a small integer or a
 * compound, of which only the name and arity count (recorded(f(1), V)
 * finds what was recorded under f(2)); with the key unbound, recorded/3
 * enumerates keys in the order they were first used, and binds the key to
 * the atom or to a compound of fresh arguments.  References are
 * '$record'(N) terms (swipl's are blobs).  Kept in dynamic predicates, so
 * the logical update view holds and nothing is undone by backtracking; a
 * cyclic value raises representation_error (swipl records it). */
:- module(record, [recorda/2, recorda/3, recordz/2, recordz/3, recorded/2, recorded/3,
                   erase/1, instance/2]).
:- dynamic('$record_key'/2).
:- dynamic('$record'/4).

recorda(Key, Value) :- recorda(Key, Value, _).
recorda(Key, Value, Ref) :-
    '$record_key'(Key, Name, Arity),
    '$record_new'(Name, Arity, Ref),
    asserta('$record'(Name, Arity, Value, Ref)).

recordz(Key, Value) :- recordz(Key, Value, _).
recordz(Key, Value, Ref) :-
    '$record_key'(Key, Name, Arity),
    '$record_new'(Name, Arity, Ref),
    assertz('$record'(Name, Arity, Value, Ref)).

recorded(Key, Value) :- recorded(Key, Value, _).
recorded(Key, Value, Ref) :-
    (   var(Key)
    ->  '$record_key'(Name, Arity),
        '$record'(Name, Arity, Value, Ref),
        (   Arity =:= 0 -> Key = Name ; functor(Key, Name, Arity) )
    ;   '$record_key'(Key, Name, Arity),
        '$record'(Name, Arity, Value, Ref)
    ).

erase(Ref) :-
    (   var(Ref) -> throw(error(instantiation_error, context(erase/1, _)))
    ;   Ref = '$record'(_) -> retract('$record'(_, _, _, Ref))
    ;   throw(error(type_error(db_reference, Ref), context(erase/1, _)))
    ).

instance(Ref, Term) :-
    (   var(Ref) -> throw(error(instantiation_error, context(instance/2, _)))
    ;   Ref = '$record'(_) -> '$record'(_, _, Term0, Ref), Term = Term0
    ;   throw(error(type_error(db_reference, Ref), context(instance/2, _)))
    ).

'$record_key'(Key, Name, Arity) :-
    (   var(Key) -> throw(error(instantiation_error, context(recorded/3, _)))
    ;   atom(Key) -> Name = Key, Arity = 0
    ;   integer(Key) -> Name = Key, Arity = 0
    ;   compound(Key) -> functor(Key, Name, Arity)
    ;   throw(error(type_error(key, Key), context(recorded/3, _)))
    ).

% a fresh reference; the key's first use is remembered, for the order
'$record_new'(Name, Arity, '$record'(N)) :-
    (   nb_current('$record_counter', N0) -> true ; N0 = 0 ),
    N is N0 + 1,
    nb_setval('$record_counter', N),
    (   '$record_key'(Name, Arity) -> true ; assertz('$record_key'(Name, Arity)) ).
