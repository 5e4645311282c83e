% chat_parser: parsing English questions and statements in the manner of
% the Chat-80 front end, here a smaller grammar written with explicit
% difference lists (noun phrases with determiners, adjectives, prepositional
% phrases and relative clauses; verb phrases with their own prepositional
% phrases), finding every parse of each sentence.  The check is the number
% of parses: a prepositional phrase can attach to any noun phrase or verb
% phrase still open on its left, so a verb phrase followed by k of them has
% Catalan(k+1) parses (2, 5, 14 for k = 1, 2, 3); the other sentences have
% one parse, two (one ambiguous attachment) or none; and the first parse of
% the first sentence is the expected tree.
%! iterations: 8000

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), chat_all(_), fail ; true ),
    chat_all(Counts),
    chat_check(Counts).

chat_all(Counts) :- findall(C, (chat_sentence(S), chat_parses(S, C)), Counts).

chat_parses(S, C) :- findall(T, chat_s(T, S, []), Ts), length(Ts, C).

chat_s(s(NP, VP), S0, S) :- chat_np(NP, S0, S1), chat_vp(VP, S1, S).

chat_np(np(D, N, Mods), S0, S) :-
    chat_det(D, S0, S1), chat_nbar(N, S1, S2), chat_np_mods(Mods, S2, S).
chat_np(np(N, Mods), S0, S) :-            % a bare plural: "rivers"
    chat_nbar(N, S0, S1), chat_np_mods(Mods, S1, S).
chat_np(pn(Name), [Name|S], S) :- chat_proper(Name).

chat_nbar(n(N), [N|S], S) :- chat_noun(N).
chat_nbar(n(A, N), [A|S0], S) :- chat_adj(A), chat_nbar(N, S0, S).

% Modifiers of a noun: prepositional phrases, then perhaps a relative clause.
chat_np_mods([], S, S).
chat_np_mods([rel(VP)], [that|S0], S) :- chat_vp(VP, S0, S).
chat_np_mods([P|Ps], S0, S) :- chat_pp(P, S0, S1), chat_np_mods(Ps, S1, S).

chat_pp(pp(P, NP), [P|S0], S) :- chat_prep(P), chat_np(NP, S0, S).

chat_vp(vp(V, NP, Mods), [V|S0], S) :-
    chat_tverb(V), chat_np(NP, S0, S1), chat_vp_mods(Mods, S1, S).
chat_vp(vp(V, Mods), [V|S0], S) :- chat_iverb(V), chat_vp_mods(Mods, S0, S).

chat_vp_mods([], S, S).
chat_vp_mods([P|Ps], S0, S) :- chat_pp(P, S0, S1), chat_vp_mods(Ps, S1, S).

chat_det(D, [D|S], S) :- chat_determiner(D).

chat_determiner(the). chat_determiner(a). chat_determiner(every).
chat_determiner(some). chat_determiner(which). chat_determiner(what).

chat_noun(river). chat_noun(rivers). chat_noun(country). chat_noun(countries).
chat_noun(sea). chat_noun(seas). chat_noun(city). chat_noun(cities).
chat_noun(capital). chat_noun(ocean). chat_noun(man). chat_noun(telescope).
chat_noun(hill). chat_noun(park). chat_noun(population).

chat_adj(big). chat_adj(european). chat_adj(african). chat_adj(large). chat_adj(small).

chat_proper(france). chat_proper(spain). chat_proper(china). chat_proper(paris).
chat_proper(london). chat_proper(danube). chat_proper(rhine).

chat_prep(in). chat_prep(of). chat_prep(near). chat_prep(with). chat_prep(through).
chat_prep(on). chat_prep(from).

chat_tverb(borders). chat_tverb(border). chat_tverb(contains). chat_tverb(contain).
chat_tverb(saw).

chat_iverb(flows). chat_iverb(flow). chat_iverb(rises). chat_iverb(rise).

chat_sentence([the, man, saw, the, man, with, the, telescope]).
chat_sentence([the, man, saw, the, man, on, the, hill, with, the, telescope]).
chat_sentence([the, man, saw, the, man, on, the, hill, in, the, park, with, the, telescope]).
chat_sentence([which, rivers, flow, through, countries, that, border, france]).
chat_sentence([which, european, countries, border, the, sea]).
chat_sentence([the, river, that, flows, through, the, country, near, the, sea,
               rises, in, china]).
chat_sentence([every, country, borders, a, sea]).
chat_sentence([the, man, saw, with]).
chat_sentence([rivers, flow, through, countries, near, seas, with, cities]).

chat_check(Counts) :-
    chat_sentence(S), !,
    chat_s(T, S, []), !,
    (   Counts == [2, 5, 14, 1, 1, 2, 1, 0, 5],
        T == s(np(the, n(man), []),
               vp(saw, np(the, n(man), []), [pp(with, np(the, n(telescope), []))]))
    ->  true
    ;   format('chat_parser: wrong answer ~w, first parse ~w~n', [Counts, T]), fail
    ).
