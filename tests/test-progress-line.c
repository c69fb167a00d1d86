/* test-progress-line.c — the progress line's text: byte counts in powers of
 * 1000 rounded half up, times left, and the line for a state at a given
 * moment. Oracle: the figures worked out by hand. */
#include "config.h"

#include "progress-line.h"
#include "tests.h"

static void
test_progress_bytes_for_people (void)
{
  static const struct {
    guint64 bytes;
    char point;
    const char *expected;
  } cases[] = {
    { 0, '.', "0 B" },
    { 999, '.', "999 B" },
    { 1000, '.', "1.0 kB" },
    { 1049, '.', "1.0 kB" },
    { 1050, '.', "1.1 kB" },
    { 999949, '.', "999.9 kB" },
    { 999950, '.', "1.0 MB" }, /* not 1000.0 kB */
    { 12345678, '.', "12.3 MB" },
    { 12345678, ',', "12,3 MB" },
    { 45600000, '.', "45.6 MB" },
    { 1000000000, '.', "1.0 GB" },
    { G_GUINT64_CONSTANT (1234567890123), '.', "1.2 TB" },
    { G_MAXUINT64, '.', "18.4 EB" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[32], label[32];
      g_snprintf (label, sizeof label, "%" G_GUINT64_FORMAT, cases[i].bytes);
      DL_ASSERT_STR_EQ_FOR (label, dl_progress_line_bytes (buf, cases[i].bytes, cases[i].point),
                            cases[i].expected);
    }
}

static void
test_progress_time_left (void)
{
  static const struct {
    guint64 seconds;
    const char *expected;
  } cases[] = {
    { 0, "0:00" },       { 4, "0:04" },       { 65, "1:05" },          { 3599, "59:59" },
    { 3600, "1:00:00" }, { 3723, "1:02:03" }, { 360000, "100:00:00" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[32], label[32];
      g_snprintf (label, sizeof label, "%" G_GUINT64_FORMAT, cases[i].seconds);
      DL_ASSERT_STR_EQ_FOR (label, dl_progress_line_duration (buf, cases[i].seconds),
                            cases[i].expected);
    }
}

static void
test_progress_line_text (void)
{
  /* 12,345,678 of 45,600,000 bytes in 1.5 s: 27 %, 8,230,452 B/s, and
   * 33,254,322 bytes left at that rate: 4.04 s. */
  static const struct {
    guint64 bytes, total;
    gint64 now;
    const char *expected;
  } cases[] = {
    { 12345678, 45600000, 1500000,
      "derlem: 12.3 MB of 45.6 MB (27%), 3/12 files, 8.2 MB/s, 0:04 left" },
    /* Too early for a rate. */
    { 12345678, 45600000, 200000, "derlem: 12.3 MB of 45.6 MB (27%), 3/12 files" },
    /* No total (standard input): no percentage, no time left. */
    { 12345678, 0, 1500000, "derlem: 12.3 MB, 3/12 files, 8.2 MB/s" },
    /* All read: nothing left to wait for. */
    { 45600000, 45600000, 2000000, "derlem: 45.6 MB of 45.6 MB (100%), 3/12 files, 22.8 MB/s" },
    /* Nothing read yet. */
    { 0, 45600000, 3000000, "derlem: 0 B of 45.6 MB (0%), 3/12 files" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DlProgressState s = { cases[i].bytes, cases[i].total, 3, 12, 0 };
      g_autofree char *text = dl_progress_line_text (&s, cases[i].now, '.');
      DL_ASSERT_STR_EQ_FOR (cases[i].expected, text, cases[i].expected);
    }
}

void
test_progress_line_suite (void)
{
  CU_pSuite s = CU_add_suite ("progress-line", NULL, NULL);
  CU_add_test (s, "progress_bytes_for_people", test_progress_bytes_for_people);
  CU_add_test (s, "progress_time_left", test_progress_time_left);
  CU_add_test (s, "progress_line_text", test_progress_line_text);
}
