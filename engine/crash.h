/* crash.h - '$crash'/1, for the tests of crash recovery. */
#ifndef ENGINE_CRASH_H
#define ENGINE_CRASH_H

void crash_register(void);

#endif
