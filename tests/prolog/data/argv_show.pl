% For tests/prolog/cli_argv.sh: prints argv and whether data/argv_more.pl
% (a second file on the command line) was loaded by the time it ran.
:- initialization(main, main).
main :-
    current_prolog_flag(argv, A), writeq(A), nl,
    ( catch(argv_more, _, fail) -> writeln(more_loaded) ; writeln(more_not_loaded) ).
