/* test-svg.c — the SVG charts of the HTML views: ticks worked by hand,
 * the elements of a chart, escaping, points that cannot be drawn. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "svg.h"
#include "tests.h"

/* The ticks as "a b c". */
static char *
ticks_text (DlSvgScale scale, double lo, double hi)
{
  double t[16];
  guint n = dl_svg_ticks (scale, lo, hi, t, 16);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%g", i > 0 ? " " : "", t[i]);
  return g_string_free (s, FALSE);
}

static void
check_ticks (DlSvgScale scale, double lo, double hi, const char *expected)
{
  g_autofree char *got = ticks_text (scale, lo, hi);
  g_autofree char *label = g_strdup_printf ("[%g, %g]", lo, hi);
  DL_ASSERT_STR_EQ_FOR (label, got, expected);
}

static void
test_ticks (void)
{
  /* Linear: span / 6 rounded up to 1, 2 or 5 times a power of ten, from a
   * tick at or below lo to one at or above hi. 0..19: 19/6 = 3.2 → 5. */
  check_ticks (DL_SVG_LINEAR, 0, 19, "0 5 10 15 20");
  /* 0..1167: 194.5 → 200. */
  check_ticks (DL_SVG_LINEAR, 0, 1167, "0 200 400 600 800 1000 1200");
  /* 0..21015: 3502.5 → 5000. */
  check_ticks (DL_SVG_LINEAR, 0, 21015, "0 5000 10000 15000 20000 25000");
  /* 0.3..0.9: 0.1 → 0.1, both ends on ticks. */
  check_ticks (DL_SVG_LINEAR, 0.3, 0.9, "0.3 0.4 0.5 0.6 0.7 0.8 0.9");
  /* -7..7: 2.33 → 5. */
  check_ticks (DL_SVG_LINEAR, -7, 7, "-10 -5 0 5 10");
  /* One value: a span of itself. */
  check_ticks (DL_SVG_LINEAR, 0, 0, "0");
  /* Log: the powers of ten around the range. */
  check_ticks (DL_SVG_LOG, 1, 694, "1 10 100 1000");
  check_ticks (DL_SVG_LOG, 3, 40, "1 10 100");
  /* Nothing to tick. */
  check_ticks (DL_SVG_LINEAR, 5, 1, "");
  check_ticks (DL_SVG_LINEAR, NAN, 1, "");
}

/* How many times @needle is in @haystack. */
static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
test_line_chart (void)
{
  /* Two series on log axes, one with points a log axis cannot show. */
  const double x1[] = { 1, 10, 100 }, y1[] = { 100, 10, 1 };
  const double x2[] = { 1, 10, 0, 100 }, y2[] = { 50, NAN, 5, 2 };
  const DlSvgSeries series[] = { { "tr <&>", x1, y1, 3 }, { "en", x2, y2, 4 } };
  const DlSvgAxis x = { "rank \"r\"", DL_SVG_LOG }, y = { "freq", DL_SVG_LOG };
  g_autoptr (GString) s = g_string_new (NULL);
  dl_svg_line_chart (s, &x, &y, series, 2, "A <caption> & more");
  DL_ASSERT_STR_CONTAINS (s->str,
                          "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"");
  DL_ASSERT_INT_EQ (count (s->str, "<svg"), 1);
  DL_ASSERT_INT_EQ (count (s->str, "</svg>"), 1);
  /* Text escaped: the legend, the axis title, the caption. */
  DL_ASSERT_STR_CONTAINS (s->str, ">tr &lt;&amp;&gt;</text>");
  DL_ASSERT_STR_CONTAINS (s->str, ">rank &quot;r&quot;</text>");
  DL_ASSERT_STR_CONTAINS (s->str, "<figcaption>A &lt;caption&gt; &amp; more</figcaption>");
  DL_ASSERT_INT_EQ (count (s->str, "<caption>"), 0);
  /* Ticks 1 10 100 on both axes: 3 tick marks below, 3 grid lines. */
  DL_ASSERT_INT_EQ (count (s->str, "class=\"tick\""), 3);
  DL_ASSERT_INT_EQ (count (s->str, "class=\"grid\""), 3);
  DL_ASSERT_STR_CONTAINS (s->str, "text-anchor=\"middle\">100</text>");
  /* The first series from the top left (x 70, y 20) to the bottom right
   * (x 620, y 310) of the plot; the second leaves out (10, NaN) and
   * (0, 5): 50 is 1.699 of 2 decades up (y 63.6), 2 is 0.301 (y 266.4). */
  DL_ASSERT_STR_CONTAINS (s->str, " d=\"M70.0,20.0L345.0,165.0L620.0,310.0\"/>");
  DL_ASSERT_STR_CONTAINS (s->str, " d=\"M70.0,63.6L620.0,266.4\"/>");
  /* Told apart without colour: the second is dashed, markers differ. */
  DL_ASSERT_STR_CONTAINS (s->str, "stroke-dasharray=\"7 4\" d=\"M70.0,63.6");
  CU_ASSERT_TRUE (count (s->str, "<circle") >= 2);
  CU_ASSERT_TRUE (count (s->str, "<rect") >= 2);
  DL_ASSERT_INT_EQ (count (s->str, "nan"), 0);
  DL_ASSERT_INT_EQ (count (s->str, "inf"), 0);
}

void
test_svg_suite (void)
{
  CU_pSuite s = CU_add_suite ("svg", NULL, NULL);
  CU_add_test (s, "ticks", test_ticks);
  CU_add_test (s, "line_chart", test_line_chart);
}
