/* lang/ops.c: the persistent operator table: open addressing on atom_t. */
#include "ops.h"

#include <string.h>

#include "engine/mem.h"

typedef struct op_entry {
    atom_t name;           /* (atom_t)-1: empty slot */
    short pri[3];          /* by rd_opclass; 0 = not an operator of that class */
    unsigned char type[3];
} op_entry;

typedef struct op_root {
    op_entry *slots;
    size_t cap, count;     /* cap a power of two */
} op_root;

/* Written once by rd_ops_init, before any snapshot; everything it points to
 * is persistent, so a restore never sees a stale table. */
static op_root *ops;

static const struct {
    short pri;
    rd_optype type;
    const char *name;
} default_ops[] = {
    {1200, RD_XFX, ":-"}, {1200, RD_XFX, "-->"}, {1200, RD_XFX, "=>"},
    {1200, RD_FX, ":-"}, {1200, RD_FX, "?-"},
    {1150, RD_FX, "dynamic"}, {1150, RD_FX, "discontiguous"}, {1150, RD_FX, "initialization"},
    {1150, RD_FX, "meta_predicate"}, {1150, RD_FX, "module_transparent"},
    {1150, RD_FX, "multifile"}, {1150, RD_FX, "public"}, {1150, RD_FX, "thread_local"},
    {1150, RD_FX, "thread_initialization"}, {1150, RD_FX, "volatile"}, {1150, RD_FX, "table"},
    {1105, RD_XFY, "|"}, {1100, RD_XFY, ";"}, {1050, RD_XFY, "->"}, {1050, RD_XFY, "*->"},
    {1000, RD_XFY, ","}, {900, RD_FY, "\\+"}, {800, RD_XFX, ":="},
    {700, RD_XFX, "="}, {700, RD_XFX, "\\="}, {700, RD_XFX, "=="}, {700, RD_XFX, "\\=="},
    {700, RD_XFX, "@<"}, {700, RD_XFX, "@>"}, {700, RD_XFX, "@=<"}, {700, RD_XFX, "@>="},
    {700, RD_XFX, "=.."}, {700, RD_XFX, "is"}, {700, RD_XFX, "=:="}, {700, RD_XFX, "=\\="},
    {700, RD_XFX, "<"}, {700, RD_XFX, ">"}, {700, RD_XFX, "=<"}, {700, RD_XFX, ">="},
    {700, RD_XFX, ">:<"}, {700, RD_XFX, ":<"}, {700, RD_XFX, "as"}, {700, RD_XFX, "=@="},
    {700, RD_XFX, "\\=@="},
    {600, RD_XFY, ":"}, {500, RD_YFX, "+"}, {500, RD_YFX, "-"}, {500, RD_YFX, "/\\"},
    {500, RD_YFX, "\\/"}, {400, RD_YFX, "xor"},
    {400, RD_YFX, "*"}, {400, RD_YFX, "/"}, {400, RD_YFX, "//"}, {400, RD_YFX, "rdiv"},
    {400, RD_YFX, "<<"}, {400, RD_YFX, ">>"}, {400, RD_YFX, "mod"}, {400, RD_YFX, "rem"},
    {400, RD_YFX, "div"},
    {200, RD_XFX, "**"}, {200, RD_XFY, "^"}, {200, RD_FY, "-"}, {200, RD_FY, "+"},
    {200, RD_FY, "\\"}, {1, RD_FX, "$"},
};

rd_opclass rd_optype_class(rd_optype t)
{
    return t == RD_FY || t == RD_FX ? RD_PREFIX : t == RD_XF || t == RD_YF ? RD_POSTFIX : RD_INFIX;
}

static const char *const type_names[] = {"", "xfx", "xfy", "yfx", "fy", "fx", "xf", "yf"};

rd_optype rd_optype_parse(const char *text)
{
    for (int t = RD_XFX; t <= RD_YF; t++)
        if (strcmp(text, type_names[t]) == 0)
            return (rd_optype)t;
    return RD_OP_NONE;
}

const char *rd_optype_name(rd_optype t)
{
    return type_names[t <= RD_YF ? t : 0];
}

