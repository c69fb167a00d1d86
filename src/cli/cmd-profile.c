/* cmd-profile.c — `derlem profile TEXT`: a learner text's vocabulary
 * profile (Nation's and Cobb's VocabProfile): each word's frequency band in
 * a reference list (the 1k, 2k... most frequent words), the share of the
 * text's tokens and types in each band, the words off the list, and an HTML
 * view of the text with its words coloured by band. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "commands.h"
#include "error.h"
#include "i18n.h"
#include "paths.h"
#include "lexicon.h"
#include "printable.h"
#include "stream.h"
#include "textwidth.h"

/* Off-list words a language's summary names at most, by default. */
#define OFF_LIST_SHOWN 30
/* Lines of the text the HTML view shows at most. */
#define VIEW_LINES 2000
/* Bands the view tells apart: 1k, 2k, 3k, beyond, off-list. */
#define VIEW_BANDS 4

typedef struct {
  DlOptions opts;
  char *bands;     /* --bands FILE, or NULL: the bundled corpus */
  guint band_size; /* --band-size */
  guint off_list;  /* --off-list: off-list words named */
  char **paths;    /* the TEXT arguments, in argv */
} ProfileArgs;

static void
profile_args_clear (ProfileArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->bands, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProfileArgs, profile_args_clear)

/* What a run holds. */
typedef struct {
  DlEnv *env;
  const ProfileArgs *args;
  DlListTools tools;
  DlBandRef *ref[DL_LANG_COUNT]; /* the reference's ranks per language */
  DlCounting text;               /* the text's counts (total owned) */
  DlUnits *units[DL_LANG_COUNT];
  guint64 *band_of[DL_LANG_COUNT]; /* by unit: its band, 0 off the list */
  GPtrArray *inputs;
  gboolean people;
} ProfileRun;

static void
profile_run_clear (ProfileRun *run)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_clear_pointer (&run->ref[l], dl_band_ref_free);
      g_clear_pointer (&run->units[l], dl_units_free);
      g_clear_pointer (&run->band_of[l], g_free);
    }
  g_clear_pointer (&run->text.total, dl_counter_free);
  g_clear_pointer (&run->inputs, g_ptr_array_unref);
  dl_cmd_list_tools_clear (&run->tools);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProfileRun, profile_run_clear)

/* ---- The reference ---- */

/* The ranks of the bundled corpus's frequency lists, counted as freq counts
 * (the same --unit and --case; no stoplist). --encoding and --assume-lang
 * are the text's: the corpus is read as it is (UTF-8, each line's own
 * language). */
static gboolean
ref_from_corpus (ProfileRun *run, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  g_autofree char *corpus = dl_paths_corpus ();
  const char *const paths[] = { corpus, NULL };
  /* The bundled reference is none of the run's inputs: reading it does not
   * make up for a TEXT that could not be read (dl_cmd_commit). */
  DlEnv ref_env = { .diag = run->env->diag, .progress_line = run->env->progress_line };
  g_autoptr (GPtrArray) inputs = dl_source_expand (paths, NULL, ref_env.diag);
  DlCounting counting = { { 0 }, { NULL, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL }, NULL };
  dl_cmd_counter_options (opts, &counting.counter_options);
  /* Both languages ranked, whatever --lang shows. */
  counting.counter_options.langs[DL_LANG_TR] = counting.counter_options.langs[DL_LANG_EN] = TRUE;
  counting.counter_options.track_files = opts->unit != DL_UNIT_FORM;
  g_autoptr (DlCounter) total = counting.total = dl_counter_new (&counting.counter_options);
  if (!dl_cmd_run_job (&ref_env, opts, inputs, &dl_cmd_counting_job, &counting, error))
    return FALSE;
  return dl_cmd_band_refs_count (opts, &run->tools, total, run->ref, error);
}

/* ---- The text ---- */

/* Counts the text and gives each of its units its band. FALSE with
 * @error if the tokenizer cannot be set up. */
