/* Every libc function that writes into caller memory is undone by a restore
 * (vmm/guest/snap_wrap_*.c), checked on tracked globals and malloc'd memory.
 * Run in checking mode too, which would name any write left unlogged. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "snap.h"
#include "snap_test.h"

static char g[512];
static long gl[64];
static char *gp;
static struct stat gst;

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

static void fill(char *p, size_t n, char c)
{
    for (size_t i = 0; i < n; i++) p[i] = c;
}

int main(void)
{
    char *h = malloc(4096);
    CHECK(h);
    fill(g, sizeof g, 'g');
    fill(h, 4096, 'h');
    g[sizeof g - 1] = 0;
    h[4095] = 0;
    char ref_g[512], *ref_h = malloc(4096);
    memcpy(ref_g, g, sizeof g);
    memcpy(ref_h, h, 4096);
#define SAME() CHECK(memcmp(g, ref_g, sizeof g) == 0 && memcmp(h, ref_h, 4096) == 0)

    UNDONE(memcpy(g + 3, "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789", 70));
    SAME();
    UNDONE(memmove(h + 100, h + 3, 1000));
    SAME();
    UNDONE(memset(h + 1, 0, 3000); memset(g + 5, 1, 7));
    SAME();
    UNDONE(strcpy(g + 10, "hello"); strcpy(h + 700, "world"));
    SAME();
    UNDONE(stpcpy(g, "x"); strncpy(h, "abc", 200); stpncpy(h + 300, "q", 9));
    SAME();
    UNDONE(g[20] = 0; strcat(g, "tail"); h[50] = 0; strncat(h, "abcdefgh", 3));
    SAME();
    UNDONE(memccpy(g, "abc;def", ';', 7); mempcpy(h + 9, "zz", 2));
    SAME();
    UNDONE(snprintf(g + 1, 100, "%d-%s", 42, "x"); sprintf(h + 200, "%0300d", 7));
    SAME();
    /* snprintf into lines already written since the take (it skips the
     * length pass) and into a range whose first line is written and whose
     * others are armed (they must still be logged) */
    char *al = (char *)(((uintptr_t)h + 1024) & ~(uintptr_t)63);
    UNDONE(al[0] = 'q'; CHECK(snprintf(al + 1, 40, "%d", 12345) == 5 && strcmp(al + 1, "12345") == 0));
    SAME();
    UNDONE(al[0] = 'q'; CHECK(snprintf(al + 1, 400, "%0200d", 7) == 200));
    SAME();
    UNDONE(strcpy(h, "a,b,,c"); CHECK(strcmp(strtok(h, ","), "a") == 0));
    strcpy(h, "one two");
    CHECK(strcmp(strtok(h, " "), "one") == 0);
    UNDONE(CHECK(strcmp(strtok(0, " "), "two") == 0)); /* strtok's position is restored */
    CHECK(strcmp(strtok(0, " "), "two") == 0);
    memcpy(h, ref_h, 4096);
    SAME();
    static char *end;
    UNDONE(strtol("12x", &end, 10); strtod("1.5y", (char **)&gp));
    CHECK(end == 0 && gp == 0);
    UNDONE(CHECK(asprintf(&gp, "%s%d", "n", 5) == 2 && strcmp(gp, "n5") == 0));
    CHECK(gp == 0);

    /* input */
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0);
    UNDONE(CHECK(read(fd, g + 7, 100) == 100); CHECK(pread(fd, h, 3000, 0) == 3000));
    SAME();
    FILE *f = fopen("/proc/self/maps", "r");
    CHECK(f);
    UNDONE(CHECK(fgets(g + 1, 200, f) != 0); CHECK(fread(h + 1, 1, 500, f) == 500));
    SAME();
    size_t cap = 0;
    UNDONE(CHECK(getline(&gp, &cap, f) > 0); CHECK(gp && cap > 0));
    CHECK(gp == 0 && cap == 0);
    fclose(f);
    close(fd);

    for (int i = 0; i < 64; i++) gl[i] = (i * 37) % 64;
    long ref_l[64];
    memcpy(ref_l, gl, sizeof gl);
    UNDONE(qsort(gl, 64, sizeof gl[0], cmp_long); CHECK(gl[0] == 0 && gl[63] == 63));
    CHECK(memcmp(gl, ref_l, sizeof gl) == 0);

    static time_t t;
    static struct tm tm;
    static struct timespec ts;
    UNDONE(time(&t); clock_gettime(CLOCK_MONOTONIC, &ts); localtime_r(&t, &tm);
           strftime(g, 100, "%Y-%m-%d", &tm); CHECK(stat("/", &gst) == 0); getcwd(h, 200));
    CHECK(t == 0 && ts.tv_sec == 0 && tm.tm_year == 0 && gst.st_ino == 0);
    SAME();

    /* libc internals writing through the wrapped memcpy: strdup */
    char *d = strdup("abc");
    volatile uintptr_t dv = (uintptr_t)d; /* compared after the free: launder */
    UNDONE(free(d); char *e = strdup("xyz"); CHECK((uintptr_t)e == dv));
    CHECK(strcmp(d, "abc") == 0);
    printf("SUCCESS\n");
    return 0;
}
