/* render.c — headless Chromium for the suites, and a PNG decoder for its
 * screenshots (see render.h). */
#include "config.h"

#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "error.h"

/* The most of Chromium's standard error that goes into a message: its
 * last bytes, where the reason for a failure is (the rest is D-Bus noise). */
#define STDERR_TAIL 4000

/* Removes @path and, if it is a directory, everything in it (symbolic links
 * are removed, not followed); best effort. */
static void
remove_tree (const char *path)
{
  GStatBuf st;
  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A directory for one run of Chromium (its profile and HOME), removed with
 * everything in it when the run is over. */
typedef struct {
  char *dir;
} Scratch;

static void
scratch_clear (Scratch *s)
{
  if (s->dir != NULL)
    remove_tree (s->dir);
  g_clear_pointer (&s->dir, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

/* The path of headless Chromium, or NULL with an error saying what to
 * install. */
static char *
find_chromium (GError **error)
{
  static const char *const names[] = { "chromium-headless-shell", "chromium" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *path = g_find_program_in_path (names[i]);
      if (path != NULL)
        return path;
    }
  g_set_error (error, DL_ERROR, DL_ERROR_IO,
               "headless Chromium is not installed (neither chromium-headless-shell nor "
               "chromium is on PATH): install the Debian package chromium-headless-shell "
               "(apt-get install chromium-headless-shell)");
  return NULL;
}

/* The command line: timeout, Chromium with a profile in @scratch, @args,
 * then @uri; NULL-terminated, strings owned by the array. */
static GPtrArray *
chromium_argv (const char *timeout, const char *chromium, const char *scratch,
               const char *const *args, const char *uri)
{
  /* Device scale 1: the screenshot's pixels are CSS pixels, whatever the
   * machine's display settings. */
  const char *const head[] = { timeout,
                               "--kill-after=5",
                               G_STRINGIFY (RENDER_TIMEOUT_SECONDS),
                               chromium,
                               "--headless",
                               "--no-sandbox",
                               "--disable-gpu",
                               "--hide-scrollbars",
                               "--force-device-scale-factor=1",
                               "--no-first-run",
                               NULL };
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; head[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (head[i]));
  g_ptr_array_add (argv, g_strdup_printf ("--user-data-dir=%s/profile", scratch));
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, g_strdup (uri));
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* This process's environment with HOME and the XDG directories in
 * @scratch, so that Chromium writes nowhere else, as root or in a clean
 * environment. */
static char **
chromium_env (const char *scratch)
{
  char **env = g_get_environ ();
  env = g_environ_setenv (env, "HOME", scratch, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", scratch, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", scratch, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", scratch, TRUE);
  return env;
}

/* An error from Chromium's wait @status and standard error @err, unless it
 * exited 0. */
static gboolean
check_status (int status, const char *err, GError **error)
{
  if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;
  gsize len = strlen (err);
  const char *tail = len > STDERR_TAIL ? err + len - STDERR_TAIL : err;
  if (WIFEXITED (status) && WEXITSTATUS (status) == 124)
    g_set_error (error, DL_ERROR, DL_ERROR_IO,
                 "Chromium took over %d s and was killed; its standard error:\n%s",
                 RENDER_TIMEOUT_SECONDS, tail);
  else if (WIFEXITED (status))
    g_set_error (error, DL_ERROR, DL_ERROR_IO,
                 "Chromium failed (exit status %d); its standard error:\n%s", WEXITSTATUS (status),
                 tail);
  else
    g_set_error (error, DL_ERROR, DL_ERROR_IO,
                 "Chromium was killed by signal %d; its standard error:\n%s", WTERMSIG (status),
                 tail);
  return FALSE;
}

/* Runs headless Chromium with @args (NULL-terminated) on the file
 * @html_path; its standard output and error in *@out and *@err (the
 * caller's), set only on success. */
static gboolean
run_chromium (const char *html_path, const char *const *args, char **out, char **err,
              GError **error)
{
  g_autofree char *chromium = find_chromium (error);
  if (chromium == NULL)
    return FALSE;
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  if (timeout == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "timeout (coreutils) is not on PATH");
      return FALSE;
    }
  if (!g_file_test (html_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: no such file to render", html_path);
      return FALSE;
    }
  g_autofree char *abs = g_canonicalize_filename (html_path, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, error);
  if (uri == NULL)
    return FALSE;
  g_auto (Scratch) scratch = { g_dir_make_tmp ("derlem-chromium-XXXXXX", error) };
  if (scratch.dir == NULL)
    return FALSE;
  g_autoptr (GPtrArray) argv = chromium_argv (timeout, chromium, scratch.dir, args, uri);
  g_auto (GStrv) env = chromium_env (scratch.dir);
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  int status;
  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text,
                     &stderr_text, &status, error))
    return FALSE;
  if (!check_status (status, stderr_text, error))
    return FALSE;
  *out = g_steal_pointer (&stdout_text);
  *err = g_steal_pointer (&stderr_text);
  return TRUE;
}

gboolean
render_html_png (const char *html_path, const char *png_path, guint width, guint height,
                 GError **error)
{
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_autofree char *abs_png = g_canonicalize_filename (png_path, NULL);
  /* No earlier file may pass for this run's screenshot. */
  if (g_unlink (abs_png) != 0 && errno != ENOENT)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: cannot replace it: %s", abs_png,
                   g_strerror (errno));
      return FALSE;
    }
  g_autofree char *shot = g_strconcat ("--screenshot=", abs_png, NULL);
  g_autofree char *size = g_strdup_printf ("--window-size=%u,%u", width, height);
  const char *const args[] = { shot, size, NULL };
  g_autofree char *out = NULL, *err = NULL;
  if (!run_chromium (html_path, args, &out, &err, error))
    return FALSE;
  if (!g_file_test (abs_png, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   "Chromium wrote no screenshot to %s; its standard error:\n%s", abs_png, err);
      return FALSE;
    }
  return TRUE;
}

