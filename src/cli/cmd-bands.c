/* cmd-bands.c — frequency bands from a reference list, for the commands
 * that band words (profile, exercise): a list read back from `derlem freq
 * --format tsv`, or the lists of a counted corpus, ranked by frequency. */
#include "config.h"

#include <stdlib.h>

#include "commands.h"
#include "error.h"
#include "freqlist.h"
#include "i18n.h"

/* An item of a list and its place there. */
typedef struct {
  const DlFreqItem *item;
  guint place;
} Placed;

/* Orders items by frequency, descending, then by their place in the list. */
static gint
by_freq (gconstpointer a, gconstpointer b)
{
  const Placed *x = a, *y = b;
  if (x->item->freq != y->item->freq)
    return x->item->freq < y->item->freq ? 1 : -1;
  return x->place < y->place ? -1 : x->place > y->place;
}

gboolean
dl_cmd_band_refs_read (const DlOptions *opts, const char *path, const DlDiag *diag,
                       DlBandRef **refs, GError **error)
{
  g_autoptr (DlFreqTsv) list = dl_cmd_read_freq_list (opts, path, diag, error);
  if (list == NULL)
    return FALSE;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      guint n;
      const DlFreqItem *items = dl_freqtsv_items (list, l, &n);
      /* Sorted by frequency whatever order the list was saved in; the
         list's own order breaks ties. */
      g_autofree Placed *placed = g_new (Placed, (gsize) n + 1);
      for (guint i = 0; i < n; i++)
        placed[i] = (Placed){ &items[i], i };
      qsort (placed, n, sizeof *placed, by_freq);
      g_autofree DlFreqItem *sorted = g_new (DlFreqItem, (gsize) n + 1);
      for (guint i = 0; i < n; i++)
        sorted[i] = *placed[i].item;
      refs[l] = dl_band_ref_new (sorted, n);
    }
  return TRUE;
}

gboolean
dl_cmd_band_refs_count (const DlOptions *opts, const DlListTools *tools, const DlCounter *total,
                        DlBandRef **refs, GError **error)
{
  const DlUnitsOptions uo = { opts->unit, tools->stemmer, tools->lemmatizer, NULL, tools->norm };
  /* No range asked for: a counter that keeps no files (the query units')
     gives its units of several terms none, and the ranks are by frequency. */
  const DlFreqOptions fo = { .sort = DL_FREQ_SORT_FREQ,
                             .min_freq = 1,
                             .min_range = 0,
                             .forms = 1,
                             .threads = (guint) opts->threads };
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      g_autoptr (DlUnits) units = dl_units_new (total, l, &uo);
      g_autoptr (DlFreqList) list = dl_freqlist_build (units, &fo, error);
      if (list == NULL)
        return FALSE;
      guint n = dl_freqlist_size (list);
      g_autofree DlFreqItem *items = g_new (DlFreqItem, n + 1);
      for (guint i = 0; i < n; i++)
        items[i] = *dl_freqlist_item (list, i);
      refs[l] = dl_band_ref_new (items, n);
    }
  return TRUE;
}

guint64
dl_cmd_unit_rank (const DlBandRef *ref, const DlUnits *units, guint32 u)
{
  guint64 rank = dl_band_ref_rank (ref, dl_units_key (units, u));
  if (rank > 0)
    return rank;
  const DlLexicon *terms = dl_counter_terms (dl_units_counter (units), dl_units_lang (units));
  guint n;
  const guint32 *ids = dl_units_terms (units, u, &n);
  for (guint i = 0; i < n; i++)
    {
      guint64 r = dl_band_ref_rank (ref, dl_lexicon_string (terms, ids[i]));
      if (r > 0 && (rank == 0 || r < rank))
        rank = r;
    }
  return rank;
}

gboolean
dl_cmd_parse_band (const char *arg, guint64 *ranks, GError **error)
{
  char *end = NULL;
  double v = g_ascii_strtod (arg, &end);
  gboolean k = end != NULL && (*end == 'k' || *end == 'K');
  if (k)
    end++;
  if (end == arg || *end != '\0' || !(v > 0) || v * (k ? 1000 : 1) > 1e12)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: --level's value; keep 2k and 1500 as they are. */
                   _ ("invalid value '%s' for %s (expected a band such as 2k or a rank such as "
                      "1500)"),
                   arg, "--level");
      return FALSE;
    }
  *ranks = (guint64) (v * (k ? 1000 : 1) + 0.5);
  return TRUE;
}
