/* plugin.h - C plugins: use_foreign_library/1 and the loader behind it
 * (plugin.c; the interface plugins are written against is snaplog.h). */
#ifndef ENGINE_PLUGIN_H
#define ENGINE_PLUGIN_H

void plugin_register(void);

#endif
