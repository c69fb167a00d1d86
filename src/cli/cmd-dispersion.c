/* cmd-dispersion.c — `derlem dispersion`: where the hits of queries fall,
 * per file or per equal part: counts, Juilland's D, Gries' DP and DPnorm,
 * and a barcode plot (text, Markdown) or an SVG one (HTML). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "dispersion.h"
#include "error.h"
#include "i18n.h"
#include "printable.h"
#include "svg.h"
#include "textwidth.h"

/* Cells of a barcode line, and the widest file name it shows. */
#define PLOT_CELLS 60     /* cells of a bar, at most */
#define PLOT_CELLS_MIN 10 /* and at least, however narrow the line */
#define PLOT_NAME_MAX 24

/* What `derlem dispersion` was asked for, checked. */
typedef struct {
  DlOptions opts;
  GPtrArray *queries; /* DlQuery*, at least one */
  char **paths;       /* the PATH arguments (in argv, not owned) */
  guint parts;        /* --parts, or 0: files */
} DispArgs;

static void
disp_args_clear (DispArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->queries, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DispArgs, disp_args_clear)

/* What the counting and the writing of a run share. */
typedef struct {
  DlFinding find; /* first: the job's user data */
  const DispArgs *args;
  GPtrArray *inputs;
} DispRun;

static void
disp_run_clear (DispRun *run)
{
  g_clear_pointer (&run->find.total, dl_dispersion_total_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DispRun, disp_run_clear)

/* ---- the table ---- */

enum {
  COL_LANG,
  COL_FILE,
  COL_FREQ,
  COL_PER_MILLION,
  COL_QUERY,
  COL_SIZE,
  COL_RANGE,
  COL_D,
  COL_DP,
  COL_DP_NORM,
  N_COLS
};

typedef struct {
  const DispRun *run;
  const DlDispersionParts *parts;
  const char *lang, *query;
  char file[24], per_million[32], d[32], dp[32], dp_norm[32];
  DlCell cells[N_COLS];
} DispRows;

/* @buf: @value with 4 decimals, or "" if undefined. */
static const char *
measure_text (char *buf, gboolean has, double value)
{
  buf[0] = '\0';
  if (has)
    dl_format_real (buf, 32, value, 4);
  return buf;
}

/* The name of part @i: its file, or its number. */
static const char *
part_name (const DispRun *run, const DlDispersionParts *p, guint i, char *buf)
{
  if (p->files != NULL)
    return ((const DlInput *) run->inputs->pdata[p->files[i]])->path;
  return dl_format_u64 (buf, i + 1);
}

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  DispRows *r = data;
  const DlDispersionParts *p = r->parts;
  const DlDispersion *m = &p->measures;
  DlCell *c = r->cells;
  dl_format_per_million (r->per_million, sizeof r->per_million, p->counts[i], p->sizes[i]);
  c[COL_LANG].s = r->lang;
  c[COL_FILE].s = part_name (r->run, p, (guint) i, r->file);
  c[COL_FREQ].i = p->counts[i];
  c[COL_PER_MILLION].s = r->per_million;
  c[COL_QUERY].s = r->query;
  c[COL_SIZE].i = p->sizes[i];
  c[COL_RANGE].i = m->range;
  c[COL_D].s = measure_text (r->d, m->has_d, m->d);
  c[COL_DP].s = measure_text (r->dp, m->has_dp, m->dp);
  c[COL_DP_NORM].s = measure_text (r->dp_norm, m->has_dp_norm, m->dp_norm);
  return c;
}

/* ---- the plots ---- */

/* Appends @name in @width display columns: cut at the front (the end of a
 * path says most) or padded. */
