/* test-cli-compare.c — `derlem compare`: shared and unique vocabulary
 * counted by hand, the summary equal to stats', the keywords equal to
 * keyness', the band coverage equal to freq's list, escaped corpus text in
 * well-formed HTML, the formats, usage and data errors. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "tests.h"

#define DATA "tests/data/compare/"

/* @haystack does not contain @needle. */
#define ASSERT_LACKS(haystack, needle)                                                             \
  DL_ASSERT_TRUE_FOR (needle, strstr (haystack, needle) == NULL)

/* The lines of @text from the one equal to @from up to (without) the next
 * line starting with @until (owned). */
static char *
section (const char *text, const char *from, const char *until)
{
  const char *p = strstr (text, from);
  if (p == NULL)
    return g_strdup ("");
  const char *end = strstr (p + strlen (from), until);
  return end != NULL ? g_strndup (p, (gsize) (end - p)) : g_strdup (p);
}

static void
test_compare_overlap_by_hand (void)
{
  /* a.txt: the river runs past the old mill and the river bends: 11
   * tokens, 8 forms; b.txt: an old mill stands by the river and rivers run
   * on: 11 tokens, 11 forms. Shared forms the river old mill and: 5 of 14,
   * Jaccard 5/14. Stems: a's 8 (runs → run, bends → bend), b's 10 (rivers
   * → river, stands → stand), shared the river run old mill and: 6 of 12. */
  CliRun r = cli_run (
      "$DERLEM compare --assume-lang en --format markdown " DATA "a.txt --ref " DATA "b.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "| word forms | 8 | 11 | 5 | 14 | 0.3571 |\n"
                                 "| stems | 8 | 10 | 6 | 12 | 0.5000 |\n");
  DL_ASSERT_STR_CONTAINS (r.out, "| tokens | 11 | 11 |\n| types | 8 | 11 |\n");
  /* Shared words (stopwords left out), the target's most frequent first. */
  DL_ASSERT_STR_CONTAINS (r.out, "| in both | target | reference |\n|---|---:|---:|\n"
                                 "| river | 2 | 1 |\n| mill | 1 | 1 |\n| old | 1 | 1 |\n");
  /* No language but English: no Turkish section. */
  ASSERT_LACKS (r.out, "## Turkish");
  DL_ASSERT_STR_CONTAINS (r.out, "tr: the inputs have no tokens of it, nothing to compare.");
  cli_run_clear (&r);
}

static void
test_compare_summary_equals_stats (void)
{
  /* The summary's columns are stats' total rows, Turkish and English. */
  CliRun want
      = cli_run ("$DERLEM stats --format tsv corpus 2>/dev/null | awk -F '\\t' '$2 == \"\"' | "
                 "awk -F '\\t' '{ for (i = 3; i <= 14; i++) v[NR, i] = $i } END { "
                 "split(\"3 4 5 6 7 9 10 8 11 12 13 14\", col, \" \"); "
                 "split(\"tokens;types;TTR;STTR (1,000 tokens);hapax;hapax %;dis;mean length;"
                 "stems/types;lines;Yule'\\''s K;MTLD\", name, \";\"); "
                 "for (k = 1; k <= 12; k++) printf \"| %s | %s | %s |\\n\", name[k], v[1, col[k]], "
                 "v[2, col[k]] }'",
                 NULL);
  CliRun got = cli_run ("$DERLEM compare --format markdown corpus 2>/dev/null | "
                        "sed -n '/^| tokens /,/^| MTLD /p'",
                        NULL);
  DL_ASSERT_INT_EQ (got.status, 0);
  DL_ASSERT_STR_CONTAINS (want.out, "| tokens | 21015 | 4815 |\n");
  DL_ASSERT_STR_EQ (got.out, want.out);
  cli_run_clear (&want);
  cli_run_clear (&got);
}

/* The rows "item a b ll log_ratio" of a table of @text's lines "| rank |
 * item | a | b | ll | log ratio |", or of TSV lines of keyness. */
