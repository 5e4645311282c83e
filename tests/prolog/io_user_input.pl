% Reading user_input (standard input, io_user_input.in) with read/1,
% read_term/2, get_char/1, peek_code/1, get_code/1 and at_end_of_stream/0:
% each read starts where the previous one stopped, the layout character
% after a clause's end stays unread, and output written before a read is
% flushed first.
% Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE < io_user_input.in).

main :-
    write('prompt: '), read(X), writeq(X), nl,
    get_char(C), writeq(C), nl,
    read_term(Y, [variable_names(V)]), bind(V), writeq(Y-V), nl,
    peek_code(P), writeq(P), nl, get_code(Q), writeq(Q), nl,
    read(Z), writeq(Z), nl,
    read(E), writeq(E), nl,
    at_end_of_stream, get_char(E2), writeq(E2), nl,
    stream_property(user_input, end_of_stream(S)), writeq(S), nl.

bind([]).
bind([N = V|T]) :- V = N, bind(T).
