/* tests.h — what the CUnit suites of derlem share (run by tests/unit.c).
 * TEST_SRCDIR is the absolute source directory, TEST_BUILDDIR the build one. */
#ifndef DL_TESTS_H
#define DL_TESTS_H

#include <CUnit/CUnit.h>
#include <glib.h>

#include "types.h"

#define TEST_DATA(name) TEST_SRCDIR "/tests/data/" name
#define TEST_CORPUS(name) TEST_SRCDIR "/corpus/" name

/* Writes @bytes (@len of them, or -1: NUL-terminated) to a new file @name in
 * a new temporary directory; returns its path (free it with
 * dl_test_temp_remove, which removes both). A failure is a fatal CUnit
 * failure. */
char *dl_test_temp_file (const char *name, const char *bytes, gssize len);
void dl_test_temp_remove (char *path);

/* Writes four of corpus/'s files (Turkish and English), each followed by
 * @between, again and again until @size bytes or more, to a temporary
 * file @name (as dl_test_temp_file: free it with dl_test_temp_remove). */
char *dl_test_corpus_file (const char *name, gsize size, const char *between);

/* The units (@unit) of @lang in @text, counted as freq counts a file whose
 * lines are all of @lang (tests/units.c). Failures are fatal. */
typedef struct _DlTestUnits DlTestUnits;
DlTestUnits *dl_test_units_new (const char *text, DlLang lang, DlUnit unit);
/* The units, owned by @t. */
struct _DlUnits *dl_test_units_get (const DlTestUnits *t);
void dl_test_units_free (DlTestUnits *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTestUnits, dl_test_units_free)

/* Assertions that say what they got. Each is one CUnit assertion; on failure
 * it first prints "FILE:LINE: CONDITION: got X, expected Y" to standard
 * output (the suite's log), strings quoted and escaped. The _FOR forms put
 * @label (a table row's input, say; may be NULL) before the condition. */
#define DL_ASSERT_STR_EQ(got, expected) DL_ASSERT_STR_EQ_FOR (NULL, got, expected)
#define DL_ASSERT_STR_EQ_FOR(label, got, expected)                                                 \
  dl_assert_str_eq ((label), (got), (expected), #got " == " #expected, __FILE__, __LINE__)
/* @haystack contains @needle (NULL contains nothing). */
#define DL_ASSERT_STR_CONTAINS(haystack, needle) DL_ASSERT_STR_CONTAINS_FOR (NULL, haystack, needle)
#define DL_ASSERT_STR_CONTAINS_FOR(label, haystack, needle)                                        \
  dl_assert_str_contains ((label), (haystack), (needle), #haystack " contains " #needle, __FILE__, \
                          __LINE__)
#define DL_ASSERT_INT_EQ(got, expected) DL_ASSERT_INT_EQ_FOR (NULL, got, expected)
#define DL_ASSERT_INT_EQ_FOR(label, got, expected)                                                 \
  dl_assert_int_eq ((label), (gint64) (got), (gint64) (expected), #got " == " #expected, __FILE__, \
                    __LINE__)
/* |@got - @expected| <= @tolerance; NaN is near nothing. */
#define DL_ASSERT_DOUBLE_NEAR(got, expected, tolerance)                                            \
  DL_ASSERT_DOUBLE_NEAR_FOR (NULL, got, expected, tolerance)
#define DL_ASSERT_DOUBLE_NEAR_FOR(label, got, expected, tolerance)                                 \
  dl_assert_double_near ((label), (got), (expected), (tolerance), #got " ~ " #expected, __FILE__,  \
                         __LINE__)
/* A condition with a label saying which case failed. */
#define DL_ASSERT_TRUE_FOR(label, condition)                                                       \
  dl_assert_true ((label), (condition), #condition, __FILE__, __LINE__)

/* What the macros call (tests/assert.c); each returns whether it held. */
gboolean dl_assert_str_eq (const char *label, const char *got, const char *expected,
                           const char *condition, const char *file, int line);
gboolean dl_assert_str_contains (const char *label, const char *haystack, const char *needle,
                                 const char *condition, const char *file, int line);
gboolean dl_assert_int_eq (const char *label, gint64 got, gint64 expected, const char *condition,
                           const char *file, int line);
gboolean dl_assert_double_near (const char *label, double got, double expected, double tolerance,
                                const char *condition, const char *file, int line);
gboolean dl_assert_true (const char *label, gboolean holds, const char *condition, const char *file,
                         int line);

/* test_ID_suite () of every suite (suites.h). */
#define DL_SUITE(id) void test_##id##_suite (void);
#include "suites.h"
#undef DL_SUITE

#endif /* DL_TESTS_H */
