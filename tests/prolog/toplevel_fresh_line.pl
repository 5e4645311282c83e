% The toplevel starts an answer on a line of its own: output the query
% left without a newline is ended first (hello, then true. below it).  The
% queries come from toplevel_fresh_line.in on a pipe,
% all deterministic (swipl on a pipe asks for an action after a non-final
% answer); checked against swipl 9.0.4.
word(hello).
