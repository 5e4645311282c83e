/* os.h - files, the environment, time and shell/1,2 (see os.c). */
#ifndef STDLIB_OS_H
#define STDLIB_OS_H

void os_register(void);

/* One key from the terminal, without Enter or echo (raw mode for the
 * read), a UTF-8 character whole; -1 at the end.  get_single_char/1 and
 * the toplevel's ';' read it. */
int os_read_key(void);

#endif