static GPtrArray *
keyword_rows (const char *text, gboolean tsv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = tsv ? 1 : 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (lines[i], tsv ? "\t" : " | ", -1);
      if (g_strv_length (f) < 6)
        continue;
      /* TSV: lang item a b ll log_ratio; Markdown: "| rank" item a b ll lr. */
      char *row[] = { g_strdup (f[1]), g_strdup (f[2]), g_strdup (f[3]),
                      g_strdup (f[4]), g_strdup (f[5]), NULL };
      g_ptr_array_add (rows, g_strdupv (row));
      for (guint k = 0; k < 5; k++)
        g_free (row[k]);
    }
  return rows;
}

static void
test_compare_keywords_equal_keyness (void)
{
  /* With --ref, the keywords of each side are keyness' (with the same
   * stoplist), both ways: the same items in the same order with the same
   * counts, LL and Log Ratio equal to their two decimals. keyness shows
   * the text's apostrophe, compare the counted one. */
  static const char *const ways[][3]
      = { { "corpus/article-tr-*.txt", "--ref corpus/commentary-tr-karabag-2023.txt", "target" },
          { "corpus/commentary-tr-karabag-2023.txt",
            "$(for f in corpus/article-tr-*.txt; do printf -- '--ref %s ' $f; done)",
            "reference" } };
  for (gsize w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_autofree char *keyness
          = g_strdup_printf ("$DERLEM keyness --lang tr --stoplist default --top 12 --format tsv "
                             "%s %s 2>/dev/null | sed \"s/’/'/g\"",
                             ways[w][0], ways[w][1]);
      g_autofree char *compare = g_strdup_printf (
          "$DERLEM compare --lang tr --top 12 --format markdown corpus/article-tr-*.txt "
          "--ref corpus/commentary-tr-karabag-2023.txt 2>/dev/null | "
          "sed -n '/^### Keywords of %s against/,/^Words/p' | grep '^| [0-9]' | sed 's/ |$//'",
          ways[w][2]);
      CliRun want = cli_run (keyness, NULL), got = cli_run (compare, NULL);
      g_autoptr (GPtrArray) a = keyword_rows (want.out, TRUE);
      g_autoptr (GPtrArray) b = keyword_rows (got.out, FALSE);
      DL_ASSERT_INT_EQ (a->len, 12);
      DL_ASSERT_INT_EQ (b->len, a->len);
      for (guint i = 0; i < MIN (a->len, b->len); i++)
        {
          char **x = a->pdata[i], **y = b->pdata[i];
          DL_ASSERT_STR_EQ_FOR (x[0], y[0], x[0]);
          DL_ASSERT_STR_EQ_FOR (x[0], y[1], x[1]);
          DL_ASSERT_STR_EQ_FOR (x[0], y[2], x[2]);
          DL_ASSERT_DOUBLE_NEAR_FOR (x[0], g_ascii_strtod (y[3], NULL), g_ascii_strtod (x[3], NULL),
                                     0.005 + 1e-9);
          DL_ASSERT_DOUBLE_NEAR_FOR (x[0], g_ascii_strtod (y[4], NULL), g_ascii_strtod (x[4], NULL),
                                     0.005 + 1e-9);
        }
      cli_run_clear (&want);
      cli_run_clear (&got);
    }
}

static void
test_compare_bands_equal_freq (void)
{
  /* The share of tokens the 100 and 500 most frequent types cover, from
   * freq's list without a stoplist (ties do not matter: their counts do). */
  CliRun want
      = cli_run ("$DERLEM freq --stoplist none --format tsv corpus 2>/dev/null | awk -F '\\t' "
                 "'NR > 1 { t[$1] += $4; if ($2 <= 100) a[$1] += $4; if ($2 <= 500) b[$1] += $4 }"
                 " END { printf \"| 100 | %.1f | %.1f |\\n| 500 | %.1f | %.1f |\\n\", "
                 "100 * a[\"tr\"] / t[\"tr\"], 100 * a[\"en\"] / t[\"en\"], "
                 "100 * b[\"tr\"] / t[\"tr\"], 100 * b[\"en\"] / t[\"en\"] }'",
                 NULL);
  CliRun got = cli_run (
      "$DERLEM compare --format markdown corpus 2>/dev/null | grep -E '^\\| (100|500) \\|'", NULL);
  DL_ASSERT_STR_EQ (got.out, want.out);
  DL_ASSERT_STR_EQ (got.out, "| 100 | 31.7 | 62.3 |\n| 500 | 54.8 | 86.1 |\n");
  cli_run_clear (&want);
  cli_run_clear (&got);
}

