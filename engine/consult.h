/* consult.h - loading Prolog source files.
 *
 * Each clause is read by lang's reader, term-expanded (term_expansion/2, DCG
 * translation), and added to the database; directives run as they are met,
 * each in its own solve() (a failure or error is reported as swipl reports
 * it, with file:line, and loading goes on).  Reconsulting a file replaces the
 * predicates it defined.  Singleton variables and discontiguous clauses are
 * warned about as swipl does.
 */
#ifndef ENGINE_CONSULT_H
#define ENGINE_CONSULT_H
#include <stdbool.h>

#include "copy.h"
#include "term.h"

/* Load the file spec names (an atom or library(Name) term; ".pl" added when
 * the name alone does not exist).  if_not_loaded: ensure_loaded semantics.
 * Raises existence_error(source_sink, Spec) when there is no such file,
 * so call it inside solve(); consult_file_top is for main. */
void consult_spec(term_t spec, bool if_not_loaded);

/* Load library(name) from the embedded library (stdlib/library.h) unless it
 * is loaded; name is lists, dcg/basics, ...  A name the library does not
 * hold is accepted and loads nothing (see consult.c).  Raises errors, so
 * call it inside solve(). */
void consult_library(term_t name);

/* Autoloading: when f is undefined and a library not loaded yet exports it,
 * load that library; true when f is defined afterwards.  Called by the
 * solve loop before it reports an unknown procedure. */
bool consult_autoload(functor_t f);

/* For the command line: load path; false (after printing the error) when it
 * cannot be read. */
bool consult_file_top(const char *path);

/* Load Prolog text (the boot library): its predicates belong to the system
 * file, and a user file that defines one replaces it. */
void consult_text(const char *name, const char *text);

/* The goal of initialization(G, main), or NULL (persistent copy). */
struct pterm *consult_main_goal(void);
/* The file (and *line) of that initialization/2 directive. */
const char *consult_main_goal_at(long *line);

/* Warnings and errors printed while loading so far (for exit statuses). */
unsigned long consult_error_count(void);

/* The directory of the file being loaded (absolute, no trailing slash but
 * for "/"), into out; false when no file is being loaded. */
bool consult_load_dir(char *out, size_t size);
void consult_register(void);

#endif
