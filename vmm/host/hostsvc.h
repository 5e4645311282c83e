/* hostsvc.h: host services beyond system calls, for both backends.
 *
 * Line input with editing and history (GNU readline; history in
 * ~/.snaplog_history), reached from the guest through plat_readline():
 * under KVM as SNAPVM_CALL_READLINE in the ring, natively as the same
 * request on the socket named by env SNAPVM_HOST_FD (BRIEF decision 7).
 */
#ifndef HOSTSVC_H
#define HOSTSVC_H

#include "sys_serve.h"

#include <stddef.h>

/* hostsvc_readline shows (prompt) and reads one line into (out, cap)
 * (NUL-terminated, no newline; cut at cap-1).  With a terminal on stdin,
 * GNU readline with history; otherwise the prompt on stdout and a plain
 * read of stdin, byte by byte, so that nothing is buffered away from the
 * program's own reads.  Returns the length, or -1 at end of input. */
long hostsvc_readline(const char *prompt, char *out, size_t cap);

/* hostsvc_readline_kvm serves SNAPVM_CALL_READLINE (rl) for the guest of
 * (s); sets bit 0 of *flags at end of input. */
int64_t hostsvc_readline_kvm(struct sys_state *s, const struct snapvm_readline *rl,
                             uint64_t *flags);

/* hostsvc_serve_socket answers requests on (fd) until the peer closes it.
 * Meant to run on its own thread beside a native program. */
void hostsvc_serve_socket(int fd);

#endif