/* Elements HTML closes by itself. */
static gboolean
void_element (const char *name)
{
  static const char *const names[] = { "meta", "br", "hr", "img", "input", "link", NULL };
  return g_strv_contains (names, name);
}

/* Checks that @html's elements nest: every start tag closed in order
 * (void elements and self-closed SVG ones aside), and that no tag is a
 * script. */
static void
assert_well_formed (const char *html)
{
  g_autoptr (GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      if (g_str_has_prefix (p, "<!DOCTYPE"))
        continue;
      gboolean closing = p[1] == '/';
      const char *name = p + 1 + closing;
      gsize len = strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789");
      DL_ASSERT_TRUE_FOR ("a tag has a name", len > 0);
      if (len == 0)
        return;
      g_autofree char *tag = g_strndup (name, len);
      DL_ASSERT_TRUE_FOR ("no script", strcmp (tag, "script") != 0);
      const char *end = strchr (name, '>');
      DL_ASSERT_TRUE_FOR ("a tag ends", end != NULL);
      if (end == NULL)
        return;
      if (closing)
        {
          DL_ASSERT_TRUE_FOR ("a closing tag closes the open one",
                              open->len > 0 && strcmp (open->pdata[open->len - 1], tag) == 0);
          if (open->len > 0)
            g_ptr_array_set_size (open, open->len - 1);
        }
      else if (end[-1] != '/' && !void_element (tag))
        g_ptr_array_add (open, g_steal_pointer (&tag));
    }
  DL_ASSERT_INT_EQ (open->len, 0);
}

