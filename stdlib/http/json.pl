/* library(http/json): JSON in swipl's classic term form (no dicts here):
 * an object is json([Key=Value, ...]), an array a list, a string an atom
 * (value_string_as(Type) for string, codes or chars), true, false and
 * null are @(true), @(false) and @(null) (or the terms of the true(T),
 * false(T) and null(T) options), numbers are numbers.
 *
 * json_write/2,3 lays the text out as swipl's does: a value that fits in
 * the line (width(W), 72) is written on it, "key":atomic, "key": compound,
 * [1, 2 ] with a space before the bracket, a space before an object or
 * array that does not start a line; a value that does not fit is broken,
 * one member per line, indented by step(S) (2); width(0) never breaks. */
:- module(json, [json_read/2, json_read/3, json_write/2, json_write/3, atom_json_term/3]).

% --- reading

json_read(Stream, Term) :- json_read(Stream, Term, []).
json_read(Stream, Term, Options) :-
    must_be(list, Options),
    '$json_opts'(Options, O),
    '$json_ws'(Stream),
    get_code(Stream, C),
    (   C == -1
    ->  (   option(end_of_file(E), Options) -> Term = E
        ;   throw(error(syntax_error(json(unexpected_end_of_file)), _))
        )
    ;   '$json_value'(C, Stream, O, Term)
    ).

% o(StringAs, Null, True, False)
'$json_opts'(Options, o(As, Null, True, False)) :-
    option(value_string_as(As), Options, atom),
    option(null(Null), Options, @(null)),
    option(true(True), Options, @(true)),
    option(false(False), Options, @(false)).

'$json_ws'(S) :-
    peek_code(S, C),
    (   C \== -1, code_type(C, space) -> get_code(S, _), '$json_ws'(S) ; true ).

