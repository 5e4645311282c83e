# stdlib/nbarg.mk: the kept region of nb_setarg/3's values (nbarg.c),
# compiled with the write barrier like the rest of the engine and added to
# the engine library.  stdlib/terms.c calls it.
NBARG_OBJS := $(B)/guest/stdlib/nbarg.o
$(ENGINE_LIB): $(NBARG_OBJS)
-include $(NBARG_OBJS:.o=.d)
