/* cmd-freq.c — `derlem freq`: a frequency list per language. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "counter.h"
#include "error.h"
#include "freqlist.h"
#include "i18n.h"

typedef struct {
  DlCounterOptions counter_options;
  DlDocumentOptions doc_options;
  DlCounter *total;
  /* For the lists. */
  const DlFreqOptions *list_options;
  DlStemmer *stemmer;
  DlNormalizer *norm; /* with --case keep */
} FreqRun;

static gpointer
counts_new (gpointer user_data)
{
  return dl_counter_new (&((FreqRun *) user_data)->counter_options);
}

static gboolean
count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
       gpointer user_data, GError **error)
{
  (void) worker;
  return dl_counter_count_input (counts, input, &((FreqRun *) user_data)->doc_options, diag, error);
}

static void
merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_counter_merge (((FreqRun *) user_data)->total, counts, file);
}

static void
counts_free (gpointer p)
{
  dl_counter_free (p);
}

/* Text output shows at most this many characters of an item; TSV and JSON
 * show all. */
#define TEXT_ITEM_MAX 60

static void
print_text (FILE *fp, const DlFreqList *list, gboolean stems, gboolean first)
{
  char tokens[24], types[24];
  g_snprintf (tokens, sizeof tokens, "%" G_GUINT64_FORMAT, dl_freqlist_tokens (list));
  g_snprintf (types, sizeof types, "%" G_GUINT64_FORMAT, dl_freqlist_types (list));
  if (!first)
    fputc ('\n', fp);
  /* Translators: the heading of one language's list in `derlem freq`:
     language code, number of tokens, number of types (distinct items). */
  fprintf (fp, _ ("%s: %s tokens, %s types\n"), dl_lang_code (dl_freqlist_lang (list)), tokens,
           types);
  if (dl_freqlist_size (list) == 0)
    return;

  guint wide = dl_padded_width (_ ("item"), TEXT_ITEM_MAX);
  for (guint i = 0; i < dl_freqlist_size (list); i++)
    wide = MAX (wide, dl_padded_width (dl_freqlist_item (list, i)->item, TEXT_ITEM_MAX));
  dl_put_padded (fp, _ ("rank"), 6, TRUE, TEXT_ITEM_MAX);
  fputs ("  ", fp);
  dl_put_padded (fp, _ ("item"), wide, FALSE, TEXT_ITEM_MAX);
  fputs ("  ", fp);
  dl_put_padded (fp, _ ("freq"), 9, TRUE, TEXT_ITEM_MAX);
  fputs ("  ", fp);
  dl_put_padded (fp, _ ("per million"), 11, TRUE, TEXT_ITEM_MAX);
  fputs ("  ", fp);
  guint range_wide = MAX (5, dl_padded_width (_ ("range"), TEXT_ITEM_MAX));
  dl_put_padded (fp, _ ("range"), range_wide, TRUE, TEXT_ITEM_MAX);
  if (stems)
    fprintf (fp, "  %s", _ ("forms"));
  fputc ('\n', fp);
  for (guint i = 0; i < dl_freqlist_size (list); i++)
    {
      const DlFreqItem *it = dl_freqlist_item (list, i);
      char pm[32];
      dl_format_per_million (pm, sizeof pm, it->freq, dl_freqlist_tokens (list));
      fprintf (fp, "%6u  ", it->rank);
      dl_put_padded (fp, it->item, wide, FALSE, TEXT_ITEM_MAX);
      fprintf (fp, "  %9" G_GUINT64_FORMAT "  %11s  %*u", it->freq, pm, (int) range_wide,
               it->range);
      if (stems)
        fprintf (fp, "  %s", it->forms);
      fputc ('\n', fp);
    }
}

static void
print_table (DlTable *table, const DlFreqList *list, gboolean stems)
{
  for (guint i = 0; i < dl_freqlist_size (list); i++)
    {
      const DlFreqItem *it = dl_freqlist_item (list, i);
      char rank[24], freq[24], pm[32], range[24];
      dl_format_u64 (rank, it->rank);
      dl_format_u64 (freq, it->freq);
      dl_format_per_million (pm, sizeof pm, it->freq, dl_freqlist_tokens (list));
      dl_format_u64 (range, it->range);
      const char *row[] = { dl_lang_code (dl_freqlist_lang (list)),
                            rank,
                            it->item,
                            freq,
                            pm,
                            range,
                            stems ? it->forms : NULL };
      dl_table_row (table, row);
    }
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlTable *table, FILE *fp, gboolean first,
            GError **error)
{
  const FreqRun *run = user_data;
  g_autoptr (DlFreqList) list
      = dl_freqlist_build (run->total, lang, run->list_options, run->stemmer, run->norm, error);
  if (list == NULL)
    return FALSE;
  gboolean stems = run->list_options->unit == DL_UNIT_STEM;
  if (table != NULL)
    print_table (table, list, stems);
  else
    print_text (fp, list, stems, first);
  return TRUE;
}

