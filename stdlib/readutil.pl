/* library(readutil): reading lines, whole streams and whole files, as
 * swipl's. */
:- module(readutil, [read_line_to_codes/2, read_line_to_codes/3, read_line_to_string/2,
                     read_stream_to_codes/2, read_stream_to_codes/3,
                     read_file_to_codes/3, read_file_to_string/3, read_file_to_terms/3]).

% read_line_to_codes(+Stream, -Codes): the next line without its newline
% (a "\r\n" ending loses the "\r" too), or -1 at the end of the stream.
read_line_to_codes(S, Codes) :-
    get_code(S, C),
    (   C == -1
    ->  Codes = -1
    ;   '$readutil_line'(C, S, Cs),
        Codes = Cs
    ).

'$readutil_line'(-1, _, []) :- !.
'$readutil_line'(10, _, []) :- !.
'$readutil_line'(13, S, Cs) :- peek_code(S, 10), !, get_code(S, _), Cs = [].
'$readutil_line'(C, S, [C|Cs]) :- get_code(S, C1), '$readutil_line'(C1, S, Cs).

% read_line_to_codes(+Stream, -Codes, ?Tail): the line with its newline, as
% a difference list; [] at the end of the stream.
read_line_to_codes(S, Codes, Tail) :-
    get_code(S, C),
    '$readutil_line_dl'(C, S, Codes, Tail).

'$readutil_line_dl'(-1, _, Tail, Tail) :- !, Tail = [].
'$readutil_line_dl'(10, _, [10|Tail], Tail) :- !.
'$readutil_line_dl'(C, S, [C|Cs], Tail) :- get_code(S, C1), '$readutil_line_dl'(C1, S, Cs, Tail).

% read_line_to_string(+Stream, -String): the line as a string, or the atom
% end_of_file at the end of the stream.
read_line_to_string(S, String) :-
    read_line_to_codes(S, Codes),
    (   Codes == -1
    ->  String = end_of_file
    ;   string_codes(String, Codes)
    ).

% read_stream_to_codes(+Stream, -Codes[, ?Tail]): everything left.
read_stream_to_codes(S, Codes) :- read_stream_to_codes(S, Codes, []).
read_stream_to_codes(S, Codes, Tail) :-
    get_code(S, C),
    '$readutil_all'(C, S, Codes, Tail).

'$readutil_all'(-1, _, Tail, Tail) :- !.
'$readutil_all'(C, S, [C|Cs], Tail) :- get_code(S, C1), '$readutil_all'(C1, S, Cs, Tail).

% read_file_to_codes(+Spec, -Codes, +Options), read_file_to_string(+Spec,
% -String, +Options), read_file_to_terms(+Spec, -Terms, +Options): the
% whole file.  Spec is found as absolute_file_name/3 finds it (a missing
% file is existence_error(source_sink, Spec)); an encoding(E) option is
% passed to open/4, the others to absolute_file_name/3.
read_file_to_codes(Spec, Codes, Options) :-
    '$readutil_open'(Spec, Options, S),
    call_cleanup(read_stream_to_codes(S, Codes), close(S)).
read_file_to_string(Spec, String, Options) :-
    read_file_to_codes(Spec, Codes, Options),
    string_codes(String, Codes).
read_file_to_terms(Spec, Terms, Options) :-
    '$readutil_open'(Spec, Options, S),
    call_cleanup('$readutil_terms'(S, Terms), close(S)).

'$readutil_open'(Spec, Options, S) :-
    must_be(list, Options),
    '$readutil_split'(Options, OpenOpts, FileOpts),
    absolute_file_name(Spec, Path, [access(read)|FileOpts]),
    open(Path, read, S, OpenOpts).
'$readutil_split'([], [], []).
'$readutil_split'([O|Os], Open, File) :-
    (   nonvar(O), O = encoding(_)
    ->  Open = [O|Open1], File = File1
    ;   Open = Open1, File = [O|File1]
    ),
    '$readutil_split'(Os, Open1, File1).

'$readutil_terms'(S, Terms) :-
    read_term(S, T, []),
    (   T == end_of_file
    ->  Terms = []
    ;   Terms = [T|Ts],
        '$readutil_terms'(S, Ts)
    ).
