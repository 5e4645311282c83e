% prover: Wang's algorithm for propositional logic, proving or refuting a
% list of formulas over not/1, and/2, or/2, imp/2, iff/2.  The check decides
% each formula again by truth tables: both methods must agree, formula by
% formula.
%! iterations: 400

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), prover_all(_), fail ; true ),
    prover_all(Verdicts),
    prover_check(Verdicts).

prover_all(Vs) :- findall(V, (prover_problem(F), prover_verdict(F, V)), Vs).

prover_verdict(F, V) :- ( wang([], [F]) -> V = valid ; V = invalid ).

% wang(+Left, +Right): the sequent Left |- Right holds.  Decompose the first
% compound formula on the left, else on the right; when all are atoms, the
% sequent holds when both sides share one.
wang(L, R) :- wang_pick(L, F, L1), !, wang_left(F, L1, R).
wang(L, R) :- wang_pick(R, F, R1), !, wang_right(F, L, R1).
wang(L, R) :- wang_member(A, L), wang_member(A, R), !.

wang_pick([F|Fs], F, Fs) :- compound(F), !.
wang_pick([F|Fs], G, [F|Gs]) :- wang_pick(Fs, G, Gs).

wang_left(not(A), L, R) :- wang(L, [A|R]).
wang_left(and(A, B), L, R) :- wang([A, B|L], R).
wang_left(or(A, B), L, R) :- wang([A|L], R), wang([B|L], R).
wang_left(imp(A, B), L, R) :- wang(L, [A|R]), wang([B|L], R).
wang_left(iff(A, B), L, R) :- wang([A, B|L], R), wang(L, [A, B|R]).

wang_right(not(A), L, R) :- wang([A|L], R).
wang_right(and(A, B), L, R) :- wang(L, [A|R]), wang(L, [B|R]).
wang_right(or(A, B), L, R) :- wang(L, [A, B|R]).
wang_right(imp(A, B), L, R) :- wang([A|L], [B|R]).
wang_right(iff(A, B), L, R) :- wang([A|L], [B|R]), wang([B|L], [A|R]).

wang_member(X, [X|_]).
wang_member(X, [_|T]) :- wang_member(X, T).

prover_problem(imp(and(imp(p, q), imp(q, r)), imp(p, r))).
prover_problem(iff(not(and(p, q)), or(not(p), not(q)))).
prover_problem(iff(or(p, and(q, r)), and(or(p, q), or(p, r)))).
prover_problem(imp(or(p, q), and(p, q))).
prover_problem(iff(imp(p, q), imp(not(q), not(p)))).
prover_problem(imp(imp(imp(p, q), p), p)).
prover_problem(iff(iff(iff(p, q), r), iff(p, iff(q, r)))).
prover_problem(imp(and(or(p, q), and(or(not(p), r), or(not(q), r))), r)).
prover_problem(and(or(p, q), or(not(p), not(q)))).
prover_problem(imp(and(iff(p, q), iff(q, r)), iff(p, r))).
prover_problem(iff(and(p, or(q, r)), or(and(p, q), and(p, r)))).
prover_problem(imp(iff(p, q), and(p, q))).
prover_problem(imp(imp(p, q), q)).
prover_problem(imp(and(imp(p, q), imp(q, r)), imp(r, p))).
prover_problem(iff(iff(p, iff(q, iff(r, s))), iff(iff(iff(s, r), q), p))).
prover_problem(imp(iff(p, iff(q, iff(r, s))), iff(iff(iff(s, r), q), not(p)))).
% three pigeons, two holes
prover_problem(not(and(and(or(a1, a2), and(or(b1, b2), or(c1, c2))),
                       and(and(not(and(a1, b1)), and(not(and(a1, c1)), not(and(b1, c1)))),
                           and(not(and(a2, b2)), and(not(and(a2, c2)), not(and(b2, c2)))))))).

prover_check(Vs) :-
    findall(V, (prover_problem(F), prover_truth_table(F, V)), Want),
    ( Vs == Want -> true ; format('prover: ~w, truth tables say ~w~n', [Vs, Want]), fail ).

prover_truth_table(F, V) :-
    prover_atoms(F, [], As0), sort(As0, As),
    ( prover_falsified(As, [], F) -> V = invalid ; V = valid ).

prover_falsified([], Env, F) :- prover_eval(F, Env, false).
prover_falsified([A|As], Env, F) :-
    ( B = true ; B = false ), prover_falsified(As, [A = B|Env], F).

prover_atoms(F, As, [F|As]) :- atom(F), !.
prover_atoms(F, As0, As) :- F =.. [_|Args], prover_atoms_list(Args, As0, As).
prover_atoms_list([], As, As).
prover_atoms_list([F|Fs], As0, As) :- prover_atoms(F, As0, As1), prover_atoms_list(Fs, As1, As).

prover_eval(F, Env, V) :- atom(F), !, prover_lookup(Env, F, V).
prover_eval(not(A), E, V) :- prover_eval(A, E, VA), prover_op(not, VA, VA, V).
prover_eval(F, E, V) :- F =.. [Op, A, B],
    prover_eval(A, E, VA), prover_eval(B, E, VB), prover_op(Op, VA, VB, V).

prover_lookup([K = V|_], K, V) :- !.
prover_lookup([_|T], K, V) :- prover_lookup(T, K, V).

prover_op(not, true, _, false).  prover_op(not, false, _, true).
prover_op(and, A, B, V) :- ( A == true, B == true -> V = true ; V = false ).
prover_op(or, A, B, V) :- ( (A == true ; B == true) -> V = true ; V = false ).
prover_op(imp, A, B, V) :- ( (A == false ; B == true) -> V = true ; V = false ).
prover_op(iff, A, B, V) :- ( A == B -> V = true ; V = false ).
