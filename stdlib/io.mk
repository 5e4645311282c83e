# stdlib/io.mk: streams and formatted output (stream.c, stream_preds.c,
# stream_char.c, stream_read.c, format.c), compiled with the write barrier
# like the rest of the engine and added to the engine library.  engine/main.c
# registers them (stream_register).  stdlib/write.c is in the engine's list.
IO_SRCS := stdlib/stream.c stdlib/stream_preds.c stdlib/stream_char.c stdlib/stream_read.c stdlib/format.c
IO_OBJS := $(patsubst %.c,$(B)/guest/%.o,$(IO_SRCS))
$(ENGINE_LIB): $(IO_OBJS)
-include $(IO_OBJS:.o=.d)
