% flatten: a source-to-source transformation, the kind a compiler front end
% does: every if-then-else, disjunction and negation in a clause body is
% replaced by a call to a new auxiliary predicate (over the construct's
% variables) whose clauses use only conjunction and cut.  The check asserts
% both the original and the flattened program (under prefixes o_ and f_),
% runs a set of queries against each, and requires the same answers in the
% same order; and no control construct may remain in a flattened body.
%! iterations: 50000

bench(N) :-
    flatten_source(Src),
    N1 is N - 1,
    ( between(1, N1, _), flatten_program(Src, _), fail ; true ),
    flatten_program(Src, Flat),
    flatten_check(Src, Flat).

flatten_program(Clauses, Flat) :- flatten_clauses(Clauses, 0, _, Flat, []).

flatten_clauses([], K, K, F, F).
flatten_clauses([C|Cs], K0, K, F0, F) :-
    flatten_clause(C, K0, K1, F0, F1),
    flatten_clauses(Cs, K1, K, F1, F).

flatten_clause((H :- B), K0, K, [(H :- FB)|F0], F) :- !,
    functor(H, Name, _),
    flatten_goal(B, Name, FB, K0, K, F0, F).
flatten_clause(H, K, K, [(H :- true)|F], F).

% flatten_goal(+Goal, +Name, -Flat, +K0, -K, -Aux, +AuxTail): Flat is Goal
% without control constructs; the auxiliary clauses go to Aux (a difference
% list), named Name_K with K counting up through the program.
flatten_goal((A, B), Nm, (FA, FB), K0, K, F0, F) :- !,
    flatten_goal(A, Nm, FA, K0, K1, F0, F1),
    flatten_goal(B, Nm, FB, K1, K, F1, F).
flatten_goal((C -> T ; E), Nm, Call, K0, K, F0, F) :- !,
    flatten_aux(Nm, (C -> T ; E), K0, K1, Call),
    flatten_goal(C, Nm, FC, K1, K2, F0, F1),
    flatten_goal(T, Nm, FT, K2, K3, F1, F2),
    flatten_goal(E, Nm, FE, K3, K, F2, [(Call :- (FC, !, FT)), (Call :- FE)|F]).
flatten_goal((A ; B), Nm, Call, K0, K, F0, F) :- !,
    flatten_aux(Nm, (A ; B), K0, K1, Call),
    flatten_goal(A, Nm, FA, K1, K2, F0, F1),
    flatten_goal(B, Nm, FB, K2, K, F1, [(Call :- FA), (Call :- FB)|F]).
flatten_goal((C -> T), Nm, Call, K0, K, F0, F) :- !,
    flatten_aux(Nm, (C -> T), K0, K1, Call),
    flatten_goal(C, Nm, FC, K1, K2, F0, F1),
    flatten_goal(T, Nm, FT, K2, K, F1, [(Call :- (FC, !, FT))|F]).
flatten_goal(\+ G, Nm, Call, K0, K, F0, F) :- !,
    flatten_aux(Nm, \+ G, K0, K1, Call),
    flatten_goal(G, Nm, FG, K1, K, F0, [(Call :- (FG, !, fail)), (Call :- true)|F]).
flatten_goal(G, _, G, K, K, F, F).

flatten_aux(Nm, Construct, K0, K, Call) :-
    K is K0 + 1,
    number_codes(K, Cs), atom_codes(Suffix, Cs),
    atom_concat(Nm, '_', Nm1), atom_concat(Nm1, Suffix, Name),
    term_variables(Construct, Vs),
    Call =.. [Name|Vs].

flatten_source([
    (max(X, Y, Z) :- ( X >= Y -> Z = X ; Z = Y )),
    (classify(X, C) :- ( X < 0 -> C = negative ; X =:= 0 -> C = zero
                       ; X < 10 -> C = small ; C = large )),
    (member_or_zero(X, L) :- ( mem(X, L) ; X = 0 )),
    mem(X, [X|_]),
    (mem(X, [_|T]) :- mem(X, T)),
    (not_in(X, L) :- \+ mem(X, L)),
    sign_list([], []),
    (sign_list([X|Xs], [S|Ss]) :- classify(X, S), sign_list(Xs, Ss)),
    filter([], []),
    (filter([X|Xs], Ys) :- ( X > 2, \+ X =:= 5 -> Ys = [X|Ys1] ; Ys = Ys1 ), filter(Xs, Ys1)),
    (pick(X, L, R) :- ( mem(X, L), X > 1 ; X = none ),
                      ( X == none -> R = nothing ; R = got(X) ))
]).