static size_t slot_of(const op_root *r, atom_t a)
{
    size_t mask = r->cap - 1;
    size_t i = ((size_t)a * 0x9e3779b97f4a7c15u) >> 20 & mask;
    while (r->slots[i].name != (atom_t)-1 && r->slots[i].name != a)
        i = (i + 1) & mask;
    return i;
}

static bool table_alloc(op_root *r, size_t cap)
{
    op_entry *s = mem_palloc(cap * sizeof *s);
    if (!s)
        return false;
    for (size_t i = 0; i < cap; i++) {
        memset(&s[i], 0, sizeof s[i]);
        s[i].name = (atom_t)-1;
    }
    op_entry *old = r->slots;
    size_t oldcap = r->cap;
    r->slots = s;
    r->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].name != (atom_t)-1)
            r->slots[slot_of(r, old[i].name)] = old[i];
    mem_pfree(old);
    return true;
}

bool rd_op_set(int pri, rd_optype type, atom_t name)
{
    if ((ops->count + 1) * 2 > ops->cap && !table_alloc(ops, ops->cap * 2))
        return false;
    op_entry *e = &ops->slots[slot_of(ops, name)];
    if (e->name == (atom_t)-1) {
        if (pri == 0)
            return true;
        e->name = name;
        ops->count++;
    }
    rd_opclass c = rd_optype_class(type);
    e->pri[c] = (short)pri;
    e->type[c] = pri ? (unsigned char)type : RD_OP_NONE;
    return true;
}

bool rd_ops_init(void)
{
    if (ops)
        return true;
    op_root *r = mem_pzalloc(sizeof *r);
    if (!r || !table_alloc(r, 256))
        return false;
    ops = r;
    for (size_t i = 0; i < sizeof default_ops / sizeof default_ops[0]; i++) {
        atom_t a = atom_from_cstr(default_ops[i].name);
        if (a == (atom_t)-1 || !rd_op_set(default_ops[i].pri, default_ops[i].type, a))
            return false;
    }
    return true;
}

bool rd_op_lookup(atom_t a, rd_opclass cls, int *pri, rd_optype *type)
{
    const op_entry *e = &ops->slots[slot_of(ops, a)];
    if (e->name != a || e->pri[cls] == 0)
        return false;
    *pri = e->pri[cls];
    *type = (rd_optype)e->type[cls];
    return true;
}

bool rd_op_is_any(atom_t a)
{
    const op_entry *e = &ops->slots[slot_of(ops, a)];
    return e->name == a && (e->pri[0] || e->pri[1] || e->pri[2]);
}

rd_op_error rd_op_check(long pri, rd_optype type, atom_t name)
{
    if (pri < 0 || pri > 1200)
        return RD_OPE_PRIORITY;
    if (type == RD_OP_NONE || type > RD_YF)
        return RD_OPE_SPECIFIER;
    if (name == ATOM_comma)
        return RD_OPE_MODIFY;
    rd_opclass c = rd_optype_class(type);
    if (name == ATOM_bar && (c != RD_INFIX || (pri > 0 && pri < 1001)))
        return RD_OPE_CREATE;
    if (name == ATOM_nil || name == ATOM_curly)
        return RD_OPE_CREATE;
    int p;
    rd_optype t;
    if (pri > 0 && c == RD_INFIX && rd_op_lookup(name, RD_POSTFIX, &p, &t))
        return RD_OPE_CREATE;
    if (pri > 0 && c == RD_POSTFIX && rd_op_lookup(name, RD_INFIX, &p, &t))
        return RD_OPE_CREATE;
    return RD_OPE_OK;
}

bool rd_op_next(size_t *cursor, atom_t *name, int *pri, rd_optype *type)
{
    for (size_t k = *cursor; k < ops->cap * 3; k++) {
        const op_entry *e = &ops->slots[k / 3];
        if (e->name != (atom_t)-1 && e->pri[k % 3]) {
            *name = e->name;
            *pri = e->pri[k % 3];
            *type = (rd_optype)e->type[k % 3];
            *cursor = k + 1;
            return true;
        }
    }
    *cursor = ops->cap * 3;
    return false;
}
