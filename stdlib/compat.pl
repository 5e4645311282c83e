/* swipl built-ins that are plain Prolog here, autoloaded from this file:
 * name/2, compound_name_arity/3, compound_name_arguments/3, copy_term_nat/2,
 * strip_module/3, divmod/4, rational/1,3, read_string/3,5, access_file/2,
 * unifiable/3, prompt/2, numbervars/4, term_singletons/2,
 * is_stream/1, prolog_to_os_filename/2, expand_file_name/2, at_halt/1,
 * abort/0, load_files/1,2, reexport/1,2, export/1, import/1,
 * source_location/2, and the Edinburgh I/O get0/1,2, get/1,2, put/1,2,
 * skip/1,2, ttyflush/0.  With one module, module-related ones only strip
 * or accept the module. */
:- module(compat, [name/2, compound_name_arity/3, compound_name_arguments/3, copy_term_nat/2,
                   strip_module/3, divmod/4, rational/1, rational/3, read_string/3, read_string/5,
                   access_file/2, is_stream/1, prolog_to_os_filename/2, expand_file_name/2,
                   at_halt/1, abort/0, load_files/1, load_files/2, reexport/1, reexport/2,
                   unifiable/3, prompt/2, numbervars/4, term_singletons/2,
                   export/1, import/1, source_location/2,
                   get0/1, get0/2, get/1, get/2, put/1, put/2, skip/1, skip/2, ttyflush/0]).

% name(?AtomOrNumber, ?Codes): the codes of an atomic; from codes, a number
% when they read as one, else an atom.
name(X, Codes) :-
    (   var(X)
    ->  ( string(Codes) -> string_codes(Codes, Cs) ; must_be(list, Codes), Cs = Codes ),
        (   Cs = [C|_], C > 0' , catch(number_codes(N, Cs), error(syntax_error(_), _), fail)
        ->  X = N
        ;   atom_codes(X, Cs)
        )
    ;   number(X) -> number_codes(X, Codes)
    ;   atom(X) -> atom_codes(X, Codes)
    ;   string(X) -> string_codes(X, Codes)
    ;   throw(error(type_error(atomic, X), _))
    ).

% compound_name_arity(?Compound, ?Name, ?Arity),
% compound_name_arguments(?Compound, ?Name, ?Args): for compounds only.
compound_name_arity(C, N, A) :-
    (   nonvar(C)
    ->  ( compound(C) -> functor(C, N, A) ; throw(error(type_error(compound, C), _)) )
    ;   functor(C, N, A)
    ).
compound_name_arguments(C, N, Args) :-
    (   nonvar(C)
    ->  ( compound(C) -> C =.. [N|Args] ; throw(error(type_error(compound, C), _)) )
    ;   C =.. [N|Args]
    ).

% copy_term_nat/2: copy_term/2 (no attributed variables here).
copy_term_nat(T, C) :- copy_term(T, C).

% strip_module(+Term, -Module, -Plain): the innermost M:, or user.
strip_module(T, M, P) :- '$compat_strip'(T, user, M, P).
'$compat_strip'(T, M0, M, P) :-
    (   nonvar(T), T = M1:T1, atom(M1)
    ->  '$compat_strip'(T1, M1, M, P)
    ;   M = M0, P = T
    ).

divmod(Dividend, Divisor, Q, R) :- Q is Dividend div Divisor, R is Dividend mod Divisor.

% No rationals here: the integers are the rationals there are.
rational(X) :- integer(X).
rational(X, X, 1) :- integer(X).

% read_string(+Stream, ?Length, -String): Length characters, or all that is
% left (Length unbound: its length).
read_string(S, Len, Str) :-
    (   var(Len)
    ->  read_stream_to_codes(S, Cs), length(Cs, Len)
    ;   must_be(nonneg, Len), '$compat_take'(Len, S, Cs)
    ),
    string_codes(Str, Cs).
