% ISO char_conversion/2 and current_char_conversion/2: the table (every
% character below 256, itself unless converted), conversion applied by the
% reader only while the char_conversion flag is on and only outside quoted
% atoms, strings and back-quoted text (0'c is converted, as in swipl), and
% the errors.  Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE).

t(G) :- \+ \+ ( catch((call(G) -> R = yes(G) ; R = no), error(E, _), R = error(E)), numbervars(R, 0, _), print(R), nl ).
read_it(A) :- term_to_atom(T, A), print(T), nl.

main :-
    t(current_char_conversion(a, _)),
    t(char_conversion(a, b)),
    t(current_char_conversion(a, _)),
    t(findall(I-O, (current_char_conversion(I, O), I \== O), _)),
    read_it('foo(a, "a", 0\'a, \'a\', `a`)'),
    set_prolog_flag(char_conversion, true),
    read_it('foo(a, "a", 0\'a, \'a\', `a`, abc)'),
    t(char_conversion(x, '+')),
    read_it('f(1 x 2)'),
    set_prolog_flag(char_conversion, false),
    catch(read_it('f(a x)'), error(Syn, _), (print(Syn), nl)),
    t(char_conversion(a, a)), t(char_conversion(x, x)),
    t(findall(I-O, (current_char_conversion(I, O), I \== O), _)),
    t(aggregate_all(count, current_char_conversion(_, _), _)),
    t(char_conversion(ab, c)), t(char_conversion(_, c)).
% Not compared: char_conversion(a, 1) and current_char_conversion(1, X),
% which swipl 9.0.4 reads as character codes; here they are
% type_error(character, 1), as ISO has it.
