/* main.c - the engine program (snaplog-engine): command line, start-up,
 * loading, goals, the toplevel.  The `snaplog` launcher runs it under KVM
 * or natively and passes the same arguments. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <snap.h>

#include "boot.h"
#include "consult.h"
#include "control.h"
#include "crash.h"
#include "db.h"
#include "dbpreds.h"
#include "dcg.h"
#include "flags.h"
#include "lang/ops.h"
#include "lang/writer.h"
#include "message.h"
#include "solve.h"
#include "cli.h"
#include "plugin.h"
#include "reflect.h"
#include "stats.h"
#include "stdlib/arith.h"
#include "stdlib/cyclic.h"
#include "stdlib/library.h"
#include "stdlib/lists.h"
#include "stdlib/os.h"
#include "stdlib/pcre.h"
#include "stdlib/stream.h"
#include "stdlib/terms.h"
#include "stdlib/read.h"
#include "stdlib/text.h"
#include "stdlib/vset.h"
#include "stdlib/write.h"
#include "toplevel.h"

#ifndef SNAPLOG_VERSION
#define SNAPLOG_VERSION "0.1.0"
#endif

static const char usage[] =
    "usage: snaplog [options] [file [file.pl ...]] [arg ...]\n"
    "\n"
    "Consults the files, runs the -g goals, then the -t goal (default: the\n"
    "interactive toplevel).  As swipl: options come before the files; the\n"
    "arguments after the files (from the first one that does not end in .pl)\n"
    "are the program's, in current_prolog_flag(argv, A); halt(N) exits with N;\n"
    "a -g goal that fails exits 1, one that raises an uncaught error prints it\n"
    "and exits 2.\n"
    "\n"
    "  -g GOAL            run GOAL after loading (repeatable, in order)\n"
    "  -t GOAL            run GOAL instead of the toplevel; exit 0 if it succeeds, else 1\n"
    "  -q                 quiet: no banner, no informational messages\n"
    "  --no-kvm           run natively, without the KVM guest\n"
    "  --mem SIZE         memory for the engine (term heap), e.g. 512M, 2G (default 1G)\n"
    "  --stack-limit SIZE limit of the term heap (as swipl's --stack-limit)\n"
    "  --version          print the version and exit\n"
    "  --help             print this help and exit\n"
    "  --                 ends the options or the files: what follows is argv\n";

/* "512M" -> bytes; 0 on a bad size. */
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return 0;
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    case 0: break;
    default: return 0;
    }
    if (*end == 'b' || *end == 'B')
        end++;
    return *end ? 0 : (size_t)v;
}

static void register_all(void)
{
    control_register();
    dbpreds_register();
    consult_register();
    dcg_register();
    read_register();
    flags_register();
    message_register();
    stats_register();
    reflect_register();
    crash_register();
    arith_register();
    terms_register();
    cyclic_register();
    lists_register();
    write_register();
    text_register();
    pcre_register();
    stream_register();
    lib_register();
    vset_register();
    os_register();
    plugin_register();
}

