/* test-spill.c — bytes kept in memory, then in a temporary file, handed
 * back whole records at a time and in order. */
#include "config.h"

#include <string.h>

#include "spill.h"
#include "tests.h"

/* Records are a length byte and that many bytes; taken into a string. */
static gsize
take (const guint8 *data, gsize len, gpointer user_data)
{
  GString *out = user_data;
  gsize at = 0;
  while (at < len && at + 1 + data[at] <= len)
    {
      g_string_append_len (out, (const char *) data + at + 1, data[at]);
      g_string_append_c (out, '|');
      at += 1 + data[at];
    }
  return at;
}

static void
check (gsize memory, guint records, gboolean spilled)
{
  g_autoptr (DlSpill) spill = dl_spill_new (memory);
  g_autoptr (GString) expect = g_string_new (NULL);
  for (guint i = 0; i < records; i++)
    {
      char rec[64];
      int n = g_snprintf (rec + 1, sizeof rec - 1, "record %u %s", i, i % 3 ? "x" : "longer one");
      rec[0] = (char) n;
      CU_ASSERT_TRUE (dl_spill_append (spill, rec, (gsize) n + 1));
      g_string_append_printf (expect, "%s|", rec + 1);
    }
  g_autoptr (GString) got = g_string_new (NULL);
  CU_ASSERT_TRUE (dl_spill_replay (spill, take, got));
  CU_ASSERT_STRING_EQUAL (got->str, expect->str);
  CU_ASSERT_EQUAL (dl_spill_spilled (spill), spilled);
}

static void
test_records_come_back_in_order (void)
{
  check (1 << 20, 1000, FALSE); /* all in memory */
  check (7, 1000, TRUE);        /* records cut by every chunk's end */
  check (100, 5000, TRUE);
  check (100, 0, FALSE);
}

/* A record left incomplete is an error, not a silent loss. */
static void
test_incomplete_record_fails (void)
{
  g_autoptr (DlSpill) spill = dl_spill_new (4);
  CU_ASSERT_TRUE (dl_spill_append (spill, "\3abc\5ab", 7));
  g_autoptr (GString) got = g_string_new (NULL);
  CU_ASSERT_FALSE (dl_spill_replay (spill, take, got));
  CU_ASSERT_STRING_EQUAL (got->str, "abc|");
}

void
test_spill_suite (void)
{
  CU_pSuite s = CU_add_suite ("spill", NULL, NULL);
  CU_add_test (s, "records_come_back_in_order", test_records_come_back_in_order);
  CU_add_test (s, "incomplete_record_fails", test_incomplete_record_fails);
}
