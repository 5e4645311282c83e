/* library(yall): lambda expressions.
 *
 *   Params>>Body        Params a list: called with A1..An, a copy of the
 *                       lambda is made, its parameters unified with the
 *                       first arguments, Body called with the rest added
 *   Free/Lambda         Free ({X}, {X,Y}, ...) names variables shared with
 *                       the context: they are not copied
 *   \X^Body             X is a lambda parameter: \X^\Y^G called with A, B
 *
 * Copy semantics as swipl's when the lambda is called (not compiled): every
 * variable of the lambda that is not in Free, and not bound at the call, is
 * local to each call.  swipl 9.0.4 exports no \ predicates (\X^G called
 * alone is an unknown procedure there); here it works as yall documents.
 */
:- module(yall, ['>>'/2, '>>'/3, '>>'/4, '>>'/5, '>>'/6, '>>'/7, '>>'/8, '>>'/9,
                 '/'/2, '/'/3, '/'/4, '/'/5, '/'/6, '/'/7, '/'/8, '/'/9,
                 '\\'/1, '\\'/2, '\\'/3, '\\'/4, '\\'/5, '\\'/6, '\\'/7, is_lambda/1]).

'>>'(Ps, B) :- '$yall_call'(Ps>>B, []).
'>>'(Ps, B, A1) :- '$yall_call'(Ps>>B, [A1]).
'>>'(Ps, B, A1, A2) :- '$yall_call'(Ps>>B, [A1, A2]).
'>>'(Ps, B, A1, A2, A3) :- '$yall_call'(Ps>>B, [A1, A2, A3]).
'>>'(Ps, B, A1, A2, A3, A4) :- '$yall_call'(Ps>>B, [A1, A2, A3, A4]).
'>>'(Ps, B, A1, A2, A3, A4, A5) :- '$yall_call'(Ps>>B, [A1, A2, A3, A4, A5]).
'>>'(Ps, B, A1, A2, A3, A4, A5, A6) :- '$yall_call'(Ps>>B, [A1, A2, A3, A4, A5, A6]).
'>>'(Ps, B, A1, A2, A3, A4, A5, A6, A7) :- '$yall_call'(Ps>>B, [A1, A2, A3, A4, A5, A6, A7]).

'/'(F, L) :- '$yall_call'(F/L, []).
'/'(F, L, A1) :- '$yall_call'(F/L, [A1]).
'/'(F, L, A1, A2) :- '$yall_call'(F/L, [A1, A2]).
'/'(F, L, A1, A2, A3) :- '$yall_call'(F/L, [A1, A2, A3]).
'/'(F, L, A1, A2, A3, A4) :- '$yall_call'(F/L, [A1, A2, A3, A4]).
'/'(F, L, A1, A2, A3, A4, A5) :- '$yall_call'(F/L, [A1, A2, A3, A4, A5]).
'/'(F, L, A1, A2, A3, A4, A5, A6) :- '$yall_call'(F/L, [A1, A2, A3, A4, A5, A6]).
'/'(F, L, A1, A2, A3, A4, A5, A6, A7) :- '$yall_call'(F/L, [A1, A2, A3, A4, A5, A6, A7]).

'\\'(L) :- '$yall_call'(\L, []).
'\\'(L, A1) :- '$yall_call'(\L, [A1]).
'\\'(L, A1, A2) :- '$yall_call'(\L, [A1, A2]).
'\\'(L, A1, A2, A3) :- '$yall_call'(\L, [A1, A2, A3]).
'\\'(L, A1, A2, A3, A4) :- '$yall_call'(\L, [A1, A2, A3, A4]).
'\\'(L, A1, A2, A3, A4, A5) :- '$yall_call'(\L, [A1, A2, A3, A4, A5]).
'\\'(L, A1, A2, A3, A4, A5, A6) :- '$yall_call'(\L, [A1, A2, A3, A4, A5, A6]).

is_lambda(T) :- compound(T), ( T = _>>_ ; T = _/_ ; T = \_ ), !.

% '$yall_call'(+Lambda, +Args): copy (all but Free's variables), then bind
% the parameters and call with the arguments left over.
'$yall_call'(Lambda, Args) :-
    '$yall_split'(Lambda, Free, Local), !,
    '$yall_free'(Free),
    copy_term(Free/Local, Free/Copy),
    '$yall_apply'(Copy, Args, Free/Copy).
'$yall_call'(Lambda, Args) :-
    copy_term(Lambda, Copy),
    '$yall_apply'(Copy, Args, Copy).

% Free/[X]>>G reads as (Free/[X])>>G: >> and / are both yfx 400.
'$yall_split'(Free/L, Free, L).
'$yall_split'(Ps>>B, Free, Ps1>>B) :- nonvar(Ps), Ps = Free/Ps1.

'$yall_free'(F) :- var(F), !, throw(error(instantiation_error, _)).
'$yall_free'({_}) :- !.
'$yall_free'(F) :- throw(error(type_error(lambda_free, F), _)).

% '$yall_apply'(+Copy, +Args, +Whole): Whole is the lambda as called (with
% its Free/ part), named by the errors.
'$yall_apply'(Ps>>Body, Args, Whole) :- !,
    '$yall_enough'(Ps, Args, Whole),
    '$yall_params'(Ps, Args, Rest),
    '$yall_body'(Body, Rest).
'$yall_apply'(\Lambda, Args, _) :- !,
    '$yall_hat'(Lambda, Args).
'$yall_apply'(Goal, Args, _) :-
    '$yall_body'(Goal, Args).

% Are there as many arguments as parameters (nothing bound)?  The errors
% are swipl's: the lambda with its body qualified by the module, as
% swipl 9.0.4 prints it.
'$yall_enough'(Ps, _, _) :- var(Ps), !, throw(error(instantiation_error, _)).
'$yall_enough'([], _, _) :- !.
'$yall_enough'([_|Ps], [_|As], W) :- !, '$yall_enough'(Ps, As, W).
'$yall_enough'([_|_], [], W) :- !, '$yall_qualified'(W, Q), throw(error(domain_error(lambda_parameters, Q), _)).
'$yall_enough'(Ps, _, _) :- throw(error(type_error(list, Ps), _)).

'$yall_qualified'(F/(Ps>>B), F/Ps>>(user:B)) :- !.
'$yall_qualified'(Ps>>B, Ps>>(user:B)) :- !.
'$yall_qualified'(L, L).

'$yall_body'(\Lambda, Args) :- !, '$yall_hat'(Lambda, Args).
'$yall_body'(Body, []) :- !, call(Body).
'$yall_body'(Body, Args) :- G =.. [call, Body|Args], call(G).

% \X^Y^Body: X, Y, ... take the arguments in turn, the rest go to Body.
'$yall_hat'(Lambda, [A|Args]) :- nonvar(Lambda), Lambda = X^Body, !, X = A, '$yall_hat'(Body, Args).
'$yall_hat'(Body, Args) :- '$yall_body'(Body, Args).

'$yall_params'([], Args, Args).
'$yall_params'([P|Ps], [A|As], Rest) :- P = A, '$yall_params'(Ps, As, Rest).
