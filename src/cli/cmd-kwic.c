/* cmd-kwic.c — `derlem kwic`: a concordance (keyword in context) of one or
 * more queries, streamed in corpus order, or sorted, sampled, cut. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "collate.h"
#include "commands.h"
#include "concord.h"
#include "error.h"
#include "i18n.h"
#include "pool.h"
#include "query.h"
#include "textwidth.h"

/* --sort keys, in the order of their names. */
typedef enum {
  KEY_L3,
  KEY_L2,
  KEY_L1,
  KEY_NODE,
  KEY_R1,
  KEY_R2,
  KEY_R3,
  KEY_FILE,
  KEY_POSITION,
} SortKey;

#define MAX_SORT_KEYS 16

/* One hit kept for sorting, sampling or a later emit: its strings and sort
 * key in one block. */
typedef struct {
  guint64 seq; /* corpus order */
  guint64 line, position;
  guint file; /* index of the input */
  guint query;
  DlLang lang;
  guint key_len;
  const char *left, *node, *right;
  const guchar *key;
} Hit;

/* What one thread works with; kept between inputs (its matcher remembers
 * the forms it has seen). */
typedef struct {
  DlConcord *concord;
  DlCollator *collators[DL_LANG_COUNT];
  GString *key, *sort_key;
} Worker;

enum {
  COL_LANG,
  COL_FILE,
  COL_LINE,
  COL_LEFT,
  COL_NODE,
  COL_RIGHT,
  COL_POSITION,
  COL_QUERY,
  COL_LANG_SHOWN, /* for people: after the context */
  COL_SOURCE,     /* for people: file:line */
  N_COLS
};

typedef struct {
  DlWriter *writer;
  gboolean people; /* a format for people: file:line in one column */
  guint64 shown;   /* rows written */
  guint64 max;     /* --max, or 0 */
  GPtrArray *inputs;
  GPtrArray *queries;
  GString *source;      /* a row's file:line, for people */
  DlCell cells[N_COLS]; /* a row's cells */
} Printer;

typedef struct {
  GPtrArray *queries; /* DlQuery* (not owned) */
  DlQueryOptions query_options;
  DlConcordOptions concord_options;
  DlDocumentOptions doc_options;
  SortKey sort[MAX_SORT_KEYS];
  guint n_sort;
  guint64 sample;
  GRand *rand;
  gboolean keep;   /* hits are kept (sort or sample), not streamed */
  gboolean direct; /* streamed from the worker itself (one thread) */

  DlPoolStates *workers; /* Worker* */
  GError *setup_error;

  Printer *printer;
  GHashTable *index; /* DlInput* → its index + 1 */
  guint64 seq;       /* hits emitted so far */
  GPtrArray *kept;   /* Hit*: all, or the reservoir of --sample */
  DlConcordStats stats;
  guint64 files_with_hits[DL_LANG_COUNT];
} KwicRun;

