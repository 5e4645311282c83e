% Flag types as swipl 9.0.4 checks them: boolean flags take true, false,
% on, off, 1, 0 (else type_error(bool, V)), read-only flags refuse before
% looking at the value, argv takes any term, a created flag keeps the type
% of its first value (a float flag takes an integer as a float), and
% create_prolog_flag/3 with type/access/keep.  Checked against swipl 9.0.4.
% (Left out: set_prolog_flag(dialect, ...) and max_integer, whose values differ.)
t(G) :- ( catch(G, error(E, _), (\+ \+ (numbervars(E, 0, _), print(err(E))), nl, fail)) -> \+ \+ (numbervars(G, 0, _), print(yes(G))) ; print(no) ), nl.

main :- forall(member(F, [debug, char_conversion, iso, report_error, gc, last_call_optimisation, occurs_check, unknown, double_quotes, back_quotes, bounded, integer_rounding_function, prefer_rationals, max_arity, argv, version, max_tagged_integer, min_tagged_integer]),
  (t(set_prolog_flag(F, maybe)), t(set_prolog_flag(F, 1)), t(set_prolog_flag(F, _)))),
  t(set_prolog_flag(gc, false)), t(current_prolog_flag(gc, _)), t(set_prolog_flag(gc, true)), t(set_prolog_flag(last_call_optimisation, false)), t(set_prolog_flag(last_call_optimisation, true)),
  t(set_prolog_flag(iso, false)), t(set_prolog_flag(report_error, true)),
  t(create_prolog_flag(f1, 1, [])), t(set_prolog_flag(f1, abc)), t(set_prolog_flag(f1, 2)), t(set_prolog_flag(f1, 2.5)), t(current_prolog_flag(f1, _)),
  t(create_prolog_flag(f2, abc, [])), t(set_prolog_flag(f2, 1)), t(set_prolog_flag(f2, "s")), t(set_prolog_flag(f2, f(x))), t(current_prolog_flag(f2, _)),
  t(create_prolog_flag(f3, true, [])), t(set_prolog_flag(f3, 1)), t(set_prolog_flag(f3, false)), t(set_prolog_flag(f3, abc)),
  t(create_prolog_flag(f4, 1, [type(atom)])), t(create_prolog_flag(f5, x, [access(read_only)])), t(set_prolog_flag(f5, y)), t(create_prolog_flag(f6, 1.5, [])), t(set_prolog_flag(f6, 2)),
  t(create_prolog_flag(f7, x, [type(foo)])), t(create_prolog_flag(_, x, [])), t(create_prolog_flag(f8, _, [])), t(create_prolog_flag(f9, f(x), [])), t(set_prolog_flag(f9, g(y))), t(current_prolog_flag(f9, _)),
  t(create_prolog_flag(f10, 1, [keep(true)])), t(create_prolog_flag(f10, 2, [keep(true)])), t(current_prolog_flag(f10, _)), t(create_prolog_flag(f10, 3, [])), t(current_prolog_flag(f10, _)),
  t(create_prolog_flag(f11, a, [type(oneof([a,b]))])), t(set_prolog_flag(f11, c)), t(set_prolog_flag(f11, b)), t(create_prolog_flag(f12, a, [type(term)])), t(set_prolog_flag(f12, f(_))), t(create_prolog_flag(f13, a, foo)),
  t(set_prolog_flag(newflag, 3)), t(set_prolog_flag(newflag, abc)), t(current_prolog_flag(newflag, _)), t(create_prolog_flag(bounded, false, [])).
