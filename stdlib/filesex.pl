/* library(filesex): more on files, as swipl's: make_directory_path/1,
 * copy_file/2, directory_member/3, delete_directory_and_contents/1,
 * delete_directory_contents/1 (directory_file_path/3 is a built-in in
 * stdlib/os.c), and wildcard_match/2 (a built-in there).  A symbolic
 * link is never followed when deleting. */
:- module(filesex, [make_directory_path/1, copy_file/2, directory_member/3,
                    delete_directory_and_contents/1, delete_directory_contents/1, wildcard_match/2]).

% make_directory_path(+Dir): Dir and every missing parent.
make_directory_path(Dir) :-
    must_be(ground, Dir),
    (   exists_directory(Dir)
    ->  true
    ;   file_directory_name(Dir, Parent),
        ( Parent \== Dir -> make_directory_path(Parent) ; true ),
        make_directory(Dir)
    ).

% copy_file(+From, +To): To may be a directory, which gets From's name.
copy_file(From, To) :-
    (   exists_directory(To)
    ->  file_base_name(From, Base), directory_file_path(To, Base, Dest)
    ;   Dest = To
    ),
    setup_call_cleanup(open(From, read, In, [type(binary)]),
                       setup_call_cleanup(open(Dest, write, Out, [type(binary)]),
                                          '$fx_copy'(In, Out),
                                          close(Out)),
                       close(In)).
'$fx_copy'(In, Out) :-
    get_byte(In, B),
    (   B == -1
    ->  true
    ;   put_byte(Out, B),
        '$fx_copy'(In, Out)
    ).

% directory_member(+Dir, -Member, +Options): each entry of Dir (not . and
% ..) as Dir/Name.  Options: recursive(Bool), extensions(List),
% file_type(directory) (or prolog: .pl files), matches(Wildcard) (* ? and
% [...] on the name), exclude(Wildcard), exclude_directory(Wildcard),
% hidden(Bool) (default true).
directory_member(Dir, Member, Options) :-
    must_be(list, Options),
    '$fx_member'(Dir, Member, Options).
'$fx_member'(Dir, Member, Options) :-
    directory_files(Dir, Names0),
    msort(Names0, Names),
    member(Name, Names),
    Name \== '.', Name \== '..',
    (   option(hidden(false), Options) -> \+ sub_atom(Name, 0, _, _, '.') ; true ),
    directory_file_path(Dir, Name, Path),
    (   '$fx_wanted'(Name, Path, Options), Member = Path
    ;   option(recursive(true), Options),
        '$file_kind'(Path, directory),
        \+ ( option(exclude_directory(X), Options), wildcard_match(X, Name) ),
        '$fx_member'(Path, Member, Options)
    ).
'$fx_wanted'(Name, Path, Options) :-
    (   option(file_type(T), Options)
    ->  '$fx_type'(T, Path)
    ;   true
    ),
    (   option(extensions(Exts), Options)
    ->  file_name_extension(_, E, Name), memberchk(E, Exts), \+ exists_directory(Path)
    ;   true
    ),
    (   option(matches(P), Options) -> wildcard_match(P, Name) ; true ),
    \+ ( option(exclude(X), Options), wildcard_match(X, Name) ).
'$fx_type'(directory, Path) :- !, exists_directory(Path).
'$fx_type'(prolog, Path) :- !, exists_file(Path), file_name_extension(_, pl, Path).
'$fx_type'(source, Path) :- !, exists_file(Path), file_name_extension(_, pl, Path).
'$fx_type'(_, _) :- fail.

% delete_directory_and_contents(+Dir): Dir and everything under it.
delete_directory_and_contents(Dir) :-
    (   '$file_kind'(Dir, link)
    ->  delete_file(Dir)
    ;   delete_directory_contents(Dir),
        delete_directory(Dir)
    ).
% delete_directory_contents(+Dir): everything under Dir; Dir stays.
delete_directory_contents(Dir) :-
    directory_files(Dir, Names),
    forall(( member(N, Names), N \== '.', N \== '..' ),
           ( directory_file_path(Dir, N, P),
             (   '$file_kind'(P, directory)
             ->  delete_directory_and_contents(P)
             ;   delete_file(P)
             ) )).

% wildcard_match(+Pattern, +Name): * any run, ? one character, [abc] and
% [a-z] one of a set, \c the character c.
wildcard_match(Pattern, Name) :-
    atom_codes(Pattern, P), atom_codes(Name, N),
    '$fx_glob'(P, N), !.
'$fx_glob'([], []).
'$fx_glob'([0'*|P], N) :- !, ( '$fx_glob'(P, N) ; N = [_|N1], '$fx_glob'([0'*|P], N1) ).
'$fx_glob'([0'?|P], [_|N]) :- !, '$fx_glob'(P, N).
'$fx_glob'([0'[|P0], [C|N]) :- !, '$fx_class'(P0, C, false, P), '$fx_glob'(P, N).
'$fx_glob'([0'\\, C|P], [C|N]) :- !, '$fx_glob'(P, N).
'$fx_glob'([C|P], [C|N]) :- '$fx_glob'(P, N).
'$fx_class'([0']|P], _, true, P) :- !.
'$fx_class'([A, 0'-, B|P0], C, In0, P) :- B \== 0'], !,
    ( C >= A, C =< B -> In = true ; In = In0 ), '$fx_class'(P0, C, In, P).
'$fx_class'([A|P0], C, In0, P) :- ( A == C -> In = true ; In = In0 ), '$fx_class'(P0, C, In, P).
