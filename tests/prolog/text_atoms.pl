% Atoms as text: atom_codes/2, atom_chars/2, char_code/2, atom_length/2,
% atom_concat/3 (every mode, splits enumerated), number_codes/2,
% number_chars/2, atom_number/2, upcase_atom/2, downcase_atom/2,
% atomic_list_concat/2,3 (split mode too) and term_to_atom/2, with
% non-ASCII text (lengths count characters).
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        atom_codes(abc, _), atom_codes(_, [0'h, 0'i]), atom_codes('héllo', _),
        atom_codes(_, [104, 233, 0x4e16]), atom_codes(12, _), atom_codes(-1.5, _),
        atom_codes("str", _), atom_codes(_, "abc"), atom_codes('', _), atom_codes(_, []),
        atom_codes(abc, [0'a|_]), atom_codes(_, [a, b]),
        atom_chars(abc, _), atom_chars(_, [x, y]), atom_chars('日本語', _), atom_chars(_, ['é', 'ü']),
        atom_chars(42, _), atom_chars(_, "abc"), atom_chars(abc, [a|_]),
        char_code(a, _), char_code(_, 0'z), char_code('é', _), char_code(_, 0x65E5), char_code(a, 97),
        char_code(a, 98),
        atom_length(abc, _), atom_length('', _), atom_length('héllo wörld', _), atom_length('日本語', _),
        atom_length(12345, _), atom_length(-3.5, _), atom_length("string", _), atom_length(abc, 3),
        atom_length(abc, 4), atom_length(abc, -1),
        atom_concat(abc, def, _), atom_concat(_, _, abc), atom_concat(_, _, ''), atom_concat(_, _, 'éü'),
        atom_concat(ab, _, abcd), atom_concat(_, cd, abcd), atom_concat(x, _, abcd), atom_concat(_, x, abcd),
        atom_concat(1, 2, _), atom_concat(_, _, 12), atom_concat("a", b, _), atom_concat(é, 'ü', _),
        atom_concat(abc, def, abcdef), atom_concat(abc, def, abcxyz), atom_concat(X, X, abab),
        atom_concat(abc, def, "abcdef"), atom_concat(abc, 1, abc1), atom_concat(_, def, "abcdef"),
        number_codes(_, "1.5e3"),
        number_codes(_, "42"), number_codes(_, "  12"), number_codes(_, "\n-12"), number_codes(_, "+7"),
        number_codes(_, "0x1A"), number_codes(_, "0'a"), number_codes(_, "0b101"), number_codes(_, "0o17"),
        number_codes(_, "1_000"), number_codes(_, "2.5e-1"), number_codes(_, "1.25e1"), number_codes(_, "1.0e10"),
        number_codes(_, "123456789012345678901234567890"), number_codes(_, "-123456789012345678901234567890"),
        number_codes(_, "1.5NaN"), number_codes(42, _), number_codes(-3.25, _), number_codes(42, "42"),
        number_codes(_, "2.0"), (number_codes(X1, "3"), X1 == 3),
        number_chars(_, ['4', '2']), number_chars(_, [' ', '1']), number_chars(3.5, _), number_chars(_, "17"),
        atom_number('12', _), atom_number('-12', _), atom_number('+12', _), atom_number('0x1A', _),
        atom_number('3.14', _), atom_number('12x', _), atom_number(' 12', _), atom_number('- 12', _),
        atom_number(foo, _), atom_number('', _), atom_number(_, 12), atom_number(_, 2.5), atom_number("12", _),
        upcase_atom(abc, _), upcase_atom('héllo wörld', _), upcase_atom('æøå', _), downcase_atom('ÀÉÎÕÜ', _),
        downcase_atom('ΑΒΓ Ωμέγα', _), upcase_atom('жар-птица', _), downcase_atom('MiXeD 123', _),
        upcase_atom(123, _), upcase_atom("abc", _), upcase_atom(abc, 'ABC'), upcase_atom(abc, abc), upcase_atom("abc", "ABC"),
        downcase_atom('ÀB', "àb"), upcase_atom(abc, "ABD"),
        atomic_list_concat([a, b, c], _), atomic_list_concat([a, "b", 1, 2.5, -3], _), atomic_list_concat([], _),
        atomic_list_concat(['日本', 語], _), atomic_list_concat([a, b], ab),
        atomic_list_concat([a, b, c], '-', _), atomic_list_concat([a], '-', _), atomic_list_concat([], '-', _),
        atomic_list_concat([x, y], ', ', _), atomic_list_concat([a, b], "-", _),
        atomic_list_concat(_, ',', 'a,b,,c'), atomic_list_concat(_, '-', ''), atomic_list_concat(_, ab, xabyabz),
        atomic_list_concat(_, 'é', 'aébéc'), atomic_list_concat([a, _], '-', 'a-b'),
        atomic_list_concat(_, "-", "a-b"), atomic_list_concat(_, '-', abc),
        term_to_atom(f(a, 'B', "s", [1, 2], 1+2), _), term_to_atom(- (1), _), term_to_atom(1 - -1, _),
        term_to_atom('hello world', _), term_to_atom([a|b], _), term_to_atom({x}, _), term_to_atom('日本', _),
        term_to_atom(_, 'foo(bar, [1,2])'), term_to_atom(_, '1 + 2 * 3'), term_to_atom(_, "g(a)"),
        term_to_atom(_, 12), term_to_atom(f(x), 'f(x)'), term_to_atom(f(y), 'f(x)')
    ]), t(G)),
    term_to_atom(T, 'p(X, Y, X)'), T = p(A, B, C),
    ( A == C, A \== B -> writeln(shared_variables_kept) ; writeln(wrong) ).
