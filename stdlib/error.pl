/* library(error): must_be/2, is_of_type/2 and the error-raising shorthands,
 * with swipl 9's type names and error terms. */
:- module(error, [must_be/2, is_of_type/2, type_error/2, domain_error/2, existence_error/2,
                  existence_error/3, permission_error/3, instantiation_error/1, uninstantiation_error/1,
                  representation_error/1, syntax_error/1, resource_error/1]).

type_error(Type, Value) :- throw(error(type_error(Type, Value), _)).
domain_error(Domain, Value) :- throw(error(domain_error(Domain, Value), _)).
existence_error(Type, Value) :- throw(error(existence_error(Type, Value), _)).
existence_error(Type, Value, In) :- throw(error(existence_error(Type, Value, In), _)).
permission_error(Action, Type, Term) :- throw(error(permission_error(Action, Type, Term), _)).
instantiation_error(_) :- throw(error(instantiation_error, _)).
uninstantiation_error(Culprit) :- throw(error(uninstantiation_error(Culprit), _)).
representation_error(Reason) :- throw(error(representation_error(Reason), _)).
syntax_error(Message) :- throw(error(syntax_error(Message), _)).
resource_error(Culprit) :- throw(error(resource_error(Culprit), _)).

% must_be(+Type, @Term): Term is of Type, else the error swipl 9 raises: an
% instantiation error for an unbound (or partial) Term, a type error
% naming Type (or the element's type for lists of a type), an existence
% error for an unknown Type.
must_be(Type, X) :-
    (   '$error_type'(Type, X, Ok)
    ->  ( Ok == true -> true ; '$error_not'(Type, X) )
    ;   existence_error(type, Type)
    ).

% is_of_type(+Type, @Term): Term is of Type (an unknown Type: false).
is_of_type(Type, X) :- '$error_type'(Type, X, true).

'$error_not'(var, X) :- !, uninstantiation_error(X).
'$error_not'(list(Of), X) :- !, '$error_not_list'(X, X, Of).
'$error_not'(list, X) :- !, '$error_not_list'(X, X, any).
'$error_not'(proper_list, X) :- !, '$error_not_list'(X, X, any).
'$error_not'(chars, X) :- !, '$error_not_list'(X, X, char).
'$error_not'(codes, X) :- !, '$error_not_list'(X, X, code).
'$error_not'(list_or_partial_list, X) :- !, type_error(list, X).
'$error_not'(cyclic, X) :- !, domain_error(cyclic_term, X).
'$error_not'(acyclic, X) :- !, domain_error(acyclic_term, X).
'$error_not'(ground, X) :- !, instantiation_error(X).
'$error_not'(Type, X) :-
    (   var(X)
    ->  instantiation_error(X)
    ;   type_error(Type, X)
    ).

% A list fails its type: first its shape (a partial list is an
% instantiation error, anything else not a list type_error(list(Of), X),
% or list for a list of anything), then the first element of the wrong
% type raises that element's error, as swipl 9.0.4.
'$error_not_list'(L, Whole, Of) :-
    '$error_tail'(L, Tail),
    (   var(Tail) -> instantiation_error(Whole)
    ;   Tail \== [] -> ( Of == any -> type_error(list, Whole) ; type_error(list(Of), Whole) )
    ;   '$error_not_elem'(L, Of)
    ).
'$error_tail'(L, T) :- ( var(L) -> T = L ; L = [_|R] -> '$error_tail'(R, T) ; T = L ).
'$error_not_elem'([H|T], Of) :-
    (   '$error_type'(Of, H, true) -> '$error_not_elem'(T, Of)
    ;   '$error_not'(Of, H)
    ).

% '$error_type'(+Type, @X, -Ok): Type is known; Ok is true when X has it.
'$error_type'(Type, X, Ok) :-
    '$error_test'(Type, X, G), !,
    ( call(G) -> Ok = true ; Ok = false ).

'$error_test'(Type, _, _) :- var(Type), !, instantiation_error(Type).
'$error_test'(any, _, true).
'$error_test'(atom, X, atom(X)).
'$error_test'(atomic, X, atomic(X)).
'$error_test'(between(L, U), X, '$error_between'(L, U, X)).
'$error_test'(boolean, X, (X == true ; X == false)).
'$error_test'(callable, X, callable(X)).
'$error_test'(char, X, '$error_char'(X)).
'$error_test'(code, X, '$error_code'(X)).
'$error_test'(chars, X, '$error_list_of'(X, char)).
'$error_test'(codes, X, '$error_list_of'(X, code)).
'$error_test'(text, X, '$error_text'(X)).
'$error_test'(compound, X, compound(X)).
'$error_test'(constant, X, atomic(X)).
'$error_test'(float, X, float(X)).
'$error_test'(integer, X, integer(X)).
'$error_test'(nonneg, X, (integer(X), X >= 0)).
'$error_test'(positive_integer, X, (integer(X), X >= 1)).
'$error_test'(negative_integer, X, (integer(X), X < 0)).
'$error_test'(nonvar, X, nonvar(X)).
'$error_test'(number, X, number(X)).
'$error_test'(oneof(L), X, memberchk(X, L)).
'$error_test'(proper_list, X, is_list(X)).
'$error_test'(list, X, is_list(X)).
'$error_test'(list(Of), X, '$error_list_of'(X, Of)).
'$error_test'(list_or_partial_list, X, '$error_partial_list'(X)).
'$error_test'(symbol, X, atom(X)).
'$error_test'(var, X, var(X)).
'$error_test'(rational, X, integer(X)).
'$error_test'(encoding, X, (atom(X), memberchk(X, [octet, ascii, iso_latin_1, text, utf8, unicode_be, unicode_le, utf16be, utf16le, wchar_t]))).
'$error_test'(string, X, string(X)).
'$error_test'(type, X, '$error_test'(X, _, _)).
'$error_test'(cyclic, _, fail).
'$error_test'(acyclic, _, true).
'$error_test'(pair, X, (nonvar(X), X = _-_)).
'$error_test'(ground, X, ground(X)).

'$error_between'(L, U, X) :-
    (   integer(L), integer(U)
    ->  integer(X), X >= L, X =< U
    ;   number(X), X >= L, X =< U
    ).

'$error_char'(X) :- atom(X), atom_length(X, 1).
'$error_code'(X) :- integer(X), X >= 0, X =< 0x10ffff.
'$error_text'(X) :- ( atom(X) ; string(X) ; '$error_list_of'(X, char) ; '$error_list_of'(X, code) ), !.

'$error_list_of'(L, Of) :- is_list(L), '$error_all'(L, Of).
'$error_all'([], _).
'$error_all'([H|T], Of) :- '$error_type'(Of, H, true), '$error_all'(T, Of).

'$error_partial_list'(L) :- var(L), !.
'$error_partial_list'([]) :- !.
'$error_partial_list'([_|T]) :- '$error_partial_list'(T).
