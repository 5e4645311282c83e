% modes: writeq print write canonical
:- op(700, xfx, ===>) .
a ===> b .
f(a ===> b, c) .
:- op(200, xfy, ^^) .
a ^^ b ^^ c .
(a ^^ b) ^^ c .
:- op(100, fy, ~) .
~ ~ a .
~ (a, b) .
:- op(100, xf, ++) .
a ++ .
(a ++) ++ .
f(a ++) .
- (a ++) .
:- op(9, fx, qq) .
qq qq .
:- op(0, xfx, ===>) .
===>(a, b) .
:- op(1201, xfx, bad) .
:- op(-1, xfx, bad) .
:- op(700, yfy, bad) .
:- op(700, xfx, ',') .
:- op(500, xfx, '|') .
:- op(1100, xfx, '|') .
:- op(200, xfx, mid) .
a mid b .
:- op(700, xfx, 'x y') .
'x y'(a, b) .
:- op(200, fy, 'gg') .
gg(gg) .
gg gg a .
:- op(0, fy, gg) .
gg(a) .
