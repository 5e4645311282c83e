% library(http/json) in the classic term form: json_write/2,3 (swipl's
% layout: one line when it fits in width(W), else one member per line;
% width(0) never breaks), strings escaped, atom_json_term/3 both ways with
% as(Type), json_read options (value_string_as, true/false/null), and the
% errors of bad JSON and of terms that are not JSON.  Expected output
% checked against swipl 9.0.4 (swipl -q -g main -g main2 -t halt FILE);
% left out: a surrogate pair in \u escapes (swipl 9.0.4 keeps the two
% halves, here they make one character, as JSON means).
:- use_module(library(http/json)).
w(T) :- json_write(current_output, T), nl.
wc(T) :- json_write(current_output, T, [width(0)]), nl.
r(Text) :- atom_json_term(Text, T, []), print(T), nl.
main :-
    forall(member(T, [json([a=1,b=[1,2,3]]), json([name='Alice', age=30, tags=[x,y], nested=json([k=v]), ok= @(true), n= @(null)]),
                      [1,2,3], json([]), [], 'he"llo\n', json([a=json([b=json([c=[1,2,json([d=e])]])])]),
                      [json([a=1]),json([b=2])], 1.5, -7, [[1,2],[3],json([a=[]])], ['caf\u00e9', 'tab\there', 'ctl\u0001x', 'sl/ash', "str"],
                      json(["s"-1, k(2)]), 1.0e10, @(false)]), (w(T), wc(T))),
    numlist(1, 30, L), w(L), w(json([a=L, b=json([c=L])])).
main2 :-
    forall(member(A, ['{"x":"y"}', '[1, 2.5, -3, 1e3, "s", true, false, null, [], {}]', '{"a": {"b": [{"c": "\\u00e9\\n\\"q\\""}]}}', '"a\\/b"']), r(A)),
    atom_json_term(A1, json([k=[1,2]]), []), print(A1), nl,
    atom_json_term(A2, json([k=[1,2]]), [as(string)]), print(A2), nl,
    atom_json_term('{"x":"y"}', T3, [value_string_as(string)]), print(T3), nl,
    atom_json_term('[true, null]', T4, [true(yes), null(nil)]), print(T4), nl,
    forall(member(Bad, ['{"a" 1}', '[1,', '{"a":1,}', 'tru', '"\\x"', '']), (catch((atom_json_term(Bad, _, []), E = ok), error(E, _), true), print(Bad-E), nl)),
    catch(json_write(current_output, f(x)), error(E2, _), (print(E2), nl)),
    catch(with_output_to(string(_), json_write(current_output, json([f(a,b)]))), error(E3, _), (print(E3), nl)).