gboolean
render_html_dom (const char *html_path, char **dom, GError **error)
{
  g_return_val_if_fail (dom != NULL, FALSE);
  *dom = NULL;
  const char *const args[] = { "--dump-dom", NULL };
  g_autofree char *out = NULL, *err = NULL;
  if (!run_chromium (html_path, args, &out, &err, error))
    return FALSE;
  if (*out == '\0')
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO,
                   "Chromium printed no DOM for %s; its standard error:\n%s", html_path, err);
      return FALSE;
    }
  *dom = g_steal_pointer (&out);
  return TRUE;
}

/* ---- PNG ---- */

/* Far beyond any screenshot (8192 × 8192), and keeps every size in range. */
#define PNG_MAX_PIXELS (1u << 26)

/* What IHDR says, of the kinds decoded here. */
typedef struct {
  guint width;
  guint height;
  guint channels; /* 3 (colour type 2, RGB) or 4 (colour type 6, RGBA) */
} PngHeader;

static gboolean G_GNUC_PRINTF (3, 4)
    bad_png (GError **error, const char *path, const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  g_autofree char *what = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, DL_ERROR, DL_ERROR_ENCODING, "%s: %s", path, what);
  return FALSE;
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Reads the IHDR chunk's @len bytes at @d into @h. */
static gboolean
parse_ihdr (const guint8 *d, guint32 len, PngHeader *h, const char *path, GError **error)
{
  if (len != 13)
    return bad_png (error, path, "IHDR is %u bytes long, not 13", len);
  guint32 width = be32 (d), height = be32 (d + 4);
  if (width == 0 || height == 0 || width > PNG_MAX_PIXELS || height > PNG_MAX_PIXELS / width)
    return bad_png (error, path, "an image of %u × %u pixels is empty or too large", width, height);
  if (d[8] != 8)
    return bad_png (error, path, "bit depth %u is not supported (8 only)", d[8]);
  if (d[9] != 2 && d[9] != 6)
    return bad_png (error, path, "colour type %u is not supported (2, RGB, or 6, RGBA)", d[9]);
  if (d[10] != 0 || d[11] != 0)
    return bad_png (error, path, "unknown compression or filter method (%u, %u)", d[10], d[11]);
  if (d[12] != 0)
    return bad_png (error, path, "interlaced images are not supported");
  *h = (PngHeader){ width, height, d[9] == 6 ? 4 : 3 };
  return TRUE;
}

