/* tests.h — the CUnit suites of derlem, one per module, run by tests/unit.c.
 * TEST_SRCDIR is the absolute source directory, TEST_BUILDDIR the build one. */
#ifndef DL_TESTS_H
#define DL_TESTS_H

#include <CUnit/CUnit.h>

#define TEST_DATA(name) TEST_SRCDIR "/tests/data/" name
#define TEST_CORPUS(name) TEST_SRCDIR "/corpus/" name

void test_langid_suite (void);
void test_decode_suite (void);
void test_reader_suite (void);
void test_source_suite (void);
void test_tokenizer_suite (void);
void test_normalize_suite (void);
void test_stem_suite (void);
void test_counter_suite (void);
void test_query_suite (void);
void test_concord_suite (void);
void test_measures_suite (void);
void test_colloc_suite (void);
void test_ngrams_suite (void);
void test_cli_suite (void);
void test_output_suite (void);
void test_cli_formats_suite (void);

#endif /* DL_TESTS_H */
