/* lang/ops.h: the operator table (op/3, current_op/3), persistent.
 *
 * One table for the whole system, in persistent memory (mem_palloc): op/3
 * is not undone by backtracking (DESIGN section 5).  The table starts with
 * swipl's default operators (ISO's plus swipl's; without the dict operator
 * '.' since snaplog has no dicts).  An atom may be a prefix operator and
 * an infix or a postfix one at the same time; infix and postfix together
 * are refused (ISO 8.14.3.3).
 */
#ifndef LANG_OPS_H
#define LANG_OPS_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/atom.h"

typedef enum rd_optype {
    RD_OP_NONE = 0,
    RD_XFX, RD_XFY, RD_YFX, /* infix */
    RD_FY, RD_FX,           /* prefix */
    RD_XF, RD_YF            /* postfix */
} rd_optype;

typedef enum rd_opclass { RD_PREFIX, RD_INFIX, RD_POSTFIX } rd_opclass;

/* rd_ops_init: create the table with the default operators.  Once, before
 * any snapshot (the root pointer is then never written again).  False when
 * persistent memory is exhausted. */
bool rd_ops_init(void);

/* rd_op_lookup: the operator of class cls named a: true and *pri, *type set. */
bool rd_op_lookup(atom_t a, rd_opclass cls, int *pri, rd_optype *type);

/* rd_op_is_any: a is an operator of any class (the writer brackets such atoms
 * when they stand as operands). */
bool rd_op_is_any(atom_t a);

/* rd_optype_class: which class a type belongs to. */
rd_opclass rd_optype_class(rd_optype t);
/* rd_optype_parse: the type named by text ("xfx"...), RD_OP_NONE if none. */
rd_optype rd_optype_parse(const char *text);
/* rd_optype_name: "xfx" ... */
const char *rd_optype_name(rd_optype t);

typedef enum rd_op_error {
    RD_OPE_OK = 0,
    RD_OPE_PRIORITY,  /* domain_error(operator_priority, P) */
    RD_OPE_SPECIFIER, /* domain_error(operator_specifier, S) */
    RD_OPE_MODIFY,    /* permission_error(modify, operator, Name): ',' */
    RD_OPE_CREATE     /* permission_error(create, operator, Name): '|' misuse, [] {}, infix+postfix */
} rd_op_error;

/* rd_op_check: the ISO errors op(pri, type, name) must raise, checked in
 * ISO's order; RD_OPE_OK when the definition may be made.  type
 * RD_OP_NONE means the specifier was not a valid one. */
rd_op_error rd_op_check(long pri, rd_optype type, atom_t name);

/* rd_op_set: define (pri > 0) or remove (pri == 0) an operator; call
 * rd_op_check first.  False when persistent memory is exhausted. */
bool rd_op_set(int pri, rd_optype type, atom_t name);

/* rd_op_next: iterate over all definitions for current_op/3.  Start with
 * *cursor = 0; each call that returns true sets the outputs and advances
 * *cursor.  The table may be changed between calls (op/3 inside the
 * iteration): entries may then be seen twice or not at all, never garbage. */
bool rd_op_next(size_t *cursor, atom_t *name, int *pri, rd_optype *type);

#endif
