/* fuzz-queries.c — libFuzzer harness of query.h's dl_query_read_file
 * (--queries FILE): the bytes after the first are the file; the first
 * byte's bit 0 asks for --case keep. A file refused must say why as a
 * usage error; the queries of one read must match as fuzz_match says. */
#include "config.h"

#include "error.h"
#include "fuzz.h"
#include "query.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  g_autoptr (FuzzFile) file = fuzz_file_new (data, size, FALSE);
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_query_free);
  g_autoptr (GError) error = NULL;
  if (!dl_query_read_file (fuzz_file_path (file), queries, &error))
    {
      FUZZ_CHECK (error != NULL && error->domain == DL_ERROR && error->code == DL_ERROR_USAGE,
                  "refused as a usage error");
      return 0;
    }
  FUZZ_CHECK (queries->len > 0, "a query at least");
  fuzz_match ((DlQuery *const *) queries->pdata, queries->len, how & 1);
  return 0;
}
