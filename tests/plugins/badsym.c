/* badsym.c: a plugin that calls a function the engine does not have; its
 * load must fail naming the symbol (tests/prolog/plugin_session.sh). */
#include <snaplog.h>

void no_such_function_in_the_engine(void);

static bool call_it(sl_term *a)
{
    (void)a;
    no_such_function_in_the_engine();
    return true;
}

void install_badsym(void) { sl_register("call_it", 0, call_it); }
