% Loaded by tests/prolog/consult_directives.pl: a module exporting an
% operator with its predicates.
:- module(ops_module, [op(700, xfx, ===>), rule/2]).
rule(a, b).