gboolean
dl_cmd_freq (DlEnv *env, int argc, char **argv, GError **error)
{
  DlOptions opts;
  dl_options_init (&opts);
  g_autofree char *sort_arg = NULL;
  gint64 min_freq = 1, min_range = 1, top = 0, forms = 5;
  gboolean urls = FALSE;
  const GOptionEntry entries[]
      = { { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_arg,
            N_ ("Order: freq, alpha (the language's alphabet) or atergo (by reversed items) "
                "(default: freq)"),
            "ORDER" },
          { "top", 0, 0, G_OPTION_ARG_INT64, &top,
            N_ ("Only the N most frequent items (default: 0, all)"), "N" },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &min_freq,
            N_ ("Leave out items less frequent than N (default: 1)"), "N" },
          { "min-range", 0, 0, G_OPTION_ARG_INT64, &min_range,
            N_ ("Leave out items found in fewer than N files (default: 1)"), "N" },
          { "forms", 0, 0, G_OPTION_ARG_INT64, &forms,
            N_ ("With --unit stem, show each stem's N most frequent forms (default: 5; 0: all)"),
            "N" },
          { "urls", 0, 0, G_OPTION_ARG_NONE, &urls,
            N_ ("Count URLs and e-mail addresses as items too"), NULL },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("[PATH...]"), _ ("Count words (or stems) per language: a frequency list."),
      _ ("Each language gets its own list: words of Turkish lines are folded by\n"
         "Turkish rules (İ→i, I→ı), of English lines by English ones; words of\n"
         "'other' lines are not counted. Apostrophes ’ ' ʼ count as one. Numbers,\n"
         "URLs and e-mail addresses are left out unless --numbers or --urls.\n"
         "With --unit stem, words are Snowball stems, except that a Turkish word\n"
         "with an apostrophe counts under the part before it (Azerbaycan’ın →\n"
         "azerbaycan) and words the corpus shows to be proper nouns are not stemmed.\n"
         "The stoplist is none unless asked (--stoplist default: data/stoplists).\n"
         "\n"
         "TSV columns: lang rank item freq per_million range (then forms, for\n"
         "stems). rank: 1 = most frequent, ties in alphabetical order; per_million:\n"
         "freq per million tokens of the language; range: files it occurs in."),
      entries, &opts);
  static const int formats[] = { DL_FORMAT_TEXT, DL_FORMAT_TSV, DL_FORMAT_CSV, DL_FORMAT_JSON, -1 };
  gboolean ok = dl_options_parse (context, &opts, formats, &argc, &argv, error)
                && dl_options_check_count ("--top", top, error)
                && dl_options_check_count ("--min-freq", min_freq, error)
                && dl_options_check_count ("--min-range", min_range, error)
                && dl_options_check_count ("--forms", forms, error);
  DlFreqOptions fo = { opts.unit,
                       DL_FREQ_SORT_FREQ,
                       (guint64) min_freq,
                       (guint32) MIN (min_range, G_MAXUINT32),
                       (guint) MIN (top, G_MAXUINT),
                       (guint) MIN (forms, G_MAXUINT),
                       NULL };
  static const char *const sorts[] = { "freq", "alpha", "atergo", NULL };
  if (ok && sort_arg != NULL)
    ok = dl_options_choice ("--sort", sort_arg, sorts, (int *) &fo.sort, error);
  g_auto (DlListTools) tools = { NULL, NULL, NULL };
  if (!ok || !dl_cmd_list_tools (&opts, "none", &tools, error))
    {
      dl_options_clear (&opts);
      return FALSE;
    }
  fo.stoplist = tools.stoplist;

  FreqRun run = { { 0 }, dl_cmd_document_options (&opts), NULL, NULL, NULL, NULL };
  dl_cmd_counter_options (&opts, &run.counter_options);
  run.counter_options.kinds[DL_TOKEN_URL] = run.counter_options.kinds[DL_TOKEN_EMAIL] = urls;
  run.counter_options.track_files = opts.unit == DL_UNIT_STEM;
  run.total = dl_counter_new (&run.counter_options);

  g_autoptr (GPtrArray) inputs = dl_cmd_inputs (env, &opts, argv + 1);
  static const DlCountJob job = { NULL, NULL, counts_new, count, merge, counts_free };
  DlOut *out = dl_cmd_count (env, &opts, inputs, &job, &run, error);
  static const DlColumn columns[]
      = { { "lang", DL_COL_STRING }, { "rank", DL_COL_NUMBER },        { "item", DL_COL_STRING },
          { "freq", DL_COL_NUMBER }, { "per_million", DL_COL_NUMBER }, { "range", DL_COL_NUMBER },
          { "forms", DL_COL_STRING } };
  run.list_options = &fo;
  run.stemmer = tools.stemmer;
  run.norm = opts.casing == DL_CASE_KEEP ? tools.norm : NULL;
  ok = dl_cmd_write_langs (out, &opts, run.counter_options.langs, columns,
                           G_N_ELEMENTS (columns) - (opts.unit == DL_UNIT_STEM ? 0 : 1), write_lang,
                           &run, error);
  dl_counter_free (run.total);
  dl_options_clear (&opts);
  return ok;
}
