/* render.h — HTML reports as a person sees them, for the suites: headless
 * Chromium renders a page to a PNG screenshot or dumps the DOM it built, and
 * a small PNG decoder (GLib and GIO only) reads the screenshot back. */
#ifndef DL_TESTS_RENDER_H
#define DL_TESTS_RENDER_H

#include <glib.h>

/* How long one Chromium run may take before it is killed, in seconds. */
#define RENDER_TIMEOUT_SECONDS 60

/* Renders @html_path (a file) in a @width × @height window of headless
 * Chromium (chromium-headless-shell, else chromium, found on PATH) and
 * writes the screenshot to @png_path, replacing any file there. Each run has
 * a fresh profile and HOME, removed afterwards. Errors (DL_ERROR_IO): no
 * Chromium installed (the message says to install chromium-headless-shell),
 * no such HTML file, Chromium failing or taking over RENDER_TIMEOUT_SECONDS
 * (the message has its standard error), no screenshot written. */
gboolean render_html_png (const char *html_path, const char *png_path, guint width, guint height,
                          GError **error);

/* The DOM that headless Chromium built from @html_path, serialized
 * (--dump-dom), in *@dom (the caller's; NULL on failure). Errors as
 * render_html_png's. */
gboolean render_html_dom (const char *html_path, char **dom, GError **error);

/* A decoded image: @width × @height pixels of 4 bytes, R G B A, rows from
 * the top, no padding. */
typedef struct {
  guint width;
  guint height;
  guint8 *pixels; /* owned; free with render_image_clear */
} RenderImage;

/* Reads the PNG file @path into @img (its fields overwritten, not freed):
 * 8-bit RGB or RGBA, non-interlaced, any row filters — what Chromium's
 * screenshots are; RGB gets alpha 255. The signature, IHDR and the length of
 * the image data are checked, the CRCs are not. Errors: the file cannot be
 * read (DL_ERROR_IO); it is not a PNG, is truncated or corrupt, or is of
 * another kind of PNG (DL_ERROR_ENCODING). On failure @img is left empty. */
gboolean render_png_load (const char *path, RenderImage *img, GError **error);

/* Frees @img's pixels and empties it; an empty image may be cleared again. */
void render_image_clear (RenderImage *img);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RenderImage, render_image_clear)

/* The pixel at (@x, @y), 4 bytes R G B A, owned by @img; the point must be
 * inside the image. */
const guint8 *render_image_pixel (const RenderImage *img, guint x, guint y);

/* The fraction of the pixels in the @w × @h rectangle at (@x, @y) that are
 * ink: not near-white, some channel of R G B below 230. The rectangle must
 * be non-empty and inside the image (NaN otherwise, with a critical). */
double render_image_ink (const RenderImage *img, guint x, guint y, guint w, guint h);

#endif /* DL_TESTS_RENDER_H */
