% messages_format_errors: how print_message words format/2's errors and the
% existence errors of other things than procedures, and that a message
% starts on a line of its own when user_output's line is not ended
% (user_error shares its column, as in swipl).  stdout and stderr both
% checked against swipl 9.0.4.
t(G) :- catch(G, error(E, _), (print_message(error, error(E, _)), print(E), nl)).

main :-
    t(format("~y", [])),
    t(format("~a", [])),
    t(format("~w", [a, b])),
    t(format("~*c", [a, 0'x])),
    t(format("~a", [f(x)])),
    t(format("~c", [a])),
    t(format("~e", [abc])),
    t(format("~0r", [1])),
    t(throw(error(existence_error(stream, foo), _))),
    t(throw(error(existence_error(source_sink, 'x.pl'), _))),
    t(throw(error(existence_error(matching_rule, f(x)), _))),
    t(throw(error(existence_error(key, "k"), _))),
    write(pending),
    print_message(error, format("after ~w", [pending])),
    write(same_line), nl,
    print_message(warning, format("at the start of a line", [])),
    write(x), nl.
