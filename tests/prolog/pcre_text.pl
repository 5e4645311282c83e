% Regular expressions (library(pcre)): re_split/3,4, re_replace/4,5 and
% re_foldl/6, with their flags and output types.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt
% FILE); swipl's matches are dicts, shown as the Key-Value pairs snaplog
% gives (see pcre_match.pl).  Empty matches are in pcre_empty.pl: there
% swipl 9.0.4 raises an error.

:- use_module(library(pcre)).

pairs(S, P) :- catch(dict_pairs(S, _, P0), _, fail), !, P = P0.
pairs(S, S).

show(X) :- writeq(X), nl.

split(Re, S) :- re_split(Re, S, L), show(L).
split(Re, S, O) :- re_split(Re, S, L, O), show(L).
repl(Re, W, S) :- re_replace(Re, W, S, R), show(R).
repl(Re, W, S, O) :- re_replace(Re, W, S, R, O), show(R).

count(_, N0, N) :- N is N0 + 1.
collect(M, L0, [P|L0]) :- pairs(M, P).
whole(M, L0, [W|L0]) :- pairs(M, P), memberchk(0-W, P).
say(M, N0, N) :- pairs(M, P), memberchk(0-W, P), write(W), write(' '), N is N0 + 1.
odd_fail(M, N0, N) :- pairs(M, P), memberchk(0-W, P), W \== "c", N is N0 + 1.
ranges(S, M, L0-[Start-Sub|L], L0-L) :-
    pairs(M, P), memberchk(piece-(Start-Len), P), sub_string(S, Start, Len, _, Sub).
nondet(_, V0, V) :- ( V = V0 ; V is V0 + 100 ).

main :-
    % re_split
    split("a+", "abaac"),
    split("a+"/a, "baac"),
    split(",\\s*"/n, "1, 2,x,3.5"),
    split("x", "abc"),
    split("x", abc),
    split("b", abc, [capture_type(atom)]),
    split("b", "abc", [capture_type(range)]),
    split("(b)", "abc"),
    split("a", "aba", [start(1)]),
    split("b"/i, "aBcb"),
    split("\\s+", "  the quick  brown fox "),
    split(":\\s*"/n, "Age: 33"),
    split("é", "aébéc"),
    % re_replace
    repl("a", "o", "banana"),
    repl("a"/g, "o", "banana"),
    repl("a"/ga, "o", "banana"),
    repl("a", "o", banana, [capture_type(atom)]),
    repl("q", "o", banana),
    repl("q"/a, "o", "banana"),
    repl("(b)"/g, "<$1\\1${1}$$>", "abcb"),
    repl("(?<x>b)"/g, "<$x|${x}|\\x>", "abcb"),
    repl("(a)", "\\{1}-${1}-\\\\-$", "a"),
    repl("(a)", "$", "a"),
    repl("(a)", "${1", "a"),
    repl("(a)", "$$1", "a"),
    repl("(?<d_I>\\d+)"/g, "[$d]", "a007b"),
    repl("(?<date> (?<year_I>(?:\\d\\d)?\\d\\d) - (?<month_I>\\d\\d) - (?<day_I>\\d\\d) )"/x,
         "$month/$day/$year", "on 2017-04-20 it rained"),
    repl("a", 12, "a"),
    repl("b"/g, "x", "abcb", [start(2)]),
    repl("b", "x", "abcb", [start(2)]),
    repl("b"/i, "x", "aBcb"),
    repl("é"/g, "e", "aébéc"),
    repl("(\\w+) (\\w+)", "$2 $1", "hello world"),
    repl("(?<a>x)|(?<b>y)", "[$a]", "y x"),
    % re_foldl
    re_foldl(count, "a", "banana", 0, C1, []), show(C1),
    re_foldl(count, "a"/i, "bAnana", 0, C2, []), show(C2),
    re_foldl(count, "q", "banana", 0, C3, []), show(C3),
    re_foldl(collect, "(?<l>[a-z])(\\d)", "a1b2", [], L1, []), show(L1),
    re_foldl(collect, "b", "abcb", [], L2, [start(2)]), show(L2),
    re_foldl(collect, "b", "abcb", [], L3, [capture_type(range)]), show(L3),
    re_foldl(whole, "\\w+"/a, "one two three", [], L4, []), show(L4),
    re_foldl(say, "\\w", "abc", 0, N5, []), nl, show(N5),
    ( re_foldl(odd_fail, "\\w", "abcd", 0, N6, []) -> show(N6) ; show(failed) ),
    ( catch(re_foldl(say, "\\w", 12, 0, _, []), error(E, _), (show(E), fail)) -> true ; true ),
    catch(re_foldl(nondet, "\\w", "ab", 0, V7, []), _, true), show(V7),
    findall(V8, re_foldl(nondet, "\\w", "ab", 0, V8, []), L8), show(L8),
    String = "{START} Mary {END} had a {START} little lamb {END}",
    re_foldl(ranges(String), "{START} *?(?<piece>.*) *?{END}", String, Ms-Ms, Out-[],
             [capture_type(range), greedy(false)]),
    show(Out).
