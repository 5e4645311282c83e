% Text built-ins called with every argument bound: which compare their
% output as text (atom_codes(abc, "abc"), atom_string(abc, abc)) and which
% unify it as a term (atomic_list_concat([a,b], "ab") fails), as swipl does.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        atom_codes(abc, "abc"), atom_chars(abc, "abc"), atom_codes(abc, abc), atom_codes('', []),
        atom_string(abc, abc), atom_string(abc, 'abc'), string_to_atom("abc", "abc"),
        string_chars("ab", "ab"), string_codes(ab, "ab"), number_codes(12, "12"), atom_number('12', "12"),
        string_concat(a, b, ab), sub_atom(abc, 0, 1, _, "a"), atomic_list_concat([a, b], "ab"),
        atomic_list_concat([a, b], '-', "a-b"), term_to_atom(f(x), "f(x)"), string_length("abc", "3"),
        string_lower("ABC", abc), atom_string(12, '12'), text_to_string(abc, abc),
        split_string("a,b", ",", "", ["a", b]), normalize_space(atom("a b"), "a  b"),
        normalize_space(string(a), "a"), normalize_space(codes("a"), "a"), upcase_atom('é', 'É'),
        atom_chars(X, ['1', '2']), atom_length(X, 2)
    ]), t(G)).
