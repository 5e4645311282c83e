% library(apply), library(yall) and library(aggregate), autoloaded:
% maplist/2..7, foldl/4..6, include/3, exclude/3, partition/4,5,
% lambdas ([X]>>Goal, Free/[X]>>Goal, copy semantics), aggregate_all/3,4,
% forall/2.  Expected output checked against swipl 9.0.4 (swipl -q -g main
% -t halt FILE); errors print their formal term only.  \X^Goal is tested in
% lib_yall_backslash.pl (swipl 9.0.4 has no \ predicates).  maplist/6,7 (swipl
% 9.0.4 stops at maplist/5) are tested there too.

t(G) :-
    catch(( findall(G, G, L), R = L ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

% te(G): only the kind of error (the culprit holds the lambda, which swipl
% writes module-qualified).
te(G) :- catch(( G -> R = yes ; R = no ), error(E, _), ( functor(E, N, _), R = error(N) )), print(R), nl.

double(X, Y) :- Y is 2*X.
add3(A, B, C, D) :- D is A+B+C.
sum(X, S0, S) :- S is S0+X.
even(X) :- 0 is X mod 2.
cmp3(X, O) :- compare(O, X, 3).

main :-
    t(maplist(integer, [1, 2])), t(maplist(integer, [1, a])), t(maplist(double, [1, 2, 3], _)),
    t(maplist(double, _, [2, 4])), t(maplist(add3, [1, 2], [3, 4], [5, 6], _)), t(maplist(double, [1], [_, _])),
    t(maplist(=(_), [a, a])), t(maplist(_, [a])), t(maplist(nope, [a])),
    t(foldl(sum, [1, 2, 3], 0, _)), t(foldl([X, Y, A0, A]>>(A is A0 + X*Y), [1, 2], [3, 4], 0, _)),
    t(foldl([X, Y, Z, A0, A]>>(A is A0 + X + Y + Z), [1], [2], [3], 0, _)),
    t(include(even, [1, 2, 3, 4], _)), t(exclude(even, [1, 2, 3, 4], _)),
    t(partition(even, [1, 2, 3, 4], _, _)), t(partition(cmp3, [1, 5, 3, 2, 4, 3], _, _, _)),
    t(partition([X, foo]>>true, [1], _, _, _)),
    t(maplist([X, Y]>>(Y is X + 1), [1, 2], _)), t(maplist([X]>>(X > 0), [1, 2])),
    t((maplist([X]>>(Z = X), [1]), var(Z))), t((Y1 = 5, maplist([X]>>(X < Y1), [1, 2]))),
    t((maplist({W}/[X]>>(W = X), [1]), W == 1)),
    t(call([X, Y]>>(Y is X * 10), 4, _)), t(call([X]>>writeln(X), hello)),
    t(call([X]>>([Y]>>(_Q = X-Y)), a, b)), t((call([X]>>(X = V), Q2), var(V), var(Q2))),
    t(call([X]>>foo(X), 1, 2)), t(call(f(Z3)/[X]>>(Z3 = X), 1)), t(call(_/[X]>>true, 1)),
    te(call([_, _]>>true, 1)), te(call(_>>true, 1)),
    t((G = [X]>>(X = 1), call(G, A1), call(G, B1), A1 == 1, B1 == 1)),
    t(aggregate_all(count, member(_, [a, b, c]), _)), t(aggregate_all(count, fail, _)),
    t(aggregate_all(sum(X), member(X, [1, 2.5]), _)), t(aggregate_all(sum(X), member(X, []), _)),
    t(aggregate_all(max(X), member(X, [1, 3.0, 2]), _)), t(aggregate_all(min(X), member(X, [4, 2, 8]), _)),
    t(aggregate_all(max(X), member(X, []), _)), t(aggregate_all(max(X), member(X, [1, 2+3]), _)),
    t(aggregate_all(max(X, Y), member(X-Y, [1-a, 3-b, 3-c, 2-d]), _)),
    t(aggregate_all(min(X, Y), member(X-Y, [1-a, 3-b, 1-c, 2-d]), _)),
    t(aggregate_all(bag(X), member(X, [c, a, c]), _)), t(aggregate_all(set(X), member(X, [c, a, c]), _)),
    t(aggregate_all(foo, true, _)), t(aggregate_all(_, true, _)), t(aggregate_all(max(X), member(X, [a]), _)),
    t(aggregate_all(sum(X), member(X, [a]), _)),
    t(aggregate_all(count, X, member(X, [c, a, c]), _)), t(aggregate_all(sum(X), X, member(X, [1, 2, 1]), _)),
    t(aggregate_all(bag(X), X, member(X, [c, a, c]), _)),
    t(forall(member(X, [1, 2]), X > 0)), t(forall(member(X, [1, -2]), X > 0)).
