/* options.c — common options: one GOptionEntry table and one checker. */
#include "config.h"

#include "options.h"

#include <string.h>
#include <unistd.h>

#include "error.h"
#include "fastpath.h"
#include "i18n.h"
#include "writer.h"

void
dl_options_init (DlOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->threads = 0;
  opts->all_langs = TRUE;
}

void
dl_options_clear (DlOptions *opts)
{
  char **strings[] = { &opts->lang_arg,
                       &opts->assume_arg,
                       &opts->unit_arg,
                       &opts->case_arg,
                       &opts->stoplist,
                       &opts->format_arg,
                       &opts->output,
                       &opts->color_arg,
                       &opts->progress_arg,
                       &opts->encoding_arg,
                       &opts->glob,
                       &opts->meta,
                       &opts->by };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&opts->where, g_strfreev);
  g_clear_pointer (&opts->exclude, g_strfreev);
  g_clear_pointer (&opts->progress_counts, dl_progress_free);
  g_clear_pointer (&opts->parts, dl_parts_free);
}

GOptionContext *
dl_options_context (const char *parameters, const char *summary, const char *description,
                    const GOptionEntry *entries, DlOptionSet which, DlOptions *o)
{
  /* Each with the DlOptionSet bit that brings it. */
  const struct {
    DlOptionSet bit;
    GOptionEntry entry;
  } all[] = {
    { DL_OPT_LANG,
      { "lang", 0, 0, G_OPTION_ARG_STRING, &o->lang_arg,
        N_ ("Report only this language: tr, en or all (default: all, each language apart)"),
        N_ ("LANG") } },
    { DL_OPT_ASSUME_LANG,
      { "assume-lang", 0, 0, G_OPTION_ARG_STRING, &o->assume_arg,
        N_ ("Skip language detection: every line is in LANG (tr or en)"), N_ ("LANG") } },
    { DL_OPT_UNIT,
      { "unit", 0, 0, G_OPTION_ARG_STRING, &o->unit_arg,
        N_ ("Count word forms, Snowball stems or dictionary lemmas: form, stem or lemma "
            "(default: form)"),
        N_ ("UNIT") } },
    { DL_OPT_CASE,
      { "case", 0, 0, G_OPTION_ARG_STRING, &o->case_arg,
        N_ ("Fold case by each line's language, or keep it: fold or keep (default: fold)"),
        N_ ("CASE") } },
    { DL_OPT_NUMBERS,
      { "numbers", 0, 0, G_OPTION_ARG_NONE, &o->numbers, N_ ("Count numbers as words too"),
        NULL } },
    { DL_OPT_STOPLIST,
      { "stoplist", 0, 0, G_OPTION_ARG_STRING, &o->stoplist,
        N_ ("Words to leave out: default, none or a file with one word per line"), N_ ("LIST") } },
    { DL_OPT_FORMAT,
      { "format", 0, 0, G_OPTION_ARG_STRING, &o->format_arg,
        N_ ("Output format: text, tsv, csv, json, html or markdown (default: text)"),
        N_ ("FORMAT") } },
    { DL_OPT_FORMAT,
      { "bom", 0, 0, G_OPTION_ARG_NONE, &o->bom,
        N_ ("Start CSV or TSV output with a UTF-8 byte order mark (for spreadsheets)"), NULL } },
    { DL_OPT_OUTPUT,
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
        N_ ("Write to FILE (atomically: all or nothing) instead of standard output"),
        N_ ("FILE") } },
    { DL_OPT_THREADS,
      { "threads", 0, 0, G_OPTION_ARG_INT, &o->threads,
        N_ ("Worker threads (default: one per core)"), N_ ("N") } },
    { DL_OPT_COLOR,
      { "color", 0, 0, G_OPTION_ARG_STRING, &o->color_arg,
        N_ ("Color the output: auto, always or never (default: auto; NO_COLOR is respected)"),
        N_ ("WHEN") } },
    { DL_OPT_PROGRESS,
      { "progress", 0, 0, G_OPTION_ARG_STRING, &o->progress_arg,
        N_ ("Show progress on standard error: auto, always or never (default: auto, on a "
            "terminal)"),
        N_ ("WHEN") } },
    { DL_OPT_ENCODING,
      { "encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding_arg,
        N_ ("Read every input in this encoding (default: detect; UTF-8, windows-1254...)"),
        N_ ("NAME") } },
    { DL_OPT_GLOB,
      { "glob", 0, 0, G_OPTION_ARG_STRING, &o->glob,
        N_ ("Read files whose names match PATTERN inside directories (default: *.txt)"),
        N_ ("PATTERN") } },
    { DL_OPT_META,
      { "meta", 0, 0, G_OPTION_ARG_FILENAME, &o->meta,
        N_ ("Read the files' metadata from FILE: a TSV table with a 'file' column "
            "(corpus/MANIFEST.tsv)"),
        N_ ("FILE") } },
    { DL_OPT_META,
      { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->where,
        N_ ("Only files whose KEY is VALUE (repeatable: one of a KEY's values, all "
            "KEYs)"),
        N_ ("KEY=VALUE") } },
    { DL_OPT_META,
      { "exclude", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->exclude,
        N_ ("Leave out files whose path or name matches PATTERN (repeatable)"), N_ ("PATTERN") } },
    { DL_OPT_BY,
      { "by", 0, 0, G_OPTION_ARG_STRING, &o->by,
        N_ ("Report each value of KEY apart ('file': each file; other KEYs need "
            "--meta)"),
        N_ ("KEY") } },
    { DL_OPT_TOTALS,
      { "totals", 0, 0, G_OPTION_ARG_NONE, &o->totals,
        N_ ("TSV, CSV: add the columns total_tokens and total_types (JSON always "
            "has them)"),
        NULL } },
    { DL_OPT_FAST_PATH,
      { "no-fast-path", 0, 0, G_OPTION_ARG_NONE, &o->no_fast_path,
        N_ ("Find word breaks and fold case with ICU alone (slower; the output is the same)"),
        NULL } },
  };
  GOptionEntry common[G_N_ELEMENTS (all) + 1];
  gsize n = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    if (which & all[i].bit)
      common[n++] = all[i].entry;
  common[n] = (GOptionEntry) G_OPTION_ENTRY_NULL;

  GOptionContext *context = g_option_context_new (parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  /* The command's own options, then the common ones, all in one list so
   * that `derlem help COMMAND` shows every option. */
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  return context;
}

