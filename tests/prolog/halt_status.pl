% halt/1 sets the exit status; output written before it appears once.
% Expected output checked against swipl 9.0.4.
main :- write(bye), nl, halt(3).
