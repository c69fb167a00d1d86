/* test-output.c — the result writer's back ends, byte for byte, on small
 * tables of awkward text: tabs, newlines, quotes, commas, |, <script>,
 * Turkish letters and wide characters. Oracle: the expected bytes follow
 * the formats' rules by hand (TSV escapes, RFC 4180, JSON, HTML escaping,
 * GitHub tables) and the layout of derlem's text lists. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "writer.h"

enum { L_LANG, L_ITEM, L_N, L_SCORE, L_COLS };

static const DlColumn list_columns[L_COLS] = {
  [L_LANG] = { "lang", NULL, DL_CELL_STRING, DL_COLUMN_MACHINE, 0, 0, NULL, 0, 0 },
  [L_ITEM] = { "item", "Item", DL_CELL_STRING, DL_COLUMN_FIT, 0, 6, NULL, 0, 0 },
  [L_N] = { "n", "N", DL_CELL_INTEGER, 0, 3, 0, NULL, 0, 0 },
  [L_SCORE] = { "score", "Score", DL_CELL_REAL, DL_COLUMN_FIT, 0, 0, NULL, 3, 1 },
};

typedef struct {
  const char *item;
  guint64 n;
  double score;
} ListRow;

static const ListRow tr_rows[] = { { "a\tb", 3, 0.25 }, { "\"q\",ç|d", 12, 1.5 } };
static const ListRow en_rows[] = { { "<script>&'", 7, 2 }, { "漢字 x*_", 1000, -0.0001 } };

typedef struct {
  const ListRow *rows;
  const char *lang;
  DlCell cells[L_COLS];
} ListSource;

static const DlCell *
list_fill (gpointer data, guint64 i)
{
  ListSource *src = data;
  src->cells[L_LANG].s = src->lang;
  src->cells[L_ITEM].s = src->rows[i].item;
  src->cells[L_N].i = src->rows[i].n;
  src->cells[L_SCORE].r = src->rows[i].score;
  return src->cells;
}

/* The list: a Turkish and an English section, each with a note. */
static char *
write_list (DlFormat format)
{
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "derlem test: <x> & y" };
  DlWriter *w = dl_writer_new (fp, format, list_columns, L_COLS, &wo);
  ListSource tr = { tr_rows, "tr", { { NULL, 0, 0 } } };
  dl_writer_section (w, DL_LANG_TR, "tr: 2 rows");
  dl_writer_rows (w, G_N_ELEMENTS (tr_rows), list_fill, &tr);
  dl_writer_note (w, "a | note");
  ListSource en = { en_rows, "en", { { NULL, 0, 0 } } };
  dl_writer_section (w, DL_LANG_EN, "en: <b>");
  dl_writer_rows (w, G_N_ELEMENTS (en_rows), list_fill, &en);
  dl_writer_summary (w, "done");
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static const struct {
  DlFormat format;
  const char *expected;
} list_cases[] = {
  { DL_FORMAT_TEXT,
    /* Item: as wide as its widest cell, cut at 6 characters ("q",ç|d is
     * 7), 漢字 two columns each, a tab made a space (a control character
     * never reaches the terminal); N 3 wide (1000 overflows, as fixed
     * columns do); Score one decimal, a tiny value in exponent form; the
     * note unindented, as the rows are. */
    "tr: 2 rows\n"
    "Item      N  Score\n"
    "a b       3    0.2\n"
    "\"q\",ç…   12    1.5\n"
    "a | note\n"
    "\n"
    "en: <b>\n"
    "Item        N   Score\n"
    "<scri…      7     2.0\n"
    "漢字 x*_  1000  -1e-04\n"
    "\n"
    "done\n" },
  { DL_FORMAT_TSV, "lang\titem\tn\tscore\n"
                   "tr\ta\\tb\t3\t0.250\n"
                   "tr\t\"q\",ç|d\t12\t1.500\n"
                   "en\t<script>&'\t7\t2.000\n"
                   "en\t漢字 x*_\t1000\t-1.00e-04\n" },
  { DL_FORMAT_CSV, "lang,item,n,score\n"
                   "tr,a\tb,3,0.250\n"
                   "tr,\"\"\"q\"\",ç|d\",12,1.500\n"
                   "en,<script>&',7,2.000\n"
                   "en,漢字 x*_,1000,-1.00e-04\n" },
  { DL_FORMAT_JSON, "[\n"
                    "{\"lang\":\"tr\",\"item\":\"a\\tb\",\"n\":3,\"score\":0.250},\n"
                    "{\"lang\":\"tr\",\"item\":\"\\\"q\\\",ç|d\",\"n\":12,\"score\":1.500},\n"
                    "{\"lang\":\"en\",\"item\":\"<script>&'\",\"n\":7,\"score\":2.000},\n"
                    "{\"lang\":\"en\",\"item\":\"漢字 x*_\",\"n\":1000,\"score\":-1.00e-04}\n"
                    "]\n" },
  { DL_FORMAT_MARKDOWN, "# derlem test: \\<x\\> \\& y\n"
                        "\n"
                        "## tr: 2 rows\n"
                        "\n"
                        "| Item | N | Score |\n"
                        "| --- | ---: | ---: |\n"
                        "| a\tb | 3 | 0.2 |\n"
                        "| \"q\",ç\\|d | 12 | 1.5 |\n"
                        "\n"
                        "a \\| note\n"
                        "\n"
                        "## en: \\<b\\>\n"
                        "\n"
                        "| Item | N | Score |\n"
                        "| --- | ---: | ---: |\n"
                        "| \\<script\\>\\&' | 7 | 2.0 |\n"
                        "| 漢字 x\\*\\_ | 1000 | -1e-04 |\n"
                        "\n"
                        "done\n" },
};