static void
kwic_run_clear (KwicRun *run)
{
  g_clear_pointer (&run->index, g_hash_table_unref);
  g_clear_pointer (&run->kept, g_ptr_array_unref);
  g_clear_pointer (&run->workers, dl_pool_states_free);
  g_clear_pointer (&run->rand, g_rand_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwicRun, kwic_run_clear)

/* What the work on one input gives back. */
typedef struct {
  GPtrArray *hits; /* Hit* */
  guint64 bytes;   /* what they hold */
  DlConcordStats stats;
} FileResult;

static void
file_result_free (gpointer p)
{
  FileResult *r = p;
  if (r->hits != NULL)
    g_ptr_array_unref (r->hits);
  g_free (r);
}

static guint64
file_result_bytes (gconstpointer p)
{
  const FileResult *r = p;
  return sizeof *r + r->bytes;
}

static void
worker_free (gpointer p)
{
  Worker *w = p;
  dl_concord_free (w->concord);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    dl_collator_free (w->collators[l]);
  g_string_free (w->key, TRUE);
  g_string_free (w->sort_key, TRUE);
  g_free (w);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Worker, worker_free)

/* Makes a Worker (a DlPoolMake). */
static gpointer
worker_new (gpointer user_data, GError **error)
{
  KwicRun *run = user_data;
  g_autoptr (Worker) w = g_new0 (Worker, 1);
  w->key = g_string_new (NULL);
  w->sort_key = g_string_new (NULL);
  w->concord = dl_concord_new ((DlQuery *const *) run->queries->pdata, run->queries->len,
                               &run->query_options, &run->concord_options, error);
  if (w->concord == NULL)
    return NULL;
  for (int l = 0; run->n_sort > 0 && l < DL_LANG_COUNT; l++)
    if ((w->collators[l] = dl_collator_new (l, error)) == NULL)
      return NULL;
  return g_steal_pointer (&w);
}

static void
put_be (GString *s, guint64 v, int bytes)
{
  for (int i = bytes - 1; i >= 0; i--)
    g_string_append_c (s, (char) ((v >> (8 * i)) & 0xff));
}

/* The sort key of @h: the fields of --sort, each a collation key with its
 * NUL (so that memcmp on the concatenation orders field by field) or a
 * fixed-width big-endian number. */
static void
make_sort_key (KwicRun *run, Worker *w, const DlConcordHit *h, guint file)
{
  GString *k = w->sort_key;
  g_string_truncate (k, 0);
  for (guint i = 0; i < run->n_sort; i++)
    {
      SortKey s = run->sort[i];
      if (s == KEY_FILE)
        put_be (k, file, 4);
      else if (s == KEY_POSITION)
        put_be (k, h->position, 8);
      else
        {
          const char *form = h->forms[s];
          dl_collator_key (w->collators[h->lang], form, strlen (form), w->key);
          g_string_append_len (k, w->key->str, (gssize) w->key->len + 1);
        }
    }
}

/* A hit kept of @h, in input @file, with the sort key @key (or NULL);
 * *@bytes is what it holds. */
static Hit *
hit_new (const DlConcordHit *h, guint file, const GString *key, gsize *bytes)
{
  gsize ll = strlen (h->left) + 1, nl = strlen (h->node) + 1, rl = strlen (h->right) + 1;
  gsize kl = key != NULL ? key->len : 0;
  *bytes = sizeof (Hit) + ll + nl + rl + kl;
  Hit *hit = g_malloc (*bytes);
  char *p = (char *) (hit + 1);
  hit->seq = 0;
  hit->line = h->line;
  hit->position = h->position;
  hit->file = file;
  hit->query = h->query;
  hit->lang = h->lang;
  hit->key_len = (guint) kl;
  hit->left = memcpy (p, h->left, ll);
  hit->node = memcpy (p + ll, h->node, nl);
  hit->right = memcpy (p + ll + nl, h->right, rl);
  hit->key = kl > 0 ? memcpy (p + ll + nl + rl, key->str, kl) : NULL;
  return hit;
}

/* ---- printing ---- */

/* The columns, with the contexts @width wide in text, the node @node wide
 * and file:line @source wide (0: as the rows measure them). The contexts
 * are cut to their columns, so that every node starts in one column and
 * every right context in one column when the node's column is as wide as
 * the widest node. */
static void
make_columns (DlColumn *columns, guint width, guint node, guint source)
{
  const DlColumnFlags context = DL_COLUMN_FIT | DL_COLUMN_CUT;
  const DlColumn all[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_FILE]
    = { "file", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE | DL_COLUMN_PATH, 0, 0, NULL, 0, 0 },
    [COL_LINE] = { "line", NULL, DL_CELL_INTEGER, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    /* Translators: column headings of the concordance (HTML, Markdown). */
    [COL_LEFT] = { "left", _ ("left context"), DL_CELL_STRING, context | DL_COLUMN_RIGHT, width, 0,
                   NULL, 0, 0 },
    [COL_NODE]
    = { "node", _ ("node"), DL_CELL_STRING, DL_COLUMN_NODE | DL_COLUMN_FIT, node, 0, NULL, 0, 0 },
    [COL_RIGHT] = { "right", _ ("right context"), DL_CELL_STRING, context, width, 0, NULL, 0, 0 },
    [COL_POSITION] = { "position", NULL, DL_CELL_INTEGER, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_QUERY] = { "query", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_LANG_SHOWN]
    = { "lang", _ ("lang"), DL_CELL_STRING, DL_COLUMN_PEOPLE | DL_COLUMN_FIT, 2, 0, NULL, 0, 0 },
    [COL_SOURCE] = { "src", _ ("file:line"), DL_CELL_STRING,
                     DL_COLUMN_PEOPLE | DL_COLUMN_PATH | DL_COLUMN_FIT, source, 0, " ", 0, 0 },
  };
  memcpy (columns, all, sizeof all);
}

/* What was run, for the HTML and Markdown title: the queries. */
static char *
kwic_title (GPtrArray *queries)
{
  GString *t = g_string_new ("derlem kwic: ");
  for (guint i = 0; i < queries->len; i++)
    {
      if (i > 0)
        g_string_append (t, ", ");
      g_string_append (t, dl_query_text (queries->pdata[i]));
    }
  return g_string_free (t, FALSE);
}

/* The cells of @h's row, owned by @pr, valid until the next call. */
static const DlCell *
printer_cells (Printer *pr, const Hit *h)
{
  const char *file = ((const DlInput *) pr->inputs->pdata[h->file])->path;
  const char *lang = dl_lang_code (h->lang);
  char line[24];
  const char *source = NULL;
  if (pr->people)
    {
      g_string_assign (pr->source, file);
      g_string_append_c (pr->source, ':');
      source = g_string_append (pr->source, dl_format_u64 (line, h->line))->str;
    }
  const DlCell cells[N_COLS] = {
    [COL_LANG] = { lang, 0, 0 },
    [COL_FILE] = { file, 0, 0 },
    [COL_LINE] = { NULL, h->line, 0 },
    [COL_LEFT] = { h->left, 0, 0 },
    [COL_NODE] = { h->node, 0, 0 },
    [COL_RIGHT] = { h->right, 0, 0 },
    [COL_POSITION] = { NULL, h->position, 0 },
    [COL_QUERY] = { dl_query_text (pr->queries->pdata[h->query]), 0, 0 },
    [COL_LANG_SHOWN] = { lang, 0, 0 },
    [COL_SOURCE] = { source, 0, 0 },
  };
  memcpy (pr->cells, cells, sizeof cells);
  return pr->cells;
}

static void
printer_hit (Printer *pr, const Hit *h)
{
  if (pr->max > 0 && pr->shown >= pr->max)
    return;
  pr->shown++;
  dl_writer_row (pr->writer, h->lang, printer_cells (pr, h));
}

/* The closing summary, one line per language: hits, per million, files. */
static void
printer_end (Printer *pr, const KwicRun *run, const gboolean *langs)
{
  static const DlLang order[] = { DL_LANG_TR, DL_LANG_EN, DL_LANG_OTHER };
  guint64 total = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    total += run->stats.hits[order[i]];
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    {
      DlLang l = order[i];
      /* Lines of other languages are searched, but said only when they
       * have hits. */
      if (!langs[l] || (l == DL_LANG_OTHER && run->stats.hits[l] == 0))
        continue;
      char hits[24], pm[32], files[24];
      dl_format_u64 (hits, run->stats.hits[l]);
      dl_format_per_million (pm, sizeof pm, run->stats.hits[l], run->stats.tokens[l]);
      dl_people_number (pm);
      dl_format_u64 (files, run->files_with_hits[l]);
      /* Translators: the summary of a concordance, one line per
         language: language code, number of hits, hits per million
         tokens of that language, number of files with a hit. */
      g_autofree char *s = g_strdup_printf (_ ("%s: %s hits, %s per million tokens, in %s "
                                               "files"),
                                            dl_lang_code (l), hits, pm, files);
      dl_writer_summary (pr->writer, s);
    }
  if (pr->shown < total)
    {
      char shown[24];
      dl_format_u64 (shown, pr->shown);
      /* Translators: after the summary, when --max or --sample left
         hits out: the number of hits shown. */
      g_autofree char *s = g_strdup_printf (_ ("%s of them shown"), shown);
      dl_writer_summary (pr->writer, s);
    }
}

/* ---- the run ---- */

/* A uniform integer in [0, @n): rejection sampling on 64 random bits. */
static guint64
uniform_below (GRand *rand, guint64 n)
{
  guint64 limit = G_MAXUINT64 - G_MAXUINT64 % n;
  for (;;)
    {
      guint64 v = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      if (v < limit)
        return v % n;
    }
}

/* Takes a hit in corpus order (in the main thread): prints it, or keeps it
 * (all of them to sort, or a reservoir sample). Takes @hit. */
static void
take_hit (KwicRun *run, Hit *hit)
{
  g_autofree Hit *h = hit;
  h->seq = run->seq++;
  if (!run->keep)
    {
      printer_hit (run->printer, h);
      return;
    }
  if (run->sample == 0 || run->kept->len < run->sample)
    {
      g_ptr_array_add (run->kept, g_steal_pointer (&h));
      return;
    }
  /* Algorithm R: the i-th hit replaces a kept one with probability n/i. */
  guint64 j = uniform_below (run->rand, h->seq + 1);
  if (j < run->sample)
    {
      /* The kept one goes instead of @hit. */
      Hit *replaced = run->kept->pdata[j];
      run->kept->pdata[j] = g_steal_pointer (&h);
      h = replaced;
    }
}

typedef struct {
  KwicRun *run;
  Worker *worker;
  FileResult *result;
  guint file;
} HitSink;

static void
on_hit (const DlConcordHit *h, gpointer user_data)
{
  HitSink *s = user_data;
  if (s->run->n_sort > 0)
    make_sort_key (s->run, s->worker, h, s->file);
  gsize bytes;
  Hit *hit = hit_new (h, s->file, s->run->n_sort > 0 ? s->worker->sort_key : NULL, &bytes);
  if (s->run->direct)
    take_hit (s->run, hit);
  else
    {
      g_ptr_array_add (s->result->hits, hit);
      s->result->bytes += sizeof (gpointer) + bytes;
    }
}

static void
add_stats (KwicRun *run, const DlConcordStats *s)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      run->stats.tokens[l] += s->tokens[l];
      run->stats.hits[l] += s->hits[l];
      run->files_with_hits[l] += s->hits[l] > 0;
    }
}

