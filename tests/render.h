/* render.h — the HTML views as a person sees them: a page rendered by
 * headless Chromium (Debian's chromium-headless-shell) to a PNG screenshot
 * or to the DOM it built, and the screenshot's pixels read back (a PNG
 * decoder for Chromium's 8-bit RGB and RGBA images, on GIO's zlib). A test
 * that needs Chromium fails when it is missing: it never skips. */
#ifndef DL_TESTS_RENDER_H
#define DL_TESTS_RENDER_H

#include <glib.h>

/* Renders the page @html_path in a @width × @height window to the PNG
 * @png_path. FALSE with @error if Chromium is not installed or fails. */
gboolean render_html_png (const char *html_path, const char *png_path, guint width, guint height,
                          GError **error);

/* Sets *@dom to the DOM Chromium builds from @html_path, serialized (g_free).
 * FALSE with @error as render_html_png. */
gboolean render_html_dom (const char *html_path, char **dom, GError **error);

typedef struct {
  guint width, height;
  guint8 *rgba; /* width × height × 4 bytes, row by row */
} RenderImage;

/* Reads the PNG @path (8-bit RGB or RGBA, not interlaced) into @img.
 * FALSE with @error for anything else or a damaged file. */
gboolean render_png_load (const char *path, RenderImage *img, GError **error);
void render_image_clear (RenderImage *img);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderImage, render_image_clear)

/* The share of the pixels of the rectangle @x, @y, @w × @h (clipped to
 * the image) that are not near white (a channel below 230): 0 for a blank
 * area. */
double render_image_ink (const RenderImage *img, guint x, guint y, guint w, guint h);

#endif /* DL_TESTS_RENDER_H */
