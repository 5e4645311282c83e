% A static predicate with many clauses gets a switch on its first argument
% (docs/engine.md): a call with a bound first argument finds its candidates
% without scanning, keeps clause order among them (clauses with a variable
% first argument included), and takes no snapshot when one candidate
% remains.  The answers are checked against swipl 9.0.4; the snapshot counts
% (statistics/2 snapshots_taken, snaplog's) are printed only when nonzero, so
% swipl, without the key, prints the same.
t(1, i1).
t(2, i2).
t(3, i3).
t(4, i4).
t(5, i5).
t(6, i6).
t(7, i7).
t(8, i8).
t(9, i9).
t(10, i10).
t(11, i11).
t(12, i12).
t(13, i13).
t(14, i14).
t(15, i15).
t(16, i16).
t(17, i17).
t(18, i18).
t(19, i19).
t(20, i20).
t(21, i21).
t(22, i22).
t(23, i23).
t(24, i24).
t(25, i25).
t(26, i26).
t(27, i27).
t(28, i28).
t(29, i29).
t(30, i30).
t(_, any_first).
t(31, i31).
t(32, i32).
t(33, i33).
t(34, i34).
t(35, i35).
t(36, i36).
t(37, i37).
t(38, i38).
t(39, i39).
t(40, i40).
t(41, i41).
t(42, i42).
t(43, i43).
t(44, i44).
t(45, i45).
t(46, i46).
t(47, i47).
t(48, i48).
t(49, i49).
t(50, i50).
t(51, i51).
t(52, i52).
t(53, i53).
t(54, i54).
t(55, i55).
t(56, i56).
t(57, i57).
t(58, i58).
t(59, i59).
t(60, i60).
t(a1, atom1).
t(a2, atom2).
t(a3, atom3).
t(a4, atom4).
t(a5, atom5).
t(a6, atom6).
t(a7, atom7).
t(a8, atom8).
t(a9, atom9).
t(a10, atom10).
t(a11, atom11).
t(a12, atom12).
t(a13, atom13).
t(a14, atom14).
t(a15, atom15).
t(a16, atom16).
t(a17, atom17).
t(a18, atom18).
t(a19, atom19).
t(a20, atom20).
t(f(1), fun1).
t(f(2), fun2).
t(f(3), fun3).
t(f(4), fun4).
t(f(5), fun5).
t(f(6), fun6).
t(f(7), fun7).
t(f(8), fun8).
t(f(9), fun9).
t(f(10), fun10).
t(g(X, Y), pair(X, Y)).
t("str", string).
t(1.5, float).
t(_, any_last).
u(1, 1).
u(2, 4).
u(3, 9).
u(4, 16).
u(5, 25).
u(6, 36).
u(7, 49).
u(8, 64).
u(9, 81).
u(10, 100).
u(11, 121).
u(12, 144).
u(13, 169).
u(14, 196).
u(15, 225).
u(16, 256).
u(17, 289).
u(18, 324).
u(19, 361).
u(20, 400).
u(21, 441).
u(22, 484).
u(23, 529).
u(24, 576).
u(25, 625).
u(26, 676).
u(27, 729).
u(28, 784).
u(29, 841).
u(30, 900).
u(31, 961).
u(32, 1024).
u(33, 1089).
u(34, 1156).
u(35, 1225).
u(36, 1296).
u(37, 1369).
u(38, 1444).
u(39, 1521).
u(40, 1600).

snapshots(G, N) :-
    (   catch(statistics(snapshots_taken, _), _, fail)
    ->  statistics(snapshots_taken, S0), call(G), statistics(snapshots_taken, S1),
        N is S1 - S0
    ;   call(G), N = 0
    ).

% u/2 has no clause with a variable first: one candidate, no snapshot
det(K) :-
    snapshots(u(K, V), N),
    write(u(K, V)), ( N =:= 0 -> true ; write(' snapshots: '), write(N) ), nl.

all(K) :- findall(V, t(K, V), Vs), write(K-Vs), nl.

main :-
    det(1), det(17), det(40),
    ( u(41, _) -> write(u41_found) ; write(u41_none) ), nl,
    all(1), all(31), all(60), all(a7), all(f(3)), all(g(p, q)), all(f(99)),
    all(zzz), all(61), all("str"), all(1.5),
    findall(K, t(K, i5), Ks), write(Ks), nl,
    findall(K-V, t(K, V), All), length(All, Len), write(Len), nl,
    % the first solution of an atom key, then backtracking into the rest
    findall(V, ( t(a3, V), V \== atom3 ), Rest), write(Rest), nl,
    % a cut inside the candidates
    ( t(a1, V1), ! ), write(V1), nl,
    % the switch under a choice point of the caller
    findall(K2-V2, ( member(K2, [2, a2, f(2), nope]), t(K2, V2) ), KV), write(KV), nl.
:- initialization(main, main).
