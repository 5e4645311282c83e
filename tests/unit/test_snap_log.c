/* Unit tests of the snapshot runtime's undo log and persistent heap, on the
 * host (gcc, no barrier): the barrier's report functions are called by hand
 * where instrumented code would call them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "../../vmm/guest/snap_rt.h"

#if defined(__SANITIZE_ADDRESS__)
#define NO_SHADOW 1 /* ASan's own shadow is where ours would go */
#endif

#ifdef NO_SHADOW
/* the runtime is not linked in the ASan build: every case is skipped */
int main(void)
{
    printf("[  PASSED  ] 0 test(s).\n");
    return 0;
}
#else

void __asan_report_store8_noabort(uintptr_t a);
void __asan_report_store_n_noabort(uintptr_t a, size_t n);

static unsigned char *buf;
#define BUFSZ (1 << 20)

static int setup(void **state)
{
    (void)state;
    snap_init();
    buf = mmap(0, BUFSZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return buf == MAP_FAILED;
}

/* a store to an armed line logs it once and disarms it; undo brings it back */
static void test_log_and_undo(void **state)
{
    (void)state;
    memset(buf, 0x11, 4096);
    snap_log_truncate();
    snap_track(buf, 4096);
    size_t mark = snap_rt.top;
    __asan_report_store8_noabort((uintptr_t)buf + 8);
    assert_int_equal(snap_rt.top, mark + 1);
    assert_int_equal(*snap_shadow((uintptr_t)buf), 0);
    buf[8] = 0x22;
    __asan_report_store8_noabort((uintptr_t)buf + 16); /* same line: nothing */
    assert_int_equal(snap_rt.top, mark + 1);
    buf[16] = 0x33;
    snap_log_undo(mark);
    assert_int_equal(buf[8], 0x11);
    assert_int_equal(buf[16], 0x11);
    assert_int_equal(*snap_shadow((uintptr_t)buf), SNAP_ARMED);
}

/* a store straddling two lines logs both; a range logs every armed line */
static void test_straddle_and_range(void **state)
{
    (void)state;
    memset(buf, 0x44, 4096);
    snap_log_truncate();
    snap_disarm_range((uintptr_t)buf, (uintptr_t)buf + BUFSZ);
    snap_track(buf, 1152);
    __asan_report_store8_noabort((uintptr_t)buf + 60);
    assert_int_equal(snap_rt.top, 2);
    __asan_report_store_n_noabort((uintptr_t)buf + 100, 1100); /* lines 1..18, line 1 done */
    assert_int_equal(snap_rt.top, 18);
    memset(buf, 0, 1300);
    snap_log_undo(0);
    for (int i = 0; i < 1152; i++) assert_int_equal(buf[i], 0x44);
    assert_int_equal(buf[1200], 0); /* never armed: not logged, not restored */
}

/* the log grows past a chunk; undo crosses chunks newest first */
static void test_chunks(void **state)
{
    (void)state;
    snap_log_truncate();
    size_t lines = BUFSZ / 64; /* 16384 = one chunk; then twice over */
    memset(buf, 0x55, BUFSZ);
    for (int round = 0; round < 2; round++) {
        snap_track(buf, BUFSZ);
        snap_log_range(buf, BUFSZ);
        memset(buf, 0x60 + round, BUFSZ);
    }
    assert_int_equal(snap_rt.top, 2 * lines);
    assert_non_null(snap_rt.chunk[1]);
    snap_log_undo(lines); /* back to the state after round 0 */
    assert_int_equal(buf[0], 0x60);
    assert_int_equal(buf[BUFSZ - 1], 0x60);
    snap_log_undo(0);
    assert_int_equal(buf[12345], 0x55);
}

/* a mapping event: tracked at the next take, unmapped by an undo */
static void test_map_event(void **state)
{
    (void)state;
    snap_log_truncate();
    void *p = snap_sys_mmap(0, 65536, 3, 0);
    assert_non_null(p);
    assert_int_equal(snap_log_event(SNAP_ENT_MAP, (uintptr_t)p, 65536), 0);
    snap_log_rearm(0, snap_rt.top); /* what a take does */
    assert_int_equal(*snap_shadow((uintptr_t)p + 4096), SNAP_ARMED);
    snap_log_undo(0);
    assert_int_equal(*snap_shadow((uintptr_t)p + 4096), 0);
    unsigned char v;
    assert_int_equal(mincore(p, 4096, &v), -1);
}

/* After a drop, a store to a line that the newest snapshot's entries
 * before the current epoch hold already adds no entry (the line goes on the
 * re-arm list), also when a line sharing its hint slot was logged after it;
 * outside that window the line is logged as usual. */
static void test_logged_already(void **state)
{
    (void)state;
    size_t n = 64UL << 20; /* 2^20 lines: one shares the first's hint slot */
    unsigned char *m = snap_sys_mmap(0, n, 3, MAP_NORESERVE);
    assert_non_null(m);
    uintptr_t a = (uintptr_t)m, b = 0, c = a + 64;
    for (uintptr_t u = a + 128; u < a + n && !b; u += 64)
        if (snap_last_hash(u) == snap_last_hash(a)) b = u;
    assert_true(b != 0);
    snap_log_truncate();
    snap_rt.nrearm = 0;
    snap_track((void *)a, 128);
    snap_track((void *)b, 64);
    __asan_report_store8_noabort(a);
    __asan_report_store8_noabort(b); /* the slot's newest entry: b's */
    assert_int_equal(snap_rt.top, 2);
    snap_log_rearm(0, 2); /* a take re-arms both */
    snap_rt.dd_lo = 0, snap_rt.dd_n = 2; /* its drop: both in the parent's entries */
    __asan_report_store8_noabort(a + 8);
    __asan_report_store8_noabort(b + 8);
    assert_int_equal(snap_rt.top, 2);
    assert_int_equal(snap_rt.nrearm, 2);
    assert_int_equal(*snap_shadow(a), 0);
    assert_int_equal(*snap_shadow(b), 0);
    __asan_report_store8_noabort(c); /* no entry of its own: logged */
    assert_int_equal(snap_rt.top, 3);
    snap_log_rearm(0, 3);
    snap_rt.dd_lo = 2, snap_rt.dd_n = 1; /* a's entry belongs to an older snapshot */
    __asan_report_store8_noabort(a);
    assert_int_equal(snap_rt.top, 4);
    snap_rt.dd_n = 0;
    snap_log_undo(0);
    assert_int_equal(*snap_shadow(a), SNAP_ARMED);
    snap_disarm_range(a, a + n);
    snap_sys_munmap(m, n);
}

/* arming and disarming k lines, at every start within a shadow word: the
 * k shadow bytes change, their neighbours do not */
static void test_arm_sizes(void **state)
{
    (void)state;
    for (size_t k = 0; k <= 40; k++)
        for (size_t at = 8; at < 16; at++) {
            uintptr_t lo = (uintptr_t)buf + at * SNAP_LINE, hi = lo + k * SNAP_LINE;
            uint8_t *sh = snap_shadow(lo);
            snap_disarm_range((uintptr_t)buf, (uintptr_t)buf + 64 * SNAP_LINE);
            snap_arm_range(lo, hi);
            for (long i = -8; i < (long)k + 8; i++)
                assert_int_equal(sh[i], i >= 0 && i < (long)k ? SNAP_ARMED : 0);
            snap_arm_range((uintptr_t)buf, (uintptr_t)buf + 64 * SNAP_LINE);
            snap_disarm_range(lo, hi);
            for (long i = -8; i < (long)k + 8; i++)
                assert_int_equal(sh[i], i >= 0 && i < (long)k ? 0 : SNAP_ARMED);
        }
    snap_disarm_range((uintptr_t)buf, (uintptr_t)buf + 64 * SNAP_LINE);
}

static void test_pheap(void **state)
{
    (void)state;
    char *a = snap_palloc(10), *b = snap_palloc(100000);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal((uintptr_t)a & 15, 0);
    strcpy(a, "persistent");
    memset(b, 3, 100000);
    a = snap_prealloc(a, 5000);
    assert_string_equal(a, "persistent");
    assert_true(snap_pusable(a) >= 5000);
    uintptr_t was = (uintptr_t)a;
    snap_pfree(a);
    char *c = snap_palloc(5000); /* the freed block of that class again */
    assert_int_equal((uintptr_t)c, was);
    snap_pfree(c);
    snap_pfree(b);
    snap_pfree(0);
    long *z = snap_persistent(1000);
    for (int i = 0; i < 125; i++) assert_int_equal(z[i], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_and_undo), cmocka_unit_test(test_straddle_and_range),
        cmocka_unit_test(test_chunks),       cmocka_unit_test(test_map_event),
        cmocka_unit_test(test_logged_already), cmocka_unit_test(test_pheap),
        cmocka_unit_test(test_arm_sizes),
    };
    return cmocka_run_group_tests(tests, setup, 0);
}
#endif