int main(int argc, char **argv)
{
    const char *goals[64], *files[256], *toplevel = NULL;
    bool quiet = false;
    int ngoals = 0, nfiles = 0, rest = argc;
    /* natively a NORESERVE reservation costs nothing; under snapvm the guest
     * RAM is finite (1 GiB by default) and shared with everything else */
    size_t heap = strcmp(snap_backend(), "kvm") ? (size_t)1 << 30 : (size_t)256 << 20;
    int opts_end = cli_options_end(argc, argv), nfile_args;
    rest = cli_files_end(argc, argv, opts_end, &nfile_args);
    if (nfile_args > 256) {
        fprintf(stderr, "snaplog: too many files (256 at most)\n");
        return 2;
    }
    for (int i = 0; i < nfile_args; i++)
        files[nfiles++] = argv[opts_end + i];
    for (int i = 1; i < opts_end; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (cli_takes_value(a)) {
            if (i + 1 >= argc) {
                fprintf(stderr, "snaplog: %s needs an argument\n%s", a, usage);
                return 2;
            }
            val = argv[++i];
        } else if (!strncmp(a, "--mem=", 6) || !strncmp(a, "--stack-limit=", 14) || !strncmp(a, "--stack_limit=", 14)) {
            val = strchr(a, '=') + 1;
        }
        if (!strcmp(a, "-g")) {
            if (ngoals == 64) {
                fprintf(stderr, "snaplog: too many -g goals (64 at most)\n");
                return 2;
            }
            goals[ngoals++] = val;
        } else if (!strcmp(a, "-t")) {
            toplevel = val;
        } else if (!strncmp(a, "--mem", 5) || !strncmp(a, "--stack", 7)) {
            size_t sz = parse_size(val);
            if (sz < ((size_t)1 << 20)) {
                fprintf(stderr, "snaplog: %s: bad size '%s' (a number with K, M or G, at least 1M)\n", a, val);
                return 2;
            }
            heap = sz;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strcmp(a, "--no-kvm") || !strcmp(a, "--kvm") || !strcmp(a, "-O") || !strcmp(a, "--no-tty")) {
            /* the backend flags are the launcher's */
        } else if (!strcmp(a, "--version")) {
            printf("snaplog version %s (%s)\n", SNAPLOG_VERSION, snap_backend());
            return 0;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "snaplog: unknown option '%s'\n%s", a, usage);
            return 2;
        }
    }

    if (!term_init(heap / 8) || !copy_init() || !db_init() || !solve_init() || !rd_ops_init()) {
        fprintf(stderr, "snaplog: cannot set up the engine's memory (%zu bytes of heap asked; try a smaller --mem)\n",
                heap);
        return 1;
    }
    register_all();
    control_set_halt_hook(toplevel_halt_hook);
    {
        /* argv: what follows -- (swipl 9 leaves the program name out) */
        char *av[1024];
        int n = 0;
        for (int i = rest; i < argc && n < 1024; i++)
            av[n++] = argv[i];
        flags_set_argv(n, av);
        if (quiet)
            flags_set_verbose_silent();
    }
    consult_text("boot", boot_text);

    for (int i = 0; i < nfiles; i++)
        consult_file_top(files[i]);

    /* as swipl: the -g goals, then the main goal of initialization(G, main) */
    for (int i = 0; i < ngoals; i++) {
        char what[4096];
        snprintf(what, sizeof what, "-g %s", goals[i]);
        int r = toplevel_run_text(goals[i], what);
        if (r) {
            fflush(stdout);
            return r;
        }
    }
    struct pterm *mg = consult_main_goal();
    if (mg) {
        term_t ball;
        term_t g = copy_from_persistent(mg);
        enum solve_status s = solve(g, NULL, NULL, &ball);
        fflush(stdout);
        if (s == SOLVE_TRUE)
            return 0;
        /* as swipl: "FILE:LINE: user:Goal: false", or the goal and the error */
        long line;
        const char *file = consult_main_goal_at(&line);
        wr_sink w;
        wr_sink_buffer(&w);
        wr_puts(&w, "user:");
        wr_options wo;
        wr_options_writeq(&wo);
        wr_term(&w, copy_from_persistent(mg), &wo);
        if (s == SOLVE_ERROR) {
            wr_puts(&w, " ");
            msg_exception_text(&w, ball);
        } else {
            wr_puts(&w, ": false");
        }
        char *text = wr_sink_take(&w, NULL);
        fprintf(stderr, "ERROR: %s:%ld: %s\n", file, line, text);
        free(text);
        wr_sink_free(&w);
        return s == SOLVE_ERROR ? 2 : 1;
    }
    int status;
    if (toplevel) {
        char what[4096];
        snprintf(what, sizeof what, "-t %s", toplevel);
        status = toplevel_run_text(toplevel, what) ? 1 : 0;
    } else {
        if (!quiet) /* on stderr, as swipl's, so that answers on stdout are the answers only */
            fprintf(stderr,
                    "Welcome to snaplog %s (%s backend): Prolog whose choice points are snapshots.\n"
                    "Enter a query ending in a full stop; ; or space for more answers; halt. or Ctrl-D to leave.\n\n",
                    SNAPLOG_VERSION, snap_backend());
        status = toplevel_repl(quiet);
    }
    fflush(stdout);
    fflush(stderr);
    return status;
}
