% tests/lang/swipl_modes.pl: the swipl side of the lang corpus.
%
%   swipl tests/lang/swipl_modes.pl MODE... < CASES.pl > CASES.expected
%
% Does what `lang-rt --names MODE...` does, with swipl's own reader and
% writer, so the .expected files of tests/lang/corpus are swipl 9.0.4's
% output (tests/lang/corpus.sh compares lang-rt with them; regenerate with
% tests/lang/mkexpected where swipl is installed).
:- initialization(main, main).

main :-
    current_prolog_flag(argv, Modes),
    prompt(_, ''),
    repeat,
    catch(read_term(user_input, T, [variable_names(Ns), variables(Vs)]), E, true),
    (   nonvar(E)
    ->  E = error(syntax_error(W), stream(_, L, LP, _)),
        C is LP + 1,
        format("syntax_error(~w) at ~w:~w~n", [W, L, C]),
        fail
    ;   T == end_of_file
    ->  !
    ;   T = (:- op(P, Ty, N))
    ->  catch((op(P, Ty, N), R = ok), error(Err, _), R = Err),
        once(op_result(R, Text)),
        format("op: ~w~n", [Text]),
        fail
    ;   bind(Ns, Vs),
        forall(member(M, Modes), (out(M, T), nl)),
        fail
    ).

bind(Ns, Vs) :-
    maplist([N=V]>>(V = '$VAR'(N)), Ns),
    maplist([V]>>(var(V) -> V = '$VAR'('_') ; true), Vs).

op_result(ok, ok).
op_result(domain_error(D, _), Text) :- format(atom(Text), "domain_error(~w)", [D]).
op_result(permission_error(A, B, _), Text) :- format(atom(Text), "permission_error(~w,~w)", [A, B]).
op_result(E, E).

out(writeq, T) :- writeq(T).
out(print, T) :- print(T).
out(write, T) :- write(T).
out(canonical, T) :- write_canonical(T).
