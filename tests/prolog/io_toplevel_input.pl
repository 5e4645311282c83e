% The toplevel and a program share user_input: a character a query peeks at
% (peek_char/1) or a clause's lookahead that read/1 does not consume is
% still there for the toplevel's next query, and what get_char/1 or read/1
% took is gone from it.  Queries come from io_toplevel_input.in.
% Expected output checked against swipl 9.0.4 (swipl -q FILE < .in): the
% answers agree; swipl's toplevel prints one more empty line after some
% answers, which snaplog's toplevel does not (the toplevel's format, not
% the streams').