gboolean
dl_options_choice (const char *option, const char *value, const char *const *choices, int *out,
                   GError **error)
{
  /* TSV is tsv: the choices are ASCII words, compared without case. */
  for (int i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, choices[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_autofree char *list = g_strjoinv (", ", (char **) choices);
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("invalid value '%s' for %s (expected one of: %s)"), value, option, list);
  return FALSE;
}

/* --lang and --assume-lang. */
static gboolean
parse_langs (DlOptions *o, GError **error)
{
  static const char *const langs[] = { "tr", "en", "all", NULL };
  static const char *const assume[] = { "tr", "en", NULL };
  int v;
  if (o->lang_arg != NULL)
    {
      if (!dl_options_choice ("--lang", o->lang_arg, langs, &v, error))
        return FALSE;
      o->all_langs = v == 2;
      o->lang = v == 0 ? DL_LANG_TR : DL_LANG_EN;
    }
  if (o->assume_arg != NULL)
    {
      if (!dl_options_choice ("--assume-lang", o->assume_arg, assume, &v, error))
        return FALSE;
      o->assume = TRUE;
      o->assume_lang = v == 0 ? DL_LANG_TR : DL_LANG_EN;
    }
  return TRUE;
}

/* --unit and --case, which must agree. */
static gboolean
parse_words (DlOptions *o, GError **error)
{
  static const char *const units[] = { "form", "stem", "lemma", NULL };
  static const char *const cases[] = { "fold", "keep", NULL };
  if (o->unit_arg != NULL
      && !dl_options_choice ("--unit", o->unit_arg, units, (int *) &o->unit, error))
    return FALSE;
  if (o->case_arg != NULL
      && !dl_options_choice ("--case", o->case_arg, cases, (int *) &o->casing, error))
    return FALSE;
  if (o->unit != DL_UNIT_FORM && o->casing == DL_CASE_KEEP)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: %s is stem or lemma. */
                   _ ("--unit %s works on folded words: it cannot go with --case keep"),
                   o->unit_arg);
      return FALSE;
    }
  return TRUE;
}

