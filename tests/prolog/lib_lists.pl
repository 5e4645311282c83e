% library(lists), autoloaded (no use_module, as in swipl): every predicate
% of the issue's list, with its modes, determinism (a choice point left or
% not, shown by counting answers and by once/1-free calls) and errors.
% Expected output checked against swipl 9.0.4 (swipl -q -g main -t halt
% FILE); errors print their formal term only.

t(G) :-
    catch(( findall(G, G, L), R = L ), error(E, _), R = error(E)),
    copy_term(R, C), numbervars(C, 0, _), print(C), nl.

% d(G): does G leave a choice point?  swipl: call_cleanup/2 runs its
% cleanup at once when G is done; snaplog (no call_cleanup/2): the number
% of live snapshots before and after.
d(G) :-
    catch(call_cleanup(true, true), error(existence_error(_, _), _), fail), !,
    ( call_cleanup(G, Det = true), ( Det == true -> R = det ; R = nondet ) -> true ; R = fail ),
    print(G-R), nl.
d(G) :-
    ( '$choice_depth'(D0), G, '$choice_depth'(D1) -> ( D1 =:= D0 -> R = det ; R = nondet ) ; R = fail ),
    print(G-R), nl.

main :-
    t(append([a], [b], _)), t(append(_, _, [1, 2])), t(append(_, [3], [1, 2, 3])), t(append([[1], [], [2, 3]], _)),
    t(append([[1]|_], [1])), t(append(a, _)), t(append([a|b], _, _)),
    t(prefix(_, [1, 2])),
    t(member(_, [a, b])), t(member(b, [a, b, c])), t(member(x, [a])), t(member(_, [])),
    t(memberchk(b, [a, b, b])), t(memberchk(_, [a, b])), t(memberchk(z, [a])),
    t(reverse([1, 2, 3], _)), t(reverse(_, [1, 2])), t(reverse([], _)),
    t(nth0(1, [a, b, c], _)), t(nth1(1, [a, b, c], _)), t(nth0(_, [a, b, c], _)), t(nth1(_, [a, b], b)),
    t(nth0(5, [a], _)), t(nth0(-1, [a], _)), t(nth1(0, [a], _)), t(nth0(a, [a], _)), t(nth0(1.0, [a, b], _)),
    t(nth0(1, [a, b, c], _, _)), t(nth1(_, [a, b], _, _)), t(nth1(2, _, x, [a, b])),
    t(last([1, 2, 3], _)), t(last([], _)), t(last([a|_], _) -> true ; true),
    t(nextto(_, _, [1, 2, 3])), t(nextto(2, _, [1, 2, 3])),
    t(select(_, [a, b, c], _)), t(select(b, [a, b, c, b], _)), t(select(x, _, [a, b])),
    t(selectchk(b, [a, b, c, b], _)), t(select(b, [a, b, c], x, _)), t(selectchk(b, [b, b], x, _)),
    t(subtract([1, 2, 3, 4], [2, 4], _)), t(delete([a, f(X), b, f(y), a], f(_), _)), t(delete([a, b, a], a, _)),
    t(var(X)),
    t(permutation([1, 2, 3], _)), t(permutation(_, [a, b])), t(permutation([a, b], [b, a])),
    t(flatten([1, [2, [3, 4]], [], [[5]]], _)), t(flatten(a, _)), t(flatten([a, _, [b]], _)),
    t(clumped([a, a, b, a, c, c], _)),
    t(sum_list([1, 2, 3.5], _)), t(sum_list([], _)), t(sumlist([1, 2], _)), t(sum_list([a], _)),
    t(max_list([1, 5, 3], _)), t(min_list([4, 2, 8], _)), t(max_list([], _)), t(max_list([1, 2.0, 2], _)),
    t(max_member(_, [b, f(a), 1, z])), t(min_member(_, [b, f(a), 1, z])), t(max_member(_, [])),
    t(max_member(@=<, _, [3, 1, 4])), t(min_member(@=<, _, [3, 1, 4])),
    t(numlist(1, 5, _)), t(numlist(3, 3, _)), t(numlist(5, 1, _)), t(numlist(a, 2, _)), t(numlist(1, _, _)),
    t(is_set([a, b])), t(is_set([a, b, a])), t(is_set(a)),
    t(subset([a, c], [a, b, c])), t(subset([d], [a])),
    t(intersection([a, b, c, d], [d, b, x], _)), t(union([a, b], [b, c], _)),
    t(list_to_set([a, b, a, c, b], _)),
    t(proper_length([a, b], _)), t(proper_length([a|_], _)),
    t(same_length([a, b], _)), t(msort([b, a, c, a], _)),
    t(predsort([O, A, B]>>compare(O, A, B), [c, a, b, a], _)),
    t(pairs_keys_values(_, [a, b], [1, 2])), t(pairs_keys([a-1, b-2], _)), t(pairs_values([a-1, b-2], _)),
    d(member(_, [a])), d(member(a, [a, b])), d(member(b, [a, b])),
    d(select(_, [a], _)), d(nth0(_, [a], _)), d(nth1(_, [a, b], b)), d(nth0(1, [a, b], _)),
    d(last([1, 2], _)), d(append([1], [2], _)), d(append(_, _, [])), d(reverse([1, 2], _)),
    d(length(_, 0)), d(msort([b, a], _)), d(sum_list([1], _)), d(memberchk(a, [a, a])),
    d(nextto(1, _, [1, 2])), d(permutation([], _)), d(select(b, [a, b], _)), d(member(_, [a, b])), d(nth0(_, [a, b], _)).
