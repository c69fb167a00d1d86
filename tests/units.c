/* units.c — units for the suites: a text counted the way freq counts it,
 * grouped into the units of one language. */
#include "config.h"

#include <glib/gstdio.h>

#include "counter.h"
#include "tests.h"
#include "units.h"

struct _DlTestUnits {
  DlCounter *counter;
  DlStemmer *stemmer;
  DlLemmatizer *lemmatizer;
  DlUnits *units;
};

DlTestUnits *
dl_test_units_new (const char *text, DlLang lang, DlUnit unit)
{
  DlTestUnits *t = g_new0 (DlTestUnits, 1);
  DlCounterOptions co;
  dl_counter_options_init (&co);
  co.kinds[DL_TOKEN_NUMBER] = TRUE;
  co.track_files = TRUE;
  t->counter = dl_counter_new (&co);
  g_autoptr (DlCounter) one = dl_counter_new (&co);
  char *path = dl_test_temp_file ("units.txt", text, -1);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, TRUE, lang, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE_FATAL (dl_counter_count_input (one, &input, &doc, NULL, &error));
  dl_counter_merge (t->counter, one, 0);
  dl_test_temp_remove (path);
  t->stemmer = dl_stemmer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t->stemmer);
  if (unit == DL_UNIT_LEMMA)
    {
      t->lemmatizer = dl_lemmatizer_new (&error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (t->lemmatizer);
    }
  DlUnitsOptions uo = { unit, t->stemmer, t->lemmatizer, NULL, NULL };
  t->units = dl_units_new (t->counter, lang, &uo);
  return t;
}

DlUnits *
dl_test_units_get (const DlTestUnits *t)
{
  return t->units;
}

void
dl_test_units_free (DlTestUnits *t)
{
  if (t == NULL)
    return;
  dl_units_free (t->units);
  dl_stemmer_free (t->stemmer);
  dl_lemmatizer_free (t->lemmatizer);
  dl_counter_free (t->counter);
  g_free (t);
}