/* Checks the signature of the @len bytes of PNG at @data, reads IHDR into
 * @h and appends the IDAT chunks' data to @idat, up to IEND. */
static gboolean
read_chunks (const guint8 *data, gsize len, PngHeader *h, GByteArray *idat, const char *path,
             GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  if (len < sizeof signature || memcmp (data, signature, sizeof signature) != 0)
    return bad_png (error, path, "not a PNG file (no PNG signature)");
  gboolean have_header = FALSE;
  for (gsize pos = sizeof signature;;)
    {
      /* A chunk: length, type, data, CRC. */
      if (len - pos < 12)
        return bad_png (error, path, "truncated: no IEND chunk");
      guint32 n = be32 (data + pos);
      const guint8 *type = data + pos + 4, *body = data + pos + 8;
      if (n > len - pos - 12)
        return bad_png (
            error, path,
            "truncated: a chunk at byte %" G_GSIZE_FORMAT " ends past the end of the file", pos);
      gboolean is_ihdr = memcmp (type, "IHDR", 4) == 0;
      if (is_ihdr == have_header)
        return bad_png (error, path, "IHDR is not the first chunk, or not the only one");
      if (is_ihdr && !parse_ihdr (body, n, h, path, error))
        return FALSE;
      have_header = TRUE;
      if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (idat, body, n);
      else if (memcmp (type, "IEND", 4) == 0)
        return TRUE;
      /* Bit 5 of the first letter clear: a critical chunk; of those only
       * PLTE (a suggested palette here) may be skipped. */
      else if (!is_ihdr && !(type[0] & 0x20) && memcmp (type, "PLTE", 4) != 0)
        return bad_png (error, path, "unknown critical chunk at byte %" G_GSIZE_FORMAT, pos);
      pos += 12 + (gsize) n;
    }
}

/* Inflates the zlib stream of @in_len bytes at @in into exactly @out_len
 * bytes at @out: a shorter or longer stream is an error. */
static gboolean
inflate_exact (const guint8 *in, gsize in_len, guint8 *out, gsize out_len, const char *path,
               GError **error)
{
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  gsize done_in = 0, done_out = 0;
  for (;;)
    {
      /* Once @out is full, one spare byte catches any more data. */
      guint8 spare;
      gboolean full = done_out == out_len;
      gsize nread = 0, nwritten = 0;
      g_autoptr (GError) local = NULL;
      GConverterResult r = g_converter_convert (
          G_CONVERTER (z), in + done_in, in_len - done_in, full ? &spare : out + done_out,
          full ? 1 : out_len - done_out, G_CONVERTER_INPUT_AT_END, &nread, &nwritten, &local);
      if (r == G_CONVERTER_ERROR)
        return bad_png (error, path,
                        "image data: %s (%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                        " bytes inflated)",
                        local->message, done_out, out_len);
      if (full && nwritten > 0)
        return bad_png (error, path, "more image data than IHDR's size holds");
      done_in += nread;
      done_out += nwritten;
      if (r == G_CONVERTER_FINISHED)
        break;
      if (nread == 0 && nwritten == 0)
        return bad_png (error, path, "image data: the zlib stream makes no progress");
    }
  if (done_out < out_len)
    return bad_png (error, path, "image data: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                    done_out, out_len);
  return TRUE;
}