static void
test_writer_list_in_every_format (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (list_cases); i++)
    {
      g_autofree char *out = write_list (list_cases[i].format);
      DL_ASSERT_STR_EQ_FOR (dl_format_name (list_cases[i].format), out, list_cases[i].expected);
    }
}

static void
test_writer_html_page_escapes_everything (void)
{
  g_autofree char *out = write_list (DL_FORMAT_HTML);
  CU_ASSERT_TRUE (
      g_str_has_prefix (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "<title>derlem test: &lt;x&gt; &amp; y</title>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "<h1>derlem test: &lt;x&gt; &amp; y</h1>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "td.n, th.n { text-align: right; }"));
  CU_ASSERT_PTR_NULL (strstr (out, "<script>"));
  CU_ASSERT_PTR_NULL (strstr (out, "<link"));
  const char *expected
      = "<section lang=\"tr\">\n<h2>tr: 2 rows</h2>\n<table>\n"
        "<thead><tr><th class=\"item\">Item</th><th class=\"n\">N</th>"
        "<th class=\"score\">Score</th></tr></thead>\n<tbody>\n"
        "<tr lang=\"tr\"><td class=\"item\">a\tb</td><td class=\"n num\">3</td>"
        "<td class=\"score num\">0.2</td></tr>\n"
        "<tr lang=\"tr\"><td class=\"item\">&quot;q&quot;,ç|d</td><td class=\"n num\">12</td>"
        "<td class=\"score num\">1.5</td></tr>\n"
        "</tbody>\n</table>\n<p class=\"note\">a | note</p>\n</section>\n"
        "<section lang=\"en\">\n<h2>en: &lt;b&gt;</h2>\n<table>\n"
        "<thead><tr><th class=\"item\">Item</th><th class=\"n\">N</th>"
        "<th class=\"score\">Score</th></tr></thead>\n<tbody>\n"
        "<tr lang=\"en\"><td class=\"item\">&lt;script&gt;&amp;&#39;</td>"
        "<td class=\"n num\">7</td><td class=\"score num\">2.0</td></tr>\n"
        "<tr lang=\"en\"><td class=\"item\">漢字 x*_</td><td class=\"n num\">1000</td>"
        "<td class=\"score num\">-1e-04</td></tr>\n"
        "</tbody>\n</table>\n</section>\n<p class=\"summary\">done</p>\n</body>\n</html>\n";
  const char *body = strstr (out, "<section");
  CU_ASSERT_PTR_NOT_NULL_FATAL (body);
  DL_ASSERT_STR_EQ (body, expected);
}

/* A concordance: streamed rows, no heading row, a node, a colored
 * language, rows in their own languages. */
enum { K_LEFT, K_NODE, K_RIGHT, K_LANG, K_COLS };

