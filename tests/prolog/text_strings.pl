% The string type as swipl 7+ has it ("..." reads as a string):
% string_concat/3 (all modes), split_string/4, string_code/3, string_chars/2,
% string_codes/2, string_to_atom/2, string_length/2, number_string/2,
% atom_string/2, term_string/2, string_lower/2, string_upper/2,
% text_to_string/2, read_term_from_atom/3, atom_to_term/3,
% normalize_space/2, with non-ASCII text.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    X = "a string", ( string(X) -> writeln(double_quotes_string) ; writeln(wrong) ),
    forall(member(G, [
        string_concat(_, _, "abc"), string_concat(a, b, _), string_concat("ab", "cd", _),
        string_concat(_, "c", abc), string_concat(ab, _, "abc"), string_concat(1, 2, _),
        string_concat("é", _, "éa"), string_concat(_, _, ""), string_concat(abc, def, "abcdef"),
        string_concat(S, S, "abab"),
        string_concat(abc, def, abcdef), string_concat(abc, _, abcdef), string_upper(abc, 'ABC'),
        split_string("a,b,,c", ",", "", _), split_string("  hello  ", "", " ", _),
        split_string("/home//jan///nice/path", "/", "", _), split_string("SWI-Prolog, 7.0", ",", " ", _),
        split_string('a.b', ".", "", _), split_string("", "", "", _), split_string("abc", "", "", _),
        split_string(",a,", ",", "", _), split_string("a b\tc", " \t", "", _),
        split_string("  a , b  ", ",", " ", _), split_string("x;y|z", ";|", "", _),
        split_string("é,ü,ö", ",", "", _), split_string("··a··", "", "·", _),
        string_code(1, "abc", _), string_code(0, "abc", _), string_code(4, "abc", _),
        string_code(_, "abc", _), string_code(2, "héllo", _), string_code(1, abc, _),
        string_code(_, "", _), string_code(_, "日本", _),
        string_chars(_, [a, b]), string_chars("ab", _), string_chars(abc, _), string_chars("日本", _),
        string_codes(_, "abc"), string_codes(12, _), string_codes(_, [0'h, 0'é]), string_codes("", _),
        string_to_atom(_, abc), string_to_atom("abc", _), string_to_atom(_, 12), string_to_atom("x", x),
        string_to_atom("é", _),
        string_length("héllo", _), string_length(abc, _), string_length(12, _), string_length("", _),
        string_length("abc", 3), string_length([a, b], _), string_length("日本語", _),
        number_string(_, "12"), number_string(_, " 12 "), number_string(_, "12a"), number_string(_, "0x10"),
        number_string(12, _), number_string(_, "-3.5"), number_string(_, "- 1"), number_string(_, [0'1]),
        number_string(_, "foo"), number_string(1.5, _),
        atom_string(_, "abc"), atom_string(abc, _), atom_string(12, _), atom_string(_, 12),
        atom_string(_, [0'a]), atom_string(é, _), atom_string(abc, "abc"),
        term_string(f(x, 'A', "s"), _), term_string(_, 'p(q)'),
        term_string(1+2*3, _), term_string(- (1), _), term_string([a, 'B c'], _),
        string_lower("HÉLLO", _), string_upper("héllo", _), string_upper(abc, _), string_lower('ЖАР', _),
        string_upper(12, _), string_lower("MiXeD", "mixed"),
        text_to_string(abc, _), text_to_string([a, b], _), text_to_string("s", _),
        read_term_from_atom('foo(bar)', _, []), read_term_from_atom("g(1)", _, []),
        normalize_space(atom(_), "  hello    world  "), normalize_space(string(_), 'a\tb\nc'),
        normalize_space(codes(_), " x y "), normalize_space(chars(_), "p  q"), normalize_space(atom(_), ""),
        normalize_space(atom(_), "  日本  語 ")
    ]), t(G)),
    atom_to_term('foo(X, Y, X)', T, Bindings), T = foo(A, B, C), Bindings = [N1=V1, N2=V2],
    ( A == C, A \== B, V1 == A, V2 == B -> writeq(N1/N2) ; write(wrong) ), nl,
    atom_to_term('p(_, _Y)', T2, B2), length(B2, NB2), T2 = p(P1, P2), B2 = [_=V3],
    ( P1 \== P2, V3 == P2 -> writeq(NB2) ; write(wrong) ), nl,
    term_string(T3, "foo(X, bar, X)"), T3 = foo(X3, bar, Y3),
    ( X3 == Y3, var(X3) -> writeln(term_string_parsed) ; writeln(wrong) ).
