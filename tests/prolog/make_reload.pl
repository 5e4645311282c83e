% make_reload: make/0 reloads a loaded file that changed since it was
% loaded (its predicates replaced, new ones added, the ones it no longer
% defines gone), and leaves unchanged files alone.  Checked against swipl 9.0.4 (swipl -q -g main -t halt
% make_reload.pl -- DIR).
main :-
    current_prolog_flag(argv, [Dir|_]),
    atom_concat(Dir, '/reloaded.pl', F),
    write_file(F, "v(1).\nv(10).\n"),
    consult(F),
    findall(X, v(X), L1), writeln(L1),
    make,
    findall(X, v(X), L2), writeln(same(L2)),
    sleep(0.02),
    write_file(F, "v(2).\nw(new).\n"),
    make,
    findall(X, v(X), L3), writeln(L3),
    w(W), writeln(W),
    sleep(0.02),
    write_file(F, "v(3).\n"),
    make,
    findall(X, v(X), L4), writeln(L4),
    catch(w(_), error(existence_error(procedure, PI), _), true),
    writeln(gone(PI)).

write_file(F, Text) :-
    open(F, write, S), write(S, Text), close(S).