static const DlColumn kwic_columns[K_COLS] = {
  [K_LEFT] = { "left", "left", DL_CELL_STRING, DL_COLUMN_RIGHT, 6, 0, NULL, 0, 0 },
  [K_NODE] = { "node", "node", DL_CELL_STRING, DL_COLUMN_NODE, 0, 0, NULL, 0, 0 },
  [K_RIGHT] = { "right", "right", DL_CELL_STRING, 0, 6, 0, NULL, 0, 0 },
  [K_LANG] = { "lang", "lang", DL_CELL_STRING, DL_COLUMN_LANG, 0, 0, " ", 0, 0 },
};

static char *
write_kwic (DlFormat format, gboolean color)
{
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "derlem kwic: war", .color = color, .no_header = TRUE };
  DlWriter *w = dl_writer_new (fp, format, kwic_columns, K_COLS, &wo);
  const DlCell a[K_COLS]
      = { { "ğı <b>", 0, 0 }, { "war", 0, 0 }, { " |x|", 0, 0 }, { "en", 0, 0 } };
  const DlCell b[K_COLS]
      = { { "漢字", 0, 0 }, { "savaş", 0, 0 }, { " & 'y'", 0, 0 }, { "tr", 0, 0 } };
  dl_writer_row (w, DL_LANG_EN, a);
  dl_writer_row (w, DL_LANG_TR, b);
  dl_writer_summary (w, "2 hits");
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static void
test_writer_concordance_node (void)
{
  g_autofree char *text = write_kwic (DL_FORMAT_TEXT, FALSE);
  CU_ASSERT_STRING_EQUAL (text, "ğı <b>  war   |x|   en\n"
                                "  漢字  savaş   & 'y' tr\n"
                                "\n"
                                "2 hits\n");
  g_autofree char *color = write_kwic (DL_FORMAT_TEXT, TRUE);
  CU_ASSERT_STRING_EQUAL (color, "ğı <b>  \033[1;31mwar\033[0m   |x|   \033[34men\033[0m\n"
                                 "  漢字  \033[1;31msavaş\033[0m   & 'y' \033[31mtr\033[0m\n"
                                 "\n"
                                 "2 hits\n");
  g_autofree char *html = write_kwic (DL_FORMAT_HTML, TRUE);
  CU_ASSERT_PTR_NOT_NULL (strstr (
      html, "<tr lang=\"en\"><td class=\"left\">ğı &lt;b&gt;</td>"
            "<td class=\"node\"><mark>war</mark></td><td class=\"right\"> |x|</td>"
            "<td class=\"lang\">en</td></tr>\n"
            "<tr lang=\"tr\"><td class=\"left\">漢字</td><td class=\"node\"><mark>savaş</mark></td>"
            "<td class=\"right\"> &amp; &#39;y&#39;</td><td class=\"lang\">tr</td></tr>\n"
            "</tbody>\n</table>\n<p class=\"summary\">2 hits</p>\n</body>\n</html>\n"));
  CU_ASSERT_PTR_NULL (strstr (html, "\033["));
  g_autofree char *md = write_kwic (DL_FORMAT_MARKDOWN, TRUE);
  CU_ASSERT_STRING_EQUAL (md, "# derlem kwic: war\n"
                              "\n"
                              "| left | node | right | lang |\n"
                              "| ---: | --- | --- | --- |\n"
                              "| ğı \\<b\\> | **war** |  \\|x\\| | en |\n"
                              "| 漢字 | **savaş** |  \\& 'y' | tr |\n"
                              "\n"
                              "2 hits\n");
  g_autofree char *tsv = write_kwic (DL_FORMAT_TSV, TRUE);
  CU_ASSERT_STRING_EQUAL (tsv, "left\tnode\tright\tlang\n"
                               "ğı <b>\twar\t |x|\ten\n"
                               "漢字\tsavaş\t & 'y'\ttr\n");
}

/* A table wider than its line: items, counts, a context aligned right. */
enum { F_ITEM, F_N, F_LEFT, F_SCORE, F_COLS };

