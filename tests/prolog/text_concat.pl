% text_concat/3.  Not checked against swipl: swipl 9.0.4 as installed has no
% text_concat/3 (existence_error).  Expected output written by hand from the
% rule in SWI-Prolog's manual: joining, T3 is a string if T1 or T2 is one,
% else an atom; splitting, the parts take T3's type; errors as atom_concat/3.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        text_concat(abc, def, _), text_concat("abc", def, _), text_concat(abc, "def", _),
        text_concat(1, 2, _), text_concat(_, _, abc), text_concat(_, _, "ab"),
        text_concat(_, def, abcdef), text_concat(abc, _, "abcdef"), text_concat(_, "é", "aé"),
        text_concat(abc, def, abcdef), text_concat(abc, def, "abcdef"), text_concat(x, _, abc),
        text_concat(_, _, _), text_concat(f(x), a, _)
    ]), t(G)).
