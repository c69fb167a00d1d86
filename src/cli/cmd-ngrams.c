/* cmd-ngrams.c — `derlem ngrams`: n-gram clusters (lexical bundles) per
 * language. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "ngrams.h"

typedef struct {
  DlNgramOptions opts;
  DlDocumentOptions doc_options;
  DlNgramCounts *total;
  const DlNgramListOptions *list_options;
} NgramRun;

static gpointer
worker_new (gpointer user_data, GError **error)
{
  return dl_ngrams_new (&((NgramRun *) user_data)->opts, error);
}

static void
worker_free (gpointer p)
{
  dl_ngrams_free (p);
}

static gpointer
counts_new (gpointer user_data)
{
  return dl_ngram_counts_new (&((NgramRun *) user_data)->opts);
}

static gboolean
count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
       gpointer user_data, GError **error)
{
  NgramRun *run = user_data;
  return dl_ngrams_input (worker, input, &run->doc_options, diag, counts, error);
}

static void
merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_ngram_counts_merge (((NgramRun *) user_data)->total, counts, file);
}

static void
counts_free (gpointer p)
{
  dl_ngram_counts_free (p);
}

/* Parses -n N or -n A-B. */
static gboolean
parse_sizes (const char *arg, guint *min_n, guint *max_n, GError **error)
{
  guint64 a, b;
  if (!dl_options_number_pair (arg, '-', FALSE, &a, &b) || a < DL_NGRAM_MIN || b > DL_NGRAM_MAX
      || a > b)
    {
      /* Translators: the -n option of ngrams; %d and %d are the smallest and
         largest size. */
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("-n takes a size N or a range A-B of sizes from %d to %d (got '%s')"),
                   DL_NGRAM_MIN, DL_NGRAM_MAX, arg);
      return FALSE;
    }
  *min_n = (guint) a;
  *max_n = (guint) b;
  return TRUE;
}

/* Text output shows at most this many characters of an n-gram; TSV and JSON
 * show all. */
#define TEXT_ITEM_MAX 60

static void
print_text (FILE *fp, const DlNgramList *list, const DlCounter *counter, DlLang lang,
            gboolean first)
{
  char tokens[24], types[24];
  dl_format_u64 (tokens, dl_counter_tokens (counter, lang));
  dl_format_u64 (types, dl_ngram_list_types (list));
  if (!first)
    fputc ('\n', fp);
  /* Translators: the heading of one language in `derlem ngrams`: language
     code, tokens, distinct n-grams. */
  fprintf (fp, _ ("%s: %s tokens, %s distinct n-grams\n"), dl_lang_code (lang), tokens, types);
  if (dl_ngram_list_size (list) == 0)
    return;
  guint wide = dl_padded_width (_ ("n-gram"), TEXT_ITEM_MAX);
  for (guint i = 0; i < dl_ngram_list_size (list); i++)
    wide = MAX (wide, dl_padded_width (dl_ngram_list_row (list, i)->ngram, TEXT_ITEM_MAX));
  fprintf (fp, "%6s  ", _ ("rank"));
  dl_put_padded (fp, _ ("n-gram"), wide, FALSE, TEXT_ITEM_MAX);
  fprintf (fp, "  %9s  %5s\n", _ ("freq"), _ ("range"));
  for (guint i = 0; i < dl_ngram_list_size (list); i++)
    {
      const DlNgramRow *r = dl_ngram_list_row (list, i);
      fprintf (fp, "%6u  ", i + 1);
      dl_put_padded (fp, r->ngram, wide, FALSE, TEXT_ITEM_MAX);
      fprintf (fp, "  %9" G_GUINT64_FORMAT "  %5u\n", r->freq, r->range);
    }
}

static void
print_table (DlTable *table, const DlNgramList *list, DlLang lang)
{
  for (guint i = 0; i < dl_ngram_list_size (list); i++)
    {
      const DlNgramRow *r = dl_ngram_list_row (list, i);
      char freq[24], range[24];
      dl_format_u64 (freq, r->freq);
      dl_format_u64 (range, r->range);
      const char *row[] = { dl_lang_code (lang), r->ngram, freq, range };
      dl_table_row (table, row);
    }
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlTable *table, FILE *fp, gboolean first,
            GError **error)
{
  const NgramRun *run = user_data;
  g_autoptr (DlNgramList) list = dl_ngram_list (run->total, lang, run->list_options, error);
  if (list == NULL)
    return FALSE;
  if (table != NULL)
    print_table (table, list, lang);
  else
    print_text (fp, list, dl_ngram_counts_counter (run->total), lang, first);
  return TRUE;
}

