% control_call_body: control constructs and cut through call/N, \+, if-then-else,
% *->, findall/4, once, ignore, forall, catch; call/1 checks the whole body
% before it runs (call((write(x), 1)) raises before writing).  Errors
% print their formal term.  Checked against swipl 9.0.4.
t(G) :- ( catch(G, B, ((B = error(E, _) -> print(caught(E)) ; print(caught(B))), nl, fail)) -> \+ \+ (numbervars(G, 0, _), print(yes(G))) ; print(no) ), nl.
a(1). a(2). a(3).
c1(X) :- a(X), !.
c2(X) :- call((a(X), !)).
c3(X) :- \+ \+ (a(X), !), X = 9.
c4(X) :- ( a(X), X > 1 -> true ; X = 0 ).
c5(X) :- ( a(X) *-> X > 1 ; X = 0 ).
c6(L) :- findall(X, (a(X) ; X = 4), L).
c7(X) :- catch(a(X), _, true), X >= 2.
c8 :- catch(throw(foo), bar, true).
c9(X) :- G = (X = 1 ; X = 2), call(G).
c10(X) :- call(a, X), X > 2.
c11(R) :- findall(X-Y, (member(X, [1,2]), member(Y, [a,b])), R).
c12(X) :- once((a(X), X > 1)).
c13 :- forall(a(X), X > 0).
c14(X) :- ignore(a(X)).
c15(L) :- findall(X, a(X), L, [end]).
c16 :- call(1).
c17 :- call((fail, 1)).
c18 :- call((write(x), 1)).
c19(X) :- X = f(_), call(X).
c20 :- catch(call(_), error(E, _), (print(E), nl)).
c21(X) :- (true ; X = 2), X = 1.
c22(X) :- a(X), (X =:= 2 -> ! ; fail).
c23 :- \+ call(!), fail.
c24(X) :- G = !, (a(X), G ; X = 7).
c25(L) :- findall(X, (a(X), \+ X = 2), L).
c26(X) :- not(a(4)), X = ok.
c27 :- throw(_).
c28(X) :- catch((a(X), throw(found(X))), found(Y), (X = Y)).
c29(L) :- findall(X, between(1, 3, X), L).
c30 :- atom_length(X, X).
main :- t(c1(_)), t(c2(_)), t(c3(_)), t(c4(_)), t(c5(_)), t(c6(_)), t(c7(_)), t(c8), t(c9(_)), t(c10(_)),
  t(c11(_)), t(c12(_)), t(c13), t(c14(_)), t(c15(_)), t(c16), t(c17), t(c18), t(c19(_)), t(c20), t(c21(_)),
  t(c22(_)), t(c23), t(c24(_)), t(c25(_)), t(c26(_)), t(c27), t(c28(_)), t(c29(_)), t(c30),
  findall(X, c24(X), L24), print(L24), nl, findall(X, c22(X), L22), print(L22), nl, findall(X, c5(X), L5), print(L5), nl.
