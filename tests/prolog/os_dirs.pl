% File names as text (file_base_name/2, file_directory_name/2,
% file_name_extension/3, directory_file_path/3, is_absolute_file_name/1)
% and files and directories (make_directory/1, delete_directory/1,
% directory_files/2, size_file/2, time_file/2, same_file/2, rename_file/2,
% working_directory/2, chdir/1), with their errors.  The files go to the
% directory given as the last command-line argument (a fresh temporary
% directory: see the .args); messages leave it out.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt FILE -- DIR),
% except that swipl's context of working_directory/2 and chdir/1 errors
% names '$chdir'/1 and that of size_file/2 and rename_file/2 has no
% system: prefix; the test prints the formal term only.

dir(D) :- current_prolog_flag(argv, Argv), last(Argv, D).

t(G) :- \+ \+ ( catch((call(G) -> R = yes(G) ; R = no), error(E, _), R = error(E)),
                dir(D), mask(D, R, R1), numbervars(R1, 0, _), print(R1), nl ).
% the temporary directory's name, in a result, as DIR
mask(D, T, M) :- atom(T), atom_concat(D, Rest, T), !, atom_concat('DIR', Rest, M).
mask(D, T, M) :- compound(T), !, T =.. [F|As], maplist(mask(D), As, Ms), M =.. [F|Ms].
mask(_, T, T).

% (values that vary from run to run or machine to machine are not printed)
time_ok(F) :- time_file(F, T), float(T), get_time(Now), abs(Now - T) < 3600.
listing_ok(Dir) :- directory_files(Dir, Fs), msort(Fs, Sorted), Sorted == ['.', '..', 'f.txt'].
cd_ok(Sub) :-
    working_directory(Old, Sub), working_directory(In, In), exists_file('g.txt'),
    working_directory(_, Old), working_directory(Back, Back), Back == Old,
    atom_concat(Sub, '/', In).
chdir_ok(Sub) :-
    working_directory(Old, Old), chdir(Sub), working_directory(In, In), chdir(Old),
    atom_concat(Sub, '/', In).

main :-
    maplist(t, [file_base_name('/a/b/c.pl', _), file_base_name('/a/b/', _), file_base_name('', _),
                file_base_name("s/t", _), file_base_name(c, _), file_base_name('/', _), file_base_name(1, _),
                file_base_name(_, _),
                file_directory_name('/a/b/c.pl', _), file_directory_name('/a/b/', _), file_directory_name(c, _),
                file_directory_name('/c', _), file_directory_name('/', _), file_directory_name('a//b', _),
                file_directory_name('', _),
                file_name_extension(_, _, 'foo.pl'), file_name_extension(_, _, foo),
                file_name_extension(_, _, 'a.b/foo'), file_name_extension(_, _, '/x/.bashrc'),
                file_name_extension(foo, pl, _), file_name_extension(foo, '.pl', _),
                file_name_extension('foo.pl', pl, _), file_name_extension(foo, _, 'foo.pl'),
                file_name_extension(_, pl, 'foo.pl'), file_name_extension(_, txt, 'foo.pl'),
                file_name_extension(_, _, _), file_name_extension(foo, "pl", X), atom(X),
                directory_file_path('/a', b, _), directory_file_path('/a/', b, _), directory_file_path(a, '/b', _),
                directory_file_path(_, _, '/a/b'), directory_file_path('.', b, _), directory_file_path('', b, _),
                is_absolute_file_name('/a'), is_absolute_file_name(a), is_absolute_file_name('~/a')]),
    dir(D),
    directory_file_path(D, sub, Sub), directory_file_path(Sub, 'f.txt', F), directory_file_path(Sub, 'g.txt', G),
    directory_file_path(D, none, None),
    maplist(t, [make_directory(Sub), make_directory(Sub), exists_directory(Sub),
                make_directory(None/x), delete_directory(None), size_file(None, _), time_file(None, _),
                rename_file(None, F), directory_files(None, _)]),
    setup_call_cleanup(open(F, write, S), format(S, "hello~n", []), close(S)),
    maplist(t, [size_file(F, _), time_ok(F), same_file(F, F), same_file(Sub, D),
                listing_ok(Sub),
                delete_directory(Sub),
                rename_file(F, G), exists_file(F), exists_file(G),
                cd_ok(Sub), chdir_ok(Sub),
                working_directory(_, None), chdir(None), chdir(G),
                delete_file(G), delete_directory(Sub), exists_directory(Sub)]).
