/* render.c — headless Chromium and a small PNG reader for the tests. */
#include "config.h"

#include "render.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "error.h"

/* Chromium, found on PATH: Debian's headless shell, or a full Chromium. */
static char *
chromium (GError **error)
{
  static const char *const names[] = { "chromium-headless-shell", "chromium", NULL };
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *path = g_find_program_in_path (names[i]);
      if (path != NULL)
        return path;
    }
  g_set_error (error, DL_ERROR, DL_ERROR_IO,
               "headless Chromium is not installed: the HTML views cannot be checked "
               "(apt-get install chromium-headless-shell)");
  return NULL;
}

/* Runs Chromium on the file @html_path with @args (NULL-terminated) after
 * the common ones, its own profile and HOME in a temporary directory;
 * *@out is its standard output (may be NULL). */
static gboolean
run_chromium (const char *html_path, const char *const *args, char **out, GError **error)
{
  g_autofree char *exe = chromium (error);
  if (exe == NULL)
    return FALSE;
  g_autofree char *home = g_dir_make_tmp ("derlem-chromium-XXXXXX", error);
  if (home == NULL)
    return FALSE;
  g_autofree char *abs = g_canonicalize_filename (html_path, NULL);
  g_autofree char *url = g_filename_to_uri (abs, NULL, error);
  g_autofree char *profile = g_strconcat ("--user-data-dir=", home, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *const common[] = { "timeout",
                                 "120",
                                 exe,
                                 "--headless",
                                 "--no-sandbox",
                                 "--disable-gpu",
                                 "--hide-scrollbars",
                                 "--no-first-run",
                                 "--mute-audio",
                                 profile };
  for (gsize i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (argv, (gpointer) common[i]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, url);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
  g_autofree char *err = NULL;
  int status = -1;
  gboolean ran = url != NULL
                 && g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                  out, &err, &status, error);
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", home);
  int ignored = system (rm);
  (void) ignored;
  if (!ran)
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s failed on %s: %s", exe, html_path,
                   err != NULL ? err : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
render_html_png (const char *html_path, const char *png_path, guint width, guint height,
                 GError **error)
{
  g_autofree char *shot = g_strconcat ("--screenshot=", png_path, NULL);
  g_autofree char *size = g_strdup_printf ("--window-size=%u,%u", width, height);
  const char *const args[] = { shot, size, NULL };
  g_remove (png_path);
  if (!run_chromium (html_path, args, NULL, error))
    return FALSE;
  if (g_file_test (png_path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "Chromium wrote no screenshot of %s", html_path);
  return FALSE;
}

gboolean
render_html_dom (const char *html_path, char **dom, GError **error)
{
  const char *const args[] = { "--dump-dom", NULL };
  return run_chromium (html_path, args, dom, error);
}

/* ---- PNG ---- */

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static gboolean
bad_png (GError **error, const char *path, const char *what)
{
  g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s: %s", path, what);
  return FALSE;
}

/* Inflates @z (zlib) into @out, exactly @size bytes. */
static gboolean
inflate (GBytes *z, guint8 *out, gsize size)
{
  g_autoptr (GZlibDecompressor) dec = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr (GInputStream) mem = g_memory_input_stream_new_from_bytes (z);
  g_autoptr (GInputStream) in = g_converter_input_stream_new (mem, G_CONVERTER (dec));
  gsize got = 0;
  guint8 extra;
  return g_input_stream_read_all (in, out, size, &got, NULL, NULL) && got == size
         && g_input_stream_read (in, &extra, 1, NULL, NULL) == 0;
}

static guint8
paeth (guint8 a, guint8 b, guint8 c)
{
  int p = a + b - c, pa = abs (p - a), pb = abs (p - b), pc = abs (p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes the row filters of @raw (rows of 1 + @stride bytes, @bpp bytes a
 * pixel) into @out (rows of @stride). FALSE for an unknown filter. */
static gboolean
unfilter (const guint8 *raw, guint8 *out, guint height, gsize stride, guint bpp)
{
  for (guint y = 0; y < height; y++)
    {
      const guint8 *src = raw + y * (stride + 1) + 1;
      guint8 *row = out + y * stride;
      const guint8 *up = y > 0 ? row - stride : NULL;
      guint8 filter = src[-1];
      for (gsize i = 0; i < stride; i++)
        {
          guint8 a = i >= bpp ? row[i - bpp] : 0, b = up != NULL ? up[i] : 0;
          guint8 c = i >= bpp && up != NULL ? up[i - bpp] : 0;
          switch (filter)
            {
            case 0:
              row[i] = src[i];
              break;
            case 1:
              row[i] = src[i] + a;
              break;
            case 2:
              row[i] = src[i] + b;
              break;
            case 3:
              row[i] = src[i] + (guint8) ((a + b) / 2);
              break;
            case 4:
              row[i] = src[i] + paeth (a, b, c);
              break;
            default:
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
render_png_load (const char *path, RenderImage *img, GError **error)
{
  memset (img, 0, sizeof *img);
  g_autofree guint8 *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, (char **) &data, &len, error))
    return FALSE;
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  if (len < 8 + 25 || memcmp (data, signature, 8) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return bad_png (error, path, "not a PNG file");
  const guint8 *ihdr = data + 16;
  guint width = be32 (ihdr), height = be32 (ihdr + 4), bpp = ihdr[9] == 6 ? 4 : 3;
  if (ihdr[8] != 8 || (ihdr[9] != 2 && ihdr[9] != 6) || ihdr[12] != 0 || width == 0 || height == 0
      || width > 20000 || height > 20000)
    return bad_png (error, path, "not an 8-bit RGB or RGBA image without interlacing");
  g_autoptr (GByteArray) z = g_byte_array_new ();
  for (gsize at = 8; at + 12 <= len;)
    {
      guint32 n = be32 (data + at);
      if (n > len - at - 12)
        return bad_png (error, path, "a chunk runs past the end of the file");
      if (memcmp (data + at + 4, "IDAT", 4) == 0)
        g_byte_array_append (z, data + at + 8, n);
      at += 12 + (gsize) n;
    }
  gsize stride = (gsize) width * bpp;
  g_autofree guint8 *raw = g_malloc ((stride + 1) * height);
  g_autofree guint8 *pixels = g_malloc (stride * height);
  g_autoptr (GBytes) zbytes = g_byte_array_free_to_bytes (g_steal_pointer (&z));
  if (!inflate (zbytes, raw, (stride + 1) * height))
    return bad_png (error, path, "its image data does not inflate to its size");
  if (!unfilter (raw, pixels, height, stride, bpp))
    return bad_png (error, path, "an unknown row filter");
  img->width = width;
  img->height = height;
  img->rgba = g_malloc ((gsize) width * height * 4);
  for (gsize p = 0; p < (gsize) width * height; p++)
    {
      memcpy (img->rgba + p * 4, pixels + p * bpp, 3);
      img->rgba[p * 4 + 3] = bpp == 4 ? pixels[p * bpp + 3] : 255;
    }
  return TRUE;
}

void
render_image_clear (RenderImage *img)
{
  g_clear_pointer (&img->rgba, g_free);
}

double
render_image_ink (const RenderImage *img, guint x, guint y, guint w, guint h)
{
  guint x1 = MIN (img->width, x + w), y1 = MIN (img->height, y + h), n = 0, ink = 0;
  for (guint j = y; j < y1; j++)
    for (guint i = x; i < x1; i++, n++)
      {
        const guint8 *p = img->rgba + ((gsize) j * img->width + i) * 4;
        ink += p[0] < 230 || p[1] < 230 || p[2] < 230;
      }
  return n > 0 ? (double) ink / n : 0;
}
