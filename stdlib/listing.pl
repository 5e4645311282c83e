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
listing(Name//DA) :- integer(DA), !, A is DA + 2, listing(Name/A).
listing(Spec) :- '$listing_text'(Spec, Text), write(Text).

portray_clause(Clause) :- '$portray_clause_text'(Clause, Text), write(Text).
portray_clause(Stream, Clause) :- '$portray_clause_text'(Clause, Text), write(Stream, Text).
