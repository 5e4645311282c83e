% For tests/prolog/cli_argv.sh: a script on library(main).
:- use_module(library(main)).
:- initialization(main, main).
main(Argv) :-
    argv_options(Argv, Positional, Options),
    writeq(Positional-Options), nl,
    \+ memberchk(fail(true), Options).
