% text_read_term_from_atom: read_term_from_atom/3 honours read_term's options
% (variable_names, variables, singletons, double_quotes) and raises its
% errors.  Checked against swipl 9.0.4.
t(G) :- ( catch(G, error(E, _), (print(E), nl, fail)) -> \+ \+ (numbervars(G, 0, _), print(yes(G))) ; print(no) ), nl.
main :- t(read_term_from_atom('f(X,Y,X)', _, [variable_names(_)])),
  t(read_term_from_atom('f(X,_Y,Z,X)', _, [variables(_), singletons(_)])),
  t(read_term_from_atom('"ab"', _, [double_quotes(codes)])),
  t(read_term_from_atom('g(', _, [])),
  t(read_term_from_atom('', _, [])),
  t(read_term_from_atom(abc, _, foo)),
  t(read_term_from_atom(_, _, [])),
  t(read_term_from_atom("s(1)", _, [])).