/* --color and --progress. */
static gboolean
parse_whens (DlOptions *o, GError **error)
{
  static const char *const whens[] = { "auto", "always", "never", NULL };
  if (o->color_arg != NULL
      && !dl_options_choice ("--color", o->color_arg, whens, (int *) &o->color, error))
    return FALSE;
  if (o->progress_arg != NULL
      && !dl_options_choice ("--progress", o->progress_arg, whens, (int *) &o->progress, error))
    return FALSE;
  return TRUE;
}

static gboolean
parse_format (DlOptions *o, GError **error)
{
  o->format = DL_FORMAT_TEXT;
  if (o->format_arg == NULL)
    return TRUE;
  const char *names[DL_FORMAT_COUNT + 1];
  for (int f = 0; f < DL_FORMAT_COUNT; f++)
    names[f] = dl_format_name (f);
  names[DL_FORMAT_COUNT] = NULL;
  return dl_options_choice ("--format", o->format_arg, names, (int *) &o->format, error);
}

/* --bom marks a spreadsheet's input: CSV or TSV only. */
static gboolean
check_bom (const DlOptions *o, GError **error)
{
  if (!o->bom || o->format == DL_FORMAT_CSV || o->format == DL_FORMAT_TSV)
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("--bom goes with --format csv or tsv"));
  return FALSE;
}

/* --threads: 0 (the default) is one per core; at most DL_OPTIONS_MAX_THREADS.
 * Two or more read large files in parts too (parts.h). */
static gboolean
parse_threads (DlOptions *o, GError **error)
{
  if (!dl_options_check_range ("--threads", o->threads, 0, DL_OPTIONS_MAX_THREADS, error))
    return FALSE;
  if (o->threads == 0)
    o->threads = (int) MIN (g_get_num_processors (), DL_OPTIONS_MAX_THREADS);
  if (o->threads >= 2)
    {
      o->parts = dl_parts_new ((guint) o->threads);
      /* For the tests: small parts cut a small corpus in many. */
      const char *size = g_getenv ("DERLEM_PARTS_BYTES");
      guint64 v;
      if (size != NULL && g_ascii_string_to_unsigned (size, 10, 1, G_MAXUINT32, &v, NULL))
        dl_parts_set_size (o->parts, v);
    }
  return TRUE;
}

static gboolean
parse_encoding (DlOptions *o, GError **error)
{
  if (o->encoding_arg == NULL)
    return TRUE;
  if (!dl_decode_named (o->encoding_arg, &o->encoding, error))
    return FALSE;
  o->has_encoding = TRUE;
  return TRUE;
}

/* Options that take a name or a pattern refuse an empty one. */
static gboolean
check_not_empty (const DlOptions *o, GError **error)
{
  if (o->glob != NULL && o->glob[0] == '\0')
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("empty pattern for %s"), "--glob");
      return FALSE;
    }
  if (o->stoplist != NULL && o->stoplist[0] == '\0')
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("empty value for %s"), "--stoplist");
      return FALSE;
    }
  if (o->output != NULL && o->output[0] == '\0')
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("empty file name for %s"), "--output");
      return FALSE;
    }
  return TRUE;
}

/* GLib's own parser messages in derlem's style: a lower-case start (not
 * for an abbreviation) and plain quotes, so that "Unknown option --x" and
 * "Cannot parse integer value “x” for --top" read like derlem's own
 * "invalid value 'x' for --format". */
