/* unit.c — the CUnit runner of derlem: `tests/unit` runs every suite (the
 * list is tests/suites.h), `tests/unit SUITE [TEST]` one suite or one test,
 * `tests/unit --list` names them. make check runs it once per suite; then,
 * when a suite fails, its failures go to fd 9 (the terminal) too. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>

#include "tests.h"

static void
usage (FILE *to)
{
  fprintf (to, "usage: tests/unit [SUITE [TEST]]\n"
               "       tests/unit --list\n"
               "Runs every suite, or one suite, or one test of a suite.\n");
}

static void
list (void)
{
  for (CU_pSuite s = CU_get_registry ()->pSuite; s != NULL; s = s->pNext)
    {
      printf ("%s\n", s->pName);
      for (CU_pTest t = s->pTest; t != NULL; t = t->pNext)
        printf ("  %s\n", t->pName);
    }
}

/* "a, b, c": the names of the suites, or of @suite's tests. */
static char *
names (CU_pSuite suite)
{
  GString *s = g_string_new (NULL);
  if (suite == NULL)
    for (CU_pSuite p = CU_get_registry ()->pSuite; p != NULL; p = p->pNext)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", p->pName);
  else
    for (CU_pTest t = suite->pTest; t != NULL; t = t->pNext)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", t->pName);
  return g_string_free (s, FALSE);
}

/* Under make check (fd 9 open), a failing run's summary and failures go to
 * the terminal as well as to the log. */
static void
report_failures (const char *what)
{
  if (fcntl (9, F_GETFD) == -1)
    return;
  FILE *console = fdopen (dup (9), "w");
  if (console == NULL)
    return;
  fprintf (console, "\n%s failed:\n", what);
  for (CU_pFailureRecord f = CU_get_failure_list (); f != NULL; f = f->pNext)
    fprintf (console, "  %s:%u: %s: %s\n", f->strFileName ? f->strFileName : "?", f->uiLineNumber,
             f->pTest ? f->pTest->pName : "?", f->strCondition ? f->strCondition : "?");
  char *summary = CU_get_run_results_string ();
  fprintf (console, "%s\n", summary ? summary : "");
  free (summary);
  fclose (console);
}

/* Runs what @argv names; 2 for a name that is none, with the names. */
static int
run (int argc, char **argv)
{
  if (argc == 1)
    return CU_basic_run_tests () == CUE_SUCCESS ? 0 : 1;
  CU_pSuite suite = CU_get_suite (argv[1]);
  if (suite == NULL)
    {
      g_autofree char *all = names (NULL);
      fprintf (stderr, "tests/unit: no suite '%s'; the suites are: %s\n", argv[1], all);
      return 2;
    }
  if (argc == 2)
    return CU_basic_run_suite (suite) == CUE_SUCCESS ? 0 : 1;
  CU_pTest test = CU_get_test (suite, argv[2]);
  if (test == NULL)
    {
      g_autofree char *all = names (suite);
      fprintf (stderr, "tests/unit: no test '%s' in suite %s; its tests are: %s\n", argv[2],
               argv[1], all);
      return 2;
    }
  return CU_basic_run_test (suite, test) == CUE_SUCCESS ? 0 : 1;
}

int
main (int argc, char **argv)
{
  if (argc > 3 || (argc > 1 && argv[1][0] == '-' && strcmp (argv[1], "--list") != 0))
    {
      gboolean help = strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0;
      usage (help ? stdout : stderr);
      return help ? 0 : 2;
    }
  if (CU_initialize_registry () != CUE_SUCCESS)
    return CU_get_error ();
#define DL_SUITE(id) test_##id##_suite ();
#include "suites.h"
#undef DL_SUITE
  if (CU_get_error () != CUE_SUCCESS)
    {
      fprintf (stderr, "tests/unit: cannot register the suites: %s\n", CU_get_error_msg ());
      CU_cleanup_registry ();
      return 1;
    }
  if (argc == 2 && strcmp (argv[1], "--list") == 0)
    {
      list ();
      CU_cleanup_registry ();
      return 0;
    }

  CU_basic_set_mode (CU_BRM_VERBOSE);
  int status = run (argc, argv);
  unsigned failed = CU_get_number_of_failures () + CU_get_number_of_tests_failed ();
  unsigned ran = CU_get_number_of_tests_run ();
  if (status == 0 && (failed > 0 || ran == 0))
    status = 1;
  if (status == 1)
    report_failures (argc > 1 ? argv[1] : "tests/unit");
  CU_cleanup_registry ();
  return status;
}
