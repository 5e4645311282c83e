/* os.h - files, the environment, time and shell/1,2 (see os.c). */
#ifndef STDLIB_OS_H
#define STDLIB_OS_H

void os_register(void);

#endif
