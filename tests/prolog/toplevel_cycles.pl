% The toplevel's answers for cyclic terms, and queries read with the
% current flags.  Queries from toplevel_cycles.in on a pipe.  Variables with
% identical values (==, cyclic ones too) are one group (X = f(X), Y = f(Y)
% prints X = Y, Y = f(Y)); cycles are cut binding after binding, a value
% that is a single cycle shows its own name, other cycles are _S1, _S2 ...
% in the order they close, and a later value that reaches a named compound
% shows the name.  set_prolog_flag(double_quotes, ...) applies to the next
% query.  The expected text is swipl 9.0.4's output for the same input
% (swipl -q toplevel_cycles.pl < toplevel_cycles.in).
