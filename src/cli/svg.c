/* svg.c — line charts as inline SVG. */
#include "config.h"

#include "svg.h"

#include <math.h>
#include <string.h>

#include "writer.h"

/* The plot area inside the picture. */
#define WIDTH 640
#define HEIGHT 360
#define LEFT 70
#define RIGHT 20
#define TOP 20
#define BOTTOM 50

static const struct {
  const char *dash;   /* stroke-dasharray, or NULL: solid */
  const char *colour; /* dark enough for greyscale print */
  const char *marker; /* shape at every few points */
} styles[DL_SVG_STYLES] = {
  { NULL, "#1f4e99", "circle" },
  { "7 4", "#b2311e", "square" },
  { "2 3", "#2d6a2d", "triangle" },
  { "9 3 2 3", "#555555", "diamond" },
};

static gboolean
drawable (DlSvgScale scale, double v)
{
  return isfinite (v) && (scale == DL_SVG_LINEAR || v > 0);
}

static double
scaled (DlSvgScale scale, double v)
{
  return scale == DL_SVG_LOG ? log10 (v) : v;
}

guint
dl_svg_ticks (DlSvgScale scale, double lo, double hi, double *ticks, guint max)
{
  guint n = 0;
  if (!(hi >= lo) || !isfinite (lo) || !isfinite (hi) || max == 0)
    return 0;
  if (scale == DL_SVG_LOG)
    {
      for (double p = floor (log10 (lo)); p <= ceil (log10 (hi)) && n < max; p++)
        ticks[n++] = pow (10, p);
      return n;
    }
  double span = hi > lo ? hi - lo : fabs (hi) > 0 ? fabs (hi) : 1;
  /* A step of 1, 2 or 5 times a power of ten giving at most 6 intervals. */
  double raw = span / 6, power = pow (10, floor (log10 (raw) + 1e-9)), step = power;
  double ratio = raw / power * (1 - 1e-9); /* 1.0000000001 is 1 */
  if (ratio > 5)
    step = 10 * power;
  else if (ratio > 2)
    step = 5 * power;
  else if (ratio > 1)
    step = 2 * power;
  /* From the last tick at or below @lo to the first at or above @hi, each
   * a whole number of steps (no sums drifting). */
  double first = floor (lo / step + 1e-9), last = ceil (hi / step - 1e-9);
  for (double k = first; k <= last && n < max; k++)
    {
      double t = k * step;
      ticks[n++] = fabs (t) < step * 1e-9 ? 0 : t;
    }
  return n;
}

/* A tick's text: a whole number as one, else the shortest %g. */
static void
tick_text (char *buf, gsize size, double v)
{
  if (fabs (v) < 1e15 && v == floor (v))
    g_snprintf (buf, size, "%.0f", v);
  else
    g_ascii_formatd (buf, size, "%g", v);
}

/* The range of @series on one axis (@x or y), drawable points only:
 * FALSE if there are none. */
static gboolean
range_of (const DlSvgSeries *series, guint n_series, gboolean x, DlSvgScale scale, double *lo,
          double *hi)
{
  gboolean any = FALSE;
  for (guint s = 0; s < n_series; s++)
    for (guint i = 0; i < series[s].n; i++)
      {
        double v = x ? series[s].x[i] : series[s].y[i];
        if (!drawable (scale, v))
          continue;
        if (!any || v < *lo)
          *lo = v;
        if (!any || v > *hi)
          *hi = v;
        any = TRUE;
      }
  return any;
}

typedef struct {
  DlSvgScale scale;
  double lo, hi; /* scaled */
  int from, to;  /* pixels */
} Axis;

static double
place (const Axis *a, double v)
{
  double t = a->hi > a->lo ? (scaled (a->scale, v) - a->lo) / (a->hi - a->lo) : 0.5;
  return a->from + t * (a->to - a->from);
}

