% char_type/2 and code_type/2: the common classes, digit weights, case
% pairs (upper/lower, to_lower/to_upper in swipl's sense), enumeration of
% characters for a type, Latin-1, Greek and Cyrillic letters.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Not compared: enumerating all types of one character (swipl lists its
% own Prolog-syntax classes, some twice) and enumerating a class over all
% of Unicode (our tables cover fewer scripts; see stdlib/chartype.h).
% Errors print only their formal term: the context argument is not compared.

t(G) :-
    catch(( findall(G, G, L), writeq(L) ), error(E, _), writeq(error(E))),
    nl.

main :-
    forall(member(G, [
        char_type(a, alpha), char_type('1', alpha), char_type('_', alpha), char_type('_', csym),
        char_type('_', csymf), char_type('1', csymf), char_type('1', csym), char_type(a, alnum),
        char_type('1', alnum), char_type('-', alnum), char_type('é', alpha), char_type('ж', alnum),
        char_type(_, digit(_)), char_type('7', digit(_)), char_type(a, digit(_)), char_type(_, digit(5)),
        char_type(' ', space), char_type('\t', white), char_type('\n', white), char_type('\n', space),
        char_type(_, end_of_line), code_type(_, end_of_line), char_type(a, end_of_line),
        char_type('A', upper(_)), char_type(a, upper(_)), char_type(a, lower(_)), char_type('A', lower(_)),
        char_type(_, upper(a)), char_type(_, lower('A')), char_type('É', upper(_)), char_type(é, lower(_)),
        char_type('Ж', upper(_)), char_type(_, upper('ж')), char_type('Ω', upper(_)), char_type(ω, lower(_)),
        char_type('A', upper), char_type(a, lower), char_type('1', upper),
        char_type('!', punct), char_type(a, punct), char_type('.', punct), char_type(' ', punct),
        char_type('_', punct), char_type(a, graph), char_type(' ', graph), char_type('é', graph),
        char_type(a, to_lower(_)), char_type('A', to_lower(_)), char_type(a, to_upper(_)),
        char_type('A', to_upper(_)), char_type(_, to_lower('A')), char_type(_, to_upper(a)),
        char_type(_, to_lower(a)), char_type(_, to_upper('A')), char_type('1', to_lower(_)),
        code_type(0'a, alpha), code_type(0'7, digit(_)), code_type(0'A, upper(_)), code_type(0'a, to_lower(_)),
        code_type(a, alpha), code_type(_, digit(5)), code_type(0' , space), code_type(-1, alpha),
        char_type(1, alpha), char_type(ab, alpha), char_type(a, foo), char_type(a, foo(x)),
        code_type(f(x), alpha), char_type(a, 1), char_type(_, _),
        code_type(0'A, xdigit(_)), code_type(0'f, xdigit(_)), code_type(0'7, xdigit(_)),
        code_type(0'g, xdigit(_)), char_type('F', xdigit(_)), char_type(_, xdigit(3))
    ]), t(G)).