'$compat_take'(0, _, []) :- !.
'$compat_take'(N, S, Cs) :-
    get_code(S, C),
    (   C == -1 -> Cs = []
    ;   Cs = [C|Cs1], N1 is N - 1, '$compat_take'(N1, S, Cs1)
    ).

% read_string(+Stream, +SepChars, +PadChars, -Sep, -String): up to a
% character of SepChars (Sep, or -1 at the end), PadChars stripped from
% both ends.
read_string(S, SepChars, PadChars, Sep, Str) :-
    string_codes(SepChars, SCs),
    '$compat_upto'(S, SCs, Cs, Sep),
    string_codes(S0, Cs),                      % (no code list: [] would read as '[]')
    split_string(S0, "", PadChars, [Str]).     % the padding off both ends
'$compat_upto'(S, Seps, Cs, Sep) :-
    get_code(S, C),
    (   C == -1 -> Cs = [], Sep = -1
    ;   memberchk(C, Seps) -> Cs = [], Sep = C
    ;   Cs = [C|Cs1], '$compat_upto'(S, Seps, Cs1, Sep)
    ).

% access_file(+File, +Mode): Mode none, exist, read, write, append, execute.
% Writing a file that is not there asks for its directory.
access_file(F, Mode) :-
    must_be(atom, Mode),
    (   Mode == none -> true
    ;   Mode == exist -> ( exists_file(F) -> true ; exists_directory(F) )
    ;   memberchk(Mode, [read, execute]) -> ( exists_file(F) -> true ; exists_directory(F) )
    ;   memberchk(Mode, [write, append])
    ->  (   exists_file(F) -> true
        ;   file_directory_name(F, D), exists_directory(D)
        )
    ;   throw(error(domain_error(io_mode, Mode), _))
    ).

is_stream(S) :- nonvar(S), catch(stream_property(S, mode(_)), _, fail), !.

prolog_to_os_filename(P, O) :- ( nonvar(P) -> O = P ; P = O ).

% expand_file_name(+Spec, -Files): ~ to the home directory, then the names
% that match the wildcards of the last segment (* ? [...]), sorted; a name
% without wildcards is itself.
expand_file_name(Spec, Files) :-
    must_be(atomic, Spec),
    atom_string(A0, Spec),
    (   sub_atom(A0, 0, 1, _, '~'), getenv('HOME', Home)
    ->  sub_atom(A0, 1, _, 0, Rest), atom_concat(Home, Rest, A)
    ;   A = A0
    ),
    (   sub_atom(A, _, _, _, W), memberchk(W, ['*', '?', '['])
    ->  file_directory_name(A, Dir), file_base_name(A, Pattern),
        (   catch(directory_files(Dir, Names), _, fail)
        ->  findall(F, ( member(N, Names), N \== '.', N \== '..', wildcard_match(Pattern, N),
                         ( sub_atom(A, 0, _, _, Dir), A \== Pattern -> directory_file_path(Dir, N, F) ; F = N ) ),
                    Fs),
            msort(Fs, Files)
        ;   Files = []
        )
    ;   Files = [A]
    ).

% at_halt(:Goal): Goal runs when halt/0,1 ends the program, the goal
% registered last first (engine/toplevel.c runs them, an error printed).
:- dynamic('$compat_at_halt'/1).
at_halt(G) :- asserta('$compat_at_halt'(G)).

abort :- throw('$aborted').

load_files(Files) :- consult(Files).
load_files(Files, Options) :- must_be(list, Options), consult(Files).
reexport(Spec) :- use_module(Spec).
reexport(Spec, Imports) :- use_module(Spec, Imports).
export(_).
import(_).

% source_location(-File, -Line): where the clause being loaded is.
source_location(File, Line) :-
    prolog_load_context(file, File),
    prolog_load_context(term_position, P),
    (   integer(P) -> Line = P
    ;   arg(2, P, Line)
    ).

