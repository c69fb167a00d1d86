/* unit.c — runs every CUnit suite of derlem. The summary goes to standard
 * output (the test log) and, under `make check`, to fd 9 (the terminal). */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>

#include "tests.h"

int
main (int argc, char **argv)
{
  if (CU_initialize_registry () != CUE_SUCCESS)
    return CU_get_error ();
  test_decode_suite ();
  test_reader_suite ();
  test_source_suite ();
  test_langid_suite ();
  test_tokenizer_suite ();
  test_normalize_suite ();
  test_stem_suite ();
  test_counter_suite ();
  test_query_suite ();
  test_concord_suite ();
  test_measures_suite ();
  test_colloc_suite ();
  test_ngrams_suite ();
  test_output_suite ();
  test_cli_suite ();
  test_cli_formats_suite ();

  CU_basic_set_mode (CU_BRM_VERBOSE);
  if (argc > 1)
    {
      /* `tests/unit SUITE [TEST]` runs one suite or test. */
      CU_pSuite suite = CU_get_suite (argv[1]);
      if (suite == NULL)
        {
          fprintf (stderr, "no suite %s\n", argv[1]);
          CU_cleanup_registry ();
          return 2;
        }
      if (argc > 2)
        CU_basic_run_test (suite, CU_get_test (suite, argv[2]));
      else
        CU_basic_run_suite (suite);
    }
  else
    CU_basic_run_tests ();

  unsigned failed = CU_get_number_of_failures () + CU_get_number_of_tests_failed ();
  if (fcntl (9, F_GETFD) != -1)
    {
      FILE *console = fdopen (dup (9), "w");
      if (console != NULL)
        {
          char *summary = CU_get_run_results_string ();
          fprintf (console, "\n     CUnit - A unit testing framework for C\n\n%s\n",
                   summary ? summary : "");
          free (summary);
          fclose (console);
        }
    }
  unsigned ran = CU_get_number_of_tests_run ();
  CU_cleanup_registry ();
  if (ran == 0)
    return 1;
  return failed == 0 ? 0 : 1;
}
