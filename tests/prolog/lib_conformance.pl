% Corner and error cases of library predicates that once differed from
% swipl 9.0.4: aggregate_all/3 max/min (the first solution evaluated, or
% checked to be a number, before any other), must_be/2 on lists of a type
% (the shape first: partial list, then type_error(list(Type), X)), yall's
% errors (the lambda as called, its body module-qualified as swipl prints
% it).  Checked against swipl 9.0.4.
t(G) :-
    (   catch(G, error(E, _), (\+ \+ (numbervars(E, 0, _), print(err(E))), nl, fail))
    ->  \+ \+ (numbervars(G, 0, _), print(yes(G)))
    ;   print(no)
    ),
    nl.

main :-
    t(aggregate_all(max(X1-Y1), member(X1-Y1, [1-a, 3-b, 2-c]), _)),
    t(aggregate_all(min(X2-Y2), member(X2-Y2, [1-a, 3-b]), _)),
    t(aggregate_all(max(X3), member(X3, [1+1, 3-2]), _)),
    t(aggregate_all(max(X4), member(X4, [1, 2.0, 2]), _)),
    t(aggregate_all(min(X5), member(X5, [a, 1]), _)),
    t(aggregate_all(max(X6), member(X6, []), _)),
    t(aggregate_all(max(X7, Y7), member(X7-Y7, [a-1]), _)),
    t(aggregate_all(min(X8, Y8), member(X8-Y8, [f(x)-1, 2-2]), _)),
    t(aggregate_all(max(X9, Y9), member(X9-Y9, [1-1, 1+5-2]), _)),
    t(aggregate_all(min(X10, Y10), member(X10-Y10, [2-x, 1-y, 1-z]), _)),
    t(aggregate_all(max(X11, Y11), member(X11-Y11, []), _)),
    t(aggregate_all(sum(X12), member(X12, [1, a]), _)),
    t(aggregate_all(count, member(_, [a, b]), _)),
    t(aggregate_all(bag(X13-_), member(X13, [1, 2]), _)),
    t(aggregate_all(set(X14), member(X14, [b, a, b]), _)),
    t(aggregate_all(foo, true, _)),
    t(must_be(codes, "ab")), t(must_be(codes, [a])), t(must_be(codes, a)),
    t(must_be(codes, [0'a|_])), t(must_be(chars, "ab")), t(must_be(chars, [1])),
    t(must_be(chars, foo)), t(must_be(list(integer), foo)),
    t(must_be(list(integer), [a|_])), t(must_be(list(integer), [1, a])),
    t(must_be(list(integer), [1|x])), t(must_be(list, [a|b])), t(must_be(list, [a|_])),
    t(must_be(list(atom), [a, b])), t(must_be(list_or_partial_list, [a|b])),
    t(call([X15, _]>>atom(X15), a)), t(call(foo>>true, 1)), t(call([_|_]>>true, 1)),
    t(call({_F16}/[Y16]>>atom(Y16))), t(call([X17]>>atom(X17), a)),
    t(call([a]>>true, b)), t((call({Z18}/[X18]>>(Z18 = X18), 5), Z18 == 5)),
    t((call([X19]>>(X19 = Y19), 1), var(Y19))),
    t(maplist([X20, Y20]>>(Y20 is X20 * 2), [1, 2], _)).
