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
    '$yall_apply'(Copy, Args).
'$yall_call'(Lambda, Args) :-
    copy_term(Lambda, Copy),
    '$yall_apply'(Copy, Args).

% Free/[X]>>G reads as (Free/[X])>>G: >> and / are both yfx 400.
'$yall_split'(Free/L, Free, L).
'$yall_split'(Ps>>B, Free, Ps1>>B) :- nonvar(Ps), Ps = Free/Ps1.

'$yall_free'(F) :- var(F), !, throw(error(instantiation_error, _)).
'$yall_free'({_}) :- !.
'$yall_free'(F) :- throw(error(type_error(lambda_free, F), _)).

'$yall_apply'(Ps>>Body, Args) :- !,
    '$yall_params'(Ps, Args, Rest, Ps>>Body),
    '$yall_body'(Body, Rest).
'$yall_apply'(\Lambda, Args) :- !,
    '$yall_hat'(Lambda, Args).
'$yall_apply'(Goal, Args) :-
    '$yall_body'(Goal, Args).

'$yall_body'(\Lambda, Args) :- !, '$yall_hat'(Lambda, Args).
'$yall_body'(Body, []) :- !, call(Body).
'$yall_body'(Body, Args) :- G =.. [call, Body|Args], call(G).

% \X^Y^Body: X, Y, ... take the arguments in turn, the rest go to Body.
'$yall_hat'(Lambda, [A|Args]) :- nonvar(Lambda), Lambda = X^Body, !, X = A, '$yall_hat'(Body, Args).
'$yall_hat'(Body, Args) :- '$yall_body'(Body, Args).

'$yall_params'(Ps, _, _, _) :- var(Ps), !, throw(error(instantiation_error, _)).
'$yall_params'([], Args, Args, _) :- !.
'$yall_params'([P|Ps], [A|As], Rest, L) :- !, P = A, '$yall_params'(Ps, As, Rest, L).
'$yall_params'([_|_], [], _, L) :- !, throw(error(domain_error(lambda_parameters, L), _)).
'$yall_params'(_, _, _, L) :- throw(error(type_error(lambda_parameters, L), _)).
