relative_c :- write(c_included), nl.
:- prolog_load_context(source, S), prolog_load_context(file, F), ( S == F -> write(same_file) ; write(included) ), nl.
