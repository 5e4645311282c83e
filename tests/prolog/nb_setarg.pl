% nb_setarg/3: the assignment survives backtracking (into choice points
% older and younger than it, nested, through exceptions and findall), its
% value is a copy whose variables backtrack normally, and counters built on
% it and on nb_setval/2 count.  The collector keeps what a kept copy points
% to.  Checked against swipl 9.0.4.

count(N) :-
    State = s(0),
    (   between(1, 10, _), arg(1, State, C0), C is C0+1, nb_setarg(1, State, C), fail
    ;   true
    ),
    arg(1, State, N).

nested(N) :-
    S = s(0),
    (   between(1, 3, _), between(1, 4, _), arg(1, S, C0), C is C0+1, nb_setarg(1, S, C), fail
    ;   true
    ),
    arg(1, S, N).

max_of(List, Max) :-
    S = m(none),
    (   member(X, List), arg(1, S, M0), ( M0 == none -> true ; X > M0 ), nb_setarg(1, S, X), fail
    ;   true
    ),
    arg(1, S, Max).

collect(N, L) :-
    S = c([]),
    (   between(1, N, I), arg(1, S, L0), nb_setarg(1, S, [I-f(I)|L0]), fail
    ;   true
    ),
    arg(1, S, L).

nbval_count(N) :-
    nb_setval(text_cnt, 0),
    (   between(1, 10, _), nb_getval(text_cnt, C0), C is C0+1, nb_setval(text_cnt, C), fail
    ;   true
    ),
    nb_getval(text_cnt, N).

show(Label, G) :- ( catch(G, E, (print_message(error, E), fail)) -> writeq(yes(Label)) ; writeq(no(Label)) ), nl.

main :-
    count(N1), writeq(count(N1)), nl,
    nested(N2), writeq(nested(N2)), nl,
    max_of([3, 1, 4, 1, 5, 9, 2, 6], M), writeq(max(M)), nl,
    collect(5, L5), writeq(collect(L5)), nl,
    collect(400, L400), length(L400, Len), L400 = [Top|_], writeq(collect(Len, Top)), nl,
    nbval_count(N3), writeq(nb_setval_count(N3)), nl,
    % compound values; the copy's variables are fresh and backtrack
    T = f(a), ( nb_setarg(1, T, g(X, X, "str", 1.5, 100000000000000000000)), fail ; true ),
    T = f(g(A, B, S, F, Big)), writeq(copy(S, F, Big)), nl,
    show(shared_var, A == B), show(fresh_var, var(A)),
    ( A = 1, fail ; true ), show(binding_undone, var(A)),
    A = 2, show(binding_shared, B == 2),
    % a term younger than the choice point
    findall(V, ( between(1, 3, I), Y = t(0), nb_setarg(1, Y, I), arg(1, Y, V) ), Vs), writeq(young(Vs)), nl,
    % findall and exceptions
    S2 = s(0),
    findall(Z, ( between(1, 5, Z), nb_setarg(1, S2, Z) ), _), writeq(after_findall(S2)), nl,
    S3 = s(0),
    catch(( nb_setarg(1, S3, thrown), throw(ball) ), ball, true), writeq(after_throw(S3)), nl,
    % setarg after nb_setarg: setarg backtracks
    S4 = s(0), nb_setarg(1, S4, kept), ( setarg(1, S4, gone), fail ; true ), writeq(setarg_undone(S4)), nl,
    % out of range and errors
    show(out_of_range, nb_setarg(2, f(a), b)), show(atomic, nb_setarg(1, a, b)),
    catch(nb_setarg(_, f(a), b), error(E1, _), true), writeq(E1), nl,
    catch(nb_setarg(x, f(a), b), error(E2, _), true), writeq(E2), nl,
    % the collector keeps a young list that a kept copy's variable is bound to
    K = k(a), nb_setarg(1, K, g(W)), arg(1, K, g(W1)), numlist(1, 100000, Nums), W1 = Nums,
    garbage(20), arg(1, K, g(Got)), sum_list(Got, Sum), writeq(kept_after_gc(Sum)), nl,
    show(copy_not_original, W \== W1),
    % the same through backtracking: the binding goes, the copy stays
    K2 = k(a), nb_setarg(1, K2, h(Q)),
    (   arg(1, K2, h(Q1)), numlist(1, 1000, Q1), garbage(5), fail
    ;   true
    ),
    arg(1, K2, h(Q2)), show(unbound_again, var(Q2)), show(q_untouched, var(Q)),
    % bound in the branch that made the copy: undone with the branch
    K3 = k(a),
    (   nb_setarg(1, K3, h(_)), K3 = k(h(R1)), R1 = bound, fail
    ;   true
    ),
    arg(1, K3, h(R2)), show(same_branch_binding_undone, var(R2)),
    % into a kept copy itself, and a value that holds the term
    S5 = s(x), nb_setarg(1, S5, f(0)), arg(1, S5, F5),
    ( nb_setarg(1, F5, 5), fail ; true ), writeq(nested_copy(S5)), nl,
    S6 = s(x, y), ( nb_setarg(1, S6, g(S6)), fail ; true ), S6 = s(g(s(Inner, _)), _), writeq(self(Inner)), nl.

garbage(0) :- !.
garbage(N) :- numlist(1, 50000, L), msort(L, _), N1 is N-1, garbage(N1).
