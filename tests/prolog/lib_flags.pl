% Flags: current_prolog_flag/2 (and enumeration) and set_prolog_flag/2 for
% the flags snaplog and swipl share, with swipl's errors.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -t halt FILE); errors print
% their formal term only.  bounded, max_integer and min_integer are not
% here: until snaplog has unbounded integers it is bounded (swipl is not).

t(G) :-
    catch(( G -> R = yes(G) ; R = no ), error(E, _), R = error(E)),
    print(R), nl.

version_ok :- current_prolog_flag(version, V), integer(V).

main :-
    t(current_prolog_flag(double_quotes, _)), t(current_prolog_flag(back_quotes, _)),
    t(current_prolog_flag(unknown, _)), t(current_prolog_flag(occurs_check, _)),
    t(current_prolog_flag(argv, _)), t(current_prolog_flag(integer_rounding_function, _)),
    t(current_prolog_flag(max_arity, _)), t(current_prolog_flag(debug, _)), t(current_prolog_flag(iso, _)),
    t(current_prolog_flag(last_call_optimisation, _)), t(current_prolog_flag(char_conversion, _)),
    t(current_prolog_flag(prefer_rationals, _)), t(version_ok),
    t(current_prolog_flag(no_such_flag, _)), t(current_prolog_flag(1, _)),
    t((current_prolog_flag(F, _), F == unknown)),
    t(set_prolog_flag(double_quotes, foo)), t(set_prolog_flag(bounded, false)), t(set_prolog_flag(version, 5)),
    t(set_prolog_flag(_, 1)), t(set_prolog_flag(unknown, _)), t(set_prolog_flag(1, a)),
    t(set_prolog_flag(unknown, foo)), t(set_prolog_flag(occurs_check, maybe)),
    t(set_prolog_flag(occurs_check, error)), t(current_prolog_flag(occurs_check, _)),
    t(set_prolog_flag(occurs_check, false)),
    t(set_prolog_flag(unknown, fail)), t(current_prolog_flag(unknown, _)), t(no_such_predicate(1)),
    t(set_prolog_flag(unknown, error)), t(no_such_predicate(1)),
    t(set_prolog_flag(double_quotes, atom)), t(current_prolog_flag(double_quotes, _)),
    t(set_prolog_flag(double_quotes, codes)), t(set_prolog_flag(double_quotes, string)),
    t(set_prolog_flag(my_flag, f(x))), t(current_prolog_flag(my_flag, _)), t(set_prolog_flag(my_flag, 2)),
    t(current_prolog_flag(my_flag, _)),
    t(( set_prolog_flag(my_flag2, 1), fail ; current_prolog_flag(my_flag2, _) )),
    t((current_prolog_flag(G, f(x)) -> true ; G = none)).
