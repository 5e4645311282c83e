% Stream state is persistent (DESIGN section 5): output written in a branch
% that fails appears exactly once, input read in a branch that fails is not
% read again, with_output_to inside failing branches leaves the output as
% it was, and an exception thrown through a stream operation leaves the
% stream where the operation left it.  Each choice point here is a
% snapshot that is restored; none of this may be undone by it.
% Files go to the directory given as the last command-line argument.
% Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE -- DIR).

dir_file(Name, Path) :-
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atomic_list_concat([Dir, '/', Name], Path).

show(What, X) :- writeq(What = X), nl.

file_text(F, Text) :-
    open(F, read, S), read_chars(S, Cs), close(S), atom_chars(Text, Cs).
read_chars(S, Cs) :-
    get_char(S, C), ( C == end_of_file -> Cs = [] ; Cs = [C|T], read_chars(S, T) ).

main :-
    % output in failing branches, to user_output
    ( write(a), fail ; write(b) ), nl,
    ( member(X, [1, 2, 3]), write(X), X >= 3 -> nl ; true ),
    ( between(1, 3, Y), format("~w;", [Y]), Y =:= 3 -> nl ; true ),
    \+ ( write(negated), nl, fail ),
    forall(member(Z, [x, y]), (write(Z), nl)),
    findall(W, (member(W, [p, q]), write(W)), _), nl,
    line_count(user_output, L0), show(line_count, L0),
    % output in failing branches, to a file
    dir_file('out.txt', F),
    open(F, write, S),
    ( member(C, [1, 2, 3]), format(S, "~w~n", [C]), C >= 2 -> true ; true ),
    ( write(S, lost), nl(S), fail ; true ),
    catch(( write(S, thrown), nl(S), throw(oops) ), oops, true),
    line_count(S, LS), character_count(S, CS), show(file_position, LS/CS),
    close(S),
    file_text(F, T1), show(file, T1),
    % input read in failing branches
    open(F, write, S1), write(S1, 'a. b. c. d. e.'), nl(S1), write(S1, xyz), close(S1),
    open(F, read, R),
    ( read(R, T), show(read_then_fail, T), fail ; true ),
    read(R, T2), show(read_next, T2),
    \+ \+ read(R, _),
    read(R, T3), show(after_double_negation, T3),
    findall(T4, (between(1, 1, _), read(R, T4)), L4), show(findall_read, L4),
    ( get_char(R, Ch), Ch == ' ' -> true ; true ),
    findall(Ch2, (between(1, 3, _), get_char(R, Ch2)), L5), show(findall_chars, L5),
    ( peek_char(R, P), fail ; peek_char(R, P) ), show(peek, P),
    line_count(R, LR), line_position(R, PR), show(read_position, LR/PR),
    % an exception thrown through a stream operation: the stream stays open
    % where the read left it, though the binding of its name is undone
    catch(( get_char(R, G1), show(got, G1), throw(through) ), through, true),
    get_char(R, G2), show(then, G2),
    catch(( open(F, read, R2, [alias(second)]), get_char(R2, _), throw(again) ), again, true),
    ( var(R2) -> show(binding, undone) ; true ),
    get_char(second, G3), char_code(G3, G3c), show(second_stream_continues, G3c), close(second),
    open(F, read, RE, [eof_action(error)]),
    catch(( repeat, get_char(RE, E), E == end_of_file, get_char(RE, _) ), error(Err, _), true),
    Err = permission_error(Act, Type, _), show(past_end, Act/Type),
    stream_property(RE, end_of_stream(EoS)), show(end_of_stream, EoS),
    close(RE), close(R),
    % with_output_to inside failing branches
    ( with_output_to(atom(_), (write(inner), fail)) -> true ; show(with_output_to, failed) ),
    with_output_to(atom(A1), ((write(a), fail) ; write(b))), show(kept_before_retry, A1),
    ( with_output_to(atom(A2), write(c)), A2 == d -> true ; show(unify_failed, after) ),
    ( member(K, [1, 2]), with_output_to(atom(A3), write(K)), K >= 2 -> show(second_try, A3) ; true ),
    catch(with_output_to(atom(_), (write(x), throw(out))), out, true),
    catch(with_output_to(atom(_), format("~w", [])), error(FE, _), true), show(format_error, FE),
    current_output(O), stream_property(O, alias(OA)), show(output_is, OA),
    % a format error writes the text before the failing directive once
    catch(format("before ~w ~w", [x]), error(_, _), (nl, write(caught), nl)).
