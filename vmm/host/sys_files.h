/* sys_files.h: the file and console system calls (part of sys_serve). */
#ifndef SYS_FILES_H
#define SYS_FILES_H

#include "sys_serve.h"

/* sys_files serves call (nr) with arguments (a) when it is a file call and
 * sets *handled; (path) receives the guest path it used (for the trace), or
 * is left empty.  Returns the result or -errno. */
int64_t sys_files(struct sys_state *s, uint64_t nr, const uint64_t a[6], int *handled, char *path,
                  size_t pathcap);

/* sys_bad ends the guest for a bad address in call (what); returns -EFAULT. */
int64_t sys_bad(struct sys_state *s, const char *what);

#endif
