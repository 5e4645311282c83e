% query: a database query, pairs of countries whose population densities
% differ by less than 5%, by joining two tables (population in hundred
% thousands, area in thousand km2, rounded figures of the 2020s).  The
% expected answer was computed from the same tables outside Prolog.
%! iterations: 1600

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), query(_), fail ; true ),
    findall(Q, query(Q), Qs),
    query_expected(Want),
    ( Qs == Want -> true ; format('query: wrong answer ~w~n', [Qs]), fail ).

query(quad(C1, D1, C2, D2)) :-
    query_density(C1, D1),
    query_density(C2, D2),
    D1 > D2,
    T1 is 20 * D1,
    T2 is 21 * D2,
    T1 < T2.

query_density(C, D) :-
    query_pop(C, P),
    query_area(C, A),
    D is P * 100 // A.

query_expected([quad(china, 147, indonesia, 144), quad(indonesia, 144, thailand, 140),
                quad(egypt, 110, ethiopia, 108), quad(egypt, 110, turkey, 108),
                quad(france, 123, poland, 121), quad(uk, 274, pakistan, 266),
                quad(spain, 94, kenya, 93)]).

query_pop(china, 14120).
query_pop(india, 14170).
query_pop(usa, 3330).
query_pop(indonesia, 2760).
query_pop(pakistan, 2350).
query_pop(nigeria, 2180).
query_pop(brazil, 2150).
query_pop(bangladesh, 1710).
query_pop(russia, 1440).
query_pop(mexico, 1270).
query_pop(japan, 1250).
query_pop(ethiopia, 1200).
query_pop(philippines, 1150).
query_pop(egypt, 1110).
query_pop(vietnam, 980).
query_pop(congo, 990).
query_pop(turkey, 850).
query_pop(iran, 880).
query_pop(germany, 840).
query_pop(thailand, 720).
query_pop(france, 680).
query_pop(uk, 670).
query_pop(italy, 590).
query_pop(tanzania, 650).
query_pop(south_africa, 600).
query_pop(kenya, 540).
query_pop(colombia, 520).
query_pop(spain, 480).
query_pop(argentina, 460).
query_pop(poland, 380).

query_area(china, 9597).
query_area(india, 3287).
query_area(usa, 9834).
query_area(indonesia, 1905).
query_area(pakistan, 882).
query_area(nigeria, 924).
query_area(brazil, 8516).
query_area(bangladesh, 148).
query_area(russia, 17098).
query_area(mexico, 1964).
query_area(japan, 378).
query_area(ethiopia, 1104).
query_area(philippines, 300).
query_area(egypt, 1002).
query_area(vietnam, 331).
query_area(congo, 2345).
query_area(turkey, 784).
query_area(iran, 1648).
query_area(germany, 357).
query_area(thailand, 513).
query_area(france, 552).
query_area(uk, 244).
query_area(italy, 301).
query_area(tanzania, 947).
query_area(south_africa, 1221).
query_area(kenya, 580).
query_area(colombia, 1142).
query_area(spain, 506).
query_area(argentina, 2780).
query_area(poland, 313).
