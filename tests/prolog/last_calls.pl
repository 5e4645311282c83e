% last_calls: a clause body of one call runs on inside the clause program
% when the call's first argument selects a single clause (engine/clause.c,
% cl_exec).  The callee is resolved when the caller is compiled, so these
% check that what is decided at each call still is: a predicate defined,
% redefined, made dynamic, asserted to, retracted from or abolished after
% its caller was compiled; long chains (the collector runs between them);
% cuts, exceptions and choice points where a chain ends; the inference
% count of a chain.  Checked against swipl 9.0.4 (swipl -q -g main -t halt).

:- dynamic d/1.

% callers compiled before their callees exist
call_later(X) :- later(X).
call_dyn(X) :- d(X).
call_gone(X) :- gone(X).

app([], L, L).
app([X|Xs], L, [X|R]) :- app(Xs, L, R).

len([], N, N).
len([_|T], N0, N) :- len1(T, N0, N).
len1(T, N0, N) :- N1 is N0 + 1, len(T, N1, N).

% a chain ending in a goal with a cut, in a nondeterministic call, in a throw
first(X) :- first1(X).
first1(X) :- first2(X).
first2(X) :- pick(X), !.
pick(1).
pick(2).
all(X) :- all1(X).
all1(X) :- pick(X).
boom(X) :- boom1(X).
boom1(X) :- throw(ball(X)).

% a key that selects one clause of several, and one that selects two
kind([], empty).
kind([_|_], list).
kind(f(_), f).
kind(X, var) :- var(X).
kinds(X, K) :- kind(X, K).

% leading goals of plain built-ins, run by the clause program: is/2 on
% small integers done there, the rest through the built-in
sum(X, Y, Z) :- Z is X + Y, integer(Z).
dif1(X, Y, Z) :- Z is X - Y, Z = Z.
chk(X, Y) :- Y is X + 1, Y > 2, atom_length(abc, _).
same(X, Y) :- X = Y, Y = f(_).

% comparisons done in place on small integers: in a guard (two clauses,
% a cut after the test) and leading a body (one clause)
cmp(X, Y, le) :- X =< Y, !.
cmp(X, Y, gt) :- X > Y, !.
cmp(_, _, other).
cmps(X, Y, L) :- findall(K, cmp(X, Y, K), L).
lt(X, Y) :- X < Y, X =\= Y, Y >= X, X =:= X, true.

% the same built-ins called by the dispatch loop (after a call) and in
% conditions
late(X, Y) :- pick(_), !, Y is X - 1, Y >= 0, Y =\= 5.
cond(X, R) :- ( Y is X + 1, Y > 2 -> R = big(Y) ; R = small ).
srch(X) :- \+ srch1(X).
srch1(X) :- Y is X + 1, Y =:= 3.

% ==/2 and \==/2: in place for equal words, atoms and small integers
ident(X, Y, same) :- X == Y, !.
ident(X, Y, differ) :- X \== Y, !.
ident(_, _, other).
idents(L) :- findall(K, (member(X-Y, [a-a, a-b, 1-1, 1-2, a-1, 1.0-1.0, 1-1.0, f(a)-f(a),
                                       f(a)-f(b), "s"-"s", 100000000000000000000-100000000000000000000]),
                         ident(X, Y, K)), L).
lead_id(X, Y) :- X == Y, true.

% is/2 on small integers with the operations done in place, against the
% same expressions evaluated with a float in them (never in place)
ev(E, V) :- V is E.
evs(L) :- findall(E=V, (member(E, [7 // 2, -7 // 2, 7 mod -2, -7 mod 2, 6 * 7, 5 /\ 3, 5 \/ 3, 5 xor 3,
                                   1 << 60, 1 << 62, -1 << 3, -16 >> 2, 16 >> 70, - (3 - 5), 2 * (3 + 4) - 1,
                                   1152921504606846975 * 2, - -1152921504606846976, 7 mod 0, 1 // 0,
                                   3 - x, 1 << -1]),
                          catch(ev(E, V), error(Err, _), V = Err)), L).

% control constructs called as a body's only goal
via_call(G) :- call(G).
via_once(X) :- once(pick(X)).
via_not(X) :- \+ pick(X).

loop(0) :- !.
loop(N) :- N1 is N - 1, loop1(N1).
loop1(N) :- loop(N).

