/* test-render.c — tests/render.c: the PNG decoder on fixtures with every
 * row filter and on broken files; headless Chromium's screenshot and DOM of
 * pages whose every pixel and element is known. Chromium must be installed:
 * without it the Chromium tests fail (they say what to install). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "error.h"
#include "render.h"
#include "tests.h"

/* The fixtures' pixels: tests/data/render/make-png.py, whose formula this
 * is, wrote them with every filter and checked them with PIL. */
static void
fixture_pixel (guint x, guint y, guint8 p[4])
{
  p[0] = (guint8) ((40 * x + 7 * y) % 256);
  p[1] = (guint8) (60 * ((31 * x * x + 17 * y * y + 7 * x * y + 13 * (x ^ y)) % 5));
  p[2] = (guint8) (85 * ((3 * x + 5 * y * y + x * y) % 4));
  /* (255 - 20x - 5y) mod 256, kept non-negative for x < 16, y < 20. */
  p[3] = (guint8) ((255 + 512 - 20 * x - 5 * y) % 256);
}

static void
check_fixture (const char *path, gboolean alpha)
{
  g_auto (RenderImage) img = { 0 };
  g_autoptr (GError) error = NULL;
  DL_ASSERT_TRUE_FOR (path, render_png_load (path, &img, &error));
  CU_ASSERT_PTR_NULL_FATAL (error);
  DL_ASSERT_INT_EQ_FOR (path, img.width, 16);
  DL_ASSERT_INT_EQ_FOR (path, img.height, 20);
  guint wrong = 0;
  for (guint y = 0; y < img.height; y++)
    for (guint x = 0; x < img.width; x++)
      {
        guint8 expected[4];
        fixture_pixel (x, y, expected);
        if (!alpha)
          expected[3] = 255;
        wrong += memcmp (render_image_pixel (&img, x, y), expected, 4) != 0;
      }
  DL_ASSERT_INT_EQ_FOR (path, wrong, 0);
}

static void
test_png_filters (void)
{
  /* Rows filtered None, Sub, Up, Average, Paeth, four times over; Paeth
   * meets ties that decide its prediction. */
  check_fixture (TEST_DATA ("render/rgb.png"), FALSE);
  check_fixture (TEST_DATA ("render/rgba.png"), TRUE);
}

/* render_png_load on @bytes (@len of them) fails with @code and a message
 * containing @message, leaving the image empty. */
static void
check_rejected (const char *label, const void *bytes, gsize len, int code, const char *message)
{
  char *path = dl_test_temp_file ("bad.png", bytes, (gssize) len);
  g_auto (RenderImage) img = { 0 };
  g_autoptr (GError) error = NULL;
  DL_ASSERT_TRUE_FOR (label, !render_png_load (path, &img, &error));
  DL_ASSERT_TRUE_FOR (label, g_error_matches (error, DL_ERROR, code));
  DL_ASSERT_STR_CONTAINS_FOR (label, error ? error->message : NULL, message);
  DL_ASSERT_TRUE_FOR (label, img.pixels == NULL && img.width == 0 && img.height == 0);
  dl_test_temp_remove (path);
}

/* rgb.png with byte @at set to @value (IHDR's data starts at byte 16; the
 * CRCs are not checked). */
static void
check_patched (const char *label, gsize at, guint8 value, const char *message)
{
  g_autofree char *png = NULL;
  gsize len;
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("render/rgb.png"), &png, &len, NULL));
  CU_ASSERT_FATAL (at < len);
  png[at] = (char) value;
  check_rejected (label, png, len, DL_ERROR_ENCODING, message);
}

static void
test_png_rejects (void)
{
  const char *html = "<!DOCTYPE html><p>not a picture</p>\n";
  check_rejected ("HTML", html, strlen (html), DL_ERROR_ENCODING, "not a PNG file");
  check_rejected ("empty", "", 0, DL_ERROR_ENCODING, "not a PNG file");
  g_autofree char *png = NULL;
  gsize len;
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("render/rgb.png"), &png, &len, NULL));
  /* Cut inside IDAT; cut after IDAT, before IEND; only the signature. */
  check_rejected ("half", png, len / 2, DL_ERROR_ENCODING, "truncated");
  check_rejected ("no IEND", png, len - 12, DL_ERROR_ENCODING, "truncated: no IEND");
  check_rejected ("signature only", png, 8, DL_ERROR_ENCODING, "truncated");
  /* IHDR: height (bytes 20-23) 20 → 21 and 19, bit depth, colour type,
   * interlace; a first chunk that is not IHDR. */
  check_patched ("taller", 23, 21, "image data: ");
  check_patched ("shorter", 23, 19, "more image data");
  check_patched ("16 bits", 24, 16, "bit depth 16");
  check_patched ("palette", 25, 3, "colour type 3");
  check_patched ("interlaced", 28, 1, "interlaced");
  check_patched ("not IHDR", 12, 'X', "IHDR is not the first chunk");
}

