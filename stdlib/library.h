/* library.h - the Prolog library embedded in the engine image.
 *
 * stdlib/lib.mk turns every stdlib/NAME.pl (and stdlib/dcg/NAME.pl) into a
 * lib_files entry at build time, so library(NAME) loads with no file system.
 * Each file starts with `:- module(Name, Exports).`; the exports form the
 * autoload index: the first call of an undefined predicate that a library
 * exports loads that library (consult_autoload in engine/consult.c), as
 * swipl's autoloader does.
 */
#ifndef STDLIB_LIBRARY_H
#define STDLIB_LIBRARY_H
#include <stdbool.h>

#include "engine/term.h"

struct lib_file {
    const char *name; /* "lists", "dcg/basics" */
    const char *text; /* the Prolog text, NUL-terminated, static */
};

extern const struct lib_file lib_files[];
extern const unsigned lib_nfiles;

/* The index in lib_files of the library called name, or -1. */
int lib_find(const char *name);
/* The index of the library that exports f, or -1.  The first call reads
 * every file's module header (the index is persistent). */
int lib_exporter(functor_t f);
/* The file atom of library i's predicates: library(NAME) as text. */
atom_t lib_file_atom(unsigned i);
/* Did the predicates of file come from the library (or the boot text)? */
bool lib_is_file(atom_t file);

/* The module that the library whose predicates carry file declares
 * (lists for library(lists)), or 0 when file is no library's. */
atom_t lib_module_of_file(atom_t file);
/* The index of the library declaring module, or -1. */
int lib_of_module(atom_t module);

/* Register the library's C built-ins: global variables, listing. */
void lib_register(void);

#endif
