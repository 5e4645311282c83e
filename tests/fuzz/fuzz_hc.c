/* fuzz_hc: libFuzzer target for the request dispatcher.  The input is the
 * ring request followed by bytes of guest memory; any request must be
 * answered or end the guest, never touch host memory outside guest RAM
 * (ASan), crash or hang.  File calls are confined to a scratch sandbox and
 * the standard streams are /dev/null, so the fuzzer cannot harm the host. */
#define _GNU_SOURCE
#include "sys_serve.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define RAM (16ULL << 20)
#define HI  (12ULL << 20)
static uint8_t *ram;
static char dir[256];
static int devnull;

static void cleanup(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd)) {
    }
}

static int64_t fake_readline(struct sys_state *s, const struct snapvm_readline *rl, uint64_t *fl)
{
    (void)s, (void)rl;
    *fl = 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ram) {
        ram = mmap(NULL, RAM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/snapvm-fuzz-XXXXXX", t && *t ? t : P_tmpdir);
        if (ram == MAP_FAILED || !mkdtemp(dir)) abort();
        devnull = open("/dev/null", O_RDWR);
        atexit(cleanup);
    }
    struct gmem mem = {.host = ram, .size = RAM, .lo = SNAPVM_LOW_END, .hi = HI};
    struct sys_state sys;
    if (sys_init(&sys, &mem, 4ULL << 20, 8ULL << 20, 8ULL << 20, HI, dir)) abort();
    for (int i = 0; i <= 2; i++) sys.fds[i] = devnull;
    struct snapvm_ring *ring = (struct snapvm_ring *)(ram + SNAPVM_RING_GVA);
    size_t n = size < sizeof ring->req ? size : sizeof ring->req;
    memset(&ring->req, 0, sizeof ring->req);
    memcpy(&ring->req, data, n);
    /* Nothing may block: reads of the standard streams hit /dev/null. */
    if (size > n) memcpy(ram + 0x300000, data + n, size - n < 0x10000 ? size - n : 0x10000);
    hc_dispatch(&sys, ring, fake_readline);
    for (int i = 0; i <= 2; i++) sys.fds[i] = -1; /* not ours to close */
    sys_fini(&sys);
    return 0;
}