static gpointer
kwic_work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  KwicRun *run = user_data;
  g_autoptr (GError) error = NULL;
  Worker *w = dl_pool_states_take (run->workers, &error);
  FileResult *r = g_new0 (FileResult, 1);
  if (w == NULL)
    {
      dl_diag_error (diag, input->path, error);
      return r;
    }
  if (!run->direct)
    r->hits = g_ptr_array_new_with_free_func (g_free);
  /* Read-only while the workers run. */
  guint file = GPOINTER_TO_UINT (g_hash_table_lookup (run->index, input)) - 1;
  HitSink sink = { run, w, r, file };
  if (!dl_concord_input (w->concord, input, &run->doc_options, diag, on_hit, &sink, &r->stats,
                         &error))
    dl_diag_error (diag, input->path, error);
  dl_pool_states_give (run->workers, w);
  return r;
}

static void
kwic_emit (const DlInput *input, gpointer result, gpointer user_data)
{
  (void) input;
  KwicRun *run = user_data;
  FileResult *r = result;
  add_stats (run, &r->stats);
  for (guint i = 0; r->hits != NULL && i < r->hits->len; i++)
    {
      take_hit (run, r->hits->pdata[i]);
      r->hits->pdata[i] = NULL; /* taken */
    }
}

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const Hit *x = *(const Hit *const *) a, *y = *(const Hit *const *) b;
  if (x->lang != y->lang)
    {
      /* Sections in the order tr, en, other. */
      static const int rank[DL_LANG_COUNT]
          = { [DL_LANG_TR] = 0, [DL_LANG_EN] = 1, [DL_LANG_OTHER] = 2 };
      return rank[x->lang] - rank[y->lang];
    }
  int c = memcmp (x->key, y->key, MIN (x->key_len, y->key_len));
  if (c == 0 && x->key_len != y->key_len)
    c = x->key_len < y->key_len ? -1 : 1;
  if (c == 0)
    c = x->seq < y->seq ? -1 : x->seq > y->seq;
  return c;
}

