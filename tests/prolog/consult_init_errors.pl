% initialization/1 goals run after their file, in order; one that raises
% or fails is reported at its directive's line as swipl 9.0.4 reports it
% (stderr compared: .stderr, made with swipl -q -g main -t halt FILE), and
% the rest still run.
p :- atom_length(_, _).
:- initialization(p).
:- initialization(fail).
:- initialization(throw(foo)).
:- initialization(writeln(third_runs)).
:- initialization((X is 1/0, writeln(X))).
main :- writeln(main_runs).
