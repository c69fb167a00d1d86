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

/* The ticks of an axis over [@lo, @hi], from one at or below @lo to one at
 * or above @hi: "nice" values (1, 2 or 5 times a power of ten, at most
 * 6 steps) for a linear one, powers of ten for a log one; at most @max
 * written to @ticks, their number returned. */
guint dl_svg_ticks (DlSvgScale scale, double lo, double hi, double *ticks, guint max);

G_END_DECLS

#endif /* DL_SVG_H */
