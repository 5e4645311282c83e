% consult_relative: a relative file name in a loaded file is looked up beside
% that file, not in the working directory (the test runs from the
% repository's top), and prolog_load_context/2 says what is being loaded.
% Checked against swipl 9.0.4 (swipl -q -g main -t halt consult_relative.pl
% from the top directory).
:- consult('data/relative_main').

main :-
    relative_b, relative_c,
    % outside a load: module, dialect and script (swipl also has
    % variable_names, which we lack)
    forall(member(K, [module, dialect, script]), (prolog_load_context(K, V), writeq(K-V), nl)),
    ( prolog_load_context(directory, _) -> writeln(loading) ; writeln(not_loading) ).