static gboolean
count_text (ProfileRun *run, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  DlCounting *t = &run->text;
  t->doc_options = dl_cmd_document_options (opts);
  dl_cmd_counter_options (opts, &t->counter_options);
  t->counter_options.track_files = opts->unit != DL_UNIT_FORM;
  t->total = dl_counter_new (&t->counter_options);
  if (!dl_cmd_run_job (run->env, opts, run->inputs, &dl_cmd_counting_job, t, error))
    return FALSE;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      run->units[l] = dl_cmd_units (opts, &run->tools, t->total, l);
      guint32 n = dl_units_size (run->units[l]);
      run->band_of[l] = g_new0 (guint64, (gsize) n + 1);
      for (guint32 u = 0; u < n; u++)
        {
          guint64 rank = dl_cmd_unit_rank (run->ref[l], run->units[l], u);
          run->band_of[l][u] = rank > 0 ? dl_freq_band (rank, run->args->band_size) : 0;
        }
    }
  return TRUE;
}

/* ---- The table ---- */

enum { COL_LANG, COL_BAND, COL_TOKENS, COL_PCT_TOKENS, COL_TYPES, COL_PCT_TYPES, N_COLS };

/* A language's profile: per band (0: off the list) its tokens and types. */
typedef struct {
  guint64 bands;   /* the highest band with a word of the text */
  guint64 *tokens; /* by band, bands + 1 */
  guint64 *types;  /* by band */
  guint64 all_tokens, all_types;
  const char *lang;
  const char *off_label;
  guint band_size;
  char band[24], pct_tokens[32], pct_types[32];
  DlCell cells[N_COLS];
} Profile;

static void
profile_clear (Profile *p)
{
  g_clear_pointer (&p->tokens, g_free);
  g_clear_pointer (&p->types, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Profile, profile_clear)

/* Sums @lang's units into @p: stopwords (with --stoplist) left out. */
static void
profile_of (const ProfileRun *run, DlLang lang, Profile *p)
{
  const DlUnits *u = run->units[lang];
  guint32 n = dl_units_size (u);
  for (guint32 i = 0; i < n; i++)
    if (!dl_units_is_stopword (u, i))
      p->bands = MAX (p->bands, run->band_of[lang][i]);
  p->bands = MAX (p->bands, 1);
  p->tokens = g_new0 (guint64, p->bands + 1);
  p->types = g_new0 (guint64, p->bands + 1);
  for (guint32 i = 0; i < n; i++)
    if (!dl_units_is_stopword (u, i))
      {
        guint64 b = run->band_of[lang][i];
        p->tokens[b] += dl_units_freq (u, i);
        p->types[b]++;
        p->all_tokens += dl_units_freq (u, i);
        p->all_types++;
      }
}

/* Rows: bands 1 .. bands, then off the list (band 0). */
static const DlCell *
fill_row (gpointer data, guint64 i)
{
  Profile *p = data;
  guint64 b = i < p->bands ? i + 1 : 0;
  DlCell *c = p->cells;
  c[COL_LANG].s = p->lang;
  c[COL_BAND].s = b > 0 ? dl_freq_band_label (b, p->band_size, p->band) : p->off_label;
  c[COL_TOKENS].i = p->tokens[b];
  c[COL_TYPES].i = p->types[b];
  c[COL_PCT_TOKENS].r = p->all_tokens > 0 ? 100.0 * (double) p->tokens[b] / p->all_tokens : 0;
  c[COL_PCT_TYPES].r = p->all_types > 0 ? 100.0 * (double) p->types[b] / p->all_types : 0;
  return c;
}

/* "word (freq), ..." of @lang's most frequent off-list units, at most @max
 * (ties in the language's alphabetical order). */
static char *
off_list_words (const ProfileRun *run, DlLang lang, guint max)
{
  const DlUnits *u = run->units[lang];
  guint32 n = dl_units_size (u);
  g_autofree DlRanked *ranked = g_new (DlRanked, (gsize) n + 1);
  guint k = 0;
  for (guint32 i = 0; i < n; i++)
    if (run->band_of[lang][i] == 0 && !dl_units_is_stopword (u, i))
      ranked[k++] = (DlRanked){ 0, dl_units_freq (u, i), dl_units_headword (u, i),
                                GUINT_TO_POINTER (i), NULL };
  g_autoptr (DlCollator) col = dl_collator_new (lang, NULL);
  g_autoptr (GStringChunk) keys = g_string_chunk_new (4096);
  guint m = col != NULL ? dl_collator_rank (col, ranked, k, max, keys) : MIN (k, max);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < m; i++)
    g_string_append_printf (s, "%s%s (%" G_GUINT64_FORMAT ")", i > 0 ? ", " : "", ranked[i].text,
                            ranked[i].k2);
  if (k > m)
    g_string_append (s, ", …");
  return g_string_free (s, FALSE);
}

