# snaplog: the one entry point.  make · make test · make bench · make install · make deps
#
# The toolchain and the targets live here; each part's build rules live beside
# its sources in a fragment (vmm/vmm.mk, engine/engine.mk, ...) that this file
# includes, so a part can be read, and changed, in one place.  A fragment adds
# what it builds to BINS (installed programs), LIBS, TEST_BINS (built before
# `make test`) and BENCH_BINS (built before `make bench`).
#
#   make SANITIZE=1    host-side code and the reader with -fsanitize=address,undefined,
#                      into build/asan/ (make test also builds and runs this set)
#   make WERROR=1      warnings are errors (CI)

SHELL    := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

VERSION  := 0.1.0
PREFIX   ?= /usr/local
B        ?= build

# Host side (monitor, REPL front end, tests): gcc.  Guest side, everything
# that backtracks (runtime users, engine, plugins): clang, because its store
# instrumentation with 64-byte shadow granules is the write barrier that
# passed every test (../shared/research/barrier, DESIGN section 3).
HOSTCC   := gcc
SNAPCC   := clang

WARN     := -Wall -Wextra -Wshadow -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN     += -Werror
endif
OPT      ?= -O2 -g
CPPFLAGS := -MMD -MP -Ivmm/include
HOSTCFLAGS := -std=gnu11 $(OPT) $(WARN)

ifeq ($(SANITIZE),1)
B        := build/asan
HOSTCFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
HOSTLDFLAGS += -fsanitize=address,undefined
endif

BINS       :=
LIBS       :=
TEST_BINS  :=
BENCH_BINS :=

# In this order (not sorted as one list): a fragment may use what an earlier
# part defines in its prerequisites, e.g. $(SNAP_CC) from vmm/snap.mk.
include $(foreach d,vmm engine lang stdlib examples tests,$(sort $(wildcard $(d)/*.mk)))

.PHONY: all all-tests test test-native bench bench-quick install uninstall clean deps format asan

all: $(BINS) $(LIBS)

# The sanitizer build is its own make run (its own build directory).
asan:
	$(MAKE) --no-print-directory SANITIZE=1 all-tests

all-tests: all $(TEST_BINS)

# make test also builds the sanitizer set and runs its unit tests (NO_ASAN=1 skips it).
test: all-tests
ifneq ($(SANITIZE)$(NO_ASAN),)
	tests/run --build $(B) $(TESTFLAGS)
else
	$(MAKE) --no-print-directory SANITIZE=1 all-tests
	tests/run --build $(B) --asan build/asan $(TESTFLAGS)
endif

# Only the native backend (what a machine without /dev/kvm runs anyway).
test-native: all-tests
	tests/run --build $(B) --backend native $(TESTFLAGS)

bench: all $(BENCH_BINS)
	tests/bench/run --build $(B) $(BENCHFLAGS)

bench-quick: all $(BENCH_BINS)
	tests/bench/run --build $(B) --quick $(BENCHFLAGS)

deps:
	@.ci/deps

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include/snaplog \
	  $(DESTDIR)$(PREFIX)/lib/snaplog $(DESTDIR)$(PREFIX)/share/man/man1
	$(if $(strip $(BINS)),install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin)
	$(if $(strip $(INSTALL_HEADERS)),install -m 644 $(INSTALL_HEADERS) $(DESTDIR)$(PREFIX)/include/snaplog)
	$(if $(strip $(INSTALL_LIBS)),install -m 644 $(INSTALL_LIBS) $(DESTDIR)$(PREFIX)/lib/snaplog)
	$(if $(wildcard docs/*.1),install -m 644 $(wildcard docs/*.1) $(DESTDIR)$(PREFIX)/share/man/man1)

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(notdir $(BINS)))
	rm -rf $(DESTDIR)$(PREFIX)/include/snaplog $(DESTDIR)$(PREFIX)/lib/snaplog
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/snaplog.1 $(DESTDIR)$(PREFIX)/share/man/man1/snapvm.1

clean:
	rm -rf build

# Generic rules.  Host objects: $(B)/host/<path>.o from <path>.c.
$(B)/host/%.o: %.c
	@mkdir -p $(@D)
	$(HOSTCC) $(CPPFLAGS) $(HOSTCFLAGS) -c $< -o $@

-include $(shell find $(B) -name '*.d' 2>/dev/null)
