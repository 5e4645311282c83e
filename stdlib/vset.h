/* vset.h - persistent sets of terms up to variance ('$vset_new'/1,
 * '$vset_add'/2, '$vset_free'/1), for distinct/1,2. */
#ifndef STDLIB_VSET_H
#define STDLIB_VSET_H

void vset_register(void);

#endif