static const DlColumn fit_columns[F_COLS] = {
  [F_ITEM] = { "item", "Item", DL_CELL_STRING, DL_COLUMN_FIT, 0, 0, NULL, 0, 0 },
  [F_N] = { "n", "N", DL_CELL_INTEGER, 0, 9, 0, NULL, 0, 0 },
  [F_LEFT] = { "left", "Left", DL_CELL_STRING, DL_COLUMN_FIT | DL_COLUMN_RIGHT, 0, 0, NULL, 0, 0 },
  [F_SCORE] = { "score", "Score", DL_CELL_REAL, DL_COLUMN_FIT, 0, 0, NULL, 2, 0 },
};

typedef struct {
  DlCell cells[F_COLS];
} FitRows;

static const DlCell *
fit_fill (gpointer data, guint64 i)
{
  static const char *const items[] = { "漢字漢字漢字漢字 item", "Işıklı" };
  static const char *const lefts[] = { "ğı the end of it", "x" };
  FitRows *r = data;
  r->cells[F_ITEM] = (DlCell){ items[i], 0, 0 };
  r->cells[F_N] = (DlCell){ NULL, i == 0 ? 7 : 123456, 0 };
  r->cells[F_LEFT] = (DlCell){ lefts[i], 0, 0 };
  r->cells[F_SCORE] = (DlCell){ NULL, 0, i == 0 ? 1.5 : 1234.25 };
  return r->cells;
}

/* The table in @width columns. */
static char *
write_fitted (guint width)
{
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "fit", .line_width = width };
  DlWriter *w = dl_writer_new (fp, DL_FORMAT_TEXT, fit_columns, F_COLS, &wo);
  FitRows rows;
  dl_writer_section (w, DL_LANG_TR, "tr: a heading that is longer than the line");
  dl_writer_rows (w, 2, fit_fill, &rows);
  dl_writer_note (w, "a note");
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static void
test_writer_text_fits_line_width (void)
{
  /* Wide enough: as without a width (the item is 21 columns, 漢字 two
   * each; N keeps the 9 it was given). */
  g_autofree char *wide = write_fitted (80);
  DL_ASSERT_STR_EQ (wide, "tr: a heading that is longer than the line\n"
                          "Item                           N              Left    Score\n"
                          "漢字漢字漢字漢字 item          7  ğı the end of it     1.50\n"
                          "Işıklı                    123456                 x  1234.25\n"
                          "a note\n");
  /* 40 columns, 59 needed: N gives up the room its rows do not need (9 →
   * 6), then the widest text is narrowed: the item to the context's 16,
   * then one column each in turn, to 10 and 11. Cut by display columns (8
   * of 漢字漢字 and the ellipsis in 10); the context, aligned right, loses
   * its start. Numbers whole; the heading wrapped at a space, indented. */
  g_autofree char *narrow = write_fitted (40);
  DL_ASSERT_STR_EQ (narrow, "tr: a heading that is longer than the\n"
                            "  line\n"
                            "Item             N         Left    Score\n"
                            "漢字漢字…        7  … end of it     1.50\n"
                            "Işıklı      123456            x  1234.25\n"
                            "a note\n");
}

typedef struct {
  const char *const *paths;
  DlCell cells[2];
} PathRows;

static const DlCell *
path_fill (gpointer data, guint64 i)
{
  PathRows *r = data;
  r->cells[0] = (DlCell){ r->paths[i], 0, 0 };
  r->cells[1] = (DlCell){ NULL, i + 1, 0 };
  return r->cells;
}

static void
test_writer_text_wraps_prose (void)
{
  /* In 20 columns: headings, notes and summaries wrap at spaces, two more
   * columns of indent after the first line (a note's after the rows'); a
   * word wider than the line is broken; spaces at the end are dropped, not
   * wrapped onto a line of their own. */
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "wrap", .line_width = 20 };
  DlWriter *w = dl_writer_new (fp, DL_FORMAT_TEXT, fit_columns, F_COLS, &wo);
  dl_writer_section (w, DL_LANG_TR, "tr: şişli ılık ığdır çok uzun başlık");
  dl_writer_note (w, "abcdefghijklmnopqrstuvwxyz and more");
  dl_writer_summary (w, "sixteen columns!                 ");
  dl_writer_summary (w, "exactly twenty cols.");
  dl_writer_end (w);
  fclose (fp);
  DL_ASSERT_STR_EQ (text, "tr: şişli ılık ığdır\n"
                          "  çok uzun başlık\n"
                          "abcdefghijklmnopqrst\n"
                          "  uvwxyz and more\n"
                          "sixteen columns!\n"
                          "exactly twenty cols.\n");
  free (text);
}

