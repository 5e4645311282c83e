% Loaded by consult_messages.sh: each construct below makes swipl print a
% warning or an error while loading.
p(X) :- q(Y).
:- fail.
a(1).
b(1).
a(2).
:- X is foo + 1.
c :- atom_length(abc, _).
d(_Used, _Used).
