% messages_hooks: a program's own messages, as swipl 9.0.4 prints them (the
% whole stderr is compared: NAME.stderr, made with swipl): prolog:message//1
% rules with Format-Args, plain formats, nl, ansi/3 and a rule for an error
% term; message_hook/3 taking some messages over (and seeing the
% translated lines); informational messages hidden by -q; an unknown
% message still "Unknown message".  A DCG rule with a qualified head
% (prolog:message(...) --> ...) is translated as swipl translates it.
:- multifile prolog:message//1.
:- multifile user:message_hook/3.
:- dynamic seen/1.

prolog:message(greet(Who)) --> ['Hello ~w'-[Who], nl, 'second line'].
prolog:message(plain) --> ['a plain text with no arguments'].
prolog:message(coloured(N)) --> [ansi(bold, 'bold ~d', [N]), ' and after'].
prolog:message(error(my_error(X), _)) --> ['my error about ~q'-[X]].

user:message_hook(hidden(X), Kind, Lines) :- assertz(seen(X-Kind-Lines)).
user:message_hook(error(type_error(T, V), _), error, Lines) :- V == hooked, Lines = [_|_], assertz(seen(T-taken_over)).
user:message_hook(greet(hooked), warning, Lines) :- assertz(seen(hooked-Lines)).

main :-
    print_message(error, greet(world)),
    print_message(warning, greet(you)),
    print_message(warning, greet(hooked)),
    print_message(error, plain),
    print_message(error, coloured(3)),
    print_message(error, error(my_error('A b'), _)),
    print_message(error, hidden(1)),
    print_message(error, error(type_error(integer, hooked), _)),
    print_message(informational, greet(info)),
    print_message(error, not_a_message(x)),
    dcg_translate_rule((prolog:message(a) --> [b]), C), numbervars(C, 0, _), print(C), nl,
    forall(seen(S), (print(S), nl)).
