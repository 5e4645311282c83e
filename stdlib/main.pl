/* library(main): scripts.  main/0 calls main(Argv) with the program's
 * arguments (current_prolog_flag(argv, Argv)); argv_options/3 splits them
 * as swipl's does when the program declares no option types: --name=Value
 * gives name(Value) (a number when Value reads as one, else an atom),
 * --name gives name(true), --no-name name(false), a '-' in a name becomes
 * '_'; everything else, and all after --, is positional.  opt_type/3
 * declarations, short options and help generation are not supported. */
:- module(main, [main/0, argv_options/3]).

main :-
    current_prolog_flag(argv, Argv),
    main(Argv).

argv_options(Argv, Positional, Options) :-
    must_be(list, Argv),
    '$argv_options'(Argv, Positional, Options).

'$argv_options'([], [], []).
'$argv_options'([A|As], Pos, Opts) :-
    (   A == '--'
    ->  Pos = As, Opts = []
    ;   atom(A), atom_concat('--', Long, A), Long \== ''
    ->  '$argv_long'(Long, Opt), Opts = [Opt|Opts1], '$argv_options'(As, Pos, Opts1)
    ;   Pos = [A|Pos1], '$argv_options'(As, Pos1, Opts)
    ).

'$argv_long'(Long, Opt) :-
    (   sub_atom(Long, B, _, After, '=')
    ->  sub_atom(Long, 0, B, _, Name0),
        sub_atom(Long, _, After, 0, Text),
        '$argv_value'(Text, Value),
        '$argv_name'(Name0, Name),
        Opt =.. [Name, Value]
    ;   atom_concat('no-', Name0, Long), Name0 \== ''
    ->  '$argv_name'(Name0, Name), Opt =.. [Name, false]
    ;   '$argv_name'(Long, Name), Opt =.. [Name, true]
    ).

'$argv_name'(Name0, Name) :-
    atomic_list_concat(Parts, '-', Name0),
    atomic_list_concat(Parts, '_', Name).

'$argv_value'(Text, Value) :-
    (   catch(atom_number(Text, N), _, fail)
    ->  Value = N
    ;   Value = Text
    ).
