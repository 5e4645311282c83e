# stdlib/os.mk: files, the environment, time and the shell (os.c), compiled
# with the write barrier like the rest of the engine.  engine/main.c
# registers them (os_register).
OS_SRCS := stdlib/os.c
OS_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(OS_SRCS))
$(ENGINE_LIB): $(OS_OBJS)
-include $(OS_OBJS:.o=.d)