flatten_query(max(3, 5, _)).
flatten_query(max(7, 2, _)).
flatten_query(classify(-3, _)).
flatten_query(classify(0, _)).
flatten_query(classify(4, _)).
flatten_query(classify(42, _)).
flatten_query(member_or_zero(_, [a, b])).
flatten_query(not_in(c, [a, b])).
flatten_query(not_in(a, [a, b])).
flatten_query(sign_list([-1, 0, 5, 20], _)).
flatten_query(filter([1, 3, 5, 7, 2, 9], _)).
flatten_query(pick(_, [1, 2, 3], _)).

flatten_check(Src, Flat) :-
    findall(F, (flatten_in((H :- _), Flat), functor(H, F, _)), Fs0), sort(Fs0, Fs),
    findall(P, (flatten_in(C, Src), flatten_head(C, H), functor(H, P, _)), Ps0), sort(Ps0, Ps),
    length(Fs, NF), length(Ps, NP), NAux is NF - NP,
    flatten_load(o_, Ps, Src),
    flatten_load(f_, Fs, Flat),
    (   NAux =:= 10,
        \+ ( flatten_in((_ :- B), Flat), flatten_control(B) ),
        \+ ( flatten_query(Q), \+ flatten_same(Fs, Q) )
    ->  true
    ;   format('flatten: wrong answer (~d auxiliary predicates): ~w~n', [NAux, Flat]), fail
    ).

flatten_head((H :- _), H) :- !.
flatten_head(H, H).

flatten_control(B) :- flatten_conj_member(G, B),
    ( G = (_ ; _) ; G = (_ -> _) ; G = (\+ _) ).

flatten_conj_member(G, (A, B)) :- !, ( flatten_conj_member(G, A) ; flatten_conj_member(G, B) ).
flatten_conj_member(G, G).

% flatten_same(+Names, +Query): the original and the flattened program give
% the same answers to Query.
flatten_same(Names, Q) :-
    flatten_rename(Q, o_, Names, Qo), flatten_rename(Q, f_, Names, Qf),
    findall(Q, Qo, Ao), findall(Q, Qf, Af),
    Ao == Af.

flatten_load(Prefix, Names, Clauses) :-
    \+ ( flatten_in(C, Clauses), flatten_head(C, H), functor(H, N, A),
         flatten_rename_name(N, Prefix, Names, N1), functor(G, N1, A),
         retractall(G), fail ),
    \+ ( flatten_in(C, Clauses), flatten_head(C, H),
         ( C = (_ :- B) -> true ; B = true ),
         flatten_rename(H, Prefix, Names, H1), flatten_rename_body(B, Prefix, Names, B1),
         assertz((H1 :- B1)), fail ).

flatten_rename_body(V, _, _, V) :- var(V), !.
flatten_rename_body((A, B), P, Ns, (A1, B1)) :- !,
    flatten_rename_body(A, P, Ns, A1), flatten_rename_body(B, P, Ns, B1).
flatten_rename_body((A ; B), P, Ns, (A1 ; B1)) :- !,
    flatten_rename_body(A, P, Ns, A1), flatten_rename_body(B, P, Ns, B1).
flatten_rename_body((A -> B), P, Ns, (A1 -> B1)) :- !,
    flatten_rename_body(A, P, Ns, A1), flatten_rename_body(B, P, Ns, B1).
flatten_rename_body(\+ A, P, Ns, \+ A1) :- !, flatten_rename_body(A, P, Ns, A1).
flatten_rename_body(G, P, Ns, G1) :- flatten_rename(G, P, Ns, G1).

flatten_rename(G, P, Ns, G1) :-
    G =.. [N|Args], flatten_rename_name(N, P, Ns, N1), G1 =.. [N1|Args].

flatten_rename_name(N, P, Ns, N1) :-
    ( flatten_in(N, Ns) -> atom_concat(P, N, N1) ; N1 = N ).

flatten_in(X, [X|_]).
flatten_in(X, [_|T]) :- flatten_in(X, T).
