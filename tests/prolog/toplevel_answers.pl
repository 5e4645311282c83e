% The toplevel's answers as swipl prints them, queries from
% toplevel_answers.in on a pipe (all deterministic: swipl on a pipe asks
% for an action after a non-final answer): aliased variables as chains
% (X = Y, Y = 1), cycles cut at the query variable they come back to
% (X = f(X)) or named _S1 after `% where`, shared fresh variables _A, _B,
% a lone one _, variables whose names start with _ shown.  The expected
% text is swipl 9.0.4's output for the same input (swipl -q
% toplevel_answers.pl < toplevel_answers.in).
cyc1(X) :- Y = g(Y), X = f(Y).
cyc2(X, Y) :- A = h(A, B), B = k(A), X = p(A), Y = q(B).
