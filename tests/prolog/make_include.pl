% make_include: make/0 reloads a loaded file when a file it includes
% changed, though the file itself did not; the predicates of a file no
% longer included are gone after the reload (as any predicate a reloaded
% file no longer defines), and that file is not watched any more.  Checked against swipl 9.0.4 (swipl -q
% -g main -t halt make_include.pl -- DIR).
main :-
    current_prolog_flag(argv, [Dir|_]),
    atom_concat(Dir, '/inc_main.pl', Main),
    atom_concat(Dir, '/inc_part.pl', Part),
    atom_concat(Dir, '/inc_other.pl', Other),
    write_file(Part, "p(1).\n"),
    write_file(Other, "q(1).\n"),
    write_file(Main, ":- include(inc_part).\nm(main).\n"),
    consult(Main),
    findall(X, p(X), L1), writeln(L1),
    make,
    findall(X, p(X), L2), writeln(same(L2)),
    sleep(0.02),
    write_file(Part, "p(2).\np(3).\n"),
    make,
    findall(X, p(X), L3), writeln(L3),
    sleep(0.02),
    write_file(Main, ":- include(inc_other).\nm(main2).\n"),
    make,
    findall(X, m(X), M), all(q, Q), all(p, P), writeln(M-Q-P),
    sleep(0.02),
    write_file(Part, "p(4).\n"),
    make,
    all(p, L4), writeln(not_reloaded(L4)).

all(Name, L) :-
    G =.. [Name, X],
    catch(findall(X, G, L), error(existence_error(procedure, PI), _), L = unknown(PI)).

write_file(F, Text) :-
    open(F, write, S), write(S, Text), close(S).
