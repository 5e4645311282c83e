% boyer: a rewrite-based tautology checker in the manner of the Boyer-Moore
% prover.  The theorem, a chain of four implications with large
% subterms, is rewritten innermost-first with a table of lemmas (the
% connectives become if/3, arithmetic and list identities normalise the
% subterms), then proved by case analysis on the conditions of the if
% tree.  The check: the theorem is proved, and a formula that is not a
% tautology (the chain with its conclusion reversed) is not.
%! iterations: 400

bench(N) :-
    boyer_theorem(T),
    N1 is N - 1,
    ( between(1, N1, _), boyer_tautology(T), fail ; true ),
    boyer_non_theorem(F),
    (   boyer_tautology(T), \+ boyer_tautology(F) -> true
    ;   format('boyer: wrong answer~n', []), fail
    ).

boyer_theorem(implies(and(implies(X, Y), and(implies(Y, Z), and(implies(Z, U), implies(U, W)))),
                      implies(X, W))) :-
    boyer_subst(X, Y, Z, U, W).

boyer_non_theorem(implies(and(implies(X, Y), and(implies(Y, Z), and(implies(Z, U), implies(U, W)))),
                          implies(W, X))) :-
    boyer_subst(X, Y, Z, U, W).

boyer_subst(f(plus(plus(a, b), plus(c, zero))),
            f(times(times(a, b), plus(c, d))),
            f(reverse(append(append(a, b), nil))),
            equal(plus(a, b), difference(x, y)),
            lessp(remainder(a, b), member(a, length(b)))).

boyer_tautology(Wff) :- boyer_rewrite(Wff, New), boyer_taut(New, [], []), !.

% boyer_taut(+IfTree, +TrueConds, +FalseConds)
boyer_taut(Wff, Ts, Fs) :-
    (   boyer_truep(Wff, Ts) -> true
    ;   boyer_falsep(Wff, Fs) -> fail
    ;   Wff = if(If, Then, Else) ->
        (   boyer_truep(If, Ts) -> boyer_taut(Then, Ts, Fs)
        ;   boyer_falsep(If, Fs) -> boyer_taut(Else, Ts, Fs)
        ;   boyer_taut(Then, [If|Ts], Fs), boyer_taut(Else, Ts, [If|Fs])
        )
    ).

boyer_truep(t, _) :- !.
boyer_truep(W, Ts) :- boyer_member(W, Ts).

boyer_falsep(f, _) :- !.
boyer_falsep(W, Fs) :- boyer_member(W, Fs).

boyer_member(X, [Y|_]) :- X == Y, !.
boyer_member(X, [_|T]) :- boyer_member(X, T).

% Innermost rewriting: arguments first, then a lemma at the root, whose
% result is rewritten again.  Terms are ground, so unification is matching.
boyer_rewrite(A, A) :- atomic(A), !.
boyer_rewrite(T, R) :-
    T =.. [F|Args],
    boyer_rewrite_args(Args, Args1),
    T1 =.. [F|Args1],
    ( boyer_lemma(T1, T2) -> boyer_rewrite(T2, R) ; R = T1 ).

boyer_rewrite_args([], []).
boyer_rewrite_args([A|As], [B|Bs]) :- boyer_rewrite(A, B), boyer_rewrite_args(As, Bs).

% Connectives into if/3, and if-lifting so that conditions are never ifs.
boyer_lemma(and(P, Q), if(P, if(Q, t, f), f)).
boyer_lemma(or(P, Q), if(P, t, if(Q, t, f))).
boyer_lemma(not(P), if(P, f, t)).
boyer_lemma(implies(P, Q), if(P, if(Q, t, f), t)).
boyer_lemma(if(if(A, B, C), D, E), if(A, if(B, D, E), if(C, D, E))).
boyer_lemma(if(t, A, _), A).
boyer_lemma(if(f, _, B), B).
boyer_lemma(equal(X, X), t).
% arithmetic
boyer_lemma(plus(X, zero), fix(X)).
boyer_lemma(plus(zero, X), fix(X)).
boyer_lemma(plus(plus(X, Y), Z), plus(X, plus(Y, Z))).
boyer_lemma(times(X, plus(Y, Z)), plus(times(X, Y), times(X, Z))).
boyer_lemma(times(times(X, Y), Z), times(X, times(Y, Z))).
boyer_lemma(times(X, one), fix(X)).
boyer_lemma(difference(plus(X, Y), X), fix(Y)).
boyer_lemma(difference(X, X), zero).
boyer_lemma(equal(plus(A, B), zero), and(zerop(A), zerop(B))).
boyer_lemma(equal(plus(A, B), plus(A, C)), equal(fix(B), fix(C))).
boyer_lemma(equal(times(X, Y), zero), or(zerop(X), zerop(Y))).
boyer_lemma(equal(plus(A, B), difference(X, Y)),
            and(lessp(Y, X), equal(plus(plus(A, B), Y), X))).
boyer_lemma(lessp(remainder(_, Y), Y), not(zerop(Y))).
boyer_lemma(zerop(X), or(equal(X, zero), not(numberp(X)))).
boyer_lemma(fix(fix(X)), fix(X)).
% lists
boyer_lemma(append(X, nil), X).
boyer_lemma(append(append(X, Y), Z), append(X, append(Y, Z))).
boyer_lemma(reverse(append(A, B)), append(reverse(B), reverse(A))).
boyer_lemma(reverse(reverse(X)), X).
boyer_lemma(length(reverse(X)), length(X)).
boyer_lemma(length(append(A, B)), plus(length(A), length(B))).
boyer_lemma(member(X, append(A, B)), or(member(X, A), member(X, B))).
boyer_lemma(member(X, reverse(Y)), member(X, Y)).
boyer_lemma(member(X, length(Y)), f) :- atomic(X), atomic(Y).
boyer_lemma(equal(append(A, B), append(A, C)), equal(B, C)).
