% format/1,2,3: every directive, column stops and fill, numeric arguments,
% output to text (atom, string, codes, chars, difference lists) and the
% errors of each directive.  A failing directive writes what was formatted
% before it first, as swipl does.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
% Errors print only their formal term: the context argument is not compared.

t(F, A) :-
    catch(( format(F, A), write('|') ), error(E, _), ( write(' error: '), writeq(E) )),
    nl.

main :-
    % terms and text
    t("~w ~q ~p ~a", ['A b', 'A b', 'A b', 'A b']),
    t("~w|~q|~p", [[a-'B'|"s"], [a-'B'|"s"], '$VAR'(1)]),
    t("~q ~w", ['$VAR'(27), f('$VAR'(3))]),
    t("~a ~a ~a", [abc, "string", 42]),
    t("~s ~s ~s ~s", [[104,105], "str", [a,b], []]),
    t("~w", hello), t('~w and ~w', [x, y]), t([0'a, 0'~, 0'w], [x]), t(plain, []),
    t("~w~w", [a, b]), t("~w~w", [-, -]), t("~q~q", [a, 'B']),
    t("~i~w ~w and ~i~w", [a, b, c, d, e]),
    t("~~ ~n~2nx", []),
    % integers
    t("~d ~d ~d", [42, -7, 0]), t("~d", [1+2]), t("~d", [10000000000000000000000]),
    t("~D ~D ~D", [1234567, -1234, 999]), t("~D", [123456789012345678901234567890]),
    t("~2d ~2d ~2d ~0d ~1d", [5, -5, 1234, 42, 7]), t("~3d", [-12345]), t("~2D", [1234567]),
    t("~3d", [123456789012345678901234567890]), t("~10d", [3]),
    t("~8r ~16r ~16R ~2r ~36r", [255, -255, 255, 10, 35]), t("~r", [10]),
    t("~16r", [1000000000000000000000000]),
    t("~c~c", [65, 0x1F600]), t("~3c", [0'x]), t("~*c", [3, 0'y]), t("~*c", [0, 0'y]),
    % floats
    t("~e ~3e ~0e", [1.5, 12345.678, 12.5]), t("~f ~2f ~0f ~1f", [2, 3.14159, 2.5, 0.05]),
    t("~g ~g", [0.1, 1.0e10]), t("~15f ~20e", [0.1, 1.0]), t("~f", [1.0e20]),
    t("~2f", [10000000000000000000000]), t("~e", [100000000000000000000000000]),
    t("~f ~e", [1+1, 2*0.5]), t("~e ~f", [inf, nan]),
    % columns
    t("~w~30|~w", [a, b]), t("abc~3|de", []), t("abcdef~3|gh", []),
    t("~t~w~10|", [right]), t("~w~t~10|~w", [left, x]), t("~t~w~t~11|", [mid]),
    t("~`-t~30|", []), t("~a~t~`.t~20|~a", [abc, def]), t("~w~t~5+~w~t~5+~w", [a, b, c]),
    t("~w~t~2+~w", [abcdef, b]), t("~t~d~6|", [123]), t("~20|abc", []), t("~t~20|abc", []),
    t("a~tb~tc~20|", []), t("~ta~t~6|b", []), t("~`*t~t~20|", []), t("~t~t~10|", []),
    t("~10+|", []), t("~+~w", [x]), t("abc~+~w", [x]), t("~8|~w", [x]), t("~48t~d~6|", [42]),
    t("é~t~5|x", []), t("~t~w~5|", [é]), t("~w~30|~w~5+~w", [a, b, c]),
    t("ab~tcd~4|ef", []), t("~a~n~t~w~10|", [first, x]),
    t("~w~t~10+~w~t~10+~w~n~w~t~10+~w~t~10+~w", [name, age, city, bob, 42, paris]),
    write(abc), t("~t~w~10|", [x]),
    % to text
    format(atom(A), "~w-~a", [x, y]), writeq(A), nl,
    format(string(S), "~w", [x]), writeq(S), nl,
    format(codes(C), "ab", []), writeq(C), nl,
    format(codes(C2, T), "ab", []), T = [0'c], atom_codes(A2, C2), writeq(A2), nl,
    format(chars(Ch), "ab", []), writeq(Ch), nl,
    format(chars(Ch2, T2), "ab", []), T2 = [z], writeq(Ch2), nl,
    format(atom(A3), "~t~w~6|", [r]), writeq(A3), nl,
    format(user_output, "to ~w~n", [user_output]),
    ( format(atom(abc), "abc", []) -> writeq(same) ; writeq(different) ), nl,
    ( format(atom(abd), "abc", []) -> writeq(same) ; writeq(different) ), nl,
    format("plain~n"), format("~w~n", x),
    % errors
    t("~a", []), t("~w ~w", [a]), t("no args", foo), t("~a", [a, b]),
    t("~z", [a]), t("~d", [a]), t("~d", [1.0]), t("~d", [1.5]), t("~d", [_]),
    t("~e", [a]), t("~c", [a]), t("~c", [-1]), t("~c", [[]]), t("~a", [[a]]),
    t("~a", [[]]), t("~a", [f(x)]), t("abc~q", []), t("~*c", [a, 0'x]), t("~*c", [-1, 0'x]),
    t("~*c", [2]), t("~i", []), t("~r", [a]), t("~1r", [10]), t("~37r", [5]),
    t(1, []), t(_, []), t(f(x), []),
    catch(format(foo(x), "a", []), error(E1, _), (writeq(E1), nl)),
    catch(format(foo, "a", []), error(E2, _), (writeq(E2), nl)),
    catch(format(_, "a", []), error(E3, _), (writeq(E3), nl)),
    catch(format(user_input, "a", []), error(E4, _), (writeq(E4), nl)),
    catch(format(atom(_), "~a", []), error(E5, _), (writeq(E5), nl)),
    catch(format("~a", [_]), error(format_argument_type(D, V), _), (writeq(D), write(' '), ( var(V) -> write(var) ; write(nonvar) ), nl)).
