% Regular expressions (library(pcre)): the errors.  Invalid patterns raise
% error(syntax_error(Message), _) with PCRE2's message; bad arguments raise
% the type, instantiation, domain and existence errors swipl raises.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt
% FILE).  Only the formal term is printed: swipl's contexts name its
% internal helpers; snaplog's name the predicate called, and a syntax
% error's context is string(Pattern, CharOffset) as for the reader's
% errors (swipl 9.0.4 leaves it unbound), checked separately at the end.

:- use_module(library(pcre)).

e(G) :-
    catch(( G -> writeln(true) ; writeln(false) ), error(F, _), ( print_formal(F), nl )).

% Dicts (swipl) and pair lists (snaplog) print alike.
print_formal(existence_error(key, K, D)) :- !,
    ( catch(dict_pairs(D, _, P), _, fail) -> true ; P = D ),
    writeq(existence_error(key, K, P)).
print_formal(F) :- writeq(F).

main :-
    % patterns PCRE2 rejects
    e(re_match("a(", "x")),
    e(re_match("[a", "a")),
    e(re_match("a{2,1}", "a")),
    e(re_match("(?<n>a)(?<n>b)", "a")),
    e(re_match("\\", "a")),
    e(re_match("a)", "a")),
    e(re_match("(?<x_T>\\w+", "ab")),
    e(re_match("*a", "a")),
    e(re_match("(?P<1x>a)", "a")),
    e(re_compile("a)", _, [])),
    e(re_split("(", "a", _)),
    e(re_replace("(", "x", "a", _)),
    e(re_foldl(no_such_goal, "(", "a", 0, _, [])),
    % a bad type suffix on a group name
    e(re_matchsub("(?<x_Q>\\w+)", "ab", _, [])),
    e(re_matchsub("(?<a_b>x)", "x", _, [])),
    % patterns, subjects, flags
    e(re_match(_, "x")),
    e(re_match("a", _)),
    e(re_match(f(x), "x")),
    e(re_match("a", f(x))),
    e(re_match(12, "a12")),
    e(re_match(a, 12)),
    e(re_match("a"/q, "x")),
    e(re_match("a"/f(x), "a")),
    e(re_match("a"/_, "a")),
    e(re_match("a"/"i", "A")),
    e(re_matchsub("b"/g, "abc", _)),
    e(re_split("a"/q, "a", _)),
    e(re_replace("b"/q, "x", "abcb", _)),
    e(re_compile(f(x), _, [])),
    % options
    e(re_match("a", "a", foo)),
    e(re_match("a", "a", [capture_type(atom)|foo])),
    e(re_match("a", "a", [_])),
    e(re_match("a", "a", [foo(1)|_])),
    e(re_match("a", "a", [foo(x, y)])),
    e(re_match("a", "a", [caseless(maybe)])),
    e(re_match("a", "a", [caseless(_)])),
    e(re_match("a", "a", [start(x)])),
    e(re_match("a", "a", [start(_)])),
    e(re_match("a", "a", [start(-1)])),
    e(re_match("a", "ba", [start(5)])),
    e(re_match("a", "a", [start(1)])),
    e(re_matchsub("(\\w+)", "ab", _, [capture_type(foo)])),
    e(re_matchsub("(\\w+)", "ab", _, [capture_type(_)])),
    e(re_compile("a", _, foo)),
    % replacements naming groups that are not there
    e(re_replace("(?<x>b)"/g, "<$1>", "abcb", _)),
    e(re_replace("(?<x>b)"/g, "<$y>", "abcb", _)),
    e(re_replace("(a)", "$2", "a", _)),
    e(re_replace("(a)(b)?", "<$2>", "a", _)),
    e(re_replace("(?<n>x)?b", "[$n]", "b", _)),
    e(re_replace("a", f(x), "a", _)),
    e(re_replace("a", "x", 12, _)),
    e(re_split("a", 12, _)),
    e(re_split(_, "a", _)),
    e(re_foldl(no_such_goal, "a", 12, 0, _, [])),
    % duplicate names are allowed by dupnames(true), but make a key twice
    e(re_match("(?<n>a)(?<n>b)", "ab", [dupnames(true)])),
    e(re_matchsub("(?<n>a)|(?<n>b)", "b", _, [dupnames(true)])),
    % snaplog only: where the pattern went wrong (swipl gives no context)
    catch(re_match("ab(c", "x"), error(syntax_error(_), C), true),
    ( nonvar(C) -> C = string(Pat, Off), writeq(Pat-Off) ; writeq("ab(c"-4) ), nl,
    catch(re_match("日本(", "x"), error(syntax_error(_), C2), true),
    ( nonvar(C2) -> C2 = string(Pat2, Off2), writeq(Pat2-Off2) ; writeq("日本("-3) ), nl.