static void
append_name (GString *out, const char *name, guint width)
{
  gsize w = dl_display_width (name, -1);
  const char *p = name;
  if (w > width)
    {
      g_string_append (out, "...");
      while (*p != '\0' && dl_display_width (p, -1) > width - 3)
        p = g_utf8_next_char (p);
      w = dl_display_width (p, -1) + 3;
    }
  g_string_append (out, p);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

/* The barcode of part @i in @n cells (at most PLOT_CELLS), each a
 * stretch of its tokens: | where a hit falls (marked), . where none does. */
static void
append_bar (GString *out, const DlDispersionParts *p, guint i, guint n)
{
  char cells[PLOT_CELLS];
  memset (cells, '.', sizeof cells);
  for (guint64 h = p->starts[i]; h < p->starts[i + 1]; h++)
    cells[p->positions[h] * n / p->sizes[i]] = '|';
  for (guint c = 0; c < n; c++)
    {
      gboolean start = cells[c] == '|' && (c == 0 || cells[c - 1] != '|');
      gboolean end = cells[c] == '|' && (c + 1 == n || cells[c + 1] != '|');
      if (start)
        g_string_append (out, DL_WRITER_MARK);
      g_string_append_c (out, cells[c]);
      if (end)
        g_string_append (out, DL_WRITER_UNMARK);
    }
}

/* The name of part @i in a plot: its file's base name (escaped as
 * printable.h says), or its number. A new string. */
static char *
plot_name (const DispRun *run, const DlDispersionParts *p, guint i)
{
  char buf[24];
  const char *name = part_name (run, p, i, buf);
  const char *slash = strrchr (name, G_DIR_SEPARATOR);
  return dl_printable_name (slash != NULL && slash[1] != '\0' ? slash + 1 : name);
}

/* The text plot: a line per part, "name [bar] count", its bars shorter
 * when the lines would be wider than @line_width (0: no limit). */
static char *
text_plot (const DispRun *run, const DlDispersionParts *p, guint line_width)
{
  guint width = 4, digits = 1;
  char buf[24];
  for (guint i = 0; i < p->n; i++)
    {
      g_autofree char *name = plot_name (run, p, i);
      width = MAX (width, MIN (PLOT_NAME_MAX, dl_display_width (name, -1)));
      digits = MAX (digits, (guint) strlen (dl_format_u64 (buf, p->counts[i])));
    }
  guint cells = PLOT_CELLS, rest = width + 4 + digits; /* name, " [", "] ", count */
  if (line_width > 0 && rest + cells > line_width)
    cells = line_width > rest + PLOT_CELLS_MIN ? line_width - rest : PLOT_CELLS_MIN;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < p->n; i++)
    {
      g_autofree char *name = plot_name (run, p, i);
      append_name (s, name, width);
      g_string_append (s, " [");
      append_bar (s, p, i, cells);
      g_string_append_printf (s, "] %" G_GUINT64_FORMAT "\n", p->counts[i]);
    }
  return g_string_free (s, FALSE);
}

/* The plot as an inline SVG: a row per part, its name at the left, its
 * count at the right. */
static char *
svg_plot (const DispRun *run, const DlDispersionParts *p, const char *caption)
{
  g_autofree DlSvgBarcodeRow *rows = g_new0 (DlSvgBarcodeRow, p->n + 1);
  /* A part's count written out: 24 bytes each. */
  g_autofree char *numbers = g_new (char, (gsize) (p->n + 1) * 24);
  g_auto (GStrv) names = g_new0 (char *, p->n + 1);
  for (guint i = 0; i < p->n; i++)
    rows[i] = (DlSvgBarcodeRow){
      names[i] = plot_name (run, p, i), NULL,        p->positions + p->starts[i],
      p->starts[i + 1] - p->starts[i],  p->sizes[i], dl_format_u64 (numbers + 24 * i, p->counts[i])
    };
  GString *s = g_string_new (NULL);
  dl_svg_barcode (s, rows, p->n,
                  p->files != NULL
                      /* Translators: the x axis of dispersion's plot. */
                      /* xgettext:no-c-format */
                      ? _ ("place in the file (% of its tokens of the language)")
                      /* xgettext:no-c-format */
                      : _ ("place in the part (% of its tokens of the language)"),
                  caption);
  return g_string_free (s, FALSE);
}

