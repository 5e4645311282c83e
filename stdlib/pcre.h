/* pcre.h - regular expressions with PCRE2, named as swipl's library(pcre):
 * re_match/2,3, re_matchsub/3,4, re_foldl/6, re_split/3,4, re_replace/4,5,
 * re_compile/3 and re_flush/0.  docs/regex.md describes them.
 *
 * PCRE2 is not compiled with the write barrier, so everything it writes
 * (compiled code, match data, its working memory) is persistent memory, and
 * so is the cache of compiled patterns: a restore neither brings back a
 * freed pattern nor forgets a cached one.  Results are copied into terms by
 * our own, instrumented, code.
 */
#ifndef STDLIB_PCRE_H
#define STDLIB_PCRE_H

/* Set up PCRE2's contexts and the pattern cache (persistent memory), then
 * register the built-ins.  Once, before any snapshot. */
void pcre_register(void);

#endif
