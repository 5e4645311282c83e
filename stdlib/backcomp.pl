/* library(backcomp): old names swipl still accepts, and
 * catch_with_backtrace/3 (a built-in there): apply/2, concat_atom/2,3.
 * catch_with_backtrace/3 is catch/3: errors carry no backtrace here. */
:- module(backcomp, [apply/2, concat_atom/2, concat_atom/3, catch_with_backtrace/3]).

% apply(:Goal, +ExtraArgs): call Goal with the arguments of the list added.
apply(G, Args) :- G =.. L0, append(L0, Args, L), G2 =.. L, call(G2).

concat_atom(L, A) :- atomic_list_concat(L, A).
concat_atom(L, Sep, A) :- atomic_list_concat(L, Sep, A).

catch_with_backtrace(G, C, R) :- catch(G, C, R).
