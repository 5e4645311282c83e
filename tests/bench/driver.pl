% driver.pl: appended by tests/bench/run to every benchmark program, so that
% each system runs the same text.  bench_driver(N) runs bench(N) once and
% prints the one line the runner reads:
%
%   BENCH result=R wall_ms=W cpu_ms=C [KEY=DELTA ...]
%
% R is ok, wrong (bench/1 failed: its check rejected the answer) or error (it
% raised an exception, printed on the line before).  W and C cover bench(N)
% only, not starting the system or loading the program.  The KEY=DELTA pairs
% are the statistics/2 counters the system has (inferences, snapshots_...),
% as differences over the run.  Portable: each key is tried under catch/3,
% since each system names its clocks differently.
%
% A program that needs work done before the clock starts (writing a file for
% a consult benchmark) defines bench_setup(N); it runs untimed.  The runner
% appends bench_setup_hook/1, which calls it when the program defines it (a
% test at run time would not do: gplc links every predicate called).

bench_driver(N) :-
    bench_setup_hook(N),
    bench_counters(C0),
    bench_wall(W0), bench_cpu(T0),
    catch(( bench(N) -> R = ok ; R = wrong ), E, ( bench_error(E), R = error )),
    bench_cpu(T1), bench_wall(W1),
    bench_counters(C1),
    bench_delta(W0, W1, W), bench_delta(T0, T1, T),
    format('BENCH result=~a wall_ms=~w cpu_ms=~w', [R, W, T]),
    bench_print_deltas(C0, C1),
    nl.

% A clock the system does not have reads none; the runner then times the
% whole process instead.
bench_delta(X0, X1, D) :- ( number(X0), number(X1) -> D is X1 - X0 ; D = none ).

bench_error(E) :- write('bench: exception: '), writeq(E), nl.

% Wall clock in ms: walltime (SWI, snaplog), real_time in GNU Prolog only
% (SWI has a real_time too, in seconds).
bench_wall(W) :-
    (   bench_stat(walltime, V) -> bench_first(V, W)
    ;   bench_gnu, bench_stat(real_time, V) -> bench_first(V, W)
    ;   W = none
    ).

bench_gnu :- catch(prolog_name(N), _, fail), N == 'GNU Prolog'.

% CPU time in ms: cputime in seconds (SWI, snaplog), cpu_time (GNU Prolog,
% user + system), else runtime.
bench_cpu(T) :-
    (   bench_stat(cputime, S), number(S) -> T is S * 1000
    ;   bench_stat(cpu_time, V) -> bench_first(V, T)
    ;   bench_stat(runtime, V) -> bench_first(V, T)
    ;   T = none
    ).

bench_stat(Key, V) :- catch(statistics(Key, V), _, fail).

bench_first([V|_], V) :- !.
bench_first(V, V).

bench_key(inferences).
bench_key(snapshots_taken).
bench_key(snapshots_restored).
bench_key(snapshots_dropped).
bench_key(lines_logged).

bench_counters(Cs) :-
    findall(K = V, ( bench_key(K), bench_stat(K, V0), bench_first(V0, V), integer(V) ), Cs).

bench_print_deltas([], _).
bench_print_deltas([K = V0|Cs], C1) :-
    (   bench_lookup(C1, K, V1) -> D is V1 - V0, format(' ~a=~w', [K, D])
    ;   true
    ),
    bench_print_deltas(Cs, C1).

bench_lookup([K = V|_], K, V) :- !.
bench_lookup([_|Cs], K, V) :- bench_lookup(Cs, K, V).
