% Regular expressions (library(pcre)): re_match/2,3 and re_matchsub/3,4,
% re_compile/3, flags, options, capture types, subjects and patterns of
% every text kind, non-ASCII text.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt
% FILE).  swipl gives a match as a dict, re_match{0:..., 1:...}; snaplog
% has no dicts and gives the list of Key-Value pairs dict_pairs/3 makes of
% it, so show/1 prints both as that list.

:- use_module(library(pcre)).

pairs(S, P) :- catch(dict_pairs(S, _, P0), _, fail), !, P = P0.
pairs(S, S).

show(S) :- pairs(S, P), writeq(P), nl.

m(Re, S) :- ( re_match(Re, S) -> writeln(yes) ; writeln(no) ).
m(Re, S, O) :- ( re_match(Re, S, O) -> writeln(yes) ; writeln(no) ).
sub(Re, S, O) :- ( re_matchsub(Re, S, Sub, O) -> show(Sub) ; writeln(no) ).

main :-
    % re_match/2,3: patterns, flags, options
    m("^needle"/i, "Needle in a haystack"),
    m("^needle", "Needle in a haystack"),
    m("b+", "abbbc"),
    m(b, abc), m('x', "abc"), m([0'b], "abc"), m([b], [a, b, c]), m("c", [0'a, 0'c]),
    m("a.b", "a\nb"), m("a.b"/s, "a\nb"), m("a.b", "a\nb", [dotall(true)]),
    m("^b", "a\nb"), m("^b"/m, "a\nb"), m("^b", "a\nb", [multiline(true)]),
    m("a b # comment", "ab"), m("a b # comment"/x, "ab"),
    m("a b", "ab", [extended(true)]),
    m("A", "a", [caseless(true), caseless(false)]),
    m("A", "a", [caseless(false), caseless(true)]),
    m("A"/i, "a", [caseless(false)]),
    m("b", "abc", [anchored(true)]), m("a", "abc", [anchored(true)]),
    m("b", "abc", [start(1), anchored(true)]),
    m("a", "ba", [start(1)]), m("^a", "ba", [start(1)]), m("b", "ba", [start(1)]),
    m("^a", "a", [bol(false)]), m("a$", "a", [eol(false)]), m("a*", "b", [empty(false)]),
    m("a", "a", [unknown_option(1), foo]),
    m("É"/i, "é"), m("\\w", "é"), m("\\w", "é", [ucp(true)]),
    m("ñ.o", "añxo"), m("^.{3}$", "日本語"),
    % re_matchsub: captures, named groups, unset groups, capture types
    sub("(a)(?<n>b)(c)?", "xabd", []),
    sub("(a)(?<n>b)(c)?", "xabd", [capture_type(range)]),
    sub("(x)?(y)(z)?", "y", []),
    sub("(x)?(y)", "aaay", [capture_type(range)]),
    sub("(x)?(y)", "aaayb", [capture_type(term)]),
    sub("(x)?(y)", "aaayb", [capture_type(atom)]),
    sub("(a)|(b)", "b", []),
    sub("(\\d+)", "x 12 y", [capture_type(term)]),
    sub("(\\d+)", "x 12 y", [capture_type(atom)]),
    sub("(\\d+)", "x 12 y", [capture_type(integer)]),
    sub("(\\d+)"/t, "x 12 y", [capture_type(atom)]),
    sub("(\\d+)"/a, "x 12 y", []),
    sub("(\\d+)"/r, "x 12 y", []),
    sub("(\\d+)"/ra, "x 12 y", []),
    sub("(.+)", "a b", [capture_type(term)]),
    sub("(.+)", "f(x, [y])", [capture_type(term)]),
    sub("(?<date> (?<year_I>(?:\\d\\d)?\\d\\d) - (?<month_I>\\d\\d) - (?<day_I>\\d\\d) )"/x,
        "2017-04-20", []),
    sub("(?<x_A>\\w+) (?<y_R>\\w+) (?<z_S>\\w+) (?<w_T>\\w+)", "ab cd ef gh", []),
    sub("(?<n_A>a)(?<m_I>b)", "ab", [capture_type(range)]),
    sub("(?<ab_>x)(?<a_bc>y)(?<a_I_S>z)(?<a__I>w)", "xyzw", []),
    sub("(?<_I>\\w+)", "ab", []),
    sub("(?<zeta>z)(?<alpha>a)(m)", "zam", []),
    sub("a+", "aaa", [greedy(false)]),
    sub("a+?", "aaa", [greedy(false)]),
    sub("b", "abcb", [start(2), capture_type(range)]),
    sub("é(.)", "aébc", [capture_type(range)]),
    sub("(日)(本)", "xx日本語", [capture_type(range)]),
    sub("(日)(本)", "xx日本語", []),
    sub("b", [0'a, 0'b], []), sub("b", [a, b], []), sub("b", ab, []), sub([0'b], ab, []),
    sub("q", "abc", []),
    ( re_matchsub("(a)", "a", Sub3) -> show(Sub3) ; true ),
    % re_compile/3: a compiled pattern keeps its compile options and type
    re_compile("(a)(b)?", R, [capture_type(atom)]),
    sub(R, "xa", [capture_type(range)]),
    re_compile("A", R2, [caseless(true)]),
    m(R2, "a"), m(R2, "ba", [start(1)]), m(R2, "ba", [anchored(true)]),
    re_flush, m(R2, "xa"), sub(R, "xab", []).