'$json_value'(0'{, S, O, json(Pairs)) :- !, '$json_ws'(S), '$json_object'(S, O, Pairs).
'$json_value'(0'[, S, O, List) :- !, '$json_ws'(S), '$json_array'(S, O, List).
'$json_value'(0'", S, o(As, _, _, _), V) :- !, '$json_string'(S, Cs), '$json_text'(As, Cs, V).
'$json_value'(C, S, _, N) :- ( C == 0'- ; code_type(C, digit) ), !, '$json_number'(C, S, N).
'$json_value'(0't, S, o(_, _, T, _), T) :- !, '$json_word'(S, "rue", true).
'$json_value'(0'f, S, o(_, _, _, F), F) :- !, '$json_word'(S, "alse", false).
'$json_value'(0'n, S, o(_, N, _, _), N) :- !, '$json_word'(S, "ull", null).
'$json_value'(-1, _, _, _) :- !, throw(error(syntax_error(json(illegal_json)), _)).
'$json_value'(_, _, _, _) :- throw(error(syntax_error(json(illegal_json)), _)).

'$json_text'(atom, Cs, V) :- atom_codes(V, Cs).
'$json_text'(string, Cs, V) :- string_codes(V, Cs).
'$json_text'(codes, Cs, Cs).
'$json_text'(chars, Cs, V) :- atom_codes(A, Cs), atom_chars(A, V).

'$json_word'(S, Rest, Word) :-
    string_codes(Rest, Cs),
    (   '$json_expect'(Cs, S) -> true ; throw(error(syntax_error(json(json_expected(Word))), _)) ).
'$json_expect'([], _).
'$json_expect'([C|Cs], S) :- get_code(S, C), '$json_expect'(Cs, S).

'$json_object'(S, O, Pairs) :-
    peek_code(S, C),
    (   C == 0'}
    ->  get_code(S, _), Pairs = []
    ;   '$json_members'(S, O, Pairs)
    ).
'$json_members'(S, O, [K=V|Ps]) :-
    get_code(S, Q),
    (   Q == 0'" -> true ; throw(error(syntax_error(json(illegal_json)), _)) ),
    '$json_string'(S, KCs), atom_codes(K, KCs),
    '$json_ws'(S), get_code(S, Colon),
    (   Colon == 0': -> true ; throw(error(syntax_error(json(illegal_json)), _)) ),
    '$json_ws'(S), get_code(S, C), '$json_value'(C, S, O, V),
    '$json_ws'(S), get_code(S, Sep),
    (   Sep == 0', -> '$json_ws'(S), '$json_object'(S, O, Ps)   % a trailing comma is allowed, as swipl
    ;   Sep == 0'} -> Ps = []
    ;   throw(error(syntax_error(json(illegal_object)), _))
    ).

'$json_array'(S, O, List) :-
    peek_code(S, C),
    (   C == 0']
    ->  get_code(S, _), List = []
    ;   '$json_elements'(S, O, List)
    ).
'$json_elements'(S, O, [V|Vs]) :-
    get_code(S, C), '$json_value'(C, S, O, V),
    '$json_ws'(S), get_code(S, Sep),
    (   Sep == 0', -> '$json_ws'(S), '$json_array'(S, O, Vs)
    ;   Sep == 0'] -> Vs = []
    ;   throw(error(syntax_error(json(illegal_array)), _))
    ).

% The codes of a string, after its opening quote, escapes decoded.
'$json_string'(S, Cs) :-
    get_code(S, C),
    (   C == 0'" -> Cs = []
    ;   C == -1 -> throw(error(syntax_error(json(eof_in_string)), _))
    ;   C == 0'\\ -> get_code(S, E), '$json_escape'(E, S, X), Cs = [X|Cs1], '$json_string'(S, Cs1)
    ;   Cs = [C|Cs1], '$json_string'(S, Cs1)
    ).
'$json_escape'(0'", _, 0'") :- !.
'$json_escape'(0'\\, _, 0'\\) :- !.
'$json_escape'(0'/, _, 0'/) :- !.
'$json_escape'(0'b, _, 8) :- !.
'$json_escape'(0'f, _, 12) :- !.
'$json_escape'(0'n, _, 10) :- !.
'$json_escape'(0'r, _, 13) :- !.
'$json_escape'(0't, _, 9) :- !.
'$json_escape'(0'u, S, C) :- !,
    '$json_hex4'(S, H),
    (   H >= 0xD800, H =< 0xDBFF, peek_code(S, 0'\\)
    ->  get_code(S, _), get_code(S, 0'u), '$json_hex4'(S, L),
        C is 0x10000 + ((H - 0xD800) << 10) + (L - 0xDC00)
    ;   C = H
    ).
'$json_escape'(_, _, _) :- throw(error(syntax_error(json(illegal_string_escape)), _)).
'$json_hex4'(S, V) :-
    length(Ds, 4), maplist(get_code(S), Ds),
    (   maplist([D, X]>>code_type(D, xdigit(X)), Ds, [A, B, C, E])
    ->  V is A << 12 + B << 8 + C << 4 + E
    ;   throw(error(syntax_error(json(illegal_string_escape)), _))
    ).

% A number: -?digits, then .digits and e[+-]digits when they follow.
'$json_number'(C, S, N) :-
    '$json_digits'(S, Ds),
    (   peek_code(S, 0'.), '$json_peek2_digit'(S)
    ->  get_code(S, _), '$json_digits'(S, Fs), Frac = [0'.|Fs]
    ;   Frac = []
    ),
    (   peek_code(S, E), ( E == 0'e ; E == 0'E )
    ->  get_code(S, _), '$json_sign'(S, Sg), '$json_digits'(S, Es), Exp = [0'e|Sg], append(Exp, Es, ExpCs)
    ;   ExpCs = []
    ),
    append([[C], Ds, Frac, ExpCs], Cs0),
    (   Frac == [], ExpCs \== [] -> append([[C], Ds, [0'., 0'0], ExpCs], Cs) ; Cs = Cs0 ),
    number_codes(N, Cs).
'$json_digits'(S, [D|Ds]) :- peek_code(S, D), D \== -1, code_type(D, digit), !, get_code(S, _), '$json_digits'(S, Ds).
'$json_digits'(_, []).
'$json_sign'(S, [C]) :- peek_code(S, C), ( C == 0'+ ; C == 0'- ), !, get_code(S, _).
'$json_sign'(_, []).
% Is the code after the next one a digit?  (1. is the number 1 and a dot.)
'$json_peek2_digit'(S) :-
    stream_property(S, position(P)),
    get_code(S, _), peek_code(S, D),
    set_stream_position(S, P),
    D \== -1, code_type(D, digit).

% --- writing

json_write(Stream, Term) :- json_write(Stream, Term, []).
json_write(Stream, Term, Options) :-
    must_be(list, Options),
    option(width(W), Options, 72),
    option(step(Step), Options, 2),
    '$json_check'(Term),
    '$json_write'(Term, 0, 0, _, w(W, Step), Codes, []),
    format(Stream, "~s", [Codes]).

% Every part is JSON: else type_error(json_term, Part) (or pair, for an
% object's member); checked before anything is written.
'$json_check'(T) :- var(T), !, throw(error(instantiation_error, _)).
'$json_check'(json(Ps)) :- !, must_be(list, Ps), maplist('$json_check_pair', Ps).
'$json_check'(L) :- is_list(L), !, maplist('$json_check', L).
'$json_check'(@(A)) :- memberchk(A, [true, false, null]), !.
'$json_check'(T) :- ( atom(T) ; string(T) ; number(T) ), !.
'$json_check'(T) :- throw(error(type_error(json_term, T), _)).
'$json_check_pair'(P) :- '$json_pair'(P, K, V), !, '$json_key'(K, _), '$json_check'(V).
'$json_check_pair'(P) :- throw(error(type_error(pair, P), _)).
'$json_pair'(K=V, K, V).
'$json_pair'(K-V, K, V).
'$json_pair'(P, K, V) :- compound(P), P =.. [K, V].

'$json_key'(K, Cs) :- ( atom(K) ; string(K) ; number(K) ), !, format(codes(Cs), "~w", [K]).
'$json_key'(K, _) :- throw(error(type_error(json_key, K), _)).

'$json_compound'(json(_)).
'$json_compound'(L) :- is_list(L).

% '$json_write'(+Term, +Indent, +Col0, -Col, +Widths)//: Term at column
% Col0 in a block indented Indent.
'$json_write'(T, Indent, Col0, Col, W) -->
    (   { '$json_compound'(T) }
    ->  (   { Col0 > Indent } -> " ", { Col1 is Col0 + 1 } ; { Col1 = Col0 } ),
        { '$json_line'(T, Line), length(Line, Len), W = w(Width, _) },
        (   { T == [] ; T == json([]) ; Width =:= 0 ; Col1 + Len =< Width }
        ->  '$json_codes'(Line), { Col is Col1 + Len }
        ;   '$json_block'(T, Indent, W), { Col is Indent + 1 }
        )
    ;   { '$json_line'(T, Line), length(Line, Len), Col is Col0 + Len },
        '$json_codes'(Line)
    ).

'$json_codes'([]) --> [].
'$json_codes'([C|Cs]) --> [C], '$json_codes'(Cs).

'$json_block'(json(Pairs), Indent, W) -->
    { W = w(_, Step), I2 is Indent + Step },
    "{\n", '$json_block_pairs'(Pairs, I2, W), "\n", '$json_spaces'(Indent), "}".
'$json_block'(List, Indent, W) -->
    { W = w(_, Step), I2 is Indent + Step },
    "[\n", '$json_block_elems'(List, I2, W), "\n", '$json_spaces'(Indent), "]".
'$json_block_pairs'([P|Ps], I, W) -->
    { '$json_pair'(P, K, V), !, '$json_key'(K, KCs), '$json_quote'(KCs, Q, [0':]), length(Q, QL), C0 is I + QL },
    '$json_spaces'(I), '$json_codes'(Q), '$json_write'(V, I, C0, _, W),
    (   { Ps == [] } -> [] ; ",\n", '$json_block_pairs'(Ps, I, W) ).
'$json_block_elems'([E|Es], I, W) -->
    '$json_spaces'(I), '$json_write'(E, I, I, _, W),
    (   { Es == [] } -> [] ; ",\n", '$json_block_elems'(Es, I, W) ).
'$json_spaces'(N) --> { N =< 0 }, !.
'$json_spaces'(N) --> " ", { N1 is N - 1 }, '$json_spaces'(N1).

% The one-line text of a term.
'$json_line'(T, Cs) :- phrase('$json_line'(T), Cs).
'$json_line'(json([])) --> !, "{}".
'$json_line'(json(Pairs)) --> !, "{", '$json_line_pairs'(Pairs), "}".
'$json_line'([]) --> !, "[]".
'$json_line'(L) --> { is_list(L) }, !, "[", '$json_line_elems'(L), " ]".
'$json_line'(@(A)) --> !, { atom_codes(A, Cs) }, '$json_codes'(Cs).
'$json_line'(N) --> { number(N) }, !, { format(codes(Cs), "~w", [N]) }, '$json_codes'(Cs).
'$json_line'(T) --> { ( atom(T) -> atom_codes(T, Cs) ; string_codes(T, Cs) ) }, '$json_quote'(Cs).
'$json_line_pairs'([P|Ps]) -->
    { '$json_pair'(P, K, V), !, '$json_key'(K, KCs) },
    '$json_quote'(KCs), ":",
    (   { '$json_compound'(V) } -> " " ; [] ),
    '$json_line'(V),
    (   { Ps == [] } -> [] ; ", ", '$json_line_pairs'(Ps) ).
'$json_line_elems'([E|Es]) -->
    (   { '$json_compound'(E) } -> " " ; [] ),
    '$json_line'(E),
    (   { Es == [] } -> [] ; ", ", '$json_line_elems'(Es) ).

% A string in quotes, escaped as JSON requires.
'$json_quote'(Cs) --> "\"", '$json_escaped'(Cs), "\"".
'$json_escaped'([]) --> [].
'$json_escaped'([C|Cs]) --> '$json_esc'(C), '$json_escaped'(Cs).
'$json_esc'(0'") --> !, "\\\"".
'$json_esc'(0'\\) --> !, "\\\\".
'$json_esc'(10) --> !, "\\n".
'$json_esc'(13) --> !, "\\r".
'$json_esc'(9) --> !, "\\t".
'$json_esc'(8) --> !, "\\b".
'$json_esc'(12) --> !, "\\f".
'$json_esc'(C) --> { C < 0x20 }, !, { format(codes(H), "\\u~|~`0t~16r~4+", [C]) }, '$json_codes'(H).
'$json_esc'(C) --> [C].

% --- both ways

% atom_json_term(?Text, ?Term, +Options): Text parsed when bound, else
% Term written (as(Type): atom, string or codes; width(0) is compact).
atom_json_term(Text, Term, Options) :-
    nonvar(Text), !,
    setup_call_cleanup(open_string(Text, S), json_read(S, Term, Options), close(S)).
atom_json_term(Text, Term, Options) :-
    option(as(As), Options, atom),
    with_output_to(codes(Cs), json_write(current_output, Term, Options)),
    (   As == atom -> atom_codes(Text, Cs)
    ;   As == string -> string_codes(Text, Cs)
    ;   As == codes -> Text = Cs
    ;   throw(error(domain_error(json_as, As), _))
    ).