static void
test_compare_html_escaped (void)
{
  /* hostile.txt's lines have <script>, <b>, & and quotes around "war", the
   * keyword whose concordance shows them: all escaped, the page nests. */
  CliRun r = cli_run ("$DERLEM compare --assume-lang en --min-freq 2 --lines 6 " DATA
                      "hostile.txt --ref " DATA "calm.txt",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_TRUE_FOR ("the page", g_str_has_prefix (r.out, "<!DOCTYPE html>\n<html lang=\"en\">"));
  ASSERT_LACKS (r.out, "<script");
  ASSERT_LACKS (r.out, "<b>");
  DL_ASSERT_STR_CONTAINS (r.out, "&lt;script&gt;alert(1)&lt;/script&gt;");
  DL_ASSERT_STR_CONTAINS (r.out, "<pre lang=\"en\">hostile.txt:1\n"
                                 "                            The  <mark>war</mark>  &amp; the "
                                 "&lt;script&gt;alert(1)&lt;/scrip\n");
  DL_ASSERT_STR_CONTAINS (r.out, "no peace: &quot; <mark>war</mark> &quot; &lt;i&gt;again");
  /* The keyword's row links to its concordance. */
  DL_ASSERT_STR_CONTAINS (r.out, "<a href=\"#en-a-1\">war</a>");
  DL_ASSERT_STR_CONTAINS (r.out, "<h4 id=\"en-a-1\">war: 6 hits in 1 of 1 files, DP 0.00</h4>");
  assert_well_formed (r.out);
  cli_run_clear (&r);
  /* The report of the corpus nests too, its charts inline SVG. */
  r = cli_run ("$DERLEM compare corpus 2>/dev/null", NULL);
  assert_well_formed (r.out);
  g_autofree char *svg = section (r.out, "<h3>Vocabulary growth</h3>", "<h3>");
  DL_ASSERT_STR_CONTAINS (svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
  DL_ASSERT_STR_CONTAINS (svg, ">Turkish</text>");
  DL_ASSERT_STR_CONTAINS (svg, ">English</text>");
  DL_ASSERT_STR_CONTAINS (svg, "<figcaption>Type–token growth");
  cli_run_clear (&r);
}

static void
test_compare_text_fits_and_turkish (void)
{
  /* Text: no line wider than 80 columns (display width), the charts as
   * tables, the barcodes as text. */
  CliRun r = cli_run ("$DERLEM compare --format text corpus 2>/dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    DL_ASSERT_TRUE_FOR (lines[i], g_utf8_strlen (lines[i], -1) <= 80);
  DL_ASSERT_STR_CONTAINS (r.out, "\n 100%         21015     6335          4815     1167\n");
  DL_ASSERT_STR_CONTAINS (r.out, "\nazerbaycan    [");
  cli_run_clear (&r);
  /* Turkish headings with LANGUAGE=tr, and the page says it is Turkish. */
  r = cli_run ("$DERLEM compare corpus 2>/dev/null", "tr");
  DL_ASSERT_STR_CONTAINS (r.out, "<html lang=\"tr\">");
  DL_ASSERT_STR_CONTAINS (r.out, "<h2 id=\"tr-en\">Türkçe ve İngilizce</h2>");
  DL_ASSERT_STR_CONTAINS (r.out, "<h3>Özet</h3>");
  cli_run_clear (&r);
}

static void
test_compare_errors (void)
{
  CliRun r = cli_run_usage_error ("$DERLEM compare --format tsv corpus", "report for people");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM compare --lines 11 corpus", "'11' for --lines");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM compare --top 0 corpus", "'0' for --top");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM compare --lang tr corpus", "compares Turkish and English");
  cli_run_clear (&r);
  /* English alone, no reference: nothing to compare, exit 1, nothing out. */
  r = cli_run ("$DERLEM compare corpus/commentary-en-karabakh-liberation.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "nothing to compare: the inputs have no tr tokens");
  DL_ASSERT_STR_EQ (r.out, "");
  cli_run_clear (&r);
  /* -o is left alone when the run fails. */
  r = cli_run ("f=$(mktemp) && echo keep > \"$f\" && "
               "$DERLEM compare -o \"$f\" corpus/commentary-en-karabakh-liberation.txt; "
               "cat \"$f\"; rm -f \"$f\"",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "keep\n");
  cli_run_clear (&r);
}

/* Occurrences of @needle in @haystack. */
static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Pixels of @img in the rectangle near the colour @rgb (each channel
 * within 40). */
static guint
pixels_near (const RenderImage *img, guint x, guint y, guint w, guint h, guint32 rgb)
{
  guint n = 0;
  for (guint j = y; j < MIN (img->height, y + h); j++)
    for (guint i = x; i < MIN (img->width, x + w); i++)
      {
        const guint8 *p = img->pixels + ((gsize) j * img->width + i) * 4;
        n += ABS (p[0] - (int) (rgb >> 16)) < 40 && ABS (p[1] - (int) ((rgb >> 8) & 0xff)) < 40
             && ABS (p[2] - (int) (rgb & 0xff)) < 40;
      }
  return n;
}

static void
test_compare_rendered (void)
{
  /* The bundled corpus's report in headless Chromium: the page is drawn
     (text, tables, both charts' series in their colours), and the DOM the
     browser built from it has every SVG with its parts. No Chromium is a
     failure, not a skip. */
  g_autofree char *dir = g_dir_make_tmp ("derlem-render-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *html = g_build_filename (dir, "report.html", NULL);
  g_autofree char *png = g_build_filename (dir, "report.png", NULL);
  g_autofree char *cmd = g_strdup_printf ("$DERLEM compare -o '%s' corpus", html);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  g_autoptr (GError) error = NULL;
  gboolean shot = render_html_png (html, png, 900, 2000, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "screenshot", shot);
  g_auto (RenderImage) img = { 0, 0, NULL };
  gboolean read = shot && render_png_load (png, &img, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "PNG", read);
  if (read)
    {
      DL_ASSERT_INT_EQ (img.width, 900);
      DL_ASSERT_INT_EQ (img.height, 2000);
      /* Not blank, not a black page: the summary table's text... */
      double top = render_image_ink (&img, 0, 0, 900, 500);
      DL_ASSERT_TRUE_FOR ("ink at the top", top > 0.01 && top < 0.5);
      /* ...and the charts below it: both series of the growth curve and of
         the Zipf plot, in the colours svg.c gives them. */
      DL_ASSERT_TRUE_FOR ("Turkish series", pixels_near (&img, 0, 500, 900, 1000, 0x1f4e99) > 300);
      DL_ASSERT_TRUE_FOR ("English series", pixels_near (&img, 0, 500, 900, 1000, 0xb2311e) > 300);
      /* The page's margins stay white. */
      DL_ASSERT_TRUE_FOR ("left margin", render_image_ink (&img, 0, 0, 20, 2000) == 0);
    }
  g_autofree char *dom = NULL;
  gboolean built = render_html_dom (html, &dom, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "DOM", built);
  if (built)
    {
      /* Two line charts, two barcodes, a bar per number of the bands and
         keyword tables; each chart with two series and a caption. */
      DL_ASSERT_INT_EQ (count (dom, "<svg class=\"bar\""), 7 * 2 + 20 * 2 * 2);
      DL_ASSERT_INT_EQ (count (dom, "<figure class=\"chart\">"), 2);
      DL_ASSERT_INT_EQ (count (dom, "<figure class=\"plot\">"), 2);
      DL_ASSERT_INT_EQ (count (dom, "<path class=\"series\""), 4);
      DL_ASSERT_INT_EQ (count (dom, "<figcaption>"), 4);
      DL_ASSERT_INT_EQ (count (dom, "<g class=\"row\">"), 20);
      DL_ASSERT_TRUE_FOR ("barcode marks", count (dom, "stroke=\"#c00\"") > 500);
      DL_ASSERT_INT_EQ (count (dom, "<script"), 0);
    }
  cli_remove_dir (dir);
}

static void
test_png_reader_refuses_bad_files (void)
{
  /* Not a PNG, a truncated one: errors, no crash. */
  g_autoptr (GError) error = NULL;
  g_auto (RenderImage) img = { 0, 0, NULL };
  DL_ASSERT_TRUE_FOR ("text", !render_png_load (TEST_SRCDIR "/README.md", &img, &error));
  DL_ASSERT_STR_CONTAINS (error->message, "not a PNG file");
  g_clear_error (&error);
  g_autofree char *png = NULL;
  gsize len;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (TEST_SRCDIR "/doc/compare.png", &png, &len, NULL));
  DL_ASSERT_TRUE_FOR ("whole", render_png_load (TEST_SRCDIR "/doc/compare.png", &img, &error));
  render_image_clear (&img);
  char *cut = dl_test_temp_file ("cut.png", png, (gssize) (len / 2));
  DL_ASSERT_TRUE_FOR ("truncated", !render_png_load (cut, &img, &error));
  DL_ASSERT_TRUE_FOR ("truncated: an error", error != NULL);
  dl_test_temp_remove (cut);
}

void
test_cli_compare_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-compare", NULL, NULL);
  CU_add_test (s, "overlap by hand", test_compare_overlap_by_hand);
  CU_add_test (s, "summary equals stats", test_compare_summary_equals_stats);
  CU_add_test (s, "keywords equal keyness", test_compare_keywords_equal_keyness);
  CU_add_test (s, "bands equal freq", test_compare_bands_equal_freq);
  CU_add_test (s, "HTML escaped and well formed", test_compare_html_escaped);
  CU_add_test (s, "text fits, Turkish headings", test_compare_text_fits_and_turkish);
  CU_add_test (s, "errors", test_compare_errors);
  CU_add_test (s, "rendered in Chromium", test_compare_rendered);
  CU_add_test (s, "PNG reader refuses bad files", test_png_reader_refuses_bad_files);
}
