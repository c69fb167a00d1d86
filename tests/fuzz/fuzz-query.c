/* fuzz-query.c — libFuzzer harness of query.h: the bytes after the first
 * are a query as given on the command line (up to a NUL, as argv ends
 * it); the first byte's bit 0 asks for --case keep, bit 1 for a CQL query
 * (--cql). A query refused must say why as a usage error; one parsed must
 * have 1 to DL_QUERY_MAX_TERMS terms in NFC (CQL: none, and matches of 1
 * to DL_CQL_MAX_SPAN tokens), and match as fuzz_match says. A regular expression stops
 * at query.c's time limit (REGEX_TIME_LIMIT) on every word; run.sh's
 * -timeout catches one that does not. */
#include "config.h"

#include <string.h>

#include "error.h"
#include "fuzz.h"
#include "query.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  gboolean cql = (how & 2) != 0;
  g_autoptr (DlQuery) q = cql ? dl_query_parse_cql (text, &error) : dl_query_parse (text, &error);
  if (q == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == DL_ERROR && error->code == DL_ERROR_USAGE,
                  "refused as a usage error");
      return 0;
    }
  DlQuery *queries[] = { q };
  if (cql)
    {
      FUZZ_CHECK (dl_query_length (q) == 0 && dl_query_max_tokens (q) >= 1
                      && dl_query_max_tokens (q) <= DL_CQL_MAX_SPAN,
                  "a CQL query");
      fuzz_match (queries, 1, how & 1);
      return 0;
    }
  guint n = dl_query_length (q);
  FUZZ_CHECK (n >= 1 && n <= DL_QUERY_MAX_TERMS, "terms");
  fuzz_check_utf8 (dl_query_text (q), strlen (dl_query_text (q)), FALSE, "query text");
  for (guint i = 0; i < n; i++)
    {
      const char *term = dl_query_term_text (q, i);
      FUZZ_CHECK (term[0] != '\0' && dl_query_term_kind (q, i) <= DL_TERM_REGEX, "a term");
      fuzz_check_utf8 (term, strlen (term), FALSE, "term");
    }
  fuzz_match (queries, 1, how & 1);
  return 0;
}
