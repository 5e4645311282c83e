% The toplevel checks a query before running it, as swipl's DWIM does: a
% goal (through , ; -> \+ and Module:) whose predicate does not exist is
% reported and the query does not run (write(hi) prints nothing); when
% the name has other arities they are listed and the answer is false;
% control constructs, built-ins and library predicates (autoloaded) are
% known.  Queries come from toplevel_dwim.in.  Expected stdout and stderr
% checked against swipl 9.0.4 (swipl -q FILE < .in).
foo(1).
foo(1, 2).
