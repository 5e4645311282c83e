# stdlib/text.mk: the atom, character and string built-ins (text.c, atoms.c,
# chartype.c, strings.c) and format's float digits (fmtfloat.c), compiled with the write barrier like the rest of
# the engine and added to the engine library.  engine/main.c registers them
# (text_register).
TEXT_SRCS := stdlib/text.c stdlib/atoms.c stdlib/chartype.c stdlib/strings.c stdlib/fmtfloat.c
TEXT_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(TEXT_SRCS))
$(ENGINE_LIB): $(TEXT_OBJS)
-include $(TEXT_OBJS:.o=.d)

# unit test: fmtfloat against glibc's printf (host)
$(B)/tests/unit/test_fmtfloat: $(B)/host/stdlib/fmtfloat.o
UNIT_LIBS_test_fmtfloat := -lm
