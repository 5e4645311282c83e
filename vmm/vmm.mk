# vmm/vmm.mk: snapvm, the monitor library, the guest shim and libplat.a.
#
#   $(B)/snapvm          the command (thin main over the library)
#   $(B)/libsnapvm.a     the monitor library (vm.h), for the snaplog launcher;
#                        link with $(SNAPVM_LDLIBS)
#   $(B)/libplat.a       the guest platform layer (vmm/guest/plat.h)
#   $(B)/vmm/guest/shim.bin  the CPL3 shim, embedded in the monitor

SNAPVM_HOST_SRCS := gmem elf_load gstack mmap_book sandbox sys_names sys_files sys_serve \
	hostsvc native vm kvm_x86_64 kvm_vcpu coarse_kvm
SNAPVM_HOST_OBJS := $(patsubst %,$(B)/host/vmm/host/%.o,$(SNAPVM_HOST_SRCS)) \
	$(B)/host/vmm/host/shim_blob.o
SNAPVM_LDLIBS := -lreadline -lpthread

$(B)/libsnapvm.a: $(SNAPVM_HOST_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(B)/snapvm: $(B)/host/vmm/host/snapvm_main.o $(B)/libsnapvm.a
	$(HOSTCC) $(HOSTLDFLAGS) $^ $(SNAPVM_LDLIBS) -o $@

$(B)/host/vmm/host/snapvm_main.o: HOSTCFLAGS += -DSNAPLOG_VERSION='"$(VERSION)"'

# The shim: position-dependent code linked flat at SNAPVM_SHIM_GVA.
$(B)/vmm/guest/shim.o: vmm/guest/shim_x86_64.S vmm/guest/fault_x86_64.S vmm/include/snapvm_abi.h
	@mkdir -p $(@D)
	$(HOSTCC) -Ivmm/include -Ivmm/guest -c $< -o $@
$(B)/vmm/guest/shim.elf: $(B)/vmm/guest/shim.o vmm/guest/shim.ld
	ld -nostdlib -static -no-pie -T vmm/guest/shim.ld $< -o $@
$(B)/vmm/guest/shim.bin: $(B)/vmm/guest/shim.elf
	objcopy -O binary $< $@
	@test $$(stat -c %s $@) -le 65536 || { echo "shim.bin exceeds SNAPVM_SHIM_MAX" >&2; exit 1; }
$(B)/host/vmm/host/shim_blob.o: vmm/host/shim_blob.S $(B)/vmm/guest/shim.bin
	@mkdir -p $(@D)
	$(HOSTCC) -DSHIM_BIN='"$(B)/vmm/guest/shim.bin"' -c $< -o $@

# The guest platform layer: plain C, no barrier (it writes only the ring,
# the caller's buffers through the host, and MAP_SHARED chain state).
PLAT_OBJS := $(B)/guest/vmm/guest/plat.o $(B)/guest/vmm/guest/plat_coarse.o
$(B)/guest/vmm/guest/%.o: vmm/guest/%.c
	@mkdir -p $(@D)
	$(HOSTCC) $(CPPFLAGS) -std=gnu11 -O2 -g $(WARN) -c $< -o $@
$(B)/libplat.a: $(PLAT_OBJS)
	rm -f $@ && ar rcs $@ $^

BINS += $(B)/snapvm
LIBS += $(B)/libsnapvm.a $(B)/libplat.a
INSTALL_HEADERS += vmm/include/snapvm_abi.h vmm/guest/plat.h vmm/host/vm.h
INSTALL_LIBS += $(B)/libsnapvm.a $(B)/libplat.a

# Unit tests (cmocka): the host code that needs no KVM.
$(B)/tests/unit/test_vmm_elf: $(B)/host/vmm/host/elf_load.o
$(B)/tests/unit/test_vmm_gmem: $(B)/host/vmm/host/gmem.o
$(B)/tests/unit/test_vmm_mmap: $(B)/host/vmm/host/mmap_book.o
$(B)/tests/unit/test_vmm_sandbox: $(B)/host/vmm/host/sandbox.o
$(B)/tests/unit/test_vmm_stack: $(B)/host/vmm/host/gstack.o
$(B)/tests/unit/test_vmm_sys: $(patsubst %,$(B)/host/vmm/host/%.o,gmem mmap_book sandbox \
	sys_names sys_files sys_serve)
$(B)/tests/unit/test_vmm_layout: $(B)/libsnapvm.a
UNIT_LIBS_test_vmm_layout := $(SNAPVM_LDLIBS)

# Guest test programs with extra libraries.
VMMTEST_LIBS_pcre_libm := -lpcre2-8 -lm
VMMTEST_LIBS_printf_float := -lm
VMMTEST_FLAGS_coarse_snapshot := -Ivmm/guest
VMMTEST_LIBS_coarse_snapshot := $(B)/libplat.a
$(B)/tests/vmm/coarse_snapshot: $(B)/libplat.a
VMMTEST_FLAGS_coarse_guard := -Ivmm/guest
VMMTEST_LIBS_coarse_guard := $(B)/libplat.a
$(B)/tests/vmm/coarse_guard: $(B)/libplat.a
VMMTEST_FLAGS_plat_io := -Ivmm/guest
VMMTEST_LIBS_plat_io := $(B)/libplat.a
$(B)/tests/vmm/plat_io: $(B)/libplat.a
# tests.mk's rule passes -static, which cannot be combined with -static-pie.
$(B)/tests/vmm/static_pie: tests/vmm/static_pie.c
	@mkdir -p $(@D)
	$(HOSTCC) -static-pie -fPIE -std=gnu11 -O2 -g $(WARN) $< -o $@
VMMTEST_FLAGS_stack_overflow := -O0

# Fuzz targets (libFuzzer): the request dispatcher and the ELF loader, host
# code built with clang; tests/vmm/fuzz.sh runs them briefly.
FUZZ_CFLAGS := -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -Ivmm/include -Ivmm/host
$(B)/fuzz/fuzz_elf: tests/fuzz/fuzz_elf.c vmm/host/elf_load.c
	@mkdir -p $(@D)
	$(SNAPCC) $(FUZZ_CFLAGS) $^ -o $@
$(B)/fuzz/fuzz_hc: tests/fuzz/fuzz_hc.c $(patsubst %,vmm/host/%.c,gmem mmap_book sandbox sys_names \
	sys_files sys_serve)
	@mkdir -p $(@D)
	$(SNAPCC) $(FUZZ_CFLAGS) $^ -o $@
ifneq ($(SANITIZE),1)
TEST_BINS += $(B)/fuzz/fuzz_elf $(B)/fuzz/fuzz_hc $(B)/snapvm
BENCH_BINS += $(B)/snapvm $(B)/tests/bench/micro_vmm_native $(B)/tests/bench/true_static
endif

# tests/bench/micro_vmm runs these (static: the same binary serves both backends).
$(B)/tests/bench/micro_vmm_native: tests/bench/micro_vmm_native.c $(B)/libplat.a
	@mkdir -p $(@D)
	$(HOSTCC) -static -std=gnu11 -O2 -g $(WARN) -Ivmm/guest $< -o $@ $(B)/libplat.a -lpthread
$(B)/tests/bench/true_static: tests/bench/true_static.c
	@mkdir -p $(@D)
	$(HOSTCC) -static -O2 $< -o $@
$(B)/tests/unit/test_vmm_guest: $(B)/libsnapvm.a
UNIT_LIBS_test_vmm_guest := $(SNAPVM_LDLIBS)
