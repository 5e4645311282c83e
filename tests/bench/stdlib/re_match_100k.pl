% re_match_100k: re_match/2 over 100,000 strings with one pattern (the
% compiled-pattern cache hit every time), as in issue 7's performance list.
% The subjects are "item-I@H.example" with H one of a, b, c by I mod 3; the
% pattern takes the items whose number ends in 0 or 5 on hosts a and b, so
% the count is known in closed form and the check costs nothing.  The
% subjects are made by bench_setup/1, untimed, and kept as facts: the clock
% covers walking them and matching.
%! iterations: 100000
%! systems: snaplog,snaplog-native,swipl

:- use_module(library(pcre)).
:- dynamic(re_subject/1).

bench_setup(N) :-
    retractall(re_subject(_)),
    re_subjects(1, N, Ss),
    forall(member(S, Ss), assertz(re_subject(S))).

bench(N) :-
    findall(S, re_subject(S), Ss),
    re_count(Ss, 0, C),
    K is N // 5,
    Want is K - (K + 2) // 3,
    ( C =:= Want -> true ; write(re_match_100k(wrong_count(C, Want))), nl, fail ).

re_subjects(I, N, []) :- I > N, !.
re_subjects(I, N, [S|Ss]) :-
    H is I mod 3,
    re_host(H, Host),
    number_codes(I, Ds),
    append(Ds, Host, Cs),
    string_codes(S0, Cs),
    string_concat("item-", S0, S),
    I1 is I + 1,
    re_subjects(I1, N, Ss).

re_host(0, `@a.example`).
re_host(1, `@b.example`).
re_host(2, `@c.example`).

re_count([], C, C).
re_count([S|Ss], C0, C) :-
    (   re_match("^item-\\d*[05]@[ab]\\.example$", S)
    ->  C1 is C0 + 1
    ;   C1 = C0
    ),
    re_count(Ss, C1, C).