/* @text, a list of items after ", ", broken before an item that would
 * pass 78 display columns; the lines after the first indented by 2. */
static char *
wrap_list (const char *text)
{
  g_auto (GStrv) items = g_strsplit (text, ", ", -1);
  GString *out = g_string_new (NULL);
  gsize used = 0;
  for (guint i = 0; items[i] != NULL; i++)
    {
      gsize w = dl_display_width (items[i], -1) + (items[i + 1] != NULL ? 1 : 0);
      if (i > 0 && used + 1 + w > 78)
        {
          g_string_append (out, ",\n  ");
          used = 2;
        }
      else if (i > 0)
        {
          g_string_append (out, ", ");
          used += 1;
        }
      g_string_append (out, items[i]);
      used += w;
    }
  return g_string_free (out, FALSE);
}

static void
write_lang (ProfileRun *run, DlLang lang, DlWriter *w)
{
  g_auto (Profile) p = { 0 };
  p.lang = dl_lang_code (lang);
  /* Translators: profile's band of the words a reference list lacks. */
  p.off_label = run->people ? _ ("off-list") : "off-list";
  p.band_size = run->args->band_size;
  profile_of (run, lang, &p);
  char tokens[24], types[24], ref[24];
  guint64 ranked = dl_band_ref_size (run->ref[lang]);
  g_autofree char *heading = g_strdup_printf (
      /* Translators: profile; language code, the text's tokens and types, the
         reference list's size. */
      ngettext ("%s: %s tokens, %s types; the reference ranks %s word",
                "%s: %s tokens, %s types; the reference ranks %s words",
                (gulong) MIN (ranked, G_MAXULONG)),
      dl_lang_code (lang), dl_format_u64 (tokens, p.all_tokens), dl_format_u64 (types, p.all_types),
      dl_format_u64 (ref, ranked));
  dl_writer_section (w, lang, heading);
  if (p.all_tokens == 0)
    return; /* no word of the language: no rows */
  dl_writer_rows (w, p.bands + 1, fill_row, &p);
  if (p.types[0] > 0)
    {
      g_autofree char *words = off_list_words (run, lang, run->args->off_list);
      /* Translators: profile; the words off the reference list. */
      g_autofree char *note = g_strdup_printf (_ ("off the list: %s"), words);
      g_autofree char *wrapped = wrap_list (note);
      dl_writer_note (w, wrapped);
    }
}

/* ---- The HTML view of the text ---- */

/* The view's class of band @b: b1, b2, b3, b4 (beyond), off. */
static const char *
band_class (guint64 b)
{
  static const char *const classes[] = { "off", "b1", "b2", "b3", "b4" };
  return classes[MIN (b, (guint64) VIEW_BANDS)];
}

/* The band of the token @text (@len bytes) of @lang in the text's units. */
static guint64
token_band (const ProfileRun *run, DlLang lang, const char *text, gsize len, GString *term)
{
  dl_counter_term (run->text.total, run->tools.norm, lang, text, len, term);
  guint32 id;
  if (!dl_lexicon_lookup (dl_counter_terms (run->text.total, lang), term->str, term->len, &id))
    return 0;
  return run->band_of[lang][dl_units_of (run->units[lang], id)];
}

/* Appends @line to @out, escaped, each counted word of Turkish and English
 * in a span of its band's class. */
static void
view_line (const ProfileRun *run, const DlStreamLine *line, GString *out, GString *term)
{
  gsize at = 0;
  gboolean words = line->tokenized && (line->lang == DL_LANG_TR || line->lang == DL_LANG_EN);
  for (guint i = 0; words && i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      if (!t->counts)
        continue;
      g_autofree char *before = g_strndup (line->text + at, t->offset - at);
      g_autofree char *word = g_strndup (line->text + t->offset, t->len);
      dl_writer_escape_html (out, before);
      g_string_append_printf (out, "<span class=\"%s\">",
                              band_class (token_band (run, line->lang, word, t->len, term)));
      dl_writer_escape_html (out, word);
      g_string_append (out, "</span>");
      at = t->offset + t->len;
    }
  g_autofree char *rest = g_strndup (line->text + at, line->len - at);
  dl_writer_escape_html (out, rest);
  g_string_append_c (out, '\n');
}

