% Streams: open/3,4 with options, aliases, close/1,2, current and set
% input/output, stream_property/2 (enumerating), set_stream/2, the
% Edinburgh see/tell/append family, with_output_to/2 in every form, the
% write family and write_term with a stream argument, flush_output.
% Files go to the directory given as the last command-line argument.
% Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE -- DIR).

dir_file(Name, Path) :-
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atomic_list_concat([Dir, '/', Name], Path).

show(What, X) :- writeq(What = X), nl.

props(S, L) :-
    findall(P, ( stream_property(S, P),
                 memberchk(P, [mode(_), input, output, alias(_), eof_action(_), type(_), encoding(_)]) ), L).

file_text(F, Text) :-
    open(F, read, S), read_chars(S, Cs), close(S), atom_chars(Text, Cs).
read_chars(S, Cs) :-
    get_char(S, C), ( C == end_of_file -> Cs = [] ; Cs = [C|T], read_chars(S, T) ).

main :-
    dir_file('out.txt', F),
    open(F, write, S, [alias(out), type(text), encoding(utf8), eof_action(eof_code)]),
    write(out, hello), write(S, ' '), writeq(out, 'W q'), print(out, [1]), write_canonical(out, f(X, _Y, X, 'a b')),
    nl(out), write_term(out, g(y, "s", 'q q', [a|b]), [quoted(true)]), nl(out),
    write_term(out, 1+2*3, [ignore_ops(true)]), write_term(out, '$VAR'(1), [numbervars(true)]),
    write_term(out, [1,2], [spacing(next_argument)]), write_term(out, end, [fullstop(true), nl(true)]),
    writeln(out, line), flush_output(out),
    props(out, P1), show(props, P1),
    stream_property(S, file_name(FN)), ( FN == F -> show(file_name, same) ; show(file_name, FN) ),
    findall(A, (stream_property(_, alias(A)), memberchk(A, [out, user_input, user_output, user_error])), As0),
    msort(As0, As), show(aliases, As),
    close(out, [force(true)]),
    catch(write(out, x), error(E1, _), show(closed_alias, E1)),
    file_text(F, T1), write(T1),
    % append mode adds to the end; a file opened as a string name
    atom_string(F, FS), open(FS, append, SA), format(SA, "appended~n", []), close(SA),
    file_text(F, T2), atom_length(T1, L1), sub_atom(T2, L1, _, 0, Added), show(added, Added),
    % current input/output
    current_output(CO), stream_property(CO, alias(COA)), show(current_output, COA),
    current_input(CI), stream_property(CI, alias(CIA)), show(current_input, CIA),
    dir_file('set.txt', F2), open(F2, write, S2),
    set_output(S2), write('to_file.'), nl, current_output(CO2), ( CO2 == S2 -> show(set_output, ok) ; true ),
    set_output(user_output), close(S2),
    open(F2, read, R2), set_input(R2), read(T3), set_input(user_input), close(R2), show(read_via_set_input, T3),
    % closing the current output makes user_output current again
    open(F2, write, S3), set_output(S3), close(S3), current_output(CO3), stream_property(CO3, alias(A3)),
    show(after_close, A3),
    % set_stream
    open(F2, write, S4), set_stream(S4, alias(renamed)), write(renamed, x), close(renamed),
    set_stream(user_output, buffer(line)), set_stream(user_output, tty(false)),
    set_stream(user_output, record_position(true)),
    open(F2, read, S5), set_stream(S5, eof_action(error)), get_char(S5, _), get_char(S5, E5a),
    catch(get_char(S5, _), error(permission_error(E5x, E5y, _), _), true), close(S5), show(eof_error, E5a/E5x/E5y),
    % the Edinburgh family
    dir_file('tell.txt', F3),
    tell(F3), write('told_text.'), nl, telling(Tg),
    ( Tg == user -> TgIs = user ; stream_property(Tg, file_name(F3)), TgIs = the_file ),
    told, show(telling, TgIs),
    telling(Tu), show(telling_after, Tu),
    append(F3), write('more.'), nl, told,
    see(F3), read(Seen1), seeing(Sg), ( Sg == user -> SgIs = user ; stream_property(Sg, file_name(F3)), SgIs = the_file ), show(seeing, SgIs),
    read(Seen2), read(Seen3), seen, seeing(Su), show(seen, [Seen1, Seen2, Seen3, Su]),
    % with_output_to
    with_output_to(atom(WA), (write(a), print(b), format("~w", [c]))), show(atom, WA),
    with_output_to(string(WS), write(f(x))), show(string, WS),
    with_output_to(codes(WC), write(ab)), show(codes, WC),
    with_output_to(codes(WC2, WT), write(ab)), WT = [0'c], show(codes_diff, WC2),
    with_output_to(chars(WH), write(ab)), show(chars, WH),
    with_output_to(chars(WH2, WT2), write(ab)), WT2 = [], show(chars_diff, WH2),
    with_output_to(atom(W1), (write(a), with_output_to(atom(I), write(b)), write(I), write(c))), show(nested, W1),
    with_output_to(atom(W2), (current_output(O), format(O, "~w", [via_current]))), show(current, W2),
    with_output_to(atom(W3), (member(M, [1, 2, 3]), write(M), M >= 2)), show(first_solution, W3/M),
    ( with_output_to(atom(abc), write(abc)) -> show(bound, yes) ; show(bound, no) ),
    ( with_output_to(atom(abd), write(abc)) -> show(bound, yes) ; show(bound, no) ),
    with_output_to(atom(W4), (write(x), nl, tab(2), write(y))), show(nl_tab, W4),
    with_output_to(atom(W5), (write(abc), line_position(user_output, _), current_output(C5), line_position(C5, LP5))),
    show(line_position, W5/LP5),
    current_output(CO6), stream_property(CO6, alias(A6)), show(output_after, A6).