/* The axis of @scale over the data range [@lo, @hi], widened to its ticks. */
static void
axis_init (Axis *a, DlSvgScale scale, double lo, double hi, int from, int to, double *ticks,
           guint *n_ticks)
{
  if (scale == DL_SVG_LINEAR && lo > 0)
    lo = 0; /* counts start at 0 */
  *n_ticks = dl_svg_ticks (scale, lo, hi, ticks, 12);
  a->scale = scale;
  a->lo = scaled (scale, *n_ticks > 0 ? MIN (lo, ticks[0]) : lo);
  a->hi = scaled (scale, *n_ticks > 0 ? MAX (hi, ticks[*n_ticks - 1]) : hi);
  a->from = from;
  a->to = to;
}

static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.1f", v));
}

static void
marker (GString *out, const char *shape, double x, double y, const char *colour)
{
  char cx[G_ASCII_DTOSTR_BUF_SIZE], cy[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (cx, sizeof cx, "%.1f", x);
  g_ascii_formatd (cy, sizeof cy, "%.1f", y);
  if (g_str_equal (shape, "circle"))
    g_string_append_printf (out, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>", cx, cy,
                            colour);
  else if (g_str_equal (shape, "square"))
    g_string_append_printf (out,
                            "<rect x=\"%s\" y=\"%s\" width=\"6\" height=\"6\" fill=\"%s\" "
                            "transform=\"translate(-3,-3)\"/>",
                            cx, cy, colour);
  else
    /* A triangle or a diamond around (x, y). */
    g_string_append_printf (out, "<path d=\"%s\" fill=\"%s\" transform=\"translate(%s,%s)\"/>",
                            g_str_equal (shape, "triangle") ? "M0,-4 L4,3 L-4,3 Z"
                                                            : "M0,-4 L4,0 L0,4 L-4,0 Z",
                            colour, cx, cy);
  g_string_append_c (out, '\n');
}

/* The axes' lines, ticks, grid and titles. */
static void
axes (GString *out, const Axis *ax, const Axis *ay, const double *xt, guint nx, const double *yt,
      guint ny, const DlSvgAxis *x, const DlSvgAxis *y)
{
  char buf[64];
  g_string_append_printf (out, "<path d=\"M%d,%d V%d H%d\" fill=\"none\" stroke=\"#222\"/>\n", LEFT,
                          TOP, HEIGHT - BOTTOM, WIDTH - RIGHT);
  for (guint i = 0; i < nx; i++)
    {
      double px = place (ax, xt[i]);
      tick_text (buf, sizeof buf, xt[i]);
      g_string_append (out, "<line class=\"tick\" x1=\"");
      append_number (out, px);
      g_string_append_printf (out, "\" y1=\"%d\" x2=\"", HEIGHT - BOTTOM);
      append_number (out, px);
      g_string_append_printf (out, "\" y2=\"%d\" stroke=\"#222\"/><text x=\"", HEIGHT - BOTTOM + 5);
      append_number (out, px);
      g_string_append_printf (out, "\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                              HEIGHT - BOTTOM + 18, buf);
    }
  for (guint i = 0; i < ny; i++)
    {
      double py = place (ay, yt[i]);
      tick_text (buf, sizeof buf, yt[i]);
      g_string_append_printf (out, "<line class=\"grid\" x1=\"%d\" y1=\"", LEFT);
      append_number (out, py);
      g_string_append_printf (out, "\" x2=\"%d\" y2=\"", WIDTH - RIGHT);
      append_number (out, py);
      g_string_append_printf (out, "\" stroke=\"#ddd\"/><text x=\"%d\" y=\"", LEFT - 6);
      append_number (out, py + 4);
      g_string_append_printf (out, "\" text-anchor=\"end\">%s</text>\n", buf);
    }
  g_string_append_printf (out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">",
                          (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8);
  dl_writer_escape_html (out, x->label);
  g_string_append_printf (out,
                          "</text>\n<text transform=\"translate(16,%d) rotate(-90)\" "
                          "text-anchor=\"middle\">",
                          (TOP + HEIGHT - BOTTOM) / 2);
  dl_writer_escape_html (out, y->label);
  g_string_append (out, "</text>\n");
}

/* One series: its line, a marker every few points, its legend entry. */
static void
series_path (GString *out, const DlSvgSeries *s, guint k, const Axis *ax, const Axis *ay)
{
  g_string_append_printf (out,
                          "<path class=\"series\" fill=\"none\" stroke=\"%s\" "
                          "stroke-width=\"2\"",
                          styles[k].colour);
  if (styles[k].dash != NULL)
    g_string_append_printf (out, " stroke-dasharray=\"%s\"", styles[k].dash);
  g_string_append (out, " d=\"");
  gboolean first = TRUE;
  for (guint i = 0; i < s->n; i++)
    if (drawable (ax->scale, s->x[i]) && drawable (ay->scale, s->y[i]))
      {
        g_string_append_c (out, first ? 'M' : 'L');
        append_number (out, place (ax, s->x[i]));
        g_string_append_c (out, ',');
        append_number (out, place (ay, s->y[i]));
        first = FALSE;
      }
  g_string_append (out, "\"/>\n");
  guint every = MAX (1u, s->n / 8);
  for (guint i = 0; i < s->n; i += every)
    if (drawable (ax->scale, s->x[i]) && drawable (ay->scale, s->y[i]))
      marker (out, styles[k].marker, place (ax, s->x[i]), place (ay, s->y[i]), styles[k].colour);
  /* The legend, top left inside the plot. */
  int ly = TOP + 14 + 18 * (int) k;
  g_string_append_printf (out,
                          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                          "stroke-width=\"2\"",
                          LEFT + 12, ly - 4, LEFT + 42, ly - 4, styles[k].colour);
  if (styles[k].dash != NULL)
    g_string_append_printf (out, " stroke-dasharray=\"%s\"", styles[k].dash);
  g_string_append (out, "/>");
  marker (out, styles[k].marker, LEFT + 27, ly - 4, styles[k].colour);
  g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">", LEFT + 48, ly);
  dl_writer_escape_html (out, s->name);
  g_string_append (out, "</text>\n");
}

void
dl_svg_line_chart (GString *out, const DlSvgAxis *x, const DlSvgAxis *y, const DlSvgSeries *series,
                   guint n_series, const char *caption)
{
  n_series = MIN (n_series, DL_SVG_STYLES);
  g_string_append_printf (out,
                          "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n",
                          WIDTH, HEIGHT, WIDTH, HEIGHT);
  double xlo = 0, xhi = 1, ylo = 0, yhi = 1, xt[12], yt[12];
  range_of (series, n_series, TRUE, x->scale, &xlo, &xhi);
  range_of (series, n_series, FALSE, y->scale, &ylo, &yhi);
  Axis ax, ay;
  guint nx, ny;
  axis_init (&ax, x->scale, xlo, xhi, LEFT, WIDTH - RIGHT, xt, &nx);
  axis_init (&ay, y->scale, ylo, yhi, HEIGHT - BOTTOM, TOP, yt, &ny);
  axes (out, &ax, &ay, xt, nx, yt, ny, x, y);
  for (guint s = 0; s < n_series; s++)
    series_path (out, &series[s], s, &ax, &ay);
  g_string_append (out, "</svg>\n<figcaption>");
  dl_writer_escape_html (out, caption);
  g_string_append (out, "</figcaption>\n</figure>\n");
}

/* Barcode geometry, in pixels: the labels take at most CODE_LABEL. */
#define CODE_LABEL 220
#define CODE_LABEL_MIN 60
#define CODE_CHAR 7 /* about a character of the 12-pixel font */
#define CODE_BAR 600
#define CODE_ROW 20
#define CODE_TOP 10

/* One barcode row at @y: its label (a link with @row->href), its frame,
 * its marks, its value. */
static void
barcode_row (GString *out, const DlSvgBarcodeRow *row, guint y, guint label)
{
  g_string_append (out, "<g class=\"row\">");
  if (row->href != NULL)
    {
      g_string_append (out, "<a href=\"");
      dl_writer_escape_html (out, row->href);
      g_string_append (out, "\">");
    }
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", label - 6, y + 13);
  dl_writer_escape_html (out, row->label);
  g_string_append (out, row->href != NULL ? "</text></a>\n" : "</text>\n");
  g_string_append_printf (out,
                          "<rect x=\"%u\" y=\"%u\" width=\"%d\" height=\"16\" "
                          "fill=\"none\" stroke=\"#888\"/>\n",
                          label, y, CODE_BAR);
  char x[G_ASCII_DTOSTR_BUF_SIZE], last[G_ASCII_DTOSTR_BUF_SIZE] = "";
  for (guint64 h = 0; h < row->n_positions; h++)
    {
      double at = label + ((double) row->positions[h] + 0.5) * CODE_BAR / (double) row->size;
      g_ascii_formatd (x, sizeof x, "%.1f", at);
      if (strcmp (x, last) == 0)
        continue; /* on the mark before: a dense word stays a few KiB */
      g_string_append_printf (out,
                              "<line x1=\"%s\" y1=\"%u\" x2=\"%s\" y2=\"%u\" "
                              "stroke=\"#c00\"/>\n",
                              x, y + 1, x, y + 15);
      memcpy (last, x, sizeof last);
    }
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\">", label + CODE_BAR + 6, y + 13);
  dl_writer_escape_html (out, row->value);
  g_string_append (out, "</text></g>\n");
}

void
dl_svg_barcode (GString *out, const DlSvgBarcodeRow *rows, guint n, const char *axis_label,
                const char *caption)
{
  /* Room for the longest label, within bounds. */
  guint label = CODE_LABEL_MIN;
  for (guint i = 0; i < n; i++)
    label = MAX (label, (guint) g_utf8_strlen (rows[i].label, -1) * CODE_CHAR + 12);
  label = MIN (label, CODE_LABEL);
  guint height = CODE_TOP + n * CODE_ROW + 46, width = label + CODE_BAR + 60;
  g_string_append_printf (out,
                          "<figure class=\"plot\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n",
                          width, height, width, height);
  for (guint i = 0; i < n; i++)
    barcode_row (out, &rows[i], CODE_TOP + i * CODE_ROW, label);
  guint axis = CODE_TOP + n * CODE_ROW + 14;
  for (int k = 0; k <= 4; k++)
    g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\">%d%%</text>\n",
                            label + (guint) k * CODE_BAR / 4, axis, k * 25);
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\">",
                          label + CODE_BAR / 2, axis + 16);
  dl_writer_escape_html (out, axis_label);
  g_string_append (out, "</text>\n</svg>\n<figcaption>");
  dl_writer_escape_html (out, caption);
  g_string_append (out, "</figcaption>\n</figure>\n");
}

void
dl_svg_bar (GString *out, double value, double lo, double hi, guint width)
{
  g_return_if_fail (lo <= 0 && hi >= 0 && lo < hi);
  double v = isfinite (value) ? CLAMP (value, lo, hi) : 0;
  double zero = -lo / (hi - lo) * width, end = (v - lo) / (hi - lo) * width;
  double x = MIN (zero, end), w = fabs (end - zero);
  g_string_append_printf (out,
                          "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" "
                          "height=\"12\" aria-hidden=\"true\"><rect x=\"",
                          width);
  append_number (out, v < 0 ? x + 0.5 : x);
  g_string_append (out, "\" y=\"1.5\" width=\"");
  append_number (out, v < 0 ? MAX (0.0, w - 1) : w);
  g_string_append (out, v < 0 ? "\" height=\"9\" fill=\"#fff\" stroke=\"#444\"/>"
                              : "\" height=\"9\" fill=\"#444\"/>");
  g_string_append (out, "<line x1=\"");
  append_number (out, zero);
  g_string_append (out, "\" y1=\"0\" x2=\"");
  append_number (out, zero);
  g_string_append (out, "\" y2=\"12\" stroke=\"#000\"/></svg>");
}