% Edinburgh I/O on codes: get0 reads a code, get the next that is not
% layout, put writes one, skip reads up to and past a code.
get0(C) :- get_code(C).
get0(S, C) :- get_code(S, C).
get(C) :- current_input(S), get(S, C).
get(S, C) :- get_code(S, C0), ( C0 \== -1, code_type(C0, space) -> get(S, C) ; C = C0 ).
put(C) :- put_code(C).
put(S, C) :- put_code(S, C).
skip(C) :- current_input(S), skip(S, C).
skip(S, C) :- get_code(S, C0), ( C0 == -1 -> true ; C0 == C -> true ; skip(S, C) ).
ttyflush :- flush_output(user_output).

% unifiable(@X, @Y, -Unifier): X and Y unify, and Unifier is the list of
% Var = Value that would make them equal, last binding first (as swipl
% lists it); neither is bound.
unifiable(X, Y, Us) :-
    term_variables(X+Y, Vs),
    copy_term(Vs+X+Y, Cs+XC+YC),
    XC = YC,
    '$compat_back'(Vs, Cs, Vs),
    '$compat_unifier'(Vs, Cs, [], Us).
% The copies still unbound stand for their originals again.
'$compat_back'([], [], _).
'$compat_back'([V|Vs], [C|Cs], All) :-
    (   var(C), \+ ( member(O, All), O == C ) -> C = V ; true ),
    '$compat_back'(Vs, Cs, All).
'$compat_unifier'([], [], Us, Us).
'$compat_unifier'([V|Vs], [C|Cs], Acc, Us) :-
    (   C == V -> Acc1 = Acc ; Acc1 = [V = C|Acc] ),
    '$compat_unifier'(Vs, Cs, Acc1, Us).

% prompt(-Old, +New): the prompt consult(user) shows on a terminal ('|: ';
% unlike swipl's, read/1 from the terminal does not show it).
prompt(Old, New) :-
    ( nb_current('$compat_prompt', Old) -> true ; Old = '|: ' ),
    must_be(atomic, New),
    nb_setval('$compat_prompt', New).

% term_singletons(@Term, -Vars): the variables that occur once in Term, in
% the order of term_variables/2.
term_singletons(T, Vs) :-
    term_variables(T, All),
    '$compat_occurrences'(T, All, Counts),
    '$compat_once'(All, Counts, Vs).
'$compat_occurrences'(T, All, Counts) :-
    findall(V-N, ( member(V, All), '$compat_count'(T, V, 0, N) ), Pairs0),
    % findall copied the variables: put the originals back by position
    '$compat_pair_counts'(Pairs0, Counts).
'$compat_pair_counts'([], []).
'$compat_pair_counts'([_-N|Ps], [N|Ns]) :- '$compat_pair_counts'(Ps, Ns).
'$compat_count'(T, V, N0, N) :-
    (   var(T) -> ( T == V -> N is N0 + 1 ; N = N0 )
    ;   compound(T) -> T =.. [_|As], foldl('$compat_count_arg'(V), As, N0, N)
    ;   N = N0
    ).
'$compat_count_arg'(V, A, N0, N) :- '$compat_count'(A, V, N0, N).
'$compat_once'([], [], []).
'$compat_once'([V|Vs], [N|Ns], S) :- ( N =:= 1 -> S = [V|S1] ; S = S1 ), '$compat_once'(Vs, Ns, S1).

% numbervars(!Term, +Start, -End, +Options): numbervars/3 with swipl's
% options functor_name(F) (F(N) instead of '$VAR'(N)) and singletons(true)
% (a variable that occurs once becomes F('_')); others are accepted.
numbervars(T, Start, End, Options) :-
    must_be(list, Options),
    option(functor_name(F), Options, '$VAR'),
    (   option(singletons(true), Options)
    ->  term_singletons(T, Singles),
        Mark =.. [F, '_'],
        maplist(=(Mark), Singles)
    ;   true
    ),
    (   Options == [] -> numbervars(T, Start, End)
    ;   term_variables(T, Vs), '$compat_number'(Vs, F, Start, End)
    ).
'$compat_number'([], _, N, N).
'$compat_number'([V|Vs], F, N0, N) :- V =.. [F, N0], N1 is N0 + 1, '$compat_number'(Vs, F, N1, N).
