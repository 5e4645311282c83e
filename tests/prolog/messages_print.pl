% messages_print: print_message/2 words errors as swipl 9.0.4 does (the
% whole stderr is compared: NAME.stderr, made with swipl): permission
% errors and their special wordings, a two-line message, syntax errors by
% name, format/2 messages, warnings, unknown messages.
m(A, T, C) :- print_message(error, error(permission_error(A, T, C), _)).

main :-
    m(modify, static_procedure, foo/1), m(access, private_procedure, foo/1),
    m(open, source_sink, f), m(input, stream, s), m(output, stream, s),
    m(create, operator, ','), m(add_element, set_foo, x),
    m(redefine, built_in_procedure, atom/1),
    m(input, binary_stream, s), m(output, binary_stream, s),
    m(input, text_stream, s), m(output, text_stream, s),
    m(input, past_end_of_stream, s), m(reposition, stream, s),
    print_message(error, error(syntax_error(illegal_number), _)),
    print_message(error, error(syntax_error(operator_expected), _)),
    print_message(error, format("x is ~w~nline2 ~a", [f(y), b])),
    print_message(warning, format("w ~q", ['A b'])),
    print_message(informational, format("not shown", [])),
    print_message(error, foo(bar)).
