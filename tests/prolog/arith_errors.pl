% ISO errors of arithmetic: is/2, the comparisons, succ/2, plus/3.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt).
% is/2 evaluates the right operand first, the comparisons their left side
% first, as swipl does: the cases with two errors show which one is raised.
% Each error prints as Formal and its context with the variable as '_'
% (variable names differ between systems).  swipl reports a resource error
% as resource_error(stack) with a dictionary; snaplog raises
% resource_error(memory), so those cases print only resource_error.

show(error(resource_error(_), _)) :- !, writeln(resource_error).
show(error(F, context(P, M))) :- !, ( var(M) -> M1 = '_' ; M1 = M ), writeq(F-P-M1), nl.
show(E) :- writeq(E), nl.

% the goal or expression with its variables printed as '_'
echo(T) :- \+ \+ ( term_variables(T, Vs), maplist(=('_'), Vs), format("~q: ", [T]) ).

t(E) :- catch((X is E, format("~q = ~q~n", [E, X])), Err, (echo(E), show(Err))).
g(G) :- catch((G -> writeln(yes) ; writeln(no)), Err, (echo(G), show(Err))).

main :-
    maplist(t, [_ + 1, 1 + a, a + b, foo + bar(1), 1/0 + a, a + 1/0, _ + a, a + _, foo, foo(1),
                foo(1, 2, 3), a, [], [ab], [1.5], [x, y], "ab", "",
                7/0, 7.0/0, 0/0, 0.0/0, 1/0.0, 0.0/0.0, 7//0, 7 mod 0, 7 rem 0, 7 div 0,
                (2**100)//0, (2**100) mod 0, 7.0//2, 7 // 2.0, 7 mod 2.0, 7.5 rem 2, 7 div 2.5,
                2.0 << 1, 1 >> 2.0, \ 2.0, 1 /\ 2.0, 1.5 \/ 1, xor(1, 1.0), gcd(2.0, 3),
                msb(0), msb(-1), msb(2.0), random(0), random(-1), random(1.5),
                0^(-1), 0**(-1), 0 ** -1.0, 0.0 ** -1.0, 0.0 ** -1,
                (-2)**0.5, (-8.0)**(1/3), sqrt(-1), log(0), log(-1), log(0.0), asin(2), acos(2),
                exp(1000), 10.0**400, 1.0e308*10, 1.5e300*1.5e300, float(2**1100), 2**1.0e10,
                1.0e300**2, float(10**400), inf+1, inf-inf, nan+1, inf*0, sqrt(inf),
                exp(inf), log(inf), inf/inf, float_integer_part(inf), 2**inf, cos(inf),
                atan2(inf, inf), 1.0e308+1.0e308, float(1<<1024), (1<<1024)/3,
                (1<<1030)/(1<<1020 + 1), 3/(1<<1100), (1 << 1100)/0.5, (1<<1100) + 0.5,
                (1<<1100) * 1.0, sqrt(1<<1100), log(1<<1100), exp(1<<1100), sin(1<<1100),
                max_integer + 1, succ(1), plus(1, 2), cot(1), log(2, 8),
                2**(2**40), 2^(2**100), 2**(2**100), 1 << (1 << 70), 2**(-(2**100))]),
    maplist(g, [1 < a, _ =:= 1, 1.0 >= foo(1), a =\= 1, 1 > _, 2 =< "ab", 0 >= 1/0,
                succ(_, _), succ(a, _), succ(_, a), succ(1.0, _), succ(-1, _), succ(_, -1),
                succ(1, -5), succ(_, 0), succ(3, 5),
                plus(1.5, 2, _), plus(1, _, _), plus(1, 2, a), plus(a, 1, _), plus(_, 1, 2.0),
                a < b, 1/0 < a, a =:= 1/0, (a + b) > 1]).
