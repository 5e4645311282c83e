/* queens.c: the N queens, searched in plain C by a snaplog plugin.
 *
 * cqueens(+N, -Qs): Qs is a placement of N queens (the column of the queen
 * in each row, 1-based), each solution on backtracking, in the order of
 * examples/queens.pl.  The search is the textbook one written imperatively:
 * for each row pick a column with sl_choose, give up on a conflict, mark
 * the board.  There is no undo code: when Prolog backtracks into the
 * search, the board arrays are as they were at the choice, because every
 * choice point is a snapshot of the whole program's memory.
 *
 *     build/snaplog-plugin-cc -O2 -o queens.so queens.c
 *     ?- use_foreign_library(queens), findall(Q, cqueens(8, Q), L), length(L, N).
 *     N = 92.
 */
#include <snaplog.h>
#include <string.h>

#define MAXN 32

static bool col_used[MAXN], up_used[2 * MAXN], down_used[2 * MAXN];
static int col_of[MAXN];

static bool cqueens(sl_term *a)
{
    int64_t n = sl_need_int64(a[0]);
    if (n < 0 || n > MAXN)
        sl_domain_error("queens_board_size", a[0]);
    memset(col_used, 0, sizeof col_used);
    memset(up_used, 0, sizeof up_used);
    memset(down_used, 0, sizeof down_used);
    for (int r = 0; r < n; r++) {
        int c = (int)sl_choose(n);
        if (col_used[c] || up_used[r + c] || down_used[r - c + n])
            return false; /* back to the newest choice, its next column */
        col_used[c] = up_used[r + c] = down_used[r - c + n] = true;
        col_of[r] = c;
    }
    sl_term qs = sl_nil();
    for (int r = (int)n - 1; r >= 0; r--)
        qs = sl_cons(sl_new_int64(col_of[r] + 1), qs);
    return sl_unify(a[1], qs);
}

void install_queens(void) { sl_register("cqueens", 2, cqueens); }
