% Loading the library: use_module/1,2 and ensure_loaded/1 of library(NAME)
% (loaded once), autoloading on first call, a user definition winning over
% the library's (defined before or after the library is loaded), and a
% library name that does not exist.  Expected output checked against swipl
% 9.0.4 (swipl -q -g main -t halt FILE).
:- use_module(library(lists)).
:- use_module(library(apply), [maplist/3]).
:- ensure_loaded(library(pairs)).
:- use_module(library(lists)).

% the user's own last/2 and subtract/3: the library's are not used
last(_, mine).
subtract(_, _, mine).
% defined before library(ordsets) is autoloaded: loading it keeps this one
ord_subtract(_, _, mine).

main :-
    last([1, 2, 3], L), writeln(L),
    subtract([1, 2], [1], S), writeln(S),
    maplist([X, Y]>>(Y is X + 1), [1, 2], M), writeln(M),
    pairs_keys_values(P, [a, b], [1, 2]), writeln(P),
    foldl([X, A0, A]>>(A is A0 + X), [1, 2, 3], 0, Sum), writeln(Sum),
    list_to_assoc([k-v], As), get_assoc(k, As, V), writeln(V),
    must_be(integer, 3), writeln(must_be_ok),
    catch(no_such_library_pred(1), error(E, _), (print(E), nl)),
    ( catch(nb_getval(nope, _), error(E2, _), (print(E2), nl)) -> true ; true ),
    aggregate_all(count, member(_, [a, b]), C), writeln(C),
    sumlist([1, 2], SL), writeln(SL),
    ord_union([a], [b], OU), writeln(OU), ord_subtract([a], [a], OS), writeln(OS),
    msort([b, a], MS), writeln(MS).