/* A column of paths, relative to the root for people, whole for machines,
 * cut at its start when it must be. */
static char *
write_paths (DlFormat format, guint width)
{
  static const DlColumn columns[] = {
    { "file", "File", DL_CELL_STRING, DL_COLUMN_FIT | DL_COLUMN_PATH, 0, 0, NULL, 0, 0 },
    { "n", "N", DL_CELL_INTEGER, 0, 0, 0, NULL, 0, 0 },
  };
  static const char *const paths[]
      = { "/home/u/corpus/a/x.txt", "/home/u/corpus/b/a-long-name.txt", "(all files)" };

  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "paths", .line_width = width, .root = "/home/u/corpus/" };
  DlWriter *w = dl_writer_new (fp, format, columns, 2, &wo);
  PathRows rows = { paths, { { NULL, 0, 0 } } };
  dl_writer_rows (w, G_N_ELEMENTS (paths), path_fill, &rows);
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static void
test_writer_paths_relative_for_people (void)
{
  g_autofree char *text = write_paths (DL_FORMAT_TEXT, 0);
  DL_ASSERT_STR_EQ (text, "File               N\n"
                          "a/x.txt            1\n"
                          "b/a-long-name.txt  2\n"
                          "(all files)        3\n");
  /* In 12 columns (20 needed) the path column is narrowed to 9 and keeps
   * its end, the file's name; so does any text of the column. */
  g_autofree char *narrow = write_paths (DL_FORMAT_TEXT, 12);
  DL_ASSERT_STR_EQ (narrow, "File       N\n"
                            "a/x.txt    1\n"
                            "…name.txt  2\n"
                            "…l files)  3\n");
  g_autofree char *tsv = write_paths (DL_FORMAT_TSV, 12);
  DL_ASSERT_STR_EQ (tsv, "file\tn\n"
                         "/home/u/corpus/a/x.txt\t1\n"
                         "/home/u/corpus/b/a-long-name.txt\t2\n"
                         "(all files)\t3\n");
  g_autofree char *json = write_paths (DL_FORMAT_JSON, 0);
  DL_ASSERT_STR_CONTAINS (json, "\"file\":\"/home/u/corpus/b/a-long-name.txt\"");
  g_autofree char *md = write_paths (DL_FORMAT_MARKDOWN, 0);
  DL_ASSERT_STR_CONTAINS (md, "| /home/u/corpus/b/a-long-name.txt | 2 |");
}