static int
compare_seq (gconstpointer a, gconstpointer b)
{
  const Hit *x = *(const Hit *const *) a, *y = *(const Hit *const *) b;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Parses --sort: comma-separated keys, case-insensitive. */
static gboolean
parse_sort (const char *arg, SortKey *keys, guint *n, GError **error)
{
  static const char *const names[]
      = { "L3", "L2", "L1", "node", "R1", "R2", "R3", "file", "position", NULL };
  g_auto (GStrv) items = g_strsplit (arg, ",", -1);
  *n = 0;
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      if (strlen (item) == 2 && g_ascii_isalpha (item[0]))
        item[0] = g_ascii_toupper (item[0]);
      else
        {
          g_autofree char *down = g_ascii_strdown (item, -1);
          g_free (item);
          item = g_steal_pointer (&down);
        }
      int v;
      if (!dl_options_choice ("--sort", item, names, &v, error))
        return FALSE;
      if (*n == MAX_SORT_KEYS)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("--sort takes at most %d keys"),
                       MAX_SORT_KEYS);
          return FALSE;
        }
      keys[(*n)++] = (SortKey) v;
    }
  return TRUE;
}

/* The command's own options, as GOption stores them. */
typedef struct {
  char **query;       /* -e (owned; NULL when not given) */
  char **cql;         /* --cql (likewise) */
  char *queries_file; /* --queries (likewise) */
  char *sort;         /* --sort (likewise) */
  gint64 width;       /* G_MININT64 when not given */
  gint64 words, max, sample, seed;
  gboolean sentence;
  gboolean no_prefilter;
} KwicValues;

