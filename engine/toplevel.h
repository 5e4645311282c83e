/* toplevel.h - the interactive toplevel and the command-line goals.
 *
 * Answers print as swipl prints them: "X = 1,\nY = f(_A, _A)" then " ;" when
 * more may follow, "." when not, "false." when there are no (more)
 * answers, an empty line after each query.  On a terminal ';' or space asks
 * for the next answer and Enter stops; on a pipe every answer is printed.
 */
#ifndef ENGINE_TOPLEVEL_H
#define ENGINE_TOPLEVEL_H
#include <stdbool.h>

/* Read queries from standard input until end of file or halt/0.  Returns the
 * exit status (0).  Unless quiet, swipl's informational "% halt" goes to
 * stderr at end of file. */
int toplevel_repl(bool quiet);

/* Run the goal in text once, as -g does (what names it in messages: "-g
 * text").  Returns 0 on success, 1 on failure (after a warning), 2 on an
 * uncaught error (after printing it), as swipl's exit statuses. */
int toplevel_run_text(const char *text, const char *what);

/* toplevel_halt_hook: flushes output; installed as the halt hook. */
void toplevel_halt_hook(int status);

#endif
