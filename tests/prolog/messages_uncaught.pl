% An exception nobody catches is worded by the program's message//1 rules
% when they translate it, at the toplevel ("Unhandled exception: " for a
% ball that is not error(_, _)) as at a -g goal; one they do not know is
% "Unknown message".  Queries come from messages_uncaught.in.  Expected
% stdout and stderr checked against swipl 9.0.4 (swipl -q FILE < .in).
:- multifile prolog:message//1.
prolog:message(my(X)) --> ['mine ~w'-[X]].
prolog:message(error(my_err(X), _)) --> ['my error ~w'-[X]].
