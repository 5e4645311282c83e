/* error.h - raising ISO error terms: error(Formal, Context).
 *
 * One throw path (solve_throw in solve.h); these helpers build the formal
 * term and the context context(system:Name/Arity, _) of the built-in that is
 * running, so a built-in never builds error terms by hand.  None returns.
 */
#ifndef ENGINE_ERROR_H
#define ENGINE_ERROR_H

#include "term.h"

_Noreturn void err_instantiation(void);
/* type_error(type, culprit); type is an atom such as ATOM_integer. */
_Noreturn void err_type(atom_t type, term_t culprit);
_Noreturn void err_domain(atom_t domain, term_t culprit);
/* existence_error(kind, what), e.g. (procedure, foo/2). */
_Noreturn void err_existence(atom_t kind, term_t what);
/* permission_error(action, type, culprit). */
_Noreturn void err_permission(atom_t action, atom_t type, term_t culprit);
_Noreturn void err_representation(atom_t what);
_Noreturn void err_evaluation(atom_t what);
_Noreturn void err_resource(atom_t what);
_Noreturn void err_uninstantiation(term_t culprit);
/* error(Formal, Context) for any formal term. */
_Noreturn void err_throw_formal(term_t formal);
/* The same with the message msg as the context's second argument, as
 * swipl gives the system's reason for a failed file operation:
 * context(system:make_directory/1, 'File exists'). */
_Noreturn void err_throw_formal_msg(term_t formal, const char *msg);

/* Name/Arity as a term. */
term_t err_pred_indicator(atom_t name, unsigned arity);

/* Argument decoding: dereference and check, raising the standard error.  */
term_t err_need_callable(term_t t);
atom_t err_need_atom(term_t t);
int64_t err_need_int(term_t t);

#endif
