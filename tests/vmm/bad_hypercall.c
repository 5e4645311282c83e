/* bad_hypercall: an unknown call number and an unknown system call get
 * error codes, and the guest runs on (snapvm only: it writes the ring). */
//! backends: kvm
#include "check.h"

#include "../../vmm/include/snapvm_abi.h"

#include <errno.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(void)
{
    const struct snapvm_platform *p = (const void *)getauxval(SNAPVM_AT_PLATFORM);
    CHECK(p);
    struct snapvm_ring *r = (struct snapvm_ring *)(uintptr_t)p->ring;
    r->req.call = 0x7777;
    uint64_t seq = ++r->req_seq;
    *(volatile uint32_t *)(uintptr_t)p->mmio_serve = 1;
    while (__atomic_load_n(&r->resp_seq, __ATOMIC_ACQUIRE) != seq)
        ;
    CHECK(r->req.ret == -ENOSYS);
    r->req.call = SNAPVM_CALL_RESERVED;
    seq = ++r->req_seq;
    *(volatile uint32_t *)(uintptr_t)p->mmio_serve = 1;
    while (__atomic_load_n(&r->resp_seq, __ATOMIC_ACQUIRE) != seq)
        ;
    CHECK(r->req.ret == -ENOSYS);
    CHECK(syscall(4242) == -1 && errno == ENOSYS);
    puts("SUCCESS");
    return 0;
}
