# examples/plugins.mk: the example plugins, built with snaplog-plugin-cc into
# build/plugins/NAME.so (use_foreign_library('build/plugins/NAME')).
EXAMPLE_PLUGINS := $(patsubst examples/plugins/%.c,$(B)/plugins/%.so,$(wildcard examples/plugins/*.c))
$(B)/plugins/%.so: examples/plugins/%.c $(PLUGIN_CC) engine/snaplog.h
	@mkdir -p $(@D)
	$(PLUGIN_CC) -std=gnu11 -O2 -g $(WARN) $< -o $@
LIBS += $(EXAMPLE_PLUGINS)

# The tests' plugins: tests/plugins/NAME.c -> build/tests/plugins/NAME.so.
TEST_PLUGINS := $(patsubst tests/plugins/%.c,$(B)/tests/plugins/%.so,$(wildcard tests/plugins/*.c))
$(B)/tests/plugins/%.so: tests/plugins/%.c $(PLUGIN_CC) engine/snaplog.h
	@mkdir -p $(@D)
	$(PLUGIN_CC) -std=gnu11 -O2 -g $(WARN) $< -o $@
ifneq ($(SANITIZE),1)
TEST_BINS += $(TEST_PLUGINS)
endif
