# stdlib/num.mk: unbounded integers.  stdlib/bigint.c (GMP behind the BIG
# terms, its memory in persistent scratch blocks) is compiled with the write
# barrier like the rest of the engine and added to the engine library; GMP
# itself is linked statically into every program that links the library.
# stdlib/arith.c, its one user, is still listed in engine/engine.mk.
NUM_SRCS := stdlib/bigint.c
NUM_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(NUM_SRCS))
$(ENGINE_LIB): $(NUM_OBJS)
ENGINE_LDLIBS += -lgmp
-include $(NUM_OBJS:.o=.d)

# unit test: bignum limbs to doubles, numbers in the standard order (host)
$(B)/tests/unit/test_num_compare: $(ENGINE_CORE_HOST_OBJS)
UNIT_LIBS_test_num_compare := -lm
