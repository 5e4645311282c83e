% The toplevel writes a value as the right side of X = Value, as swipl
% 9.0.4 does: an operator term above priority 699 is bracketed (X = (a, b),
% X = (a:-b)), an atom that is an operator too (X = (-), X = (dynamic)),
% not an argument or list element (f(:-), [-]).  Queries from
% toplevel_priority.in on a pipe; the expected text is swipl 9.0.4's output
% for the same input (swipl -q toplevel_priority.pl < toplevel_priority.in).
