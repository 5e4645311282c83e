% at_halt/1: the goals run when halt/0 ends the program, the one
% registered last first; an error of one is printed and the others still
% run.  Expected stdout and stderr checked against swipl 9.0.4 (swipl -q
% -g main FILE, halt inside main).
main :- at_halt(writeln(bye1)), at_halt(throw(x)), at_halt(writeln(bye2)), writeln(running), halt.
