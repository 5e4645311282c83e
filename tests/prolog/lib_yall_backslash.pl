% What snaplog's library has beyond swipl 9.0.4, so this expected output is
% written by hand and not produced by swipl: \X^Goal lambda parameters
% (library(yall) documents them; swipl 9.0.4 exports no \ predicates),
% maplist/6,7 and foldl/7 (later swipl versions have them), aggregate_all
% count(Template).  Each answer is one a Prolog programmer can check by
% reading the goal.

t(G) :-
    catch(( findall(G, G, L), R = L ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

p5(A, B, C, D, E) :- E is A+B+C+D.
p6(A, B, C, D, E, F) :- F is A+B+C+D+E.

main :-
    t(call(\X^(Y = X), 1)), t(call(\X^Y^(Y is X + 1), 1, _)),
    t(maplist(\X^Y^(Y is X * X), [1, 2, 3], _)),
    t((call(\X^(W = X), 1), var(W))),
    t((call({W2}/(\X^(W2 = X)), 1), W2 == 1)),
    t(call([X]>>(\Y^(Z = X-Y)), a, b)), t((call([X]>>(\Y^(Z2 = X-Y)), a, b), var(Z2))),
    t(maplist(p5, [1], [2], [3], [4], _)), t(maplist(p6, [1], [2], [3], [4], [5], _)),
    t(foldl([A, B, C, D, S0, S]>>(S is S0 + A + B + C + D), [1], [2], [3], [4], 0, _)),
    t(aggregate_all(count(T), member(T, [a, b, a]), _)),
    t(is_lambda([X]>>true)), t(is_lambda(foo)),
    ( var(Z) -> true ; true ).
