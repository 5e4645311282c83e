% Singleton warnings in branches, as swipl's compiler gives them: a named
% variable only inside a disjunction (; with -> and *->, nested ones, DCG
% bodies too, not inside findall/3) and once in one of its branches;
% once inside \+ and not before it.  Whole stderr compared (.stderr),
% made with swipl 9.0.4 (swipl -q -g main -t halt FILE).
main :- writeln(loaded).
a1 :- ( X = 1 ; X = 2 ).
a2(X) :- ( X = 1 ; Y = 2 ).
a3 :- ( X = 1 ; true ), X == 1.
a4 :- ( X = 1, X == 1 ; true ).
a5 :- ( true -> Y = 1 ; true ).
a6 :- \+ Z = 1.
a7 :- ( true ; W = 1 ), W = 2.
a8 :- ( Q = 1 ; Q = 2 ; true ).
a9 :- ( R = 1 -> true ; R = 2 ).
a10 :- findall(X, ( X = 1 ; Y = 2 ), _).
a11 :- ( _A = 1 ; _A = 2 ).
a12 :- ( A = 1 ; B = 2 ; A = B ).
b1 :- ( true -> Y = 1 ).
b2 :- \+ ( X = 1, X = 2 ).
b3 :- ( ( X = 1 ; X = 2 ) ; true ).
b4 :- X = 1, ( X = 2 ; true ).
b5 :- ( X = 1 ; Y = 2 ), ( X = 3 ; Y = 4 ).
b6 --> ( [X] ; [X] ).
b7 :- ( X = 1 *-> true ; X = 2 ).
b8 :- \+ X = 1, X = 2.
b9(X) :- ( X = 1 ; Y = 2 ; Y = 3 ).
