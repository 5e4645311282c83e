# engine/engine.mk: the Prolog engine (terms, solve loop, database, consult)
# and the `snaplog` launcher.
#
# Term-layer objects are also built on the host with gcc (no barrier), with
# mem_libc.c standing in for the snapshot runtime, for the cmocka unit tests
# of code that never backtracks, and for lang's host-side reader tests.

CPPFLAGS += -I.

# The term layer: what lang builds the reader and writer on.
ENGINE_TERM_SRCS := engine/atom.c engine/heap.c engine/term.c
ENGINE_TERM_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(ENGINE_TERM_SRCS) engine/mem_libc.c)

$(B)/tests/unit/test_engine_term: $(ENGINE_TERM_HOST_OBJS)

ENGINE_CORE_SRCS := $(ENGINE_TERM_SRCS) engine/unify.c engine/compare.c engine/copy.c
ENGINE_CORE_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(ENGINE_CORE_SRCS) engine/mem_libc.c)
$(B)/tests/unit/test_engine_unify: $(ENGINE_CORE_HOST_OBJS)
UNIT_LIBS_test_engine_unify := -lm
