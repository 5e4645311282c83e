/* library(pio): phrase_from_file/2,3, a DCG over a file's text.  The file
 * is read whole into a code list first (swipl reads it lazily): the same
 * answers, with the file's size in memory while the grammar runs. */
:- module(pio, [phrase_from_file/2, phrase_from_file/3]).

% phrase_from_file(:Grammar, +File[, +Options]): phrase(Grammar, Codes) on
% the file's codes; Options as read_file_to_codes/3 takes them.
phrase_from_file(G, File) :-
    phrase_from_file(G, File, []).
phrase_from_file(G, File, Options) :-
    read_file_to_codes(File, Codes, Options),
    phrase(G, Codes).
