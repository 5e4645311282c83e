% examples/routes.pl, run as a test: tabled left recursion and a
% mode-directed (min) table.  Expected output checked against swipl 9.0.4
% (swipl examples/routes.pl).
:- include('../../examples/routes.pl').