static char *
glib_message (const char *message)
{
  GString *s = g_string_new (NULL);
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019)
        c = '\'';
      else if (p == message && g_unichar_isupper (c)
               && !g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (p))))
        c = g_unichar_tolower (c);
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* Takes the "--" that ends the options out of the operands @argv (@argc
 * of them, the command's name first). GLib stops parsing options at "--"
 * but leaves it in argv when an operand after it starts with '-' or
 * operands stand on both sides of it: derlem freq -- -x.txt. The first
 * "--" left is that one: were it taken out, no operand after it could
 * start with '-', "--" among them. */
static void
drop_separator (int *argc, char **argv)
{
  for (int i = 1; i < *argc; i++)
    if (strcmp (argv[i], "--") == 0)
      {
        memmove (&argv[i], &argv[i + 1], (gsize) (*argc - i) * sizeof *argv);
        (*argc)--;
        argv[*argc] = NULL;
        return;
      }
}

gboolean
dl_options_parse (GOptionContext *context, DlOptions *o, int *argc, char ***argv, GError **error)
{
  g_autoptr (GError) local = NULL;
  if (!g_option_context_parse (context, argc, argv, &local))
    {
      g_autofree char *message = glib_message (local->message);
      g_set_error_literal (error, DL_ERROR, DL_ERROR_USAGE, message);
      return FALSE;
    }
  drop_separator (argc, *argv);
  /* In this order, so that of several wrong options the same one is named. */
  if (!parse_langs (o, error) || !parse_words (o, error) || !parse_whens (o, error))
    return FALSE;
  if (!parse_format (o, error) || !check_bom (o, error) || !parse_threads (o, error)
      || !parse_encoding (o, error))
    return FALSE;
  if (!check_not_empty (o, error))
    return FALSE;
  dl_fast_path_set (!o->no_fast_path);
  if (dl_options_progress (o, STDERR_FILENO) && o->progress_counts == NULL)
    o->progress_counts = dl_progress_new ();
  return TRUE;
}

gboolean
dl_options_check_count (const char *option, gint64 value, GError **error)
{
  if (value >= 0)
    return TRUE;
  char text[24];
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("invalid value '%s' for %s (expected a number, 0 or more)"), text, option);
  return FALSE;
}

gboolean
dl_options_check_range (const char *option, gint64 value, gint64 min, gint64 max, GError **error)
{
  if (value >= min && value <= max)
    return TRUE;
  char text[24], lo[24], hi[24];
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  g_snprintf (lo, sizeof lo, "%" G_GINT64_FORMAT, min);
  g_snprintf (hi, sizeof hi, "%" G_GINT64_FORMAT, max);
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("invalid value '%s' for %s (expected a number from %s to %s)"), text, option, lo,
               hi);
  return FALSE;
}

gboolean
dl_options_number_pair (const char *arg, char sep, gboolean need_b, guint64 *a, guint64 *b)
{
  if (!g_ascii_isdigit (arg[0]))
    return FALSE;
  char *end;
  *a = *b = g_ascii_strtoull (arg, &end, 10);
  if (*end == sep && g_ascii_isdigit (end[1]))
    *b = g_ascii_strtoull (end + 1, &end, 10);
  else if (need_b)
    return FALSE;
  return *end == '\0';
}

gboolean
dl_options_color (const DlOptions *o, int fd)
{
  switch (o->color)
    {
    case DL_WHEN_ALWAYS:
      return TRUE;
    case DL_WHEN_NEVER:
      return FALSE;
    case DL_WHEN_AUTO:
    default:
      {
        const char *no_color = g_getenv ("NO_COLOR");
        if (no_color != NULL && no_color[0] != '\0')
          return FALSE;
        const char *term = g_getenv ("TERM");
        return isatty (fd) && !(term != NULL && strcmp (term, "dumb") == 0);
      }
    }
}

gboolean
dl_options_progress (const DlOptions *o, int fd)
{
  return o->progress == DL_WHEN_ALWAYS || (o->progress == DL_WHEN_AUTO && isatty (fd));
}

gboolean
dl_options_wants (const DlOptions *o, DlLang lang)
{
  return o->all_langs || o->lang == lang;
}
