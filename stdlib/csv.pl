/* library(csv): comma-separated values (RFC 4180) as swipl reads and
 * writes them: a file is a list of rows, row(F1, ..., Fn) by default.
 * Fields may be quoted ("a, b", "say ""hi"""), a quoted field may hold
 * newlines, a line ends with \n or \r\n.  Reading converts a field that
 * is a number to that number and any other to an atom (convert(false):
 * all atoms); writing quotes a field that holds the separator, a quote or
 * a line break, and ends each line with \r\n.
 *
 * Options: separator(Code) (0',), strip(Bool) (white space around
 * unquoted fields, false), convert(Bool) (true), functor(Name) (row),
 * arity(N), match_arity(Bool) (true: every row has the first row's
 * arity, else domain_error(row_arity(N), M)), line(L) for
 * csv_read_file_row/3. */
:- module(csv, [csv_read_file/2, csv_read_file/3, csv_read_stream/3, csv_read_file_row/3,
                csv_write_file/2, csv_write_file/3, csv_write_stream/3, csv//1, csv//2]).

csv_read_file(File, Rows) :- csv_read_file(File, Rows, []).
csv_read_file(File, Rows, Options) :-
    read_file_to_codes(File, Codes, []),
    phrase(csv(Rows, Options), Codes).

csv_read_stream(Stream, Rows, Options) :-
    read_stream_to_codes(Stream, Codes),
    phrase(csv(Rows, Options), Codes).

% csv_read_file_row(+File, -Row, +Options): each row in turn; line(L) in
% Options is the row's number, from 1.
csv_read_file_row(File, Row, Options) :-
    csv_read_file(File, Rows, Options),
    nth1(Line, Rows, Row),
    ( memberchk(line(L), Options) -> L = Line ; true ).

csv_write_file(File, Rows) :- csv_write_file(File, Rows, []).
csv_write_file(File, Rows, Options) :-
    setup_call_cleanup(open(File, write, S), csv_write_stream(S, Rows, Options), close(S)).

csv_write_stream(Stream, Rows, Options) :-
    phrase(csv(Rows, Options), Codes),
    format(Stream, "~s", [Codes]).

% csv(?Rows), csv(?Rows, +Options): the grammar both ways: with Rows bound
% it writes them, else it reads.
csv(Rows) --> csv(Rows, []).
csv(Rows, Options, S0, S) :-
    must_be(list, Options),
    '$csv_options'(Options, O),
    (   nonvar(Rows)
    ->  '$csv_emit_rows'(Rows, O, S0, S)
    ;   '$csv_rows'(S0, O, Rows0, S),
        '$csv_arity'(Rows0, O),
        Rows = Rows0
    ).

% o(Separator, Strip, Convert, Functor, Arity, MatchArity)
'$csv_options'(Options, o(Sep, Strip, Conv, F, Ar, Match)) :-
    option(separator(Sep), Options, 0',),
    option(strip(Strip), Options, false),
    option(convert(Conv), Options, true),
    option(functor(F), Options, row),
    option(arity(Ar), Options, _),
    option(match_arity(Match), Options, true).

'$csv_arity'([], _).
'$csv_arity'([R|Rs], o(_, _, _, _, Ar, Match)) :-
    (   Match == true
    ->  functor(R, _, A0),
        ( var(Ar) -> Ar = A0 ; true ),
        '$csv_same_arity'([R|Rs], Ar)
    ;   true
    ).
'$csv_same_arity'([], _).
'$csv_same_arity'([R|Rs], Ar) :-
    functor(R, _, A),
    (   A =:= Ar -> true ; throw(error(domain_error(row_arity(Ar), A), _)) ),
    '$csv_same_arity'(Rs, Ar).

% --- reading
%
% The parsing predicates take the input first, so that first-argument
% indexing leaves no choice point (no snapshot) per row or character.

'$csv_rows'([], _, [], []) :- !.
'$csv_rows'(S0, O, [Row|Rows], S) :-
    '$csv_fields'(S0, O, Fields, S1),
    O = o(_, _, _, F, _, _),
    Row =.. [F|Fields],
    '$csv_rows'(S1, O, Rows, S).

% The fields of one row, and the line end (or the end of the input) after it.
'$csv_fields'(S0, O, [F|Fs], S) :-
    '$csv_field'(S0, O, F, S1),
    O = o(Sep, _, _, _, _, _),
    (   S1 = [Sep|S2]
    ->  '$csv_fields'(S2, O, Fs, S)
    ;   '$csv_eol'(S1, S), Fs = []
    ).
'$csv_eol'([], []).
'$csv_eol'([C|S0], S) :-
    (   C == 0'\n -> S = S0
    ;   C == 0'\r -> ( S0 = [0'\n|S1] -> S = S1 ; S = S0 )
    ).

'$csv_field'(S0, O, F, S) :-
    (   S0 = [0'"|S1]
    ->  '$csv_quoted'(S1, Cs, S2),
        '$csv_skip_blanks'(O, S2, S)
    ;   O = o(Sep, Strip, _, _, _, _),
        '$csv_plain'(S0, Sep, Cs0, S),
        ( Strip == true -> '$csv_strip'(Cs0, Cs) ; Cs = Cs0 )
    ),
    '$csv_value'(Cs, O, F).

'$csv_quoted'([], _, _) :- throw(error(syntax_error(csv_unterminated_quoted_field), _)).
'$csv_quoted'([C|S0], Cs, S) :-
    (   C == 0'"
    ->  (   S0 = [0'"|S1] -> Cs = [0'"|Cs1], '$csv_quoted'(S1, Cs1, S)
        ;   Cs = [], S = S0
        )
    ;   Cs = [C|Cs1], '$csv_quoted'(S0, Cs1, S)
    ).

'$csv_plain'([], _, [], []).
'$csv_plain'([C|S0], Sep, Cs, S) :-
    (   C \== Sep, C \== 0'\n, C \== 0'\r     % tests only: no snapshot
    ->  Cs = [C|Cs1], '$csv_plain'(S0, Sep, Cs1, S)
    ;   Cs = [], S = [C|S0]
    ).

'$csv_skip_blanks'(o(_, true, _, _, _, _), [C|S0], S) :- code_type(C, white), !,
    '$csv_skip_blanks'(o(_, true, _, _, _, _), S0, S).
'$csv_skip_blanks'(_, S, S).

% white space (blanks and tabs) off both ends, by split_string/4's padding
% (on a string: [] as text would be the atom '[]')
'$csv_strip'(Cs0, Cs) :- string_codes(S0, Cs0), split_string(S0, "", " \t", [S]), string_codes(S, Cs).

% A field that reads as a number is that number (convert(true)): only
% fields made of number characters are tried, so that a text field costs
% no catch/3.
'$csv_value'(Cs, o(_, _, Conv, _, _, _), V) :-
    (   Conv == true, Cs = [C0|_], '$csv_num_start'(C0),
        '$csv_numeric'(Cs),
        catch(number_codes(N, Cs), error(syntax_error(_), _), fail)
    ->  V = N
    ;   atom_codes(V, Cs)
    ).
'$csv_numeric'([]).
'$csv_numeric'([C|Cs]) :-
    (   C >= 0'0, C =< 0'9 -> true
    ;   memberchk(C, [0'., 0'e, 0'E, 0'-, 0'+])
    ),
    '$csv_numeric'(Cs).
'$csv_num_start'(C) :-
    (   C >= 0'0, C =< 0'9 -> true
    ;   memberchk(C, [0'-, 0'+])
    ).

% --- writing

'$csv_emit_rows'([], _, S, S).
'$csv_emit_rows'([R|Rs], O, S0, S) :-
    R =.. [_|Fields],
    '$csv_emit_fields'(Fields, O, S0, S1),
    S1 = [0'\r, 0'\n|S2],
    '$csv_emit_rows'(Rs, O, S2, S).
'$csv_emit_fields'([], _, S, S).
'$csv_emit_fields'([F|Fs], O, S0, S) :-
    '$csv_emit_field'(F, O, S0, S1),
    (   Fs == []
    ->  S1 = S
    ;   O = o(Sep, _, _, _, _, _), S1 = [Sep|S2], '$csv_emit_fields'(Fs, O, S2, S)
    ).
'$csv_emit_field'(F, o(Sep, _, _, _, _, _), S0, S) :-
    (   number(F) -> number_codes(F, Cs)
    ;   atomic(F) -> atom_codes(F, Cs)
    ;   format(codes(Cs), "~w", [F])
    ),
    (   member(C, Cs), ( C == Sep ; C == 0'" ; C == 0'\n ; C == 0'\r )
    ->  S0 = [0'"|S1], '$csv_emit_quoted'(Cs, S1, S)
    ;   append(Cs, S, S0)
    ).
'$csv_emit_quoted'([], [0'"|S], S).
'$csv_emit_quoted'([0'"|Cs], [0'", 0'"|S0], S) :- !, '$csv_emit_quoted'(Cs, S0, S).
'$csv_emit_quoted'([C|Cs], [C|S0], S) :- '$csv_emit_quoted'(Cs, S0, S).