static void
kwic_values_clear (KwicValues *v)
{
  g_clear_pointer (&v->query, g_strfreev);
  g_clear_pointer (&v->cql, g_strfreev);
  g_clear_pointer (&v->queries_file, g_free);
  g_clear_pointer (&v->sort, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwicValues, kwic_values_clear)

/* What `derlem kwic` was asked for, checked. */
typedef struct {
  DlOptions opts;
  GPtrArray *queries; /* DlQuery*, at least one */
  char **paths;       /* the PATH arguments (in argv, not owned) */
  guint width;        /* --width, or 40 */
  guint words;        /* --words, or 0 */
  gboolean sentence;
  SortKey sort[MAX_SORT_KEYS];
  guint n_sort;
  guint64 max, sample;
  guint32 seed;
  gboolean prefilter; /* not --no-prefilter */
} KwicArgs;

static void
kwic_args_clear (KwicArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->queries, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwicArgs, kwic_args_clear)

/* The parsing context of kwic, storing into @v and @opts. */
static GOptionContext *
kwic_context (KwicValues *v, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "query", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &v->query,
            N_ ("Look for QUERY (repeatable); then every argument is a PATH"), N_ ("QUERY") },
          { "cql", 0, 0, G_OPTION_ARG_STRING_ARRAY, &v->cql,
            N_ ("Look for the CQL query Q (repeatable); then every argument is a PATH"), N_ ("Q") },
          { "queries", 0, 0, G_OPTION_ARG_FILENAME, &v->queries_file,
            N_ ("Look for the queries in FILE, one per line"), N_ ("FILE") },
          { "width", 0, 0, G_OPTION_ARG_INT64, &v->width,
            N_ ("Context of N characters on each side (default: 40)"), N_ ("N") },
          { "words", 0, 0, G_OPTION_ARG_INT64, &v->words,
            N_ ("Context of N tokens on each side, instead of characters"), N_ ("N") },
          { "sentence", 0, 0, G_OPTION_ARG_NONE, &v->sentence,
            N_ ("Keep the context inside the node's sentence"), NULL },
          { "sort", 0, 0, G_OPTION_ARG_STRING, &v->sort,
            N_ ("Sort by KEYS, comma-separated, from L3 L2 L1 node R1 R2 R3 file position "
                "(default: corpus order)"),
            N_ ("KEYS") },
          { "max", 0, 0, G_OPTION_ARG_INT64, &v->max, N_ ("Show at most N hits (default: 0, all)"),
            N_ ("N") },
          { "sample", 0, 0, G_OPTION_ARG_INT64, &v->sample,
            N_ ("Show a random sample of N of all the hits"), N_ ("N") },
          { "seed", 0, 0, G_OPTION_ARG_INT64, &v->seed,
            N_ ("Seed of --sample: the same seed, the same sample (default: 1)"), N_ ("S") },
          { "no-prefilter", 0, 0, G_OPTION_ARG_NONE, &v->no_prefilter,
            N_ ("Tokenize and match every line, not only the lines around those that "
                "spell a query (slower; the output is the same)"),
            NULL },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("QUERY [PATH...]"), _ ("Keyword in context: every hit of a query, with its context."),
      _ ("QUERY is a word (istanbul finds İstanbul and İSTANBUL), a pattern with\n"
         "* and ? (savaş*), a phrase of adjacent words (\"Dağlık Karabağ\"; what\n"
         "separates them, a line break too, does not matter), or /REGEX/, an ICU\n"
         "regular expression searched in each word's normalized form (/^ermeni/).\n"
         "Words are folded by the rules of each line's language (Turkish I → ı,\n"
         "İ → i); --case keep compares them as written. With --unit stem or lemma,\n"
         "a word finds the tokens of its unit, those freq counts for it (savaş finds\n"
         "savaşın, Karabağ finds Karabağ’da; by lemma olmak finds olan), reading the\n"
         "corpus twice; patterns and regular expressions still match the word itself.\n"
         "\n"
         "--cql takes a query of tokens by their attributes word, fold, stem, lemma\n"
         "and lang, as export --format vrt writes them, each a regular expression\n"
         "matching the whole value: [fold=\"savaş.*\"] []{0,3} [lemma=\"git\"] within s\n"
         "(man derlem, CORPUS QUERY LANGUAGE).\n"
         "\n"
         "Context runs across line breaks (shown as spaces). Sort keys: L1 is the\n"
         "word left of the node, R1 the word right of it, and so on; they compare\n"
         "by the line language's alphabet; ties keep corpus order.\n"
         "\n"
         "TSV columns: lang file line left node right position query (position:\n"
         "byte offset of the node in the file)."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_COLOR | DL_OPT_BY, opts);
}