/* Nothing written: the headings and closing bytes only. */
static void
test_writer_empty_table (void)
{
  static const struct {
    DlFormat format;
    const char *expected;
  } cases[] = {
    { DL_FORMAT_TEXT, "" },
    { DL_FORMAT_TSV, "left\tnode\tright\tlang\n" },
    { DL_FORMAT_CSV, "left,node,right,lang\n" },
    { DL_FORMAT_JSON, "[]\n" },
    { DL_FORMAT_MARKDOWN, "# derlem\n" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *text = NULL;
      size_t size = 0;
      FILE *fp = open_memstream (&text, &size);
      dl_writer_end (dl_writer_new (fp, cases[i].format, kwic_columns, K_COLS, NULL));
      fclose (fp);
      CU_ASSERT_STRING_EQUAL (text, cases[i].expected);
      free (text);
    }
}

/* Two groups (parts of a corpus, --by) of one section each, with the score
 * column turned off. */
static char *
write_groups (DlFormat format)
{
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  DlColumn columns[L_COLS];
  memcpy (columns, list_columns, sizeof columns);
  columns[L_SCORE].flags |= DL_COLUMN_OFF;
  const DlWriterOptions wo = { .title = "groups", .group = "part" };
  DlWriter *w = dl_writer_new (fp, format, columns, L_COLS, &wo);
  ListSource tr = { tr_rows, "tr", { { NULL, 0, 0 } } };
  dl_writer_group (w, "2020", "year=2020");
  dl_writer_section (w, DL_LANG_TR, "tr: 2 rows");
  dl_writer_rows (w, 1, list_fill, &tr);
  dl_writer_group (w, "a\\b", "year=a\\b");
  dl_writer_section (w, DL_LANG_TR, "tr: 2 rows");
  dl_writer_rows (w, 1, list_fill, &tr);
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static void
test_writer_groups_and_columns_off (void)
{
  /* The group's value is corpus text: escaped like any cell. */
  g_autofree char *tsv = write_groups (DL_FORMAT_TSV);
  DL_ASSERT_STR_EQ (tsv, "lang\titem\tn\tpart\n"
                         "tr\ta\\tb\t3\t2020\n"
                         "tr\ta\\tb\t3\ta\\\\b\n");
  g_autofree char *json = write_groups (DL_FORMAT_JSON);
  DL_ASSERT_STR_EQ (json, "[\n"
                          "{\"lang\":\"tr\",\"item\":\"a\\tb\",\"n\":3,\"part\":\"2020\"},\n"
                          "{\"lang\":\"tr\",\"item\":\"a\\tb\",\"n\":3,\"part\":\"a\\\\b\"}\n"
                          "]\n");
  /* People see the group in the headings, not as a column. */
  g_autofree char *text = write_groups (DL_FORMAT_TEXT);
  DL_ASSERT_STR_EQ (text, "year=2020 — tr: 2 rows\n"
                          "Item    N\n"
                          "a b     3\n"
                          "\n"
                          "year=a\\b — tr: 2 rows\n"
                          "Item    N\n"
                          "a b     3\n");
}

/* An undefined number (keyness's %DIFF when b = 0) given as an empty
 * string: an empty cell everywhere, null in JSON (not a bare nothing, which
 * is no JSON). */
static void
test_writer_undefined_number (void)
{
  static const struct {
    DlFormat format;
    const char *expected;
  } cases[] = {
    { DL_FORMAT_TSV, "lang\titem\tn\tscore\ntr\tx\t3\t\n" },
    { DL_FORMAT_CSV, "lang,item,n,score\ntr,x,3,\n" },
    { DL_FORMAT_JSON, "[\n{\"lang\":\"tr\",\"item\":\"x\",\"n\":3,\"score\":null}\n]\n" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *text = NULL;
      size_t size = 0;
      FILE *fp = open_memstream (&text, &size);
      DlWriter *w = dl_writer_new (fp, cases[i].format, list_columns, L_COLS, NULL);
      DlCell cells[L_COLS] = { { "tr", 0, 0 }, { "x", 0, 0 }, { NULL, 3, 0 }, { "", 0, 0 } };
      dl_writer_section (w, DL_LANG_TR, "tr");
      dl_writer_row (w, DL_LANG_NONE, cells);
      dl_writer_end (w);
      fclose (fp);
      DL_ASSERT_STR_EQ_FOR (dl_format_name (cases[i].format), text, cases[i].expected);
      free (text);
    }
}

/* A section with one row (its score empty: undefined) and a block with a
 * mark, in @format. */
static char *
write_block (DlFormat format, gboolean color, const char *html)
{
  char *text = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&text, &size);
  const DlWriterOptions wo = { .title = "t", .color = color };
  DlWriter *w = dl_writer_new (fp, format, list_columns, L_COLS, &wo);
  dl_writer_section (w, DL_LANG_TR, "s");
  const DlCell cells[L_COLS] = { { "tr", 0, 0 }, { "x", 0, 0 }, { NULL, 2, 0 }, { "", 0, 0 } };
  dl_writer_row (w, DL_LANG_NONE, cells);
  dl_writer_block (w, "a ``` <" DL_WRITER_MARK "|" DL_WRITER_UNMARK "> 2\n", html);
  dl_writer_end (w);
  fclose (fp);
  return text;
}

static void
test_writer_block_and_empty_numbers (void)
{
  g_autofree char *text = write_block (DL_FORMAT_TEXT, FALSE, NULL);
  /* The empty Score is padded as right-aligned cells are. */
  DL_ASSERT_STR_EQ (text, "s\nItem    N  Score\nx       2       \n\na ``` <|> 2\n");
  g_autofree char *color = write_block (DL_FORMAT_TEXT, TRUE, NULL);
  DL_ASSERT_STR_CONTAINS (color, "\n\na ``` <\033[1;31m|\033[0m> 2\n");
  /* The fence is longer than the text's run of backquotes. */
  g_autofree char *md = write_block (DL_FORMAT_MARKDOWN, TRUE, "<svg/>");
  DL_ASSERT_STR_CONTAINS (md, "| x | 2 |  |\n\n````\na ``` <|> 2\n````\n");
  g_autofree char *pre = write_block (DL_FORMAT_HTML, FALSE, NULL);
  DL_ASSERT_STR_CONTAINS (pre, "</table>\n<pre>a ``` &lt;<mark>|</mark>&gt; 2\n</pre>\n");
  g_autofree char *svg = write_block (DL_FORMAT_HTML, FALSE, "<svg>&amp;</svg>\n");
  DL_ASSERT_STR_CONTAINS (svg, "</table>\n<svg>&amp;</svg>\n</section>");
  /* Machine formats: no block; JSON says null for an empty number. */
  g_autofree char *tsv = write_block (DL_FORMAT_TSV, FALSE, NULL);
  CU_ASSERT_STRING_EQUAL (tsv, "lang\titem\tn\tscore\ntr\tx\t2\t\n");
  g_autofree char *json = write_block (DL_FORMAT_JSON, FALSE, NULL);
  CU_ASSERT_STRING_EQUAL (json, "[\n{\"lang\":\"tr\",\"item\":\"x\",\"n\":2,\"score\":null}\n]\n");
}

static void
test_json_forms_array (void)
{
  /* A forms column is an array of {form, freq} in JSON (a piece without a
   * count is a form alone), one string in the other formats. */
  static const DlColumn columns[]
      = { { "forms", NULL, DL_CELL_STRING, DL_COLUMN_FORMS, 0, 0, NULL, 0, 0 } };
  static const struct {
    DlFormat format;
    const char *cell, *expected;
  } cases[] = {
    { DL_FORMAT_JSON, "a (1), b c (22), d\"x (3)",
      "[\n{\"forms\":[{\"form\":\"a\",\"freq\":1},{\"form\":\"b c\",\"freq\":22},"
      "{\"form\":\"d\\\"x\",\"freq\":3}]}\n]\n" },
    { DL_FORMAT_JSON, "odd (x), (5), e ()",
      "[\n{\"forms\":[{\"form\":\"odd (x)\"},{\"form\":\"(5)\"},{\"form\":\"e ()\"}]}\n]\n" },
    { DL_FORMAT_JSON, "", "[\n{\"forms\":[]}\n]\n" },
    { DL_FORMAT_TSV, "a (1), b (2)", "forms\na (1), b (2)\n" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *text = NULL;
      size_t size = 0;
      FILE *fp = open_memstream (&text, &size);
      DlWriter *w = dl_writer_new (fp, cases[i].format, columns, 1, NULL);
      const DlCell cell = { cases[i].cell, 0, 0 };
      dl_writer_row (w, DL_LANG_NONE, &cell);
      dl_writer_end (w);
      fclose (fp);
      DL_ASSERT_STR_EQ_FOR (cases[i].cell, text, cases[i].expected);
      free (text);
    }
}

void
test_output_suite (void)
{
  CU_pSuite s = CU_add_suite ("output", NULL, NULL);
  CU_add_test (s, "json_forms_array", test_json_forms_array);
  CU_add_test (s, "writer_list_in_every_format", test_writer_list_in_every_format);
  CU_add_test (s, "writer_html_page_escapes_everything", test_writer_html_page_escapes_everything);
  CU_add_test (s, "writer_concordance_node", test_writer_concordance_node);
  CU_add_test (s, "writer_empty_table", test_writer_empty_table);
  CU_add_test (s, "writer_text_fits_line_width", test_writer_text_fits_line_width);
  CU_add_test (s, "writer_text_wraps_prose", test_writer_text_wraps_prose);
  CU_add_test (s, "writer_paths_relative_for_people", test_writer_paths_relative_for_people);
  CU_add_test (s, "writer_groups_and_columns_off", test_writer_groups_and_columns_off);
  CU_add_test (s, "writer_undefined_number", test_writer_undefined_number);
  CU_add_test (s, "writer_block_and_empty_numbers", test_writer_block_and_empty_numbers);
}