static guint8
paeth (guint8 a, guint8 b, guint8 c)
{
  int p = a + b - c, pa = abs (p - a), pb = abs (p - b), pc = abs (p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undoes filter @type (0 to 4) on the @stride bytes of @row, given the row
 * above, @prev (zeros above the first row); @bpp bytes a pixel. */
static void
unfilter_row (guint type, guint8 *row, const guint8 *prev, gsize stride, guint bpp)
{
  for (gsize i = 0; i < stride; i++)
    {
      guint8 a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      guint8 predicted = type == 1   ? a
                         : type == 2 ? b
                         : type == 3 ? (guint8) ((a + b) / 2)
                         : type == 4 ? paeth (a, b, c)
                                     : 0;
      row[i] = (guint8) (row[i] + predicted);
    }
}

/* Unfilters the rows in @raw (each a filter byte and the row) in place and
 * writes them to @pixels as RGBA. */
static gboolean
decode_rows (guint8 *raw, const PngHeader *h, guint8 *pixels, const char *path, GError **error)
{
  gsize stride = (gsize) h->width * h->channels;
  g_autofree guint8 *zeros = g_malloc0 (stride);
  const guint8 *prev = zeros;
  for (guint y = 0; y < h->height; y++)
    {
      guint8 *line = raw + y * (stride + 1), *row = line + 1;
      if (line[0] > 4)
        return bad_png (error, path, "row %u: unknown filter type %u", y, line[0]);
      unfilter_row (line[0], row, prev, stride, h->channels);
      guint8 *p = pixels + (gsize) y * h->width * 4;
      for (guint x = 0; x < h->width; x++, p += 4)
        {
          memcpy (p, row + (gsize) x * h->channels, h->channels);
          if (h->channels == 3)
            p[3] = 255;
        }
      prev = row;
    }
  return TRUE;
}

gboolean
render_png_load (const char *path, RenderImage *img, GError **error)
{
  g_return_val_if_fail (img != NULL, FALSE);
  *img = (RenderImage){ 0 };
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  PngHeader h = { 0 };
  g_autoptr (GByteArray) idat = g_byte_array_new ();
  if (!read_chunks ((const guint8 *) data, len, &h, idat, path, error))
    return FALSE;
  gsize raw_len = ((gsize) h.width * h.channels + 1) * h.height;
  g_autofree guint8 *raw = g_malloc (raw_len);
  if (!inflate_exact (idat->data, idat->len, raw, raw_len, path, error))
    return FALSE;
  g_autofree guint8 *pixels = g_malloc ((gsize) h.width * h.height * 4);
  if (!decode_rows (raw, &h, pixels, path, error))
    return FALSE;
  *img = (RenderImage){ h.width, h.height, g_steal_pointer (&pixels) };
  return TRUE;
}

void
render_image_clear (RenderImage *img)
{
  g_clear_pointer (&img->pixels, g_free);
  img->width = img->height = 0;
}

const guint8 *
render_image_pixel (const RenderImage *img, guint x, guint y)
{
  g_return_val_if_fail (img->pixels != NULL && x < img->width && y < img->height, NULL);
  return img->pixels + ((gsize) y * img->width + x) * 4;
}

double
render_image_ink (const RenderImage *img, guint x, guint y, guint w, guint h)
{
  g_return_val_if_fail (img->pixels != NULL, NAN);
  g_return_val_if_fail (w > 0 && w <= img->width && x <= img->width - w, NAN);
  g_return_val_if_fail (h > 0 && h <= img->height && y <= img->height - h, NAN);
  guint64 ink = 0;
  for (guint j = y; j < y + h; j++)
    {
      const guint8 *p = render_image_pixel (img, x, j);
      for (guint i = 0; i < w; i++, p += 4)
        ink += p[0] < 230 || p[1] < 230 || p[2] < 230;
    }
  return (double) ink / ((double) w * h);
}
