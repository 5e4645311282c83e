% Regular expressions where snaplog goes beyond swipl 9.0.4.
% Empty matches: swipl 9.0.4's re_foldl/6 (and so re_split/3,4 and
% re_replace/4,5 with g) raises representation_error('regex-offset') on
% one; snaplog scans on as Perl's //g does: after an empty match the next
% match is first tried at the same place, non-empty and anchored, then one
% character further on.  So the expected output follows Perl, checked by
% hand against perl (split and s///g).  Also: re_split/3,4 and
% re_replace/4,5 take a subject given as a code or char list, where swipl
% 9.0.4 raises a type error from its sub_string/5 or sub_atom/5.

show(X) :- writeq(X), nl.

count(_, N0, N) :- N is N0 + 1.
whole(M, L0, [W|L0]) :- memberchk(0-W, M).

main :-
    re_split("", "abc", L1), show(L1),
    re_split("a*", "baaac", L2), show(L2),
    re_split("\\b", "hi you", L3), show(L3),
    re_foldl(count, "a*", "baaac", 0, N4, []), show(N4),
    re_foldl(count, "", "", 0, N5, []), show(N5),
    re_foldl(whole, "x*", "éa", [], L6, [capture_type(range)]), show(L6),
    re_foldl(whole, "|a", "aa", [], L7, []), show(L7),
    re_replace("a*"/g, "-", "baaac", R8), show(R8),
    re_replace("x*"/g, "-", "abc", R9), show(R9),
    re_replace("(?=b)"/g, "^", "abab", R10), show(R10),
    re_replace("^"/gm, "> ", "one\ntwo", R11), show(R11),
    re_replace("$"/g, "!", "end", R12), show(R12),
    re_split(",", [0'a, 0',, 0'b], L13), show(L13),
    re_split(","/a, [a, ',', b], L14), show(L14),
    re_replace(","/g, ";", [0'a, 0',, 0'b], R15), show(R15),
    re_replace("b", "x", [a, b, c], R16), show(R16).
