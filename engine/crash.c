/* crash.c - '$crash'/1: crash the engine on purpose, for the tests of the
 * toplevel's crash recovery (toplevel.c: a coarse guard snapshot per
 * query under snapvm).  Not for programs: the name says so. */
#include "crash.h"

#include <string.h>

#include "db.h"
#include "error.h"

static volatile int sink;

/* Recursion the compiler cannot turn into a loop (each frame is live) and
 * cannot prove endless (sink is volatile: never -1 in fact). */
static __attribute__((noinline)) int deep(int n)
{
    volatile char frame[1024];
    frame[n & 1023] = (char)n;
    if (sink == -1)
        return 0;
    return deep(n + 1) + frame[(n + 7) & 1023];
}

/* '$crash'(+Kind): null (store to address 0), stack (unbounded C
 * recursion), illegal (an undefined instruction). */
static bool bi_crash(term_t *a)
{
    const char *kind = atom_name(err_need_atom(a[0]));
    if (!strcmp(kind, "null")) {
        volatile int *p = (volatile int *)(uintptr_t)sink;
        *p = 1;
    } else if (!strcmp(kind, "stack")) {
        sink = deep(0);
    } else if (!strcmp(kind, "illegal")) {
        __builtin_trap();
    } else {
        err_domain(atom_from_cstr("crash_kind"), term_deref(a[0]));
    }
    return false;
}

void crash_register(void) { db_register_det("$crash", 1, bi_crash); }