/* Checks the numbers: counts not negative, --width or --words, not too
 * wide. */
static gboolean
check_numbers (const KwicValues *v, GError **error)
{
  if (!dl_options_check_count ("--words", v->words, error)
      || !dl_options_check_count ("--max", v->max, error)
      || !dl_options_check_count ("--sample", v->sample, error))
    return FALSE;
  gboolean has_width = v->width != G_MININT64;
  if (has_width && !dl_options_check_count ("--width", v->width, error))
    return FALSE;
  if (has_width && v->words > 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("give --width or --words, not both"));
      return FALSE;
    }
  if (v->width > 100000 || v->words > 10000)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   _ ("context too wide (at most 100000 characters or 10000 words)"));
      return FALSE;
    }
  return TRUE;
}

/* Parses @argv (the command name first) into @a and checks every value, in
 * the order the messages are pinned by the tests. FALSE with @error
 * (DL_ERROR_USAGE) for anything wrong. */
static gboolean
kwic_parse (KwicArgs *a, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  g_auto (KwicValues) v = { NULL, NULL, NULL, NULL, G_MININT64, 0, 0, 0, 1, FALSE, FALSE };
  g_autoptr (GOptionContext) context = kwic_context (&v, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error) || !check_numbers (&v, error))
    return FALSE;
  a->width = v.width == G_MININT64 ? 40 : (guint) v.width;
  a->words = (guint) v.words;
  a->sentence = v.sentence;
  a->max = (guint64) v.max;
  a->sample = (guint64) v.sample;
  a->seed = (guint32) v.seed;
  a->prefilter = !v.no_prefilter;
  if (v.sort != NULL && !parse_sort (v.sort, a->sort, &a->n_sort, error))
    return FALSE;
  a->queries = dl_cmd_collect_queries ("kwic", v.query, v.cql, v.queries_file, argc, argv,
                                       &a->paths, error);
  return a->queries != NULL;
}

/* DlInput* → its index + 1, for the workers to say which file a hit is
 * in. */
static GHashTable *
input_index (GPtrArray *inputs)
{
  GHashTable *index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < inputs->len; i++)
    g_hash_table_insert (index, inputs->pdata[i], GUINT_TO_POINTER (i + 1));
  return index;
}

