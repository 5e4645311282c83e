% queens.pl - the N-queens puzzle: every solution for N = 6, then how many
% there are for N = 8.  Each choice of a column is a choice point, so each
% is a snapshot of the engine's memory; failure restores it.
%
%   build/snaplog examples/queens.pl

:- initialization(main, main).

main :-
    forall(queens(6, Qs), (write(Qs), nl)),
    findall(Qs, queens(8, Qs), All),
    length(All, N),
    format("~d solutions for 8 queens~n", [N]).

% queens(+N, -Qs): Qs is a list of N column numbers, one queen per row,
% none attacking another.
queens(N, Qs) :-
    numlist(1, N, Ns),
    place(Ns, [], Qs).

place([], Qs, Qs).
place(Unplaced, Safe, Qs) :-
    select(Q, Unplaced, Rest),
    \+ attacks(Q, Safe, 1),
    place(Rest, [Q|Safe], Qs).

attacks(Q, [Q1|_], D) :- Q =:= Q1 + D.
attacks(Q, [Q1|_], D) :- Q =:= Q1 - D.
attacks(Q, [_|Qs], D) :- D1 is D + 1, attacks(Q, Qs, D1).
