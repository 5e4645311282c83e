% sub_atom/5 and sub_string/5 in every mode, solutions in ISO order (Before
% ascending, then Length ascending), with non-ASCII text where positions
% count characters, and the same variable in two places.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        sub_atom(abc, _, _, _, _),
        sub_atom(abc, 1, _, _, _), sub_atom(abc, _, 2, _, _), sub_atom(abc, _, _, 1, _),
        sub_atom(abc, 1, 1, _, _), sub_atom(abc, 1, _, 0, _), sub_atom(abc, _, 1, 0, _),
        sub_atom(abc, 0, 3, 0, _), sub_atom(abc, 4, _, _, _), sub_atom(abc, _, 4, _, _),
        sub_atom(abc, 2, 2, _, _),
        sub_atom(abcabc, _, _, _, bc), sub_atom(abcabc, 1, _, _, bc), sub_atom(abcabc, 2, _, _, bc),
        sub_atom(abcabc, _, _, 1, bc), sub_atom(abcabc, _, 3, _, bc), sub_atom(aaa, _, _, _, aa),
        sub_atom(abc, _, _, _, ''), sub_atom(abc, _, _, _, abcd), sub_atom(abc, _, _, _, x),
        sub_atom('', _, _, _, _), sub_atom(a, _, _, _, _),
        sub_atom('héllo', _, _, _, l), sub_atom('héllo', 1, 3, _, _), sub_atom('日本語です', _, 2, _, _),
        sub_atom('日本語', _, _, _, 本), sub_atom('aé', _, _, _, _),
        sub_atom(abcd, B, B, _, _), sub_atom(abcd, _, L, L, _), sub_atom(abcd, B2, _, B2, _),
        sub_atom(12345, 1, 2, _, _), sub_atom("abc", 0, 1, _, _), sub_atom(abc, 1, 1, 1, "b"),
        sub_string("hello world", _, 5, _, _), sub_string("abc", _, _, _, _), sub_string("héllo", 1, 3, _, _),
        sub_string(abc, _, _, _, "b"), sub_string("abab", _, _, _, ab), sub_string("", _, _, _, _),
        sub_string("aaa", _, _, _, "a")
    ]), t(G)),
    % the first solutions only, from a long atom
    findall(S, limit_sub(S), Ss), writeq(Ss), nl,
    ( sub_atom(hello, B4, 2, A4, ll) -> writeq(B4-A4) ; write(none) ), nl.

limit_sub(S) :-
    sub_atom(abcdefghijklmnopqrstuvwxyz, B, 3, _, S),
    ( B >= 3 -> ! ; true ).
