/* hostsvc.c: readline and the native host-service socket (see hostsvc.h). */
#define _GNU_SOURCE
#include "hostsvc.h"

#include "sys_files.h"

#include <errno.h>
#include <pthread.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;
static int history_loaded;
static char history_path[4096];

static void load_history(void)
{
    const char *home = getenv("HOME");
    history_loaded = 1;
    if (!home || snprintf(history_path, sizeof history_path, "%s/.snaplog_history", home) >=
                     (int)sizeof history_path) {
        history_path[0] = 0;
        return;
    }
    using_history();
    read_history(history_path);
}

static long plain_readline(const char *prompt, char *out, size_t cap)
{
    size_t n = 0;
    char ch;
    if (*prompt) {
        fputs(prompt, stdout);
        fflush(stdout);
    }
    for (;;) {
        ssize_t r = read(0, &ch, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return n ? (long)n : -1;
        if (ch == '\n') break;
        if (n + 1 < cap) out[n++] = ch;
    }
    out[n] = 0;
    return (long)n;
}

long hostsvc_readline(const char *prompt, char *out, size_t cap)
{
    if (cap == 0) return -1;
    out[0] = 0;
    if (!isatty(0)) return plain_readline(prompt, out, cap);
    pthread_mutex_lock(&rl_lock);
    if (!history_loaded) load_history();
    char *line = readline(prompt);
    long n = -1;
    if (line) {
        n = (long)strlen(line);
        if ((size_t)n >= cap) n = (long)cap - 1;
        memcpy(out, line, (size_t)n);
        out[n] = 0;
        if (*line) {
            add_history(line);
            if (history_path[0] && append_history(1, history_path) != 0)
                write_history(history_path); /* first time: the file did not exist */
        }
        free(line);
    }
    pthread_mutex_unlock(&rl_lock);
    return n;
}

int64_t hostsvc_readline_kvm(struct sys_state *s, const struct snapvm_readline *rl, uint64_t *flags)
{
    char prompt[SNAPVM_READLINE_MAX + 1], line[SNAPVM_READLINE_MAX];
    if (rl->prompt_len > SNAPVM_READLINE_MAX || rl->size == 0) return -EINVAL;
    const void *p = gmem_at(s->mem, rl->prompt, rl->prompt_len);
    if (!p) return sys_bad(s, "readline");
    memcpy(prompt, p, rl->prompt_len);
    prompt[rl->prompt_len] = 0;
    uint8_t *dst = gmem_wr(s->mem, rl->buf, rl->size);
    if (!dst) return sys_bad(s, "readline");
    long n = hostsvc_readline(prompt, line, rl->size < sizeof line ? rl->size : sizeof line);
    if (n < 0) {
        *flags = 1;
        dst[0] = 0;
        return 0;
    }
    memcpy(dst, line, (size_t)n + 1);
    return n;
}

void hostsvc_serve_socket(int fd)
{
    struct {
        struct snapvm_msg m;
        char payload[SNAPVM_READLINE_MAX + 1];
    } in, out;
    for (;;) {
        ssize_t r = recv(fd, &in, sizeof in - 1, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return;
        memset(&out.m, 0, sizeof out.m);
        out.m.req.call = in.m.req.call;
        if ((size_t)r < sizeof in.m || in.m.len != (size_t)r - sizeof in.m) {
            out.m.req.ret = -EINVAL;
        } else if (in.m.req.call == SNAPVM_CALL_READLINE) {
            uint64_t size = in.m.req.u.rl.size;
            ((char *)&in)[r] = 0; /* the prompt is the payload */
            if (size > SNAPVM_READLINE_MAX) size = SNAPVM_READLINE_MAX;
            long n = size ? hostsvc_readline(in.payload, out.payload, size) : -1;
            if (n < 0) {
                out.m.req.u.rl.flags = 1;
                n = 0;
                out.payload[0] = 0;
            }
            out.m.req.ret = n;
            out.m.len = (uint64_t)n + 1;
        } else {
            out.m.req.ret = -ENOSYS;
        }
        if (send(fd, &out, sizeof out.m + out.m.len, MSG_NOSIGNAL) < 0) return;
    }
}
