% library(solution_sequences) (limit/2, offset/2, call_nth/2, order_by/2,
% distinct/1,2), aggregate/3,4, foreach/2, library(gensym), flag/3 and
% library(occurs): answers, failures and errors.  Expected output checked
% against swipl 9.0.4 (swipl -q -g main -t halt).

all(G) :- \+ \+ ( catch(findall(G, G, L), error(E, _), L = error(E)),
                  numbervars(G-L, 0, _), format("~p: ~p~n", [G, L]) ).
t(G) :- \+ \+ ( catch((call(G) -> R = yes(G) ; R = no), error(E, _), R = error(E)),
                numbervars(G-R, 0, _), format("~p~n", [R]) ).

distinct_97 :- numlist(1, 20000, L), aggregate_all(count, distinct(K, (member(V, L), K is V mod 97)), 97).

p(1, a). p(3, b). p(2, c). p(3, a). p(2, c).

main :-
    maplist(all, [limit(2, member(_, [a,b,c])), limit(0, member(_, [a])), limit(-1, member(_, [a])),
                  limit(inf, member(_, [a,b])), limit(5, member(_, [a,b])), limit(a, true), limit(_, true),
                  offset(1, member(_, [a,b,c])), offset(0, member(_, [a,b])), offset(5, member(_, [a])),
                  offset(-1, member(_, [a])),
                  limit(2, offset(1, member(_, [a,b,c,d]))),
                  call_nth(member(_, [a,b,c]), _), call_nth(member(_, [a,b,c]), 2),
                  call_nth(member(_, [a,b,c]), 4), call_nth(member(_, [a]), 0), call_nth(true, a),
                  order_by([desc(X)], p(X, _)), order_by([asc(X), desc(Y)], p(X, Y)),
                  order_by([asc(Y)], p(_, Y)), order_by([foo(_)], true), order_by(_, true),
                  order_by([], true),
                  distinct(X, p(X, _)), distinct(p(_, _)), distinct(member(_, [f(_), f(_), a, a])),
                  distinct(Y, member(Y, [g(1), g(_), g(1), g(_)])),
                  aggregate(count, member(_, [a,b]), _), aggregate(count, X^member(X, [a,b]), _),
                  aggregate(sum(X), Y^p(X, Y), _), aggregate(sum(X), p(X, Y), _),
                  aggregate(max(X), Y^p(X, Y), _), aggregate(max(X, Y), p(X, Y), _),
                  aggregate(min(X, Y), p(X, Y), _), aggregate(bag(Y), X^p(X, Y), _),
                  aggregate(set(Y), X^p(X, Y), _), aggregate(count, fail, _),
                  aggregate(foo, true, _), aggregate(r(count, sum(X), max(X)), Y^p(X, Y), _),
                  aggregate(count, Y, X^p(X, Y), _), aggregate(sum(X), Y, p(X, Y), _),
                  sub_term(_, f(a, g(b))), sub_term(b, f(a, g(b)))]),
    X1 = "once", t(distinct(Z, member(Z, [X1, b, X1]))),
    t(( distinct(Z, member(Z, [a,b,a])), ! )),
    % a cut distinct frees its set; many of them in a row
    t(forall(between(1, 2000, I), once(distinct(W, member(W, [I, I]))))),
    t(distinct_97),
    maplist(t, [( gensym(a, A1), gensym(a, A2), gensym(b, B1), reset_gensym(a), gensym(a, A3), [A1, A2, B1, A3] == [a1, a2, b1, a1] ),
                ( reset_gensym, gensym(a, A4), A4 == a1 ),
                gensym(_, _),
                % a retry does not hand out the same atom again
                ( reset_gensym(r), findall(G, (between(1, 3, _), gensym(r, G)), Gs), Gs == [r1, r2, r3] ),
                ( flag(foo, F0, F0 + 1), flag(foo, F1, F1 * 10), flag(foo, F2, F2), [F0, F1, F2] == [0, 1, 10] ),
                ( flag(f(1), G0, 2.5), flag(f(1), G1, G1), [G0, G1] == [0, 2.5] ),
                ( flag(at, _, abc), flag(at, H, H), H == abc ),
                flag(_, _, 1), flag("s", _, 1), flag(k, _, foo + 1),
                ( flag(bt, _, 0), \+ (flag(bt, Q, Q + 1), fail), flag(bt, Q1, Q1), Q1 == 1 ),
                occurrences_of_term(a, f(a, g(a), b), _), occurrences_of_var(V1, f(V1, g(V1), _), _),
                occurrences_of_term(g(_), f(g(1), g(2)), _), contains_term(g(_), f(a, g(b))),
                contains_term(c, f(a, g(b))), free_of_term(c, f(a, g(b))), contains_var(V2, f(V2)),
                contains_var(_, f(_)), free_of_var(_, f(_)),
                ( sub_term_shared_variables(g(V3), f(V3, g(V3), _), SV), SV == [V3] ),
                ( sub_term_shared_variables(g(V4, V5), f(V4, g(V4, V5), _), SV2), SV2 == [V4] ),
                foreach(member(FX, [1, 2, 3]), _FY = FX), foreach(member(_, []), fail),
                ( L3 = [_, _, _], foreach(nth1(FI, L3, FV), FV = FI), \+ ground(L3) ),
                ( foreach(between(1, 3, FB), ( FB > 0 )) ),
                ( foreach(member(FM, [1, 2]), member(FM-FW, [1-a, 2-a])), FW == a )]).
