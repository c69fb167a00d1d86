/* svg.h — charts as inline SVG for the HTML views (dl_writer_block): a line
 * chart of series over linear or log10 axes, with ticks, axis labels, a
 * legend and a caption. Series are told apart by dash pattern and marker,
 * not by colour alone, so they read in greyscale print; every text is
 * escaped; points that cannot be drawn (non-finite, or not above 0 on a log
 * axis) are left out. */
#ifndef DL_SVG_H
#define DL_SVG_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum { DL_SVG_LINEAR, DL_SVG_LOG } DlSvgScale;

typedef struct {
  const char *label; /* the axis title */
  DlSvgScale scale;
} DlSvgAxis;

typedef struct {
  const char *name; /* in the legend */
  const double *x, *y;
  guint n;
} DlSvgSeries;

/* The number of series a chart tells apart (dash and marker styles). */
#define DL_SVG_STYLES 4

/* Appends a <figure> with the line chart of @series (at most
 * DL_SVG_STYLES) over @x and @y, and @caption, to @out. */
void dl_svg_line_chart (GString *out, const DlSvgAxis *x, const DlSvgAxis *y,
                        const DlSvgSeries *series, guint n_series, const char *caption);

/* A row of a barcode plot: a band of @size places with a mark at each of
 * @positions (ascending, each below @size). */
typedef struct {
  const char *label; /* at the left */
  const char *href;  /* the label links there ("#id"), or NULL */
  const guint64 *positions;
  guint64 n_positions;
  guint64 size;
  const char *value; /* at the right (the marks' count) */
} DlSvgBarcodeRow;

/* Appends a <figure> with the barcode plot of @rows (AntConc's Plot view):
 * a framed band per row, a thin line where each position falls (marks that
 * fall on one pixel drawn once), 0–100 % ticks under them with @axis_label,
 * and @caption. */
void dl_svg_barcode (GString *out, const DlSvgBarcodeRow *rows, guint n, const char *axis_label,
                     const char *caption);

/* Appends an inline bar for a table cell: @value on a scale from @lo to
 * @hi (lo ≤ 0 ≤ hi, lo < hi), @width pixels wide, drawn from 0, a
 * positive one filled, a negative one outlined (told apart in greyscale),
 * a thin line at 0. */
void dl_svg_bar (GString *out, double value, double lo, double hi, guint width);

/* The ticks of an axis over [@lo, @hi], from one at or below @lo to one at
 * or above @hi: "nice" values (1, 2 or 5 times a power of ten, at most
 * 6 steps) for a linear one, powers of ten for a log one; at most @max
 * written to @ticks, their number returned. */
guint dl_svg_ticks (DlSvgScale scale, double lo, double hi, double *ticks, guint max);

G_END_DECLS

#endif /* DL_SVG_H */