/* The view's legend: a swatch per band with its name. */
static void
view_legend (const ProfileRun *run, GString *out)
{
  char b1[24], b2[24], b3[24];
  guint size = run->args->band_size;
  g_autofree char *beyond = g_strdup_printf (_ ("beyond %s"), dl_freq_band_label (3, size, b3));
  const char *names[] = { dl_freq_band_label (1, size, b1), dl_freq_band_label (2, size, b2), b3,
                          beyond, _ ("off-list") };
  static const char *const classes[] = { "b1", "b2", "b3", "b4", "off" };
  g_string_append (out, "<p class=\"legend\">");
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_string_append_printf (out, "<span class=\"%s\">", classes[i]);
      dl_writer_escape_html (out, names[i]);
      g_string_append (out, "</span> ");
    }
  g_string_append (out, "</p>\n");
}

/* The text with its words coloured by band: a <style>, a legend and a
 * <pre> per input (the first VIEW_LINES lines of all). The bands are told
 * apart by shade and by underline, so they read in greyscale too. */
static char *
text_view (const ProfileRun *run, GError **error)
{
  DlStreamOptions so = { .sentences = FALSE };
  dl_stream_options_for_counter (&so, &run->text.counter_options, FALSE);
  g_autoptr (DlStream) stream = dl_stream_new (&so, error);
  if (stream == NULL)
    return NULL;
  GString *out = g_string_new (
      "<style>\n"
      "pre.profile { white-space: pre-wrap; line-height: 1.7; font-size: 0.95em; }\n"
      ".b1 { } .b2 { background: #cfe3ff; } .b3 { background: #9cc3f5; "
      "border-bottom: 2px dotted #000; }\n"
      ".b4 { background: #ffd37a; border-bottom: 2px solid #000; }\n"
      ".off { background: #555; color: #fff; }\n"
      "p.legend span { padding: 0.1em 0.5em; margin-right: 0.3em; }\n"
      "</style>\n");
  /* Translators: the heading of profile's HTML view of the text. */
  g_string_append (out, "<h2>");
  dl_writer_escape_html (out, _ ("The text, its words coloured by band"));
  g_string_append (out, "</h2>\n");
  view_legend (run, out);
  g_autoptr (GString) term = g_string_new (NULL);
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  guint lines = 0;
  for (guint i = 0; i < run->inputs->len && lines < VIEW_LINES; i++)
    {
      const DlInput *input = run->inputs->pdata[i];
      if (!dl_stream_open (stream, input, &run->text.doc_options, quiet, NULL, NULL))
        continue;
      g_autofree char *name = dl_printable_name (input->path);
      g_string_append (out, "<h3>");
      dl_writer_escape_html (out, name);
      g_string_append (out, "</h3>\n<pre class=\"profile\">");
      const DlStreamLine *line;
      while (lines < VIEW_LINES && dl_stream_next (stream, &line, NULL) && line != NULL)
        {
          view_line (run, line, out, term);
          lines++;
        }
      g_string_append (out, "</pre>\n");
    }
  return g_string_free (out, FALSE);
}

/* ---- The run ---- */

