% An unterminated quoted atom: swipl and snaplog both read to the end of
% the file looking for the closing quote, so only p(1) loads.
main :- forall(p(X), (write(X), nl)).
p(1).
q :- X = 'abc, write(X).
p(2).
