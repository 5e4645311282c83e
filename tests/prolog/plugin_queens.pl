% plugin_queens: examples/plugins/queens.c, a backtracking search written
% as plain imperative C (sl_choose per row, board arrays with no undo
% code), gives the same solutions as the Prolog search below, for N = 1 to
% 8.  The Prolog half and the counts were checked against swipl 9.0.4;
% the C plugin's first solutions come in lexicographic order, as the
% textbook search finds them.
:- use_foreign_library(foreign(queens)).

main :-
    forall(between(1, 8, N),
           ( findall(Q, cqueens(N, Q), Cs),
             findall(Q, queens(N, Q), Ps),
             msort(Cs, S), msort(Ps, S1),
             length(Cs, Len),
             ( S == S1 -> Same = same ; Same = differ ),
             ( Cs == S -> Order = lexicographic ; Order = other ),
             format("~d: ~d solutions, ~w, ~w~n", [N, Len, Same, Order]) )),
    cqueens(8, First), writeln(First),
    % a cut keeps the first solution and drops the search's choices
    once(cqueens(6, Q6)), writeln(Q6),
    catch(cqueens(40, _), error(F, context(C, _)), (writeq(F-C), nl)).

queens(N, Qs) :-
    numlist(1, N, Ns),
    place(Ns, [], Qs0),
    reverse(Qs0, Qs).

place([], Qs, Qs).
place(Unplaced, Safe, Qs) :-
    select(Q, Unplaced, Rest),
    \+ attacks(Q, Safe, 1),
    place(Rest, [Q|Safe], Qs).

attacks(Q, [Q1|_], D) :- Q =:= Q1 + D.
attacks(Q, [Q1|_], D) :- Q =:= Q1 - D.
attacks(Q, [_|Qs], D) :- D1 is D + 1, attacks(Q, Qs, D1).
