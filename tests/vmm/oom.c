/* oom: running out of memory is a clean ENOMEM from malloc, and memory
 * freed afterwards is usable again.  Natively an RLIMIT_AS of 768 MiB
 * stands in for the guest's finite RAM (snapvm refuses new limits: its
 * RAM is the limit). */
#include "check.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>

int main(void)
{
    struct rlimit rl = {768u << 20, 768u << 20};
    setrlimit(RLIMIT_AS, &rl);
    static void *blocks[4096];
    int n = 0;
    size_t got = 0;
    for (; n < 4096; n++) {
        errno = 0;
        blocks[n] = malloc(8u << 20);
        if (!blocks[n]) break;
        memset(blocks[n], 0x5a, 8u << 20);
        got += 8u << 20;
    }
    CHECK(n < 4096);
    CHECK(errno == ENOMEM);
    CHECK(got >= (96u << 20)); /* tests/vmm/kvm_qemu.sh gives the guest 256 MiB */
    for (int i = 0; i < n; i++) free(blocks[i]);
    void *p = malloc(64u << 20);
    CHECK(p);
    memset(p, 1, 64u << 20);
    free(p);
    printf("ENOMEM after %zu MB\n", got >> 20);
    puts("SUCCESS");
    return 0;
}
