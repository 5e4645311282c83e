/* vset.h - persistent sets of terms up to variance ('$vset_new'/1,
 * '$vset_index'/4, '$vset_size'/2, '$vset_list'/3,
 * '$vset_add'/2, '$vset_free'/1), for distinct/1,2. */
#ifndef STDLIB_VSET_H
#define STDLIB_VSET_H

void vset_register(void);

#endif
