% findall/3,4, bagof/3 and setof/3 with ^, between/3.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
age(peter, 7).
age(ann, 11).
age(pat, 8).
age(tom, 5).
age(mike, 11).
class(a, peter). class(b, ann). class(a, pat). class(b, tom). class(b, mike).

main :-
    findall(N-A, age(N, A), L1), write(L1), nl,
    findall(X, member(X, [c, b]), L2, [a]), write(L2), nl,
    findall(X, fail, L3), write(L3), nl,
    ( bagof(N, age(N, 11), L4) -> write(L4) ; write(none) ), nl,
    ( bagof(N, age(N, 99), L5) -> write(L5) ; write(none) ), nl,
    forall(bagof(N, age(N, A2), L6), (write(A2-L6), nl)),
    forall(setof(N, C^(class(C, N)), L7), (write(L7), nl)),
    forall(setof(N, class(C2, N), L8), (write(C2-L8), nl)),
    forall(setof(A3-N, age(N, A3), L9), (write(L9), nl)),
    setof(X, member(X, [b, a, c, a]), L10), write(L10), nl,
    aggregate_all(count, age(_, _), Cnt), write(Cnt), nl,
    findall(X, between(1, 5, X), L11), write(L11), nl,
    ( between(3, 2, _) -> write(yes) ; write(no) ), nl,
    ( between(1, 3, 3) -> write(yes) ; write(no) ), nl,
    findall(X-Y, (member(X, [1, 2]), member(Y, [a, b])), L12), write(L12), nl,
    findall(L, (member(X, [1, 2]), findall(Y, between(1, X, Y), L)), L13), write(L13), nl.