/* Sets up @run (cleared) for a search of @inputs as @a asks. */
static void
kwic_run_init (KwicRun *run, const KwicArgs *a, GPtrArray *inputs, const DlQueryUnits *qu)
{
  run->queries = a->queries;
  memcpy (run->sort, a->sort, sizeof run->sort);
  run->n_sort = a->n_sort;
  run->query_options = dl_cmd_query_options (&a->opts, qu);
  DlConcordOptions *co = &run->concord_options;
  co->width = a->width;
  co->words = a->words;
  co->sentence = a->sentence;
  co->count_numbers = a->opts.numbers;
  co->prefilter = a->prefilter;
  /* Only the summary of the formats for people says hits per million. */
  co->no_token_counts = !dl_format_for_people (a->opts.format);
  for (guint i = 0; i < run->n_sort; i++)
    co->forms |= run->sort[i] <= KEY_R3;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    co->langs[l] = dl_options_wants (&a->opts, (DlLang) l);
  run->doc_options = dl_cmd_document_options (&a->opts);
  run->sample = a->sample;
  run->rand = g_rand_new_with_seed (a->seed);
  run->keep = run->n_sort > 0 || run->sample > 0;
  run->direct = !run->keep && (a->opts.threads <= 1 || inputs->len <= 1);
  run->workers = dl_pool_states_new (worker_new, worker_free, run);
  run->kept = g_ptr_array_new_with_free_func (g_free);
  run->index = input_index (inputs);
}

/* Row @i of the kept hits (a DlRowFill). */
static const DlCell *
kept_row (gpointer data, guint64 i)
{
  KwicRun *run = data;
  return printer_cells (run->printer, run->kept->pdata[i]);
}

/* Prints the kept hits: sorted by --sort, or the sample in corpus order,
 * measured first, so that their nodes and files have the columns they
 * need. */
static void
print_kept (KwicRun *run)
{
  Printer *pr = run->printer;
  g_ptr_array_sort (run->kept, run->n_sort > 0 ? compare_hits : compare_seq);
  guint64 n = run->kept->len;
  if (pr->max > 0)
    n = MIN (n, pr->max > pr->shown ? pr->max - pr->shown : 0);
  dl_writer_measure (pr->writer, n, kept_row, run);
  for (guint64 i = 0; i < n; i++)
    printer_hit (pr, run->kept->pdata[i]);
}

/* Searches @inputs with the pool and writes their concordance with
 * @printer: the hits, streamed or kept and then printed, and the summary. */
static void
kwic_search (DlEnv *env, const KwicArgs *a, KwicRun *run, GPtrArray *inputs, Printer *printer)
{
  printer->inputs = inputs;
  printer->shown = 0;
  run->printer = printer;
  dl_cmd_pool_run (env, &a->opts, inputs, run->direct ? 1 : a->opts.threads, kwic_work,
                   file_result_bytes, kwic_emit, file_result_free, run);
  if (run->keep)
    print_kept (run);
  printer_end (printer, run, run->concord_options.langs);
  run->printer = NULL;
}

/* How wide the nodes of @queries are likely to be, in display columns, for
 * a concordance streamed in corpus order, whose nodes cannot be measured
 * first: a word's width (more by units, whose forms have suffixes), a
 * pattern's letters and room for what * stands for, a regular expression's
 * usual word. A wider node pushes its row's right context. */
static guint
node_width_guess (GPtrArray *queries, DlUnit unit)
{
  enum { SUFFIX_ROOM = 4, STAR_ROOM = 5, REGEX_WIDTH = 10, MOST = 40 };
  guint widest = 1;
  for (guint q = 0; q < queries->len; q++)
    {
      const DlQuery *query = queries->pdata[q];
      if (dl_query_cql (query) != NULL)
        {
          widest = MAX (widest, 2 * REGEX_WIDTH); /* a few words */
          continue;
        }
      guint width = dl_query_length (query) - 1; /* a space between words */
      for (guint t = 0; t < dl_query_length (query); t++)
        {
          const char *text = dl_query_term_text (query, t);
          DlTermKind kind = dl_query_term_kind (query, t);
          if (kind == DL_TERM_REGEX)
            width += REGEX_WIDTH;
          else
            for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
              width += *p == '*' && kind == DL_TERM_GLOB ? STAR_ROOM
                                                         : dl_char_width (g_utf8_get_char (p));
          if (kind == DL_TERM_WORD && unit != DL_UNIT_FORM)
            width += SUFFIX_ROOM;
        }
      widest = MAX (widest, width);
    }
  return MIN (widest, MOST);
}