/* ---- a language ---- */

/* "tr: savaş" and the query's numbers, for the section heading. */
static char *
query_heading (const char *lang, const char *query, const DlDispersionParts *p, gboolean files)
{
  const DlDispersion *m = &p->measures;
  char hits[24], range[24], n[24], d[32], dp[32], dpn[32];
  dl_format_u64 (hits, m->freq);
  dl_format_u64 (range, m->range);
  dl_format_u64 (n, m->n);
  measure_text (d, m->has_d, m->d);
  measure_text (dp, m->has_dp, m->dp);
  measure_text (dpn, m->has_dp_norm, m->dp_norm);
  dl_people_number (d);
  dl_people_number (dp);
  dl_people_number (dpn);
  const char *u = *d ? d : "-", *v = *dp ? dp : "-", *x = *dpn ? dpn : "-";
  if (files)
    /* Translators: the heading of one query's dispersion: language, query,
       hits, files with a hit, files, then Juilland's D, Gries' DP and
       DPnorm ("-" when undefined). */
    return g_strdup_printf (_ ("%s: %s: %s hits in %s of %s files; D %s, DP %s, DPnorm %s"), lang,
                            query, hits, range, n, u, v, x);
  /* Translators: the same with --parts: parts with a hit, parts. */
  return g_strdup_printf (_ ("%s: %s: %s hits in %s of %s parts; D %s, DP %s, DPnorm %s"), lang,
                          query, hits, range, n, u, v, x);
}

static gboolean
write_lang (gpointer user_data, DlLang lang, DlWriter *w, GError **error)
{
  (void) error;
  const DispRun *run = user_data;
  const DispArgs *a = run->args;
  if (dl_dispersion_total_tokens (run->find.total, lang) == 0)
    {
      /* Translators: the heading of a language without tokens. */
      g_autofree char *heading = g_strdup_printf (_ ("%s: no tokens"), dl_lang_code (lang));
      dl_writer_section (w, lang, heading);
      return TRUE;
    }
  for (guint q = 0; q < a->queries->len; q++)
    {
      g_auto (DlDispersionParts) parts = { 0 };
      dl_dispersion_total_parts (run->find.total, lang, q, a->parts, &parts);
      const char *query = dl_query_text (a->queries->pdata[q]);
      g_autofree char *heading
          = query_heading (dl_lang_code (lang), query, &parts, parts.files != NULL);
      dl_writer_section (w, lang, heading);
      DispRows rows = { .run = run, .parts = &parts, .lang = dl_lang_code (lang), .query = query };
      dl_writer_rows (w, parts.n, fill_row, &rows);
      g_autofree char *text = text_plot (run, &parts, dl_writer_line_width (w));
      g_autofree char *caption = g_strdup_printf (
          parts.files != NULL
              /* Translators: the caption of dispersion's plot: the query, the
                 language code. */
              ? _ ("Where %s falls: a line per file, a mark per hit at its place among the "
                   "file's %s tokens; the number of hits on the right.")
              : _ ("Where %s falls: a line per part, a mark per hit at its place among the "
                   "part's %s tokens; the number of hits on the right."),
          query, dl_lang_code (lang));
      g_autofree char *svg = svg_plot (run, &parts, caption);
      dl_writer_block (w, text, svg);
    }
  return TRUE;
}

/* ---- options ---- */

typedef struct {
  char **query;
  char **cql;
  char *queries_file;
  gint64 parts;
} DispValues;

