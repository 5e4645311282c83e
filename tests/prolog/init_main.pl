% initialization(main, main): runs main after loading, then halts; the
% argv flag holds the arguments after -- (swipl 9: without the program name).  Run as: snaplog FILE -- a b
% Expected output checked against swipl 9.0.4 (swipl FILE a b).
:- initialization(main, main).
:- initialization((write(init_after_load), nl)).

main :- current_prolog_flag(argv, Args), write(Args), nl.
