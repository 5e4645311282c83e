/* tests/unit/test_lang_ops.c: the operator table: swipl's defaults, op/3's
 * ISO errors, definition and removal, iteration for current_op/3. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/term.h"
#include "lang/ops.h"

static int setup(void **state)
{
    return term_init(1u << 16) && rd_ops_init() ? 0 : -1;
}

static atom_t A_(const char *s)
{
    return atom_from_cstr(s);
}

static void test_defaults(void **state)
{
    static const struct {
        const char *name;
        rd_opclass cls;
        int pri;
        rd_optype type;
    } cases[] = {
        {":-", RD_INFIX, 1200, RD_XFX}, {":-", RD_PREFIX, 1200, RD_FX},
        {",", RD_INFIX, 1000, RD_XFY},  {"|", RD_INFIX, 1105, RD_XFY},
        {"-", RD_INFIX, 500, RD_YFX},   {"-", RD_PREFIX, 200, RD_FY},
        {"**", RD_INFIX, 200, RD_XFX},  {"^", RD_INFIX, 200, RD_XFY},
        {"is", RD_INFIX, 700, RD_XFX},  {"dynamic", RD_PREFIX, 1150, RD_FX},
        {"\\+", RD_PREFIX, 900, RD_FY}, {"$", RD_PREFIX, 1, RD_FX},
        {"xor", RD_INFIX, 400, RD_YFX}, {"->", RD_INFIX, 1050, RD_XFY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int pri;
        rd_optype t;
        assert_true(rd_op_lookup(A_(cases[i].name), cases[i].cls, &pri, &t));
        assert_int_equal(pri, cases[i].pri);
        assert_int_equal(t, cases[i].type);
    }
    int pri;
    rd_optype t;
    assert_false(rd_op_lookup(A_("foo"), RD_INFIX, &pri, &t));
    assert_false(rd_op_lookup(A_("is"), RD_PREFIX, &pri, &t));
    assert_false(rd_op_lookup(A_("."), RD_INFIX, &pri, &t)); /* no dicts */
    assert_true(rd_op_is_any(A_("mod")));
    assert_false(rd_op_is_any(A_("@")));
}

static void test_check_errors(void **state)
{
    assert_int_equal(rd_op_check(1201, RD_XFX, A_("a")), RD_OPE_PRIORITY);
    assert_int_equal(rd_op_check(-1, RD_XFX, A_("a")), RD_OPE_PRIORITY);
    /* priority is checked before the specifier, as ISO orders them */
    assert_int_equal(rd_op_check(1300, RD_OP_NONE, A_("a")), RD_OPE_PRIORITY);
    assert_int_equal(rd_op_check(700, RD_OP_NONE, A_("a")), RD_OPE_SPECIFIER);
    assert_int_equal(rd_op_check(700, RD_XFX, A_(",")), RD_OPE_MODIFY);
    assert_int_equal(rd_op_check(1000, RD_XFY, A_(",")), RD_OPE_MODIFY);
    assert_int_equal(rd_op_check(500, RD_XFX, A_("|")), RD_OPE_CREATE);
    assert_int_equal(rd_op_check(1100, RD_FX, A_("|")), RD_OPE_CREATE);
    assert_int_equal(rd_op_check(1100, RD_XFY, A_("|")), RD_OPE_OK);
    assert_int_equal(rd_op_check(0, RD_XFY, A_("|")), RD_OPE_OK);
    assert_int_equal(rd_op_check(700, RD_FX, A_("[]")), RD_OPE_CREATE);
    assert_int_equal(rd_op_check(700, RD_XFX, A_("{}")), RD_OPE_CREATE);
    assert_int_equal(rd_op_check(700, RD_XFX, A_("ok")), RD_OPE_OK);
    assert_int_equal(rd_optype_parse("yfy"), RD_OP_NONE);
    assert_int_equal(rd_optype_parse("yf"), RD_YF);
    assert_string_equal(rd_optype_name(RD_FY), "fy");
}

static void test_infix_postfix_clash(void **state)
{
    atom_t a = A_("clashop");
    assert_true(rd_op_set(700, RD_XFX, a));
    assert_int_equal(rd_op_check(100, RD_XF, a), RD_OPE_CREATE);
    assert_int_equal(rd_op_check(100, RD_FY, a), RD_OPE_OK); /* prefix + infix is fine */
    assert_int_equal(rd_op_check(0, RD_XF, a), RD_OPE_OK);   /* removing is always fine */
    assert_true(rd_op_set(0, RD_XFX, a));
    assert_int_equal(rd_op_check(100, RD_XF, a), RD_OPE_OK);
    assert_true(rd_op_set(100, RD_XF, a));
    assert_int_equal(rd_op_check(700, RD_XFX, a), RD_OPE_CREATE);
    assert_true(rd_op_set(0, RD_XF, a));
}

static void test_set_remove_iterate(void **state)
{
    /* many new operators: the table grows and keeps every entry */
    char name[32];
    for (int i = 0; i < 500; i++) {
        snprintf(name, sizeof name, "op%d", i);
        assert_true(rd_op_set(1 + i % 1200, i % 2 ? RD_XFY : RD_FX, A_(name)));
    }
    for (int i = 0; i < 500; i++) {
        snprintf(name, sizeof name, "op%d", i);
        int pri;
        rd_optype t;
        assert_true(rd_op_lookup(A_(name), i % 2 ? RD_INFIX : RD_PREFIX, &pri, &t));
        assert_int_equal(pri, 1 + i % 1200);
    }
    /* redefinition replaces; priority 0 removes */
    assert_true(rd_op_set(300, RD_YFX, A_("op1")));
    int pri;
    rd_optype t;
    assert_true(rd_op_lookup(A_("op1"), RD_INFIX, &pri, &t));
    assert_int_equal(pri, 300);
    assert_int_equal(t, RD_YFX);
    assert_true(rd_op_set(0, RD_XFX, A_("op1")));
    assert_false(rd_op_lookup(A_("op1"), RD_INFIX, &pri, &t));
    /* iteration sees each definition once */
    size_t cursor = 0;
    atom_t n;
    int seen_minus = 0, seen_op2 = 0, total = 0;
    while (rd_op_next(&cursor, &n, &pri, &t)) {
        total++;
        if (n == A_("-"))
            seen_minus++;
        if (n == A_("op2"))
            seen_op2++;
        assert_false(n == A_("op1"));
    }
    assert_int_equal(seen_minus, 2); /* infix and prefix */
    assert_int_equal(seen_op2, 1);
    assert_true(total > 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_check_errors),
        cmocka_unit_test(test_infix_postfix_clash),
        cmocka_unit_test(test_set_remove_iterate),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
