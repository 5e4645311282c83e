% library(filesex): make_directory_path/1, copy_file/2 (to a file and into
% a directory, binary content kept), directory_member/3 with its options,
% wildcard_match/2, delete_directory_contents/1 and
% delete_directory_and_contents/1; must_be(ground, _).  The files go to
% the directory given as the last command-line argument (a fresh
% temporary directory: see the .args); paths are printed relative to it.
% Expected output checked against swipl 9.0.4
% (swipl -q -g main -t halt FILE -- DIR).
:- use_module(library(filesex)).

top(D) :- current_prolog_flag(argv, Argv), last(Argv, D).
path(Rel, P) :- top(D), directory_file_path(D, Rel, P).
rel(P, R) :- top(D), atom_concat(D, '/', D1), atom_concat(D1, R, P).
write_file(Rel, Text) :- path(Rel, P), setup_call_cleanup(open(P, write, S), write(S, Text), close(S)).
members(Rel, Opts) :-
    path(Rel, P), findall(R, (directory_member(P, M, Opts), rel(M, R)), L), msort(L, S), print(Opts-S), nl.

main :-
    path('a/b/c', ABC), make_directory_path(ABC), ( exists_directory(ABC) -> writeln(made) ; writeln(not_made) ),
    path(a, A), make_directory_path(A), writeln(again_ok),
    write_file('a/x.pl', 'x.'), write_file('a/b/y.pl', 'y.'), write_file('a/b/z.txt', zzz), write_file('a/.hidden', h),
    members(a, []), members(a, [recursive(true)]), members(a, [recursive(true), extensions([pl])]),
    members(a, [file_type(directory)]), members(a, [matches('*.pl')]), members(a, [hidden(false)]),
    members(a, [recursive(true), exclude('*.txt')]),
    path('a/x.pl', X), path('a/copy.pl', C), copy_file(X, C), read_file_to_string(C, S1, []), print(S1), nl,
    path('bin', Bin), setup_call_cleanup(open(Bin, write, BS, [type(binary)]),
                                         forall(between(0, 255, B), put_byte(BS, B)), close(BS)),
    path('a/b', AB), copy_file(Bin, AB), path('a/b/bin', Bin2), size_file(Bin2, Sz), print(Sz), nl,
    setup_call_cleanup(open(Bin2, read, BI, [type(binary)]), findall(By, (between(1, 256, _), get_byte(BI, By)), Bs), close(BI)),
    ( numlist(0, 255, Bs) -> writeln(bytes_same) ; writeln(bytes_differ) ),
    maplist([P-N]>>(( wildcard_match(P, N) -> R = yes ; R = no ), print(P-N-R), nl),
            ['*.p[lx]'-'a.pl', 'a?c'-abc, 'a*b'-acd, '[a-c]*'-bee, '\\*'-'*', '*'-'']),
    delete_directory_contents(AB), directory_files(AB, F1), msort(F1, SF1), print(SF1), nl,
    delete_directory_and_contents(A), ( exists_directory(A) -> writeln(still_there) ; writeln(gone) ),
    catch(make_directory_path(_), error(E, _), (print(E), nl)),
    path(missing, Mi), catch(copy_file(Mi, C), error(E2, _), (E2 = existence_error(K, _), print(K), nl)).
