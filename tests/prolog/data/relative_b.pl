relative_b :- write(b_loaded), nl.
