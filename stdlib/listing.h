/* listing.h - clauses as text, laid out as swipl 9's portray_clause/1 and
 * listing/1 print them; library(listing) (stdlib/listing.pl) writes it. */
#ifndef STDLIB_LISTING_H
#define STDLIB_LISTING_H

void listing_register(void);

#endif
