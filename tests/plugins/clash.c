/* clash.c: a plugin that tries to redefine a built-in; its install must
 * raise a permission error (tests/prolog/plugin_session.sh). */
#include <snaplog.h>

static bool mine(sl_term *a)
{
    (void)a;
    return true;
}

void install_clash(void)
{
    sl_register("clash_ok", 0, mine);
    sl_register("atom_length", 2, mine);
}
