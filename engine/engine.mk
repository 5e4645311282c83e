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

ENGINE_CORE_SRCS := $(ENGINE_TERM_SRCS) engine/unify.c engine/compare.c engine/copy.c engine/clause.c
ENGINE_CORE_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(ENGINE_CORE_SRCS) engine/mem_libc.c)
$(B)/tests/unit/test_engine_unify: $(ENGINE_CORE_HOST_OBJS)
UNIT_LIBS_test_engine_unify := -lm
$(B)/tests/unit/test_engine_clause: $(ENGINE_CORE_HOST_OBJS)
UNIT_LIBS_test_engine_clause := -lm

# The engine proper, compiled with the write barrier.  stdlib/arith.c and
# stdlib/terms.c are the minimal built-ins the engine's tests need; they move
# to the stdlib's fragment when it exists.
# lang/*.c: the reader and writer (lang/lang.mk is read after this file)
ENGINE_SRCS := $(ENGINE_CORE_SRCS) engine/mem_snap.c engine/db.c engine/error.c engine/solve.c \
  engine/gc.c engine/control.c engine/dbpreds.c engine/consult.c engine/dcg.c engine/boot.c \
  engine/crash.c engine/flags.c engine/message.c engine/reflect.c engine/stats.c engine/toplevel.c \
  stdlib/arith.c stdlib/terms.c stdlib/lists.c stdlib/write.c $(wildcard lang/*.c)
ENGINE_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(ENGINE_SRCS))
ENGINE_LIB := $(B)/libengine.a

$(B)/guest/%.o: %.c $(SNAP_CC)
	@mkdir -p $(@D)
	$(SNAP_CC) $(CPPFLAGS) -std=gnu11 $(OPT) $(WARN) -c $< -o $@

$(ENGINE_LIB): $(ENGINE_OBJS)
	@rm -f $@
	ar rcs $@ $^

LIBS += $(ENGINE_LIB)

# The engine program: a static ELF with the snapshot runtime (snap-cc links it).
ENGINE_BIN := $(B)/snaplog-engine
$(ENGINE_BIN): $(B)/guest/engine/main.o $(ENGINE_LIB) $(B)/libplat.a $(SNAP_CC) $(SNAP_RUNTIME)
	$(SNAP_CC) $(B)/guest/engine/main.o $(ENGINE_LIB) $(B)/libplat.a $(ENGINE_LDLIBS) -lm -o $@
BINS += $(ENGINE_BIN)

# The solve loop driven from C, on the snapshot runtime.
$(B)/tests/snap/engine_solve: tests/snap/engine_solve.c $(ENGINE_LIB) $(SNAP_CC) $(SNAP_RUNTIME)
	@mkdir -p $(@D)
	$(SNAP_CC) $(CPPFLAGS) -std=gnu11 -O2 -g $(WARN) $< $(ENGINE_LIB) $(ENGINE_LDLIBS) -lm -o $@

# The `snaplog` command: a host program (gcc) over the monitor library that
# runs snaplog-engine under KVM or natively.
SNAPLOG_BIN := $(B)/snaplog
$(SNAPLOG_BIN): $(B)/host/engine/launcher.o $(B)/libsnapvm.a | $(ENGINE_BIN)
	$(HOSTCC) $(HOSTLDFLAGS) $^ -lreadline -lpthread -o $@
BINS += $(SNAPLOG_BIN)

$(B)/tests/unit/test_engine_db: $(ENGINE_CORE_HOST_OBJS) $(B)/host/engine/db.o
UNIT_LIBS_test_engine_db := -lm
