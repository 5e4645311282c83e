% modes: writeq write canonical
'' .
'a b' .
[] .
{} .
'!' .
';' .
',' .
'|' .
'.' .
'..' .
'/*' .
'/**' .
'+/*' .
'*/' .
'.a' .
'a.' .
'\\' .
'\\\\' .
';;' .
'!!' .
hello_World9 .
'Abc' .
'_' .
'_abc' .
'a\nb' .
'\t' .
'%' .
'it''s' .
'it\'s' .
'\x0\' .
'\x7f\' .
'a\x1\b' .
'\e' .
'\b' .
'\f' .
'\v' .
'\a' .
'\r' .
'\0\' .
'\101\' .
'\x41\\x42\' .
'hello\
world' .
'é' .
'éa' .
'λx' .
'日本' .
f('A', b, 'c d', [], {}, '{}') .
'hello'(world) .
'hello world'(x) .
[a, 'B', "c"] .
"abc" .
"a\"b'c" .
"" .
"line\nbreak" .
`abc` .
f("x", 'x', x) .
"\x41\" .
'\s' .
