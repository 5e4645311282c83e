/* library(thread): swipl's parallel helpers, run here one goal after
 * another on the one engine: the same answers (concurrent_maplist/2..4 is
 * maplist, concurrent_forall/2,3 is forall, concurrent/3 runs the goals in
 * order, first_solution/3 tries the goals in order), without the speedup.
 * The options (thread counts) are accepted. */
:- module(thread, [concurrent_maplist/2, concurrent_maplist/3, concurrent_maplist/4,
                   concurrent_forall/2, concurrent_forall/3, concurrent/3, first_solution/3]).

concurrent_maplist(G, L) :- maplist(G, L).
concurrent_maplist(G, L1, L2) :- maplist(G, L1, L2).
concurrent_maplist(G, L1, L2, L3) :- maplist(G, L1, L2, L3).

concurrent_forall(Cond, Action) :- forall(Cond, Action).
concurrent_forall(Cond, Action, Options) :- must_be(list, Options), forall(Cond, Action).

% concurrent(+N, :Goals, +Options): each goal once, in order; fails when
% one fails.
concurrent(N, Goals, Options) :-
    must_be(positive_integer, N), must_be(list, Goals), must_be(list, Options),
    '$thread_all'(Goals).
'$thread_all'([]).
'$thread_all'([G|Gs]) :- once(G), '$thread_all'(Gs).

% first_solution(-X, :Goals, +Options): the goals share X.  In swipl they
% race and the first to finish decides: with on_fail(stop) (the default)
% also by failing.  Here the first goal is taken to finish first: its
% answer, or its failure; with on_fail(continue), the first goal that
% succeeds.
first_solution(_X, Goals, Options) :-
    must_be(list, Goals), must_be(list, Options),
    (   memberchk(on_fail(continue), Options)
    ->  member(G, Goals), once(G), !
    ;   Goals = [G|_], once(G)
    ).
