/* write.h - term output built-ins on any output stream: write/1,2,
 * print/1,2, writeln/1,2, writeq/1,2, write_canonical/1,2, write_term/2,3. */
#ifndef STDLIB_WRITE_H
#define STDLIB_WRITE_H

void write_register(void);

#endif
