# stdlib/read.mk: read_term, read, op/3, current_op/3, write_term (read.c),
# compiled with the write barrier like the rest of the engine and added to
# the engine library.  engine/main.c registers them (read_register).
READ_SRCS := stdlib/read.c
READ_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(READ_SRCS))
$(ENGINE_LIB): $(READ_OBJS)
-include $(READ_OBJS:.o=.d)
