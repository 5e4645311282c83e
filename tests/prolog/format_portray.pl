% ~p (print/1) honours user:portray/1 wherever format writes: to the
% current output, to another stream, and into text (format/3 to atom(A)
% and the like, print_message's format(F, Args)), the hook's output going
% where the rest of the text goes, column stops included.  Expected output
% (stdout and the stderr of print_message, .stderr) checked against swipl
% 9.0.4 (swipl -q -g main -t halt FILE).
:- multifile user:portray/1.
user:portray(secret(_)) :- write('<hidden>').

main :-
    print(f(secret(1), [secret(2)])), nl,
    format("~p~n", [secret(3)]),
    format(atom(A), "[~p|~p]", [secret(4), x]), writeln(A),
    format(string(S), "~a~t~p~15|~w", [ab, secret(5), end]), print(S), nl,
    format(codes(C), "~p", [g(secret(6))]), atom_codes(AC, C), writeln(AC),
    format(user_error, "~p~n", [secret(7)]),
    print_message(error, format("~p", [secret(8)])),
    with_output_to(string(W), format("~p", [secret(9)])), writeln(W),
    writeq(secret(10)), nl,
    write_term(g(secret(11)), [portray(true)]), nl.
