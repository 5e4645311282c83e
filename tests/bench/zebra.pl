% zebra: the five-houses puzzle, solved by unification against a list of
% partially known houses h(Colour, Nation, Pet, Drink, Smoke).
%! iterations: 300

bench(N) :-
    N1 is N - 1,
    ( between(1, N1, _), zebra(_), fail ; true ),
    findall(Hs, zebra(Hs), Sols),
    zebra_check(Sols).

zebra(Hs) :-
    Hs = [h(_, norwegian, _, _, _), _, h(_, _, _, milk, _), _, _],
    zebra_member(h(red, english, _, _, _), Hs),
    zebra_member(h(_, spanish, dog, _, _), Hs),
    zebra_member(h(green, _, _, coffee, _), Hs),
    zebra_member(h(_, ukrainian, _, tea, _), Hs),
    zebra_right_of(h(green, _, _, _, _), h(ivory, _, _, _, _), Hs),
    zebra_member(h(_, _, snails, _, winstons), Hs),
    zebra_member(h(yellow, _, _, _, kools), Hs),
    zebra_next_to(h(_, _, _, _, chesterfields), h(_, _, fox, _, _), Hs),
    zebra_next_to(h(_, _, _, _, kools), h(_, _, horse, _, _), Hs),
    zebra_member(h(_, _, _, orange_juice, lucky_strikes), Hs),
    zebra_member(h(_, japanese, _, _, parliaments), Hs),
    zebra_next_to(h(_, norwegian, _, _, _), h(blue, _, _, _, _), Hs),
    zebra_member(h(_, _, zebra, _, _), Hs),
    zebra_member(h(_, _, _, water, _), Hs).

zebra_member(X, [X|_]).
zebra_member(X, [_|T]) :- zebra_member(X, T).

zebra_right_of(R, L, [L, R|_]).
zebra_right_of(R, L, [_|T]) :- zebra_right_of(R, L, T).

zebra_next_to(X, Y, Hs) :- zebra_right_of(X, Y, Hs).
zebra_next_to(X, Y, Hs) :- zebra_right_of(Y, X, Hs).

zebra_check(Sols) :-
    (   Sols = [Hs],
        Hs == [h(yellow, norwegian, fox, water, kools),
               h(blue, ukrainian, horse, tea, chesterfields),
               h(red, english, snails, milk, winstons),
               h(ivory, spanish, dog, orange_juice, lucky_strikes),
               h(green, japanese, zebra, coffee, parliaments)]
    ->  true
    ;   format('zebra: wrong answer ~w~n', [Sols]), fail
    ).
