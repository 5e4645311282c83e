% Edge cases of the text built-ins: split_string/4 when the pad holds the
% separators, empty texts, reads of empty or layout-only text, case mapping
% without a single-character pair, number syntax at its limits.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        split_string("  a  b  ", " ", " ", _), split_string("abc", "", "ac", _),
        split_string("aaa", "a", "", _), split_string("a b", " ", "a", _),
        split_string(abc, "b", "", _), split_string([0'a,0'b], "", "", _),
        split_string("", ",", "", _), atomic_list_concat(_, ',', ''),
        atomic_list_concat([a,b|_], ',', 'a,b,c'), atomic_list_concat(_, ',', 12),
        atomic_list_concat([], '', _), atomic_list_concat([a], '', _), sub_atom(abc, _, _, 3, _),
        sub_atom(abc, 3, _, _, _), sub_atom(abc, 1, 5, _, _), sub_string("ab", _, _, _, ""),
        term_to_atom(_, 'a.'), term_to_atom(_, ''), term_to_atom(_, ' '), term_string(_, ""),
        atom_to_term('', _, _), atom_to_term('foo', _, _), upcase_atom('ß', _),
        downcase_atom('İ', _), string_lower("ΣΑΣ", _), atom_number('1e10', _),
        atom_number('0.5e', _), atom_number('1.0Inf', _), atom_number('0''a', _),
        number_codes(_, "0x"), number_codes(_, "1e"), number_codes(_, "1.e5"),
        number_codes(_, "12abc"), split_string("a  b", " ", " ", _),
        split_string("//a//b//", "/", "/", _), split_string("a, ,b", ",", " ", _),
        split_string("x  y", " ", "", _), split_string(" a ", " ", " ", _),
        split_string("a b  c", " ", " ", _), split_string("a,  ,b", ",", " ", _),
        split_string("  ", " ", " ", _), split_string(".a.", ".", ".", _)
    ]), t(G)).
