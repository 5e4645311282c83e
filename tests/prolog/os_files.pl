% os_files: files, the environment and time from Prolog (stdlib/os.c):
% exists_file/1, exists_directory/1, delete_file/1 and its error,
% getenv/2, setenv/2, unsetenv/1, get_time/1, sleep/1, absolute_file_name/2,3
% with relative_to, extensions, access and file_errors.  The files go to
% the directory given after --.  Checked against swipl 9.0.4.
t(G) :- ( catch(G, E, (print(ex(E)), nl, fail)) -> print(yes) ; print(no) ), nl.
main :-
    current_prolog_flag(argv, Argv), last(Argv, Dir),
    atom_concat(Dir, '/f.txt', F),
    t(exists_file(F)),
    open(F, write, S), write(S, hi), close(S),
    t(exists_file(F)), t(exists_directory(Dir)), t(exists_directory(F)),
    t(delete_file(F)), t(exists_file(F)),
    catch(delete_file(F), E1, (E1 = error(existence_error(K0, F), _), print(K0), nl)),
    t(getenv('SNAPLOG_TEST_NOPE', _)),
    setenv(snaplog_test_var, 42), getenv(snaplog_test_var, V), print(V), nl,
    unsetenv(snaplog_test_var), t(getenv(snaplog_test_var, _)),
    get_time(T), ( float(T), T > 1.7e9 -> writeln(time_ok) ; writeln(T) ),
    sleep(0.01), sleep(0),
    absolute_file_name('/a/b/../c/./d', A1), print(A1), nl,
    absolute_file_name(x, A2, [relative_to('/tmp/q')]), print(A2), nl,
    atom_concat(Dir, '/g', G0), open(G0, write, S2), close(S2),
    absolute_file_name(g, A3, [relative_to(Dir), extensions([txt, '']), access(read)]), atom_concat(Dir, '/g', Want), ( A3 == Want -> writeln(ext_ok) ; print(A3), nl ),
    ( absolute_file_name(nothere, _, [relative_to(Dir), access(read), file_errors(fail)]) -> writeln(found) ; writeln(not_found) ),
    catch(absolute_file_name(nothere, _, [relative_to(Dir), access(read)]), error(E3, _), (E3 = existence_error(K, _), print(K), nl)),
    catch(sleep(foo), error(E4, _), (print(E4), nl)).
