/* tests/lang/variant.h: structural variant test for the reader/writer tests. */
#ifndef TESTS_LANG_VARIANT_H
#define TESTS_LANG_VARIANT_H

#include <stdbool.h>

#include "engine/term.h"

/* lt_variant: a and b are equal up to a one-to-one renaming of variables
 * (floats compared bit for bit, so -0.0 differs from 0.0). */
bool lt_variant(term_t a, term_t b);

#endif
