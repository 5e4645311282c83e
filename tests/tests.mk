# tests/tests.mk: building the test programs (the runner is tests/run).
#
# unit:  tests/unit/NAME.c  -> $(B)/tests/unit/NAME, host program linked with
#        cmocka; a part adds the objects a test needs as prerequisites:
#            $(B)/tests/unit/test_elf: $(B)/host/vmm/host/elf_load.o
# vmm:   tests/vmm/NAME.c   -> $(B)/tests/vmm/NAME, a static program (gcc -static);
#        extra libraries in VMMTEST_LIBS_NAME
# snap:  tests/snap/NAME.c  -> $(B)/tests/snap/NAME, built with $(B)/snap-cc
#        (the write barrier and the snapshot runtime); extra flags in SNAPTEST_FLAGS_NAME

UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/tests/unit/%,$(wildcard tests/unit/*.c))
$(B)/tests/unit/%: $(B)/host/tests/unit/%.o
	@mkdir -p $(@D)
	$(HOSTCC) $(HOSTLDFLAGS) $^ $(UNIT_LIBS_$*) -lcmocka -o $@

VMMTEST_BINS := $(patsubst tests/vmm/%.c,$(B)/tests/vmm/%,$(wildcard tests/vmm/*.c))
$(B)/tests/vmm/%: tests/vmm/%.c
	@mkdir -p $(@D)
	$(HOSTCC) -static -std=gnu11 -O2 -g $(WARN) $(VMMTEST_FLAGS_$*) $< -o $@ $(VMMTEST_LIBS_$*)

SNAPTEST_BINS := $(patsubst tests/snap/%.c,$(B)/tests/snap/%,$(wildcard tests/snap/*.c))
$(B)/tests/snap/%: tests/snap/%.c $(SNAP_CC) $(SNAP_RUNTIME)
	@mkdir -p $(@D)
	$(SNAP_CC) -std=gnu11 -O2 -g $(WARN) $(SNAPTEST_FLAGS_$*) $< -o $@

# Guest test programs are not sanitizer builds: only unit tests go in build/asan.
ifeq ($(SANITIZE),1)
TEST_BINS += $(UNIT_BINS)
else
TEST_BINS += $(UNIT_BINS) $(VMMTEST_BINS) $(SNAPTEST_BINS)
endif
