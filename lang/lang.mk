# lang/lang.mk: the reader and the writer (tokenizer, operator table,
# number text, quoting), their unit tests, the lang-rt test tool, the fuzzer.
#
# The engine compiles these sources itself with $(SNAP_CC) (they only use
# engine/term.h and malloc); here they are built on the host with gcc for the
# unit tests and lang-rt, and with clang + libFuzzer for the fuzz target.

LANG_SRCS := lang/lex.c lang/sink.c lang/numtext.c lang/atomtext.c lang/ops.c \
  lang/reader.c lang/writer.c
LANG_HOST_OBJS := $(patsubst %.c,$(B)/host/%.o,$(LANG_SRCS))
LANG_TEST_OBJS := $(B)/host/tests/lang/variant.o

# unit tests: tokenizer alone; number text and quoting; the reader and writer
# on the engine's term layer (host build, mem_libc.c for persistent memory)
$(B)/tests/unit/test_lang_lex: $(B)/host/lang/lex.o
$(B)/tests/unit/test_lang_text: $(B)/host/lang/numtext.o $(B)/host/lang/atomtext.o \
  $(B)/host/lang/sink.o $(B)/host/lang/lex.o
UNIT_LIBS_test_lang_text := -lm
$(B)/tests/unit/test_lang_ops: $(LANG_HOST_OBJS) $(ENGINE_TERM_HOST_OBJS)
UNIT_LIBS_test_lang_ops := -lm
$(B)/tests/unit/test_lang_rw: $(LANG_HOST_OBJS) $(LANG_TEST_OBJS) $(ENGINE_TERM_HOST_OBJS)
UNIT_LIBS_test_lang_rw := -lm

# lang-rt: terms from stdin, printed per mode (tests/lang/*.sh drive it)
LANG_RT := $(B)/tests/lang-rt
$(LANG_RT): $(B)/host/tests/lang/lang_rt.o $(LANG_HOST_OBJS) $(LANG_TEST_OBJS) $(ENGINE_TERM_HOST_OBJS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTLDFLAGS) $^ -lm -o $@
TEST_BINS += $(LANG_RT)

# The reader fuzz target (libFuzzer; clang only).  Built with its own flags
# into $(B)/fuzz, never part of `all`; tests/lang/fuzz_reader.sh runs it
# briefly, `make fuzz-reader FUZZ_SECONDS=600` longer.
FUZZ_READER := $(B)/fuzz/fuzz_reader
FUZZ_SECONDS ?= 60
FUZZ_READER_SRCS := tests/lang/fuzz_reader.c tests/lang/variant.c $(LANG_SRCS) \
  $(ENGINE_TERM_SRCS) engine/mem_libc.c
$(FUZZ_READER): $(FUZZ_READER_SRCS) $(wildcard lang/*.h engine/*.h engine/*.def)
	@mkdir -p $(@D)
	$(SNAPCC) -std=gnu11 -O1 -g -I. -Ivmm/include $(WARN) \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  $(FUZZ_READER_SRCS) -lm -o $@
ifneq ($(SANITIZE),1)
TEST_BINS += $(FUZZ_READER)
endif

.PHONY: fuzz-reader
fuzz-reader: $(FUZZ_READER)
	@mkdir -p $(B)/fuzz/corpus
	$(FUZZ_READER) -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	  -rss_limit_mb=4096 $(B)/fuzz/corpus tests/lang/fuzz-seeds
