# stdlib/cyclic.mk: acyclic_term/1, cyclic_term/1 and assert's check (cyclic.c), compiled
# with the write barrier like the rest of the engine and added to the engine
# library.  engine/main.c registers them (cyclic_register).
CYCLIC_OBJS := $(B)/guest/stdlib/cyclic.o
$(ENGINE_LIB): $(CYCLIC_OBJS)
-include $(CYCLIC_OBJS:.o=.d)
