% lib_option: library(option) as swipl has it: lookup by name and arity
% where the first option of the name decides, Name = Value after Name(Value),
% defaults, select_option/3,4, merge_options/3.  Output checked against
% swipl 9.0.4.  Errors: swipl raises existence_error(matching_rule, ...)
% for a list that is not one; we raise must_be(list, ...)'s error (only
% "error" is printed here for both).
:- use_module(library(option)).

t(G) :-
    (   catch(G, error(_, _), (writeln(error), fail))
    ->  \+ \+ ( numbervars(G, 0, _), print(yes(G)) )
    ;   \+ \+ ( numbervars(G, 0, _), print(no(G)) )
    ),
    nl.

main :-
    t(option(a(2), [a(1), a(2)])),
    t(option(a(_), [b(1), a=3, a(2)])),
    t(option(b(_), [a(1), b=3])),
    t(option(a(_), [], 7)),
    t(option(c(_), [c(1)], 7)),
    t(option(_, [c(1)])),
    t(option(a(_), foo)),
    t(option(a(_), [a(1,2), a(3)])),
    t(option(a(_), [a(1)|_])),
    t(select_option(a(_), [b(1), a(2), a(3)], _)),
    t(select_option(z(_), [b(1)], _, def)),
    t(select_option(a(1), [a(2), a(1)], _)),
    t(select_option(q(_), [p(1), q=2], _, 0)),
    t(merge_options([a(1), c=3], [b(2), a(0), d(4)], _)),
    t(merge_options([z(1)], [], _)),
    t(merge_options([], [y=1, x(2)], _)),
    t(merge_options([b(1)], [b(2), b(3), a(0)], _)),
    t(option(x(_), [x(1), y(2)], 0)).
