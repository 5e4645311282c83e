% consult(user) ([user]) at the toplevel: clauses typed on user_input up
% to a line end_of_file., loaded as the file user, then queries again.
% Queries come from consult_user.in.  Expected output checked against
% swipl 9.0.4 (swipl -q FILE < .in).