main :-
    catch(call_later(_), error(E, _), (print_message_term(E))),
    assertz(later(1)), call_later(A), writeln(later(A)),
    retract(later(1)), ( call_later(_) -> writeln(still) ; writeln(later_gone) ),
    ( call_dyn(_) -> writeln(dyn_yes) ; writeln(dyn_none) ),
    assertz(d(7)), assertz(d(8)), findall(D, call_dyn(D), Ds), writeln(dyn(Ds)),
    retract(d(7)), findall(D, call_dyn(D), Ds2), writeln(dyn(Ds2)),
    abolish(d/1), catch(call_dyn(_), error(E2, _), print_message_term(E2)),
    assertz(gone(x)), call_gone(G1), writeln(gone(G1)),
    abolish(gone/1), catch(call_gone(_), error(E3, _), print_message_term(E3)),
    numlist(1, 300000, L), app(L, [end], L2), last(L2, Last), length(L2, N2),
    writeln(app(N2, Last)),
    len(L, 0, N3), writeln(len(N3)),
    findall(X, first(X), Fs), writeln(first(Fs)),
    findall(X, all(X), As), writeln(all(As)),
    catch(boom(3), B, (writeln(caught(B)))),
    findall(K, kinds([a], K), K1), writeln(kinds(K1)),
    findall(K, kinds(f(1), K), K2), writeln(kinds(K2)),
    findall(K, kinds(_, K), K3), writeln(kinds(K3)),
    findall(X, via_call(pick(X)), Cs), writeln(call(Cs)),
    findall(X, via_once(X), Os), writeln(once(Os)),
    ( via_not(3) -> writeln(not(3)) ; true ),
    loop(1000000), writeln(loop_done),
    sum(1, 2, S1), writeln(sum(S1)),
    ( sum(1, 2, 4) -> writeln(sum_4) ; writeln(not_sum_4) ),
    ( sum(1, 2, 3) -> writeln(sum_3) ; writeln(not_sum_3) ),
    ( sum(1, 2, 3.0) -> writeln(sum_3f) ; writeln(not_sum_3f) ),
    ( sum(1.5, 2, S2) -> writeln(sum(S2)) ; writeln(no_float_sum) ),
    sum(1152921504606846975, 1, S3), writeln(sum(S3)),
    dif1(-1152921504606846976, 1, S4), writeln(dif(S4)),
    catch(sum(a, 1, _), error(E4, _), (writeln(E4))),
    catch(sum(_, 1, _), error(E5, _), (writeln(E5))),
    ( chk(1, _) -> writeln(chk1) ; writeln(not_chk1) ),
    ( chk(2, Y2) -> writeln(chk2(Y2)) ; writeln(not_chk2) ),
    ( same(A3, A3), A3 = f(Q), var(Q) -> writeln(same_f) ; true ),
    ( same(g(1), _) -> true ; writeln(not_same) ),
    cmps(1, 2, C1), cmps(2, 1, C2), cmps(2, 2, C3), cmps(1, 2.0, C4), cmps(2.5, 1, C5),
    cmps(1, 100000000000000000000, C6), writeln(cmps(C1, C2, C3, C4, C5, C6)),
    catch(cmps(a, 1, _), error(E6, _), writeln(E6)),
    catch(cmps(1, _, _), error(E7, _), writeln(E7)),
    ( lt(1, 2) -> writeln(lt12) ; writeln(not_lt12) ),
    ( lt(2, 1) -> writeln(lt21) ; writeln(not_lt21) ),
    ( lt(1, 1.5) -> writeln(lt1f) ; writeln(not_lt1f) ),
    catch(lt(1, b), error(E8, _), writeln(E8)),
    findall(L1-Y1, (member(L1, [0, 1, 6, 3.5]), late(L1, Y1)), Ls), writeln(late(Ls)),
    catch(late(foo, _), error(E9, _), writeln(E9)),
    cond(1, R1), cond(2, R2), cond(2.5, R3), writeln(cond(R1, R2, R3)),
    catch(cond(x, _), error(E10, _), writeln(E10)),
    idents(Is), writeln(idents(Is)),
    evs(EVs), forall(member(EV, EVs), writeln(EV)),
    ( ident(V1, V1, K5), ident(V1, _, K6) -> writeln(vars(K5, K6)) ; true ),
    findall(X-Y, (member(X-Y, [a-a, a-b, 2-2, g(1)-g(1), 2.5-2.5]), lead_id(X, Y)), LI), writeln(lead_id(LI)),
    findall(S, (member(S, [1, 2, 2.0, 5]), srch(S)), Ss), writeln(srch(Ss)),
    numlist(1, 30, L30),
    statistics(inferences, I0), app(L30, [x], _), statistics(inferences, I1),
    DI is I1 - I0, writeln(app_inferences(DI)).

print_message_term(existence_error(procedure, PI)) :- !, writeln(unknown(PI)).
print_message_term(E) :- writeln(error(E)).