static void
disp_values_clear (DispValues *v)
{
  g_clear_pointer (&v->query, g_strfreev);
  g_clear_pointer (&v->cql, g_strfreev);
  g_clear_pointer (&v->queries_file, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DispValues, disp_values_clear)

static GOptionContext *
disp_context (DispValues *v, DlOptions *opts)
{
  const GOptionEntry entries[]
      = { { "query", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &v->query,
            N_ ("Look for QUERY (repeatable); then every argument is a PATH"), N_ ("QUERY") },
          { "cql", 0, 0, G_OPTION_ARG_STRING_ARRAY, &v->cql,
            N_ ("Look for the CQL query Q (repeatable); then every argument is a PATH"), N_ ("Q") },
          { "queries", 0, 0, G_OPTION_ARG_FILENAME, &v->queries_file,
            N_ ("Look for the queries in FILE, one per line"), N_ ("FILE") },
          { "parts", 0, 0, G_OPTION_ARG_INT64, &v->parts,
            N_ ("Parts: N slices of equal size, in input order, instead of the files"), N_ ("N") },
          G_OPTION_ENTRY_NULL };
  return dl_options_context (
      _ ("QUERY [PATH...]"),
      _ ("Dispersion: where the hits of a query fall, file by file or part by part."),
      _ ("QUERY is what kwic takes: a word, a pattern (savaş*), a phrase in quotes\n"
         "or /REGEX/; with --unit stem or lemma a word finds its unit's tokens.\n"
         "--cql takes a CQL query, as kwic does (man derlem, CORPUS QUERY\n"
         "LANGUAGE).\n"
         "Each language is measured apart. Its parts are the files with tokens\n"
         "of it (a file with tokens but no hit is a part with 0), or with\n"
         "--parts N, N consecutive slices of its tokens of equal size. A part's\n"
         "size is its tokens of the language, counted as freq counts them; a hit\n"
         "is at its first counted token (numbers count with --numbers).\n"
         "\n"
         "With n parts, v_i = hits in part i / all hits, s_i = size of part i /\n"
         "all tokens, r_i = hits in part i / size of part i:\n"
         "  range  = parts with a hit\n"
         "  D      = 1 − (sd(r)/mean(r)) / √(n − 1), sd the population sd\n"
         "           (Juilland's D: 1 is even, 0 all in one part)\n"
         "  DP     = ½ Σ |v_i − s_i| (Gries 2008: 0 is even, near 1 uneven)\n"
         "  DPnorm = DP / (1 − min s_i) (Lijffijt & Gries 2012)\n"
         "Undefined values are empty: D and DPnorm with one part, all three\n"
         "when the query has no hit (its rows then say freq 0).\n"
         "\n"
         "The plot (text, Markdown, HTML) has a line per part; a mark where a hit\n"
         "falls, by its place among the part's tokens.\n"
         "\n"
         "TSV columns: lang file freq per_million query size range juilland_d dp\n"
         "dp_norm, a row per language, query and part (file: the part's number\n"
         "with --parts); range, D, DP and DPnorm are the query's, on each row."),
      entries, DL_OPT_BASIC | DL_OPT_WORDS | DL_OPT_COLOR | DL_OPT_BY, opts);
}

/* Checks --parts (G_MININT64 when not given): 1 to DL_DISPERSION_MAX_PARTS. */
static gboolean
check_parts (gint64 parts, GError **error)
{
  if (parts == G_MININT64 || (parts >= 1 && parts <= DL_DISPERSION_MAX_PARTS))
    return TRUE;
  char text[24];
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, parts);
  g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
               _ ("invalid value '%s' for --parts (expected a number from 1 to %d)"), text,
               DL_DISPERSION_MAX_PARTS);
  return FALSE;
}

/* Parses @argv (the command name first) into @a and checks every value:
 * FALSE with @error (DL_ERROR_USAGE) for anything wrong. */
