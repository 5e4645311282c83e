% A -g goal that fails: exit status 1 (swipl 9).
% Expected output checked against swipl 9.0.4.
main :- write(trying), nl, fail.
