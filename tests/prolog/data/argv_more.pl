argv_more.
