/* boot.c - Prolog text loaded at start (see boot.h): what the control
 * built-ins need and nothing more, so start-up stays short.  The library
 * (stdlib/NAME.pl) is loaded on demand: use_module, or autoloading. */
#include "boot.h"

const char boot_text[] =
    /* all solutions: the free variables of Goal (not in Template, not ^-bound)
     * form a witness; the answers are grouped by variant witnesses, as ISO
     * 8.10.2 and swipl do */
    "'^'(_, G) :- call(G).\n"
    "bagof(T, G, L) :-\n"
    "    '$free_variables'(T, G, W, Goal),\n"
    "    ( W == '$w' -> findall(T, Goal, L), L \\== []\n"
    "    ; findall(W-T, Goal, Pairs), Pairs \\== [],\n"
    "      '$bag_group'(Pairs, Groups),\n"
    "      ( Groups = [W-L] -> true ; '$bag_member'(W-L, Groups) ) ).\n"
    /* ground witnesses: a stable keysort makes each group a run, in the
     * order of the solutions; witnesses with variables are grouped by
     * variant in the order of the solutions first (a sort would order
     * variant witnesses by their variables, not by the solutions) */
    "'$bag_group'(Pairs, Groups) :-\n"
    "    (   '$bag_ground_keys'(Pairs) -> keysort(Pairs, Sorted), '$bag_groups'(Sorted, Groups)\n"
    "    ;   '$bag_variants'(Pairs, Groups0), keysort(Groups0, Groups) ).\n"
    "'$bag_ground_keys'([]).\n"
    "'$bag_ground_keys'([W-_|Ps]) :- ground(W), '$bag_ground_keys'(Ps).\n"
    "'$bag_variants'([], []).\n"
    "'$bag_variants'([W-T|Rest], [W-[T|Ts]|Gs]) :-\n"
    "    '$bag_split'(Rest, W, Ts, Others), '$bag_variants'(Others, Gs).\n"
    "'$bag_split'([], _, [], []).\n"
    "'$bag_split'([W2-T|Rest], W, Ts, Others) :-\n"
    "    (   W2 =@= W -> W2 = W, Ts = [T|Ts1], Others = Others1\n"
    "    ;   Ts = Ts1, Others = [W2-T|Others1] ),\n"
    "    '$bag_split'(Rest, W, Ts1, Others1).\n"
    "'$bag_groups'([], []).\n"
    "'$bag_groups'([W-T|Rest], [W-[T|Ts]|Gs]) :-\n"
    "    '$bag_same'(W, Rest, Ts, Rest1), '$bag_groups'(Rest1, Gs).\n"
    "'$bag_same'(W, [W2-T|Rest], [T|Ts], Rest1) :- W2 =@= W, !, W = W2, '$bag_same'(W, Rest, Ts, Rest1).\n"
    "'$bag_same'(_, Rest, [], Rest).\n"
    "setof(T, G, S) :-\n"
    "    '$free_variables'(T, G, W, Goal),\n"
    "    ( W == '$w' -> findall(T, Goal, L), L \\== [], sort(L, S)\n"
    "    ; findall(W-T, Goal, Pairs), Pairs \\== [],\n"
    "      '$bag_group'(Pairs, Groups),\n"
    "      ( Groups = [W-L] -> true ; '$bag_member'(W-L, Groups) ), sort(L, S) ).\n"
    "repeat.\n"
    "repeat :- repeat.\n"
    /* grammars */
    "phrase(G, L) :- phrase(G, L, []).\n"
    "phrase(G, L, R) :- '$dcg_body'(G, S0, S, Goal), S0 = L, S = R, call(Goal).\n"
    /* the group of a witness: the one, or each on backtracking */
    "'$bag_member'(X, [H|T]) :- '$bag_member'(T, X, H).\n"
    "'$bag_member'(_, X, X).\n"
    "'$bag_member'([H|T], X, _) :- '$bag_member'(T, X, H).\n"
    /* ISO 8.2.4: General is an instance-maker of Specific, neither bound */
    "subsumes_term(General, Specific) :-\n"
    "    \\+ \\+ ( term_variables(Specific, V0), General = Specific,\n"
    "            term_variables(V0, V1), V0 == V1 ).\n"
    /* setup_call_cleanup/3, call_cleanup/2: Cleanup runs once, when Goal
     * exits with no choice point left, fails, or raises (and the exception
     * is raised again), or when a cut or an exception removes the choice
     * points Goal left: '$scc_guard' pushes a record the cut and the throw
     * path run it from (solve.c).  Failure passes the record, and the
     * second clause runs the cleanup; the first disarms it before running
     * it itself.  As in swipl, an exception of the cleanup is raised
     * ('$scc_once'), unless Goal's own is on its way ('$scc_run'). */
    "setup_call_cleanup(S, G, C) :- once(S), '$scc_call'(G, C).\n"
    "call_cleanup(G, C) :- '$scc_call'(G, C).\n"
    "'$scc_call'(G, C) :-\n"
    "    '$scc_guard'(C, I),\n"
    "    catch(G, E, true),\n"
    "    (   nonvar(E) -> '$scc_disarm'(I), !, '$scc_run'(C), throw(E)\n"
    "    ;   '$scc_det'(I) -> '$scc_disarm'(I), !, '$scc_once'(C)\n"
    "    ;   true\n"
    "    ).\n"
    "'$scc_call'(_, C) :- '$scc_once'(C), fail.\n"
    "'$scc_once'(C) :- ( call(C) -> true ; true ).\n"
    "'$scc_run'(C) :- ( catch(C, _, true) -> true ; true ).\n";
