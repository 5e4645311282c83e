% Loaded by tests/prolog/consult_relative.pl from another directory: its
% relative consult, include and ensure_loaded are found beside this file.
:- consult(relative_b).
:- ensure_loaded('relative_b.pl').
:- include(relative_c).
:- prolog_load_context(directory, D), atom_concat(_, '/data', D), write(directory_ok), nl.
:- prolog_load_context(source, S), prolog_load_context(file, F), ( S == F -> write(same_file) ; write(differ) ), nl.
