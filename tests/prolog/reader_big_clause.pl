% A clause far bigger than the reader's first buffers: a 20,000-element
% list of compound terms read from text (term_to_atom/2) and by consult
% (a file written first).  The reader's token array grows past 4 MiB, a
% "huge" block of the allocator, whose free once aborted the engine.
% Checked against swipl 9.0.4 (the file goes to the directory given after
% --, as io_streams does).
big_text(N, Text) :-
    numlist(1, N, Ns),
    findall(E, (member(I, Ns), format(atom(E), "f((~w + 2), g(~w))", [I, I])), Es),
    atomic_list_concat(Es, ', ', Body),
    atomic_list_concat(['[', Body, ']'], Text).

main :-
    big_text(20000, Text),
    term_to_atom(L, Text),
    length(L, Len), last(L, Last),
    write(Len-Last), nl,
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atom_concat(Dir, '/big.pl', F),
    open(F, write, S),
    format(S, "big_fact(~w).~n", [Text]),
    close(S),
    consult(F),
    big_fact(L2), length(L2, Len2), nth1(777, L2, E777),
    write(Len2-E777), nl.
