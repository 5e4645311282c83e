% Whole files: read_file_to_codes/3, read_file_to_string/3,
% read_file_to_terms/3 (library(readutil)) and phrase_from_file/2,3
% (library(pio)), UTF-8 text included, and the error for a missing file.
% The files go to the directory given as the last command-line argument (a
% fresh temporary directory: see the .args).  Expected output checked
% against swipl 9.0.4 (swipl -q -g main -t halt FILE -- DIR).
:- use_module(library(readutil)).
:- use_module(library(pio)).
:- use_module(library(dcg/basics)).

path(Name, P) :- current_prolog_flag(argv, Argv), last(Argv, D), atomic_list_concat([D, '/', Name], P).

lines([L|Ls]) --> string_without("\n", Cs), "\n", !, { atom_codes(L, Cs) }, lines(Ls).
lines([]) --> [].

main :-
    path('t.pl', F),
    setup_call_cleanup(open(F, write, S, [encoding(utf8)]),
                       format(S, "a(1).~nb(\"x\", 'é').~n% a comment~nc([1,2|T], T).~n", []),
                       close(S)),
    read_file_to_terms(F, Ts, []), numbervars(Ts, 0, _), print(Ts), nl,
    read_file_to_string(F, Str, [encoding(utf8)]), string_length(Str, N), print(N), nl,
    read_file_to_codes(F, Cs, []), length(Cs, NC), print(NC), nl,
    phrase_from_file(lines(Ls), F), print(Ls), nl,
    ( phrase_from_file(("a(", remainder(_)), F) -> writeln(prefix_ok) ; writeln(no_prefix) ),
    ( phrase_from_file("nothing", F) -> writeln(matched) ; writeln(no_match) ),
    path(missing, M),
    catch(read_file_to_terms(M, _, []), error(existence_error(K, P), _), (print(K), nl, ( P == M -> writeln(same_path) ; true ))),
    catch(read_file_to_codes(_, _, []), error(E2, _), (print(E2), nl)).
