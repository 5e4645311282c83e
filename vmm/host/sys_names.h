/* sys_names.h: system call names and strace-like trace lines. */
#ifndef SYS_NAMES_H
#define SYS_NAMES_H

#include <stdint.h>
#include <stdio.h>

/* The name of x86-64 system call (nr), or NULL when unknown.  Static string. */
const char *sys_name(uint64_t nr);

/* sys_trace prints one line "name(args) = ret" to (out), strace style:
 * a negative ret as "-1 ENAME (message)"; (path), when not NULL, is shown
 * quoted in place of the path argument. */
void sys_trace(FILE *out, uint64_t nr, const uint64_t a[6], int64_t ret, const char *path);

#endif
