% Error cases of the atom, character and string built-ins: instantiation,
% type, domain, representation (as swipl raises them) and syntax errors.
% Where swipl departs from ISO we follow swipl: char_code(X, -1) is
% type_error(character_code, -1) (ISO: representation_error), and
% atom_length(abc, -1) fails (ISO: domain_error).
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        atom_codes(_, _), atom_codes(f(x), _), atom_codes(_, [0'a|_]), atom_codes(_, [-1]),
        atom_codes(_, foo), atom_codes(_, [0'a, b]), atom_codes(_, [f(x)]),
        atom_chars(_, _), atom_chars(_, [a|_]), atom_chars(_, [ab]), atom_chars(f(x), _),
        atom_chars(_, [a, 0'b]), atom_chars(_, [a, _]),
        char_code(_, _), char_code(ab, _), char_code(_, -1), char_code(_, 0x110000), char_code(1, _),
        char_code(_, a), char_code(a, b),
        atom_length(_, _), atom_length(f(x), _), atom_length(abc, foo), atom_length(abc, 1.0),
        atom_length(abc, -1),
        atom_concat(_, b, _), atom_concat(a, f(x), _), atom_concat(_, _, _), atom_concat(_, _, f(x)),
        atom_concat(a, _, f(x)),
        sub_atom(_, _, _, _, _), sub_atom(f(x), _, _, _, _), sub_atom(abc, a, _, _, _),
        sub_atom(abc, _, _, _, f(x)), sub_atom(abc, -1, _, _, _), sub_atom(abc, _, foo, _, _),
        sub_atom(abc, _, _, -2, _), sub_atom(abc, _, _, _, 1),
        sub_string(f(x), _, _, _, _), sub_string("abc", _, _, _, f(x)), sub_string("abc", a, _, _, _),
        number_codes(_, "12 "), number_codes(_, "- 12"), number_codes(_, "foo"), number_codes(_, "/**/12"),
        number_codes(_, "12."), number_codes(_, ""), number_codes(a, _), number_codes(_, [a|_]),
        number_codes(_, "-"), number_codes(_, "inf"), number_chars(_, ['1', a]), number_codes(_, _),
        atom_number(_, _), atom_number(f(x), _), atom_number(_, foo), atom_number(12, _),
        upcase_atom(_, _), upcase_atom(f(x), _), upcase_atom(abc, f(x)), downcase_atom(_, _),
        atomic_list_concat(_, _), atomic_list_concat([a, _], _), atomic_list_concat([a, f(x)], _),
        atomic_list_concat(foo, _), atomic_list_concat(_, '', abc), atomic_list_concat(_, ab, _),
        atomic_list_concat(_, '-', f(x)), atomic_list_concat([a|_], '-', _), atomic_list_concat([_, _], '-', _),
        term_to_atom(_, 'foo('), term_to_atom(_, 'a b'), term_to_atom(_, f(x)),
        string_concat(_, _, _), string_concat(f(x), a, _), string_concat(a, _, _),
        split_string(_, ",", "", _), split_string("a b", f(x), "", _),
        string_code(_, _, _), string_code(-1, "abc", _), string_code(a, "abc", _), string_code(1, f(x), _),
        string_chars(_, _), string_chars(f(x), _), string_codes(_, [0'a|_]), string_codes(_, [f(x)]),
        string_to_atom(_, _), string_to_atom(f(x), _), string_to_atom(_, f(x)),
        string_length(_, _), string_length(f(x), _), string_length("abc", foo),
        number_string(_, _), number_string(a, _), number_string(_, '3.5'), number_string(_, 12),
        atom_string(_, _), atom_string(f(x), _), atom_string(_, f(x)),
        term_string(_, f(x)), term_string(_, "p("),
        string_lower(_, _), string_upper(f(x), _), text_to_string(_, _), text_to_string(f(x), _),
        read_term_from_atom(_, _, []), read_term_from_atom('foo(', _, []),
        atom_to_term(_, _, _), atom_to_term('p(', _, _),
        normalize_space(_, "x"), normalize_space(atom(_), _)
    ]), t(G)).
