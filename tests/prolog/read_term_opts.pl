% read_term/2,3 and read/1,2 from user_input (read_term_opts.in): the options
% variable_names, variables, singletons, syntax_errors(error|fail|quiet|dec10),
% end_of_file, and the error term of a syntax error.
% Checked against swipl 9.0.4 (swipl -q -g main -t halt read_term_opts.pl < read_term_opts.in),
% except on the first line: swipl's singletons(S) also lists the anonymous
% variable ('_'=D); ISO 7.10.3 lists named variables only (_Z is named, _ is
% not), and so do we.  (swipl's line numbers on user_input are off by the
% lines its own start-up read, so the error context's line is only checked
% to be an integer here; tests/unit/test_lang_rw.c checks positions.)
main :-
    read_term(T1, [variable_names(N1), variables(V1), singletons(S1)]),
    show(T1-N1-V1-S1),
    read(user_input, T2), show(T2),
    read_term(user_input, T3, [variable_names(N3)]), show(T3-N3),
    catch(read(_), error(E, stream(S, L, P, C)), (integer(L), integer(P), integer(C), show(caught(E, S)))),
    read(T4), show(T4),
    ( read_term(_, [syntax_errors(fail)]) -> show(no) ; show(failed) ),
    ( read_term(_, [syntax_errors(quiet)]) -> show(no) ; show(failed_quietly) ),
    read(T5), show(T5),
    read_term(T6, [syntax_errors(dec10)]), show(T6),
    read_term(T7, [singletons(S7)]), show(T7-S7),
    read(T8), show(T8),
    read(T9), show(T9).

show(T) :- copy_term(T, C), term_variables(C, Vs), number_vars(Vs, 0), print(C), nl.

number_vars([], _).
number_vars(['$VAR'(N)|Vs], N) :- N1 is N + 1, number_vars(Vs, N1).
