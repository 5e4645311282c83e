% -g goals are read with the flags as the goals before them left them
% (double_quotes here), as swipl reads each one when it runs it.  The
% expected text is swipl 9.0.4's output for the arguments in the .args file.
