# stdlib/pcre.mk: regular expressions (pcre.c), compiled with the write
# barrier like the rest of the engine and added to the engine library, over
# PCRE2 (libpcre2-8) linked statically into the engine.  PCRE2 itself is not
# instrumented: pcre.c gives it persistent memory only (docs/regex.md).
# engine/main.c registers the built-ins (pcre_register).
PCRE_SRCS := stdlib/pcre.c
PCRE_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(PCRE_SRCS))
$(ENGINE_LIB): $(PCRE_OBJS)
ENGINE_LDLIBS += -lpcre2-8
-include $(PCRE_OBJS:.o=.d)
