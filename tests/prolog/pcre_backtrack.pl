% Regular expressions under backtracking.  The compiled-pattern cache and
% PCRE2's memory are persistent: a pattern first compiled inside a branch
% that fails (a cache miss there) stays valid after the restore, patterns
% evicted from the bounded cache in undone branches are compiled again,
% and every result is a term built by instrumented code, so bindings are
% undone as usual.  Also rerun in the checking mode (checked_mode.sh).
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt
% FILE); swipl's matches are dicts, shown as Key-Value pairs.

:- use_module(library(pcre)).

pairs(S, P) :- catch(dict_pairs(S, _, P0), _, fail), !, P = P0.
pairs(S, S).

show(X) :- writeq(X), nl.

pattern(I, P) :- atomic_list_concat(['^(x{', I, '})(y?)$'], P).
subject(I, S) :- length(L, I), maplist(=(0'x), L), atom_codes(S, L).

% Goal of re_foldl that matches other patterns (cache lookups and misses
% while a fold is in progress).
inner(M, L0, [W-K|L0]) :-
    pairs(M, P), memberchk(0-W, P),
    ( re_match("^[aeiou]", W) -> K = vowel ; K = other ),
    atom_length(W, N), pattern(N, Pat), subject(N, S), re_match(Pat, S).

main :-
    % a cache miss in a branch that fails, then the same pattern again
    ( re_match("fresh(\\d+)", "fresh12"), fail ; true ),
    ( re_matchsub("fresh(\\d+)", "fresh34", S1, []) -> pairs(S1, P1), show(P1) ; show(none) ),
    % its result bound in the branch is undone by the failure
    V2 = f(S2),
    ( re_matchsub("(b+)", "abbc", S2, []), pairs(S2, P2), show(P2), fail ; true ),
    V2 = f(X2), ( var(X2) -> show(unbound) ; show(bound) ),
    % alternatives that each compile a new pattern, more than the cache holds
    findall(I, ( between(1, 300, I), pattern(I, P), subject(I, S), re_match(P, S) ), L1),
    length(L1, N1), show(N1),
    findall(I, ( between(1, 300, I), J is 301 - I, pattern(J, P),
                 ( I mod 2 =:= 0 -> K = J ; K = I ), subject(K, S), re_match(P, S) ), L2),
    length(L2, N2), sum_list(L2, Sum2), show(N2-Sum2),
    % the evicted patterns again, after the branches that compiled them are gone
    findall(I-G2, ( member(I, [1, 150, 300]), pattern(I, P), subject(I, S0),
                    atom_concat(S0, y, S), re_matchsub(P, S, Sub, []), pairs(Sub, G), memberchk(2-G2, G) ), L3),
    show(L3),
    % first solution of a choice among patterns; cut after a match
    ( member(P4, ["z+", "q+", "(a)(n)"]), re_matchsub(P4, "banana", S4, []) -> pairs(S4, G4), show(P4-G4) ; true ),
    % an exception from a bad pattern inside a branch, caught outside it
    catch(( member(P5, ["a", "b(", "c"]), re_match(P5, "c"), show(matched(P5)), fail ; true ),
          error(syntax_error(M5), _), show(caught(M5))),
    ( re_match("b(c)", "abc") -> show(after_error) ; true ),
    % re_foldl whose goal matches other patterns; then a failing fold
    re_foldl(inner, "\\w+", "apple pie is oat", [], L6, []), show(L6),
    ( re_foldl(inner, "\\w+", "an xx", [], _, [start(0)]), fail ; show(fold_undone) ),
    % split and replace results undone and redone
    findall(R7, ( member(W7, ["-", "+"]), re_replace(","/g, W7, "a,b,c", R7) ), L7), show(L7),
    findall(Sp, ( member(Sep, [",", ";"]), re_split(Sep, "a,b;c", Sp) ), L8), show(L8),
    re_flush,
    ( re_match("fresh(\\d+)", "fresh5") -> show(after_flush) ; true ).
