#!/usr/bin/env python3
# tests/lang/gen_random_terms.py SEED COUNT [ops]: random terms in canonical
# notation (so any Prolog reads them the same way), one clause per line,
# for the swipl-checked corpus: tests/lang/corpus/random.pl was made with
# SEED 1, COUNT 1500; random_ops.pl with SEED 21, COUNT 800, ops (user
# operators declared first, and used).  No '.' atoms: swipl 9 makes '.' a
# dict operator.
import random, sys
random.seed(int(sys.argv[1]))
with_ops = len(sys.argv) > 3 and sys.argv[3] == "ops"
atoms = ["a","foo","'b c'","-","+","{}","'|'","\\\\","mod","is",":-","\\\\+","dynamic","'A'","'_x'","'/*'","$","=","*","^","**","->",";","!","rem","xor","@","#","..","'0'","'['","?-","-->","~","&","<",">","=..","\\\\=","'hello world'", "'\\\\n'", "'it''s'"]
infix = ["-","+","*","^","**","'|'",";",":-","=","mod","->",":","is","rem","xor","=..","<","/","//",">>","-->","=:=","\\\\="]
prefix = ["-","+","\\\\+","\\\\","$","dynamic",":-","?-"]
if with_ops:
    infix = ["===>", "^^", "zz"] + infix
    prefix = ["~", "qq", "fyy"] + prefix
    atoms = ["===>", "~", "qq", "zz", "++", "fyy"] + atoms

def t(d):
    k = random.randrange(6 if d<=0 else 15)
    if k==0: return random.choice(atoms)
    if k==1: return random.choice(["0","1","-1","42","-42","1.5","-1.5","0.1","-0.0","1.0e10","123456789012345678901234567890","-3"])
    if k==2: return random.choice(["X","Y","_","Z"])
    if k==3: return random.choice(['"abc"','""','"a\\"b"'])
    if k==4: return random.choice(atoms)
    if k==5: return random.choice(["0","1","-1"])
    if k in (6,7): 
        f=random.choice(atoms); n=random.randint(1,3)
        return f+"("+",".join(t(d-1) for _ in range(n))+")"
    if k==8:
        n=random.randint(1,3); s="["+",".join(t(d-1) for _ in range(n))
        if random.random()<0.3: s+="|"+t(d-1)
        return s+"]"
    if k==9: return "'{}'("+t(d-1)+")"
    if k in (10,11): return random.choice(prefix)+"("+t(d-1)+")"
    return random.choice(infix)+"("+t(d-1)+","+t(d-1)+")"
print("% modes: writeq print write canonical")
if with_ops:
    for p, ty, n in [(700, "xfx", "===>"), (200, "xfy", "^^"), (100, "fy", "~"), (9, "fx", "qq"),
                     (1150, "fy", "fyy"), (650, "yfx", "zz"), (100, "xf", "++")]:
        print(":- op(%d, %s, %s) ." % (p, ty, n))
for i in range(int(sys.argv[2])):
    print(t(random.randint(1,5))+" .")
