/* cli.h - where the options of the snaplog command line end, for the
 * launcher (host side) and the engine, which must agree.
 *
 * As swipl: options come first; the first argument that is not an option
 * is the first file to load; files that follow it and end in ".pl" are
 * loaded too; from the next argument on, everything is the program's
 * (current_prolog_flag(argv, A)), options included (`snaplog s.pl -v`
 * hands -v to the program).  "--" ends the options or the files and is
 * itself dropped.
 */
#ifndef ENGINE_CLI_H
#define ENGINE_CLI_H

#include <string.h>

/* Does option a take the next argument as its value? */
static inline int cli_takes_value(const char *a)
{
    return !strcmp(a, "-g") || !strcmp(a, "-t") || !strcmp(a, "--mem") || !strcmp(a, "--stack-limit");
}

/* The index of the first argument that is not an option (argc if none);
 * the options are argv[1 .. that).  A "--" at that index is not a file. */
static inline int cli_options_end(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--") || a[0] != '-' || !a[1])
            return i;
        if (cli_takes_value(a))
            i++;
    }
    return argc;
}

/* After the options end at i: the index where the program's arguments
 * start, past the files; *nfiles gets how many files there are from i. */
static inline int cli_files_end(int argc, char **argv, int i, int *nfiles)
{
    int n = 0;
    if (i < argc && strcmp(argv[i], "--")) {
        n = 1;
        while (i + n < argc) {
            size_t len = strlen(argv[i + n]);
            if (len < 4 || strcmp(argv[i + n] + len - 3, ".pl"))
                break;
            n++;
        }
    }
    *nfiles = n;
    i += n;
    return i < argc && !strcmp(argv[i], "--") ? i + 1 : i;
}

#endif