static gboolean
disp_parse (DispArgs *a, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  g_auto (DispValues) v = { NULL, NULL, NULL, G_MININT64 };
  g_autoptr (GOptionContext) context = disp_context (&v, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error) || !check_parts (v.parts, error))
    return FALSE;
  a->parts = v.parts == G_MININT64 ? 0 : (guint) v.parts;
  a->queries = dl_cmd_collect_queries ("dispersion", v.query, v.cql, v.queries_file, argc, argv,
                                       &a->paths, error);
  return a->queries != NULL;
}

/* A part's hits: fresh before it, dropped after. */
static void
part_begin (gpointer user_data, const DlPart *part)
{
  DispRun *run = user_data;
  run->inputs = part->inputs;
  run->find.total = dl_dispersion_total_new (run->find.n_queries);
}

static void
part_end (gpointer user_data)
{
  disp_run_clear (user_data);
}

/* Finds the hits in the inputs of @a, each part of them (--by) on its own,
 * and writes the result. */
static gboolean
disp_run (DlEnv *env, const DispArgs *a, GError **error)
{
  g_autoptr (GPtrArray) parts = dl_cmd_parts (env, &a->opts, a->paths, error);
  if (parts == NULL)
    return FALSE;
  g_auto (DlListTools) tools = { NULL, NULL, NULL, NULL };
  g_auto (DlQueryUnits) qu = { 0 };
  if (!dl_cmd_prepare_queries (env, &a->opts, parts, a->queries, &tools, &qu, error))
    return FALSE;
  DlCounterOptions co;
  dl_cmd_counter_options (&a->opts, &co);
  g_auto (DispRun) run = { .args = a };
  run.find.queries = (DlQuery *const *) a->queries->pdata;
  run.find.n_queries = a->queries->len;
  run.find.query_options = dl_cmd_query_options (&a->opts, &qu);
  memcpy (run.find.options.langs, co.langs, sizeof co.langs);
  run.find.options.count_numbers = a->opts.numbers;
  run.find.doc_options = dl_cmd_document_options (&a->opts);
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    /* Translators: column headings of dispersion (text, HTML, Markdown). */
    [COL_FILE] = { "file", a->parts > 0 ? _ ("part") : _ ("file"), DL_CELL_STRING,
                   DL_COLUMN_FIT | DL_COLUMN_PATH, 0, 60, NULL, 0, 0 },
    [COL_FREQ] = { "freq", _ ("freq"), DL_CELL_INTEGER, 0, 6, 0, NULL, 0, 0 },
    [COL_PER_MILLION] = { "per_million", _ ("per million"), DL_CELL_REAL, 0, 11, 0, NULL, 2, 0 },
    [COL_QUERY] = { "query", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_SIZE] = { "size", _ ("tokens"), DL_CELL_INTEGER, 0, 8, 0, NULL, 0, 0 },
    [COL_RANGE] = { "range", NULL, DL_CELL_INTEGER, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
    [COL_D] = { "juilland_d", NULL, DL_CELL_REAL, DL_COLUMN_MACHINE, 0, 0, NULL, 4, 0 },
    [COL_DP] = { "dp", NULL, DL_CELL_REAL, DL_COLUMN_MACHINE, 0, 0, NULL, 4, 0 },
    [COL_DP_NORM] = { "dp_norm", NULL, DL_CELL_REAL, DL_COLUMN_MACHINE, 0, 0, NULL, 4, 0 },
  };
  g_autoptr (GString) title = g_string_new ("derlem dispersion: ");
  for (guint i = 0; i < a->queries->len; i++)
    g_string_append_printf (title, "%s%s", i > 0 ? ", " : "", dl_query_text (a->queries->pdata[i]));
  const DlCountReport report
      = { &dl_cmd_finding_job, part_begin, write_lang, part_end, co.langs, columns, N_COLS,
          title->str };
  return dl_cmd_count_report (env, &a->opts, parts, &report, &run, error);
}

gboolean
dl_cmd_dispersion (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (DispArgs) args = { 0 };
  if (!disp_parse (&args, argc, argv, error))
    return FALSE;
  return disp_run (env, &args, error);
}
