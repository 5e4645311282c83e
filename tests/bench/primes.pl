% primes: the sieve of Eratosthenes over 2..98, on lists.  Checked by count
% (25), sum (1060) and trial division of every element.
%! iterations: 8000

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), primes(98, _), fail ; true ),
    primes(98, Ps),
    primes_check(Ps).

primes(Limit, Ps) :- primes_integers(2, Limit, Is), primes_sift(Is, Ps).

primes_integers(Low, High, [Low|Rest]) :- Low =< High, !,
    M is Low + 1, primes_integers(M, High, Rest).
primes_integers(_, _, []).

primes_sift([], []).
primes_sift([I|Is], [I|Ps]) :- primes_remove(I, Is, New), primes_sift(New, Ps).

primes_remove(_, [], []).
primes_remove(P, [I|Is], Nis) :- I mod P =:= 0, !, primes_remove(P, Is, Nis).
primes_remove(P, [I|Is], [I|Nis]) :- primes_remove(P, Is, Nis).

primes_check(Ps) :-
    length(Ps, Len), primes_sum(Ps, 0, Sum),
    (   Len =:= 25, Sum =:= 1060, \+ (primes_in(P, Ps), \+ primes_trial(P, 2))
    ->  true
    ;   format('primes: wrong answer ~w~n', [Ps]), fail
    ).

primes_sum([], S, S).
primes_sum([X|Xs], S0, S) :- S1 is S0 + X, primes_sum(Xs, S1, S).

primes_in(X, [X|_]).
primes_in(X, [_|T]) :- primes_in(X, T).

primes_trial(P, D) :- D * D > P, !.
primes_trial(P, D) :- P mod D =\= 0, D1 is D + 1, primes_trial(P, D1).