gboolean
dl_cmd_ngrams (DlEnv *env, int argc, char **argv, GError **error)
{
  DlOptions opts;
  dl_options_init (&opts);
  g_autofree char *n_arg = NULL, *contains_arg = NULL;
  gint64 min_freq = 2, min_range = 1, top = 0;
  const GOptionEntry entries[]
      = { { "size", 'n', 0, G_OPTION_ARG_STRING, &n_arg,
            N_ ("Tokens per n-gram: N, or a range A-B, from 2 to 8 (default: 3)"), "N" },
          { "min-freq", 0, 0, G_OPTION_ARG_INT64, &min_freq,
            N_ ("Leave out n-grams less frequent than N (default: 2)"), "N" },
          { "min-range", 0, 0, G_OPTION_ARG_INT64, &min_range,
            N_ ("Leave out n-grams found in fewer than N files (default: 1)"), "N" },
          { "contains", 0, 0, G_OPTION_ARG_STRING, &contains_arg,
            N_ ("Only n-grams holding a match of QUERY (a word, pattern, phrase or /regex/)"),
            "QUERY" },
          { "top", 0, 0, G_OPTION_ARG_INT64, &top,
            N_ ("Only the N most frequent n-grams of each language (default: 0, all)"), "N" },
          G_OPTION_ENTRY_NULL };
  g_autoptr (GOptionContext) context = dl_options_context (
      _ ("[PATH...]"), _ ("N-gram clusters (lexical bundles): recurring runs of N words."),
      _ ("An n-gram is N counted tokens in a row (words; numbers too with --numbers)\n"
         "of one language: never across a sentence end (ICU sentence breaks), a\n"
         "language switch or the end of a file, but across line breaks. Words are\n"
         "folded as in freq (Turkish İ→i, I→ı on Turkish lines); with --unit stem\n"
         "each word is its stem as freq --unit stem counts it. With --stoplist, n-grams\n"
         "made of stopwords only are left out (the default is none).\n"
         "\n"
         "TSV columns: lang ngram freq range (range: files it occurs in). Sorted by\n"
         "freq, then range, then the language's alphabetical order; with a range of\n"
         "sizes (-n 2-4) the sizes are listed together."),
      entries, &opts);
  static const int formats[] = { DL_FORMAT_TEXT, DL_FORMAT_TSV, DL_FORMAT_CSV, DL_FORMAT_JSON, -1 };
  NgramRun run = { { 3, 3, NULL, { 0 }, { 0 }, FALSE }, { 0 }, NULL, NULL };
  gboolean ok = dl_options_parse (context, &opts, formats, &argc, &argv, error)
                && dl_options_check_count ("--top", top, error)
                && dl_options_check_count ("--min-freq", min_freq, error)
                && dl_options_check_count ("--min-range", min_range, error);
  if (ok && n_arg != NULL)
    ok = parse_sizes (n_arg, &run.opts.min_n, &run.opts.max_n, error);
  g_autoptr (DlQuery) contains = NULL;
  if (ok && contains_arg != NULL)
    ok = (contains = dl_query_parse (contains_arg, error)) != NULL;
  if (ok && contains != NULL && dl_query_length (contains) > run.opts.max_n)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("--contains %s is longer than the n-grams (-n %u)"), contains_arg,
                   run.opts.max_n);
      ok = FALSE;
    }
  g_auto (DlListTools) tools = { NULL, NULL, NULL };
  if (!ok || !dl_cmd_list_tools (&opts, "none", &tools, error))
    {
      dl_options_clear (&opts);
      return FALSE;
    }

  run.opts.contains = contains;
  run.opts.query = (DlQueryOptions){ opts.unit, opts.casing };
  run.opts.track_files = opts.unit == DL_UNIT_STEM;
  dl_cmd_counter_options (&opts, &run.opts.counter);
  run.doc_options = dl_cmd_document_options (&opts);
  run.total = dl_ngram_counts_new (&run.opts);

  g_autoptr (GPtrArray) inputs = dl_cmd_inputs (env, &opts, argv + 1);
  static const DlCountJob job = { worker_new, worker_free, counts_new, count, merge, counts_free };
  DlOut *out = dl_cmd_count (env, &opts, inputs, &job, &run, error);
  DlNgramListOptions lo = { opts.unit,
                            tools.stemmer,
                            tools.stoplist,
                            tools.norm,
                            (guint64) min_freq,
                            (guint32) MIN (min_range, G_MAXUINT32),
                            (guint) MIN (top, G_MAXUINT) };
  static const DlColumn columns[] = { { "lang", DL_COL_STRING },
                                      { "ngram", DL_COL_STRING },
                                      { "freq", DL_COL_NUMBER },
                                      { "range", DL_COL_NUMBER } };
  run.list_options = &lo;
  ok = dl_cmd_write_langs (out, &opts, run.opts.counter.langs, columns, G_N_ELEMENTS (columns),
                           write_lang, &run, error);
  dl_ngram_counts_free (run.total);
  dl_options_clear (&opts);
  return ok;
}