/* How wide "file:line" is likely to be, in display columns, for a
 * concordance streamed in corpus order: the widest path of @parts's inputs
 * after @root, a colon and five digits. */
static guint
source_width_guess (GPtrArray *parts, const char *root)
{
  gsize skip = strlen (root), widest = 0;
  for (guint p = 0; p < parts->len; p++)
    {
      const DlPart *part = parts->pdata[p];
      for (guint i = 0; i < part->inputs->len; i++)
        {
          const char *path = ((const DlInput *) part->inputs->pdata[i])->path;
          widest = MAX (widest, dl_display_width (path + MIN (skip, strlen (path)), -1));
        }
    }
  return (guint) widest + 1 + 5;
}

/* The writer of the concordance to @out. For text, the node's and
 * file:line's columns are guessed when hits stream in corpus order, and
 * measured when they are kept (sorted, sampled) and written at the end. */
static DlWriter *
kwic_writer (DlEnv *env, const KwicArgs *a, GPtrArray *parts, DlOut *out)
{
  gboolean kept = a->n_sort > 0 || a->sample > 0;
  g_autofree char *root = dl_cmd_root (parts);
  DlColumn columns[N_COLS];
  make_columns (columns, a->words > 0 ? MIN (a->words * 8, 80) : a->width,
                kept ? 0 : node_width_guess (a->queries, a->opts.unit),
                kept ? 0 : source_width_guess (parts, root));
  g_autofree char *title = kwic_title (a->queries);
  const DlWriterOptions wo = { .no_header = TRUE,
                               .group = a->opts.by != NULL ? "part" : NULL,
                               .root = root,
                               .progress_line = env->progress_line };
  return dl_cmd_writer (&a->opts, out, columns, N_COLS, title, &wo);
}

/* Searches the inputs of @a, each part of them (--by) on its own, and
 * writes the concordance. FALSE with @error if the run cannot be set up or
 * the output cannot be written. */
static gboolean
kwic_run (DlEnv *env, const KwicArgs *a, GError **error)
{
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &a->opts, a->paths, error);
  if (parts == NULL)
    return FALSE;
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  g_auto (DlQueryUnits) qu = { 0 };
  if (!dl_cmd_prepare_queries (env, &a->opts, parts, a->queries, &tools, &qu, error))
    return FALSE;
  /* The first part's run makes the first worker, before the output opens. */
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_auto (KwicRun) first = { 0 };
  kwic_run_init (&first, a, parts->len > 0 ? ((DlPart *) parts->pdata[0])->inputs : none, &qu);
  g_autoptr (DlOut) out = dl_cmd_open_output (&a->opts, first.workers, error);
  if (out == NULL)
    return FALSE;
  g_autoptr (GString) source = g_string_new (NULL);
  Printer printer = { .writer = kwic_writer (env, a, parts, out),
                      .people = dl_format_for_people (a->opts.format),
                      .max = a->max,
                      .queries = a->queries,
                      .source = source };
  for (guint p = 0; p < parts->len; p++)
    {
      const DlPart *part = parts->pdata[p];
      dl_cmd_writer_part (printer.writer, &a->opts, part);
      if (part->value != NULL)
        dl_writer_section (printer.writer, DL_LANG_NONE, NULL);
      g_auto (KwicRun) run = { 0 };
      if (p > 0)
        kwic_run_init (&run, a, part->inputs, &qu);
      kwic_search (env, a, p > 0 ? &run : &first, part->inputs, &printer);
    }
  dl_writer_end (printer.writer);
  return dl_cmd_commit (env, g_steal_pointer (&out), error);
}

gboolean
dl_cmd_kwic (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (KwicArgs) args = { 0 };
  if (!kwic_parse (&args, argc, argv, error))
    return FALSE;
  return kwic_run (env, &args, error);
}
