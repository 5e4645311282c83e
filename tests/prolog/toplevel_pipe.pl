% The toplevel on a pipe: every answer is printed without waiting, in the
% format swipl prints on a terminal after ';' (X = 1 ;), false. when there
% are no more, errors on stderr and the toplevel goes on.  Queries come from
% toplevel_pipe.in.  (swipl on a pipe asks for an action per answer
% instead, so the expected text is the terminal format, checked by hand
% against swipl 9.0.4 on a terminal.)
p(1).
p(2).
q(a, f(_, _)).
