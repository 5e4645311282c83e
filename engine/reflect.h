/* reflect.h - current_predicate/1,2 and predicate_property/2. */
#ifndef ENGINE_REFLECT_H
#define ENGINE_REFLECT_H

void reflect_register(void);

#endif
