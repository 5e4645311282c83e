% library(dcg/basics) essentials, loaded with use_module as swipl needs:
% blanks, whites, digits, integer, float, number, string, string_without,
% nonblanks, xinteger, eos, remainder, generating integers.  Expected
% output checked against swipl 9.0.4 (swipl -q -g main -t halt FILE).
:- use_module(library(dcg/basics)).

t(X, G) :-
    catch(( findall(X, G, L), R = L ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

kv(K-V) --> blanks, string_without(`=`, KC), "=", blanks, integer(V), blanks, { atom_codes(K, KC) }.

main :-
    t(I-R, phrase(integer(I), `42 rest`, R)), t(I, phrase(integer(I), `-17`)), t(I, phrase(integer(I), `+5`)),
    t(I, phrase(integer(I), `abc`)), t(F, phrase(float(F), `3.25`)), t(F, phrase(float(F), `2`)), t(F, phrase(float(F), `2e2`)), t(F, phrase(float(F), `-1.5`)),
    t(N, phrase(number(N), `1.5e3`)), t(N, phrase(number(N), `12`)), t(N, phrase(number(N), `-0.5`)),
    t(D, phrase(digits(D), `123x`, _)), t(D-R, phrase(digits(D), `x`, R)),
    t(R, phrase(blanks, `   x`, R)), t(R, phrase(whites, ` \t x`, R)), t(x, phrase(blank, ` `)),
    t(W-R, phrase(nonblanks(W), `word rest`, R)),
    t(S-R, phrase(string(S), `abc`, R)),
    t(S-R, phrase(string_without(`,`, S), `ab,cd`, R)),
    t(X, phrase(xinteger(X), `ff`)), t(X, phrase(xdigit(X), `a`)),
    t(x, phrase(eos, [])), t(x, phrase(eos, `a`)), t(R, phrase(remainder(R), `xyz`)),
    t(C, phrase(integer(42), C)), t(C-T, phrase(integer(-7), C, T)),
    t(KV, phrase(kv(KV), ` width = 80 `)),
    t(L, phrase(blanks_to_nl, `  \nx`, L)), t(L, phrase(eol, `\nx`, L)),
    t(Lw, phrase(alpha_to_lower(Lw), `Q`)).
