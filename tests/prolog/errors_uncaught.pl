% An uncaught error in a -g goal: printed on stderr, exit status 2 (swipl 9).
% Expected output checked against swipl 9.0.4.
main :- write(before), nl, X is foo + 1, write(X), nl.
