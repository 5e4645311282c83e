% Character, code and byte I/O on files: put/get/peek of chars, codes and
% bytes, UTF-8 text, binary streams, nl/tab, end of file and eof_action,
% positions (character_count, line_count, line_position, position), and
% read_term/read from a file.  The files go to the directory given as the
% last command-line argument (a fresh temporary directory: see the .args).
% Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE -- DIR).

dir_file(Name, Path) :-
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atomic_list_concat([Dir, '/', Name], Path).

show(What, X) :- writeq(What = X), nl.

main :-
    dir_file('chars.txt', F),
    open(F, write, W),
    put_char(W, h), put_char(W, 'é'), put_code(W, 0'y), put_code(W, 0x1F600), nl(W),
    tab(W, 3), write(W, tabbed), tab(W, 1+1), write(W, x), nl(W),
    write(W, 'foo(X, Y, X). bar.'), nl(W), write(W, '% comment'), nl(W), write(W, 'baz(\'q q\').'),
    line_count(W, WL), line_position(W, WP), character_count(W, WC),
    show(out_position, WL/WP/WC),
    stream_property(W, position(WPos)), show(position, WPos),
    close(W),
    open(F, read, R),
    get_char(R, C1), peek_char(R, C2), get_char(R, C3), get_code(R, C4), peek_code(R, C5), get_code(R, C6),
    show(chars, [C1, C2, C3, C4, C5, C6]),
    get_char(R, NL), show(newline, NL),
    line_count(R, RL), line_position(R, RP), character_count(R, RC), show(in_position, RL/RP/RC),
    get_char(R, Sp), show(space, Sp), line_position(R, RP2), show(line_position, RP2),
    read_line(R, Rest), show(rest, Rest),
    read_term(R, T1, [variable_names(Vs), singletons(Ss), variables(Vars)]),
    bind_names(Vs), show(term, T1), show(names, Vs), show(singletons, Ss), length(Vars, NV), show(nvars, NV),
    get_char(R, AfterEnd), show(after_end, AfterEnd),
    read(R, T2), show(term, T2),
    read(R, T3), show(term, T3),
    stream_property(R, end_of_stream(E0)), show(end_of_stream, E0),
    at_end_of_stream(R), write(at_end), nl,
    stream_property(R, end_of_stream(Ea)), show(end_of_stream, Ea),
    read(R, T4), show(term, T4),
    get_char(R, Eof1), get_code(R, Eof2), peek_char(R, Eof3), show(eof, [Eof1, Eof2, Eof3]),
    stream_property(R, end_of_stream(E1)), show(end_of_stream, E1),
    close(R),
    % eof_action(error): a read past the end raises
    dir_file('empty.txt', FE), open(FE, write, WE), close(WE),
    open(FE, read, RE, [eof_action(error)]),
    get_char(RE, X1), show(first_read, X1),
    catch(get_char(RE, _), error(Err, _), (Err = permission_error(A, B, _), show(second_read, A/B))),
    close(RE),
    % binary streams
    dir_file('bytes.bin', FB),
    open(FB, write, WB, [type(binary)]),
    forall(member(B0, [0, 1, 127, 128, 255, 10]), put_byte(WB, B0)), close(WB),
    open(FB, read, RB, [type(binary)]),
    peek_byte(RB, P0), get_byte(RB, B1), get_byte(RB, B2),
    findall(Bx, (between(1, 4, _), get_byte(RB, Bx)), Bs), get_byte(RB, BE),
    show(bytes, [P0, B1, B2|Bs]-BE), stream_property(RB, type(Ty)), show(type, Ty), close(RB),
    % an octet text stream reads the bytes of a UTF-8 character one by one
    open(F, read, RO, [encoding(octet)]), get_char(RO, _), get_code(RO, O1), get_code(RO, O2), close(RO),
    show(octets, [O1, O2]),
    % a stream read in Prolog terms and characters alternately
    dir_file('mixed.txt', FM), open(FM, write, WM),
    format(WM, "a(1).\tb(2). c(3).~n%x~nd(4).", []), close(WM),
    open(FM, read, RM),
    read(RM, M1), get_char(RM, MC1), read(RM, M2), get_char(RM, MC2), read(RM, M3), get_char(RM, MC3),
    read(RM, M4), read(RM, M5), close(RM),
    show(mixed, [M1, MC1, M2, MC2, M3, MC3, M4, M5]).

read_line(S, Cs) :-
    get_char(S, C),
    (   C == '\n' -> Cs = []
    ;   C == end_of_file -> Cs = []
    ;   Cs = [C|T], read_line(S, T)
    ).

bind_names([]).
bind_names([N = V|T]) :- V = N, bind_names(T).