static gboolean
profile_run (DlEnv *env, const ProfileArgs *args, GError **error)
{
  const DlOptions *opts = &args->opts;
  g_auto (ProfileRun) run = { 0 };
  run.env = env;
  run.args = args;
  run.people = dl_format_for_people (opts->format);
  if (!dl_cmd_list_tools (opts, "none", &run.tools, error))
    return FALSE;
  if ((run.inputs = dl_cmd_inputs (env, opts, args->paths, error)) == NULL)
    return FALSE;
  if (!dl_cmd_spool_inputs (run.inputs, error))
    return FALSE;
  if (!(args->bands != NULL ? dl_cmd_band_refs_read (opts, args->bands, env->diag, run.ref, error)
                            : ref_from_corpus (&run, error)))
    return FALSE;
  g_autoptr (DlOut) out = dl_cmd_open_output (opts, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!count_text (&run, error))
    return FALSE;
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    /* Translators: column headings of profile. */
    [COL_BAND] = { "band", _ ("band"), DL_CELL_STRING, DL_COLUMN_FIT, 0, 0, NULL, 0, 0 },
    [COL_TOKENS] = { "tokens", _ ("tokens"), DL_CELL_INTEGER, 0, 7, 0, NULL, 0, 0 },
    /* xgettext:no-c-format */
    [COL_PCT_TOKENS] = { "pct_tokens", _ ("% tokens"), DL_CELL_REAL, 0, 9, 0, NULL, 2, 0 },
    [COL_TYPES] = { "types", _ ("types"), DL_CELL_INTEGER, 0, 6, 0, NULL, 0, 0 },
    /* xgettext:no-c-format */
    [COL_PCT_TYPES] = { "pct_types", _ ("% types"), DL_CELL_REAL, 0, 8, 0, NULL, 2, 0 },
  };
  DlWriter *w = dl_cmd_writer (opts, out, columns, N_COLS, "derlem profile", NULL);
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    if (dl_options_wants (opts, l))
      write_lang (&run, l, w);
  gboolean ok = TRUE;
  if (opts->format == DL_FORMAT_HTML)
    {
      g_autofree char *view = text_view (&run, error);
      ok = view != NULL;
      if (ok)
        dl_writer_block (w, NULL, view);
    }
  dl_writer_end (w);
  return ok && dl_cmd_commit (run.env, g_steal_pointer (&out), error);
}

/* ---- Options ---- */

typedef struct {
  char *bands;
  gint64 band_size, off_list;
} ProfileGiven;

static void
profile_given_clear (ProfileGiven *g)
{
  g_clear_pointer (&g->bands, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProfileGiven, profile_given_clear)

static GOptionContext *
profile_context (ProfileGiven *given, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "bands", 0, 0, G_OPTION_ARG_FILENAME, &given->bands,
            N_ ("Rank words by this frequency list (derlem freq --format tsv; default: the "
                "bundled corpus)"),
            N_ ("FILE") },
          { "band-size", 0, 0, G_OPTION_ARG_INT64, &given->band_size,
            N_ ("Ranks in a band (default: 1000)"), N_ ("N") },
          { "off-list", 0, 0, G_OPTION_ARG_INT64, &given->off_list,
            N_ ("Name at most N words off the list per language (default: 30)"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("[TEXT...]"), _ ("A text's vocabulary profile: its words by frequency band."),
      _ ("Each word of the text (a learner's essay, a reading passage) is looked\n"
         "up in a reference frequency list of its language: --bands FILE, a list\n"
         "made with derlem freq --format tsv (with the same --unit), or by default\n"
         "the bundled corpus counted as freq counts it. Its rank there gives its\n"
         "band: 1k for the 1,000 most frequent words, 2k for the next 1,000...\n"
         "(--band-size N); a word the list lacks is off-list. With --unit stem or\n"
         "lemma words are matched by their stem or lemma, so inflected forms find\n"
         "their band.\n"
         "\n"
         "For each language, a row per band from 1k to the highest the text\n"
         "reaches, then off-list: tokens and types of the text in it, and their\n"
         "share of the text's in %. A note names the most frequent off-list words.\n"
         "--format html adds the text with each word coloured by its band.\n"
         "\n"
         "TSV columns: lang band tokens pct_tokens types pct_types (band: 1k, 2k...\n"
         "or off-list)."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_STOPLIST, opts);
}

static gboolean
profile_parse (ProfileArgs *args, int argc, char **argv, GError **error)
{
  dl_options_init (&args->opts);
  g_auto (ProfileGiven) given = { NULL, 1000, OFF_LIST_SHOWN };
  g_autoptr (GOptionContext) context = profile_context (&given, &args->opts);
  if (!dl_options_parse (context, &args->opts, &argc, &argv, error)
      || !dl_options_check_count ("--off-list", given.off_list, error))
    return FALSE;
  if (!dl_options_check_range ("--band-size", given.band_size, 1, 1000000000, error))
    return FALSE;
  args->band_size = (guint) given.band_size;
  args->off_list = (guint) MIN (given.off_list, G_MAXUINT);
  args->bands = g_steal_pointer (&given.bands);
  args->paths = argv + 1;
  return TRUE;
}

gboolean
dl_cmd_profile (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (ProfileArgs) args = { 0 };
  if (!profile_parse (&args, argc, argv, error))
    return FALSE;
  return profile_run (env, &args, error);
}