static void
test_png_no_file (void)
{
  g_auto (RenderImage) img = { 0 };
  g_autoptr (GError) error = NULL;
  CU_ASSERT_FALSE (render_png_load (TEST_DATA ("render/none.png"), &img, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  DL_ASSERT_STR_CONTAINS (error ? error->message : NULL, "none.png");
}

/* A zlib stream of @raw: what an IDAT chunk holds. */
static GBytes *
deflate (const guint8 *raw, gsize len)
{
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (z));
  CU_ASSERT_FATAL (g_output_stream_write_all (out, raw, len, NULL, NULL, NULL));
  CU_ASSERT_FATAL (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

static void
append_be32 (GByteArray *b, guint32 v)
{
  const guint8 be[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
  g_byte_array_append (b, be, 4);
}

/* A PNG of rgb.png's signature and IHDR (16 × 20, RGB), then @raw (20 rows
 * of a filter byte and 48 bytes) in one IDAT, then IEND; CRCs zero. */
static GByteArray *
build_png (const guint8 *raw, gsize len)
{
  g_autofree char *png = NULL;
  gsize png_len;
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("render/rgb.png"), &png, &png_len, NULL));
  CU_ASSERT_FATAL (png_len > 33);
  GByteArray *b = g_byte_array_new ();
  g_byte_array_append (b, (const guint8 *) png, 33);
  g_autoptr (GBytes) z = deflate (raw, len);
  append_be32 (b, (guint32) g_bytes_get_size (z));
  g_byte_array_append (b, (const guint8 *) "IDAT", 4);
  g_byte_array_append (b, g_bytes_get_data (z, NULL), (guint) g_bytes_get_size (z));
  append_be32 (b, 0);
  append_be32 (b, 0);
  g_byte_array_append (b, (const guint8 *) "IEND", 4);
  append_be32 (b, 0);
  return b;
}

static void
test_png_bad_filter (void)
{
  guint8 raw[20 * 49] = { 0 };
  /* All rows None, all zeros: a black image (the builder makes valid PNGs). */
  g_autoptr (GByteArray) black = build_png (raw, sizeof raw);
  char *path = dl_test_temp_file ("black.png", (const char *) black->data, black->len);
  g_auto (RenderImage) img = { 0 };
  g_autoptr (GError) error = NULL;
  CU_ASSERT_TRUE (render_png_load (path, &img, &error));
  CU_ASSERT_PTR_NULL (error);
  if (img.pixels != NULL)
    {
      const guint8 opaque_black[4] = { 0, 0, 0, 255 };
      CU_ASSERT_EQUAL (memcmp (render_image_pixel (&img, 15, 19), opaque_black, 4), 0);
      DL_ASSERT_DOUBLE_NEAR (render_image_ink (&img, 0, 0, 16, 20), 1.0, 0);
    }
  dl_test_temp_remove (path);
  /* Row 3's filter byte 5: there are five filters, 0 to 4. */
  raw[3 * 49] = 5;
  g_autoptr (GByteArray) bad = build_png (raw, sizeof raw);
  check_rejected ("filter 5", bad->data, bad->len, DL_ERROR_ENCODING,
                  "row 3: unknown filter type 5");
}

/* ---- Chromium ---- */

/* Renders @html in a @width × @height window and loads the screenshot into
 * @img; FALSE (a CUnit failure, with Chromium's message) if it cannot. */
static gboolean
render (const char *html, guint width, guint height, RenderImage *img)
{
  char *html_path = dl_test_temp_file ("page.html", html, -1);
  g_autofree char *dir = g_path_get_dirname (html_path);
  g_autofree char *png_path = g_build_filename (dir, "page.png", NULL);
  g_autoptr (GError) error = NULL;
  gboolean ok = render_html_png (html_path, png_path, width, height, &error)
                && render_png_load (png_path, img, &error);
  if (!ok)
    printf ("\nrender: %s\n", error->message);
  DL_ASSERT_TRUE_FOR (error ? error->message : NULL, ok);
  g_unlink (png_path);
  dl_test_temp_remove (html_path);
  return ok;
}

/* A white page, a black 200 × 100 box at (40, 30), a red 50 × 50 square at
 * (300, 150); nothing else. */
static const char page[]
    = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>\n"
      "html, body { margin: 0; background: #fff; }\n"
      "div { position: absolute; }\n"
      "#box { left: 40px; top: 30px; width: 200px; height: 100px; background: #000; }\n"
      "#red { left: 300px; top: 150px; width: 50px; height: 50px; background: #f00; }\n"
      "</style></head><body><div id=\"box\"></div><div id=\"red\"></div></body></html>\n";

static gboolean
is_ink (const RenderImage *img, guint x, guint y)
{
  return render_image_ink (img, x, y, 1, 1) == 1.0;
}

static void
test_render_png (void)
{
  g_auto (RenderImage) img = { 0 };
  if (!render (page, 400, 300, &img))
    return;
  DL_ASSERT_INT_EQ (img.width, 400);
  DL_ASSERT_INT_EQ (img.height, 300);
  CU_ASSERT_TRUE (render_image_ink (&img, 40, 30, 200, 100) > 0.95);
  /* Empty: left of the box, between it and the square, the bottom band. */
  DL_ASSERT_DOUBLE_NEAR (render_image_ink (&img, 0, 0, 40, 300), 0, 0);
  DL_ASSERT_DOUBLE_NEAR (render_image_ink (&img, 240, 0, 60, 300), 0, 0);
  DL_ASSERT_DOUBLE_NEAR (render_image_ink (&img, 0, 200, 400, 100), 0, 0);
  /* The box's corners, to the pixel. */
  CU_ASSERT_TRUE (is_ink (&img, 40, 30) && is_ink (&img, 239, 129));
  CU_ASSERT_FALSE (is_ink (&img, 39, 30) || is_ink (&img, 40, 29));
  CU_ASSERT_FALSE (is_ink (&img, 240, 129) || is_ink (&img, 239, 130));
  /* All of the square is ink, and red in the middle. */
  DL_ASSERT_DOUBLE_NEAR (render_image_ink (&img, 300, 150, 50, 50), 1.0, 0);
  const guint8 *p = render_image_pixel (&img, 325, 175);
  CU_ASSERT_TRUE (p[0] > 200 && p[1] < 50 && p[2] < 50 && p[3] == 255);
  const guint8 *white = render_image_pixel (&img, 10, 10);
  CU_ASSERT_TRUE (white[0] == 255 && white[1] == 255 && white[2] == 255);
}

static void
test_render_dom (void)
{
  const char *html = "<!DOCTYPE html>\n<title>chart</title>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\">"
                     "<line x1=\"0\" y1=\"0\" x2=\"100\" y2=\"50\" stroke=\"#000\"/>"
                     "<rect x=\"10\" y=\"10\" width=\"20\" height=\"20\"/></svg>\n";
  char *path = dl_test_temp_file ("chart.html", html, -1);
  g_autofree char *dom = NULL;
  g_autoptr (GError) error = NULL;
  DL_ASSERT_TRUE_FOR (error ? error->message : NULL, render_html_dom (path, &dom, &error));
  /* The parser's work: html, head and body made (the newline after the
   * title stays in head), the SVG's self-closed elements closed. */
  DL_ASSERT_STR_CONTAINS (dom, "<html><head><title>chart</title>\n</head><body><svg xmlns=");
  DL_ASSERT_STR_CONTAINS (dom, "<line x1=\"0\" y1=\"0\" x2=\"100\" y2=\"50\" stroke=\"#000\">"
                               "</line><rect x=\"10\" y=\"10\" width=\"20\" height=\"20\">"
                               "</rect></svg>");
  dl_test_temp_remove (path);
}

static void
test_render_no_page (void)
{
  g_autoptr (GError) error = NULL;
  CU_ASSERT_FALSE (
      render_html_png (TEST_DATA ("render/none.html"), "/nonexistent/x.png", 100, 100, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  DL_ASSERT_STR_CONTAINS (error ? error->message : NULL, "none.html: no such file");
}

/* Puts @dir first on PATH (@dir alone when @alone); returns the old PATH,
 * for restore_path. */
static char *
prepend_path (const char *dir, gboolean alone)
{
  char *saved = g_strdup (g_getenv ("PATH"));
  g_autofree char *path
      = alone || saved == NULL ? g_strdup (dir) : g_strconcat (dir, ":", saved, NULL);
  g_setenv ("PATH", path, TRUE);
  return saved;
}

static void
restore_path (char *saved)
{
  if (saved != NULL)
    g_setenv ("PATH", saved, TRUE);
  else
    g_unsetenv ("PATH");
  g_free (saved);
}

/* With Chromium on no PATH, both calls fail and say what to install. */
static void
test_render_no_chromium (void)
{
  g_autofree char *empty = g_dir_make_tmp ("derlem-test-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (empty);
  char *saved = prepend_path (empty, TRUE);
  g_autoptr (GError) png_error = NULL, dom_error = NULL;
  g_autofree char *dom = NULL;
  gboolean png_ok
      = render_html_png (TEST_DATA ("render/rgb.png"), "/nonexistent/x.png", 10, 10, &png_error);
  gboolean dom_ok = render_html_dom (TEST_DATA ("render/rgb.png"), &dom, &dom_error);
  restore_path (saved);
  g_rmdir (empty);
  CU_ASSERT_FALSE (png_ok);
  CU_ASSERT_FALSE (dom_ok);
  CU_ASSERT_PTR_NULL (dom);
  DL_ASSERT_STR_CONTAINS (png_error ? png_error->message : NULL,
                          "install the Debian package chromium-headless-shell");
  DL_ASSERT_STR_CONTAINS (dom_error ? dom_error->message : NULL,
                          "install the Debian package chromium-headless-shell");
}

/* A directory holding a fake chromium-headless-shell, the shell script
 * @body; remove it with dl_test_temp_remove. */
static char *
fake_chromium (const char *body)
{
  g_autofree char *script = g_strconcat ("#!/bin/sh\n", body, NULL);
  char *path = dl_test_temp_file ("chromium-headless-shell", script, -1);
  CU_ASSERT_FATAL (g_chmod (path, 0755) == 0);
  return path;
}

/* What Chromium is run with, and what a failing one says. */
static void
test_render_chromium_fails (void)
{
  char *fake = fake_chromium ("echo \"args: $*\" >&2; exit 3\n");
  g_autofree char *dir = g_path_get_dirname (fake);
  char *saved = prepend_path (dir, FALSE);
  g_autoptr (GError) error = NULL;
  const char *html = TEST_DATA ("render/rgb.png");
  gboolean ok = render_html_png (html, "/nonexistent/x.png", 320, 200, &error);
  restore_path (saved);
  dl_test_temp_remove (fake);
  CU_ASSERT_FALSE (ok);
  const char *message = error ? error->message : NULL;
  DL_ASSERT_STR_CONTAINS (message, "Chromium failed (exit status 3); its standard error:\nargs: "
                                   "--headless --no-sandbox --disable-gpu --hide-scrollbars "
                                   "--force-device-scale-factor=1 --no-first-run "
                                   "--user-data-dir=");
  g_autofree char *abs = g_canonicalize_filename (html, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, NULL);
  g_autofree char *tail = g_strdup_printf (
      "/profile --screenshot=/nonexistent/x.png --window-size=320,200 %s\n", uri);
  DL_ASSERT_STR_CONTAINS (message, tail);
}

/* A Chromium that exits 0 having done nothing is caught too. */
static void
test_render_chromium_does_nothing (void)
{
  char *fake = fake_chromium ("echo 'nothing done' >&2\n");
  g_autofree char *dir = g_path_get_dirname (fake);
  char *saved = prepend_path (dir, FALSE);
  g_autoptr (GError) png_error = NULL, dom_error = NULL;
  g_autofree char *png = g_build_filename (dir, "x.png", NULL), *dom = NULL;
  gboolean png_ok = render_html_png (fake, png, 10, 10, &png_error);
  gboolean dom_ok = render_html_dom (fake, &dom, &dom_error);
  restore_path (saved);
  dl_test_temp_remove (fake);
  CU_ASSERT_FALSE (png_ok);
  CU_ASSERT_FALSE (dom_ok);
  CU_ASSERT_PTR_NULL (dom);
  DL_ASSERT_STR_CONTAINS (png_error ? png_error->message : NULL,
                          "Chromium wrote no screenshot to ");
  DL_ASSERT_STR_CONTAINS (png_error ? png_error->message : NULL, "nothing done");
  DL_ASSERT_STR_CONTAINS (dom_error ? dom_error->message : NULL, "Chromium printed no DOM for ");
}

void
test_render_suite (void)
{
  CU_pSuite s = CU_add_suite ("render", NULL, NULL);
  CU_add_test (s, "png_filters", test_png_filters);
  CU_add_test (s, "png_rejects", test_png_rejects);
  CU_add_test (s, "png_no_file", test_png_no_file);
  CU_add_test (s, "png_bad_filter", test_png_bad_filter);
  CU_add_test (s, "render_png", test_render_png);
  CU_add_test (s, "render_dom", test_render_dom);
  CU_add_test (s, "render_no_page", test_render_no_page);
  CU_add_test (s, "render_no_chromium", test_render_no_chromium);
  CU_add_test (s, "render_chromium_fails", test_render_chromium_fails);
  CU_add_test (s, "render_chromium_does_nothing", test_render_chromium_does_nothing);
}
