/* lang/sink.c: the writer's output sink (callback or growable buffer). */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

#include "engine/utf8.h"

void wr_sink_buffer(wr_sink *s)
{
    memset(s, 0, sizeof *s);
    s->last = -1;
}

void wr_sink_callback(wr_sink *s, int (*write)(void *ctx, const char *p, size_t n), void *ctx)
{
    wr_sink_buffer(s);
    s->write = write;
    s->ctx = ctx;
}

char *wr_sink_take(wr_sink *s, size_t *len)
{
    if (!s->buf)
        wr_put(s, "", 0);
    char *b = s->buf;
    if (len)
        *len = s->len;
    s->buf = NULL;
    s->len = s->cap = 0;
    s->last = -1;
    return b;
}

void wr_sink_free(wr_sink *s)
{
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
}

/* last_cp: the code point that the n bytes at p end with (UTF-8). */
static int last_cp(const char *p, size_t n)
{
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)p[i] & 0xc0) == 0x80 && n - i < 4)
        i--;
    const unsigned char *u = (const unsigned char *)p + i;
    size_t k = n - i;
    if (k == 1 || u[0] < 0xc0)
        return ((const unsigned char *)p)[n - 1];
    int cp = u[0] & (0x3f >> (k - 1));
    for (size_t j = 1; j < k; j++)
        cp = (cp << 6) | (u[j] & 0x3f);
    return cp;
}

void wr_put(wr_sink *s, const char *p, size_t n)
{
    if (n > 0)
        s->last = last_cp(p, n);
    if (s->write) {
        if (!s->err && n > 0)
            s->err = s->write(s->ctx, p, n);
        return;
    }
    if (s->len + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 64;
        while (cap < s->len + n + 1)
            cap *= 2;
        char *nb = realloc(s->buf, cap);
        if (!nb) {
            s->err = -1;
            return;
        }
        s->buf = nb;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    s->buf[s->len] = 0;
}

void wr_puts(wr_sink *s, const char *str)
{
    wr_put(s, str, strlen(str));
}

void wr_put_cp(wr_sink *s, int c)
{
    char b[4];
    wr_put(s, b, utf8_encode(c, b));
}
