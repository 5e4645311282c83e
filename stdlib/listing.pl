/* library(listing): listing/0,1 and portray_clause/1,2.  The layout is
 * made in C (stdlib/listing.c); here it is written to the stream. */
:- module(listing, [listing/0, listing/1, portray_clause/1, portray_clause/2]).

listing :- '$listing_text'(_, Text), write(Text).

% listing(+Spec): Name, Name/Arity, Name//Arity (a grammar rule), M:Spec
% (one module), or a list of them.
listing(Spec) :- var(Spec), !, throw(error(instantiation_error, _)).
listing([]) :- !.
listing([H|T]) :- !, listing(H), listing(T).
listing(_:Spec) :- !, listing(Spec).
listing(Spec) :- '$listing_tabled'(Spec, PIs), !, forall(member(PI, PIs), '$listing_table'(PI)).
listing(Name//DA) :- integer(DA), !, A is DA + 2, listing(Name/A).
listing(Spec) :- '$listing_text'(Spec, Text), write(Text).

portray_clause(Clause) :- '$portray_clause_text'(Clause, Text), write(Text).
portray_clause(Stream, Clause) :- '$portray_clause_text'(Clause, Text), write(Stream, Text).

% A tabled predicate (library(tabling)) is listed as swipl lists it: its
% table declaration, then its own clauses (kept under '$tabled Name'), not
% the wrapper that calls the table.
'$listing_tabled'(Name/Arity, [Name/Arity]) :- !,
    atom(Name), integer(Arity),
    '$listing_is_tabled'(Name, Arity).
'$listing_tabled'(Name, PIs) :-
    atom(Name),
    findall(Name/A, ( current_predicate(Name/A) ), All), All \== [],
    forall(member(Name/A, All), '$listing_is_tabled'(Name, A)),
    msort(All, PIs).
'$listing_is_tabled'(Name, Arity) :-
    functor(H, Name, Arity),
    catch(clause(H, '$tbl_call'(_, _)), _, fail), !.

'$listing_table'(Name/Arity) :-
    (   catch(tabling:'$tbl_modes'(Name, Arity, Modes), _, fail)
    ->  format("% tabled using answer subsumption~n", []), _ = Modes
    ;   format(":- table ~q as variant.~n~n", [Name/Arity])
    ),
    atom_concat('$tabled ', Name, Impl),
    (   catch('$listing_text'(Impl/Arity, Text), _, fail)
    ->  format(atom(Q), "~q", [Impl]), format(atom(R), "~q", [Name]),
        atomic_list_concat(Parts, Q, Text), atomic_list_concat(Parts, R, Text1),
        write(Text1)
    ;   true
    ).
