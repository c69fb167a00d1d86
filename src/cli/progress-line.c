/* progress-line.c — the progress line on standard error: one thread redraws
 * it, and everything that writes to the terminal meanwhile takes its lock
 * and finds the line erased. */
#include "config.h"

#include "progress-line.h"

#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "output.h"
#include "terminal.h"
#include "textwidth.h"

#define REDRAW_US (G_USEC_PER_SEC / 4)     /* at most four times a second */
#define RATE_AFTER_US (G_USEC_PER_SEC / 2) /* a rate needs this much time */

struct _DlProgressLine {
  FILE *fp;
  GMutex lock;
  GCond wake;
  GThread *thread;      /* while shown */
  DlProgress *progress; /* likewise */
  gboolean stopping;
  guint columns; /* what a line may take: the terminal's width, less one */
  guint drawn;   /* display columns of the text on the line now */
};

DlProgressLine *
dl_progress_line_new (FILE *fp)
{
  DlProgressLine *line = g_new0 (DlProgressLine, 1);
  line->fp = fp;
  g_mutex_init (&line->lock);
  g_cond_init (&line->wake);
  return line;
}

void
dl_progress_line_free (DlProgressLine *line)
{
  if (line == NULL)
    return;
  dl_progress_line_stop (line);
  g_mutex_clear (&line->lock);
  g_cond_clear (&line->wake);
  g_free (line);
}

/* Spaces over what is on the line, the cursor back at its start. Under the
 * lock. */
static void
erase (DlProgressLine *line)
{
  if (line->drawn == 0)
    return;
  fputc ('\r', line->fp);
  for (guint i = 0; i < line->drawn; i++)
    fputc (' ', line->fp);
  fputc ('\r', line->fp);
  fflush (line->fp);
  line->drawn = 0;
}

/* The line for the counters now, cut to the terminal's width (a line that
 * wrapped could not be redrawn in place), over the previous one. Under the
 * lock. */
static void
draw (DlProgressLine *line)
{
  DlProgressState state;
  dl_progress_get (line->progress, &state);
  g_autofree char *text
      = dl_progress_line_text (&state, g_get_monotonic_time (), dl_decimal_point ());
  const char *end = text;
  guint width = 0;
  for (; *end != '\0'; end = g_utf8_next_char (end))
    {
      guint w = dl_char_width (g_utf8_get_char (end));
      if (width + w > line->columns)
        break;
      width += w;
    }
  fputc ('\r', line->fp);
  fwrite (text, 1, (gsize) (end - text), line->fp);
  for (guint i = width; i < line->drawn; i++)
    fputc (' ', line->fp);
  fflush (line->fp);
  line->drawn = width;
}

static gpointer
redraw (gpointer data)
{
  DlProgressLine *line = data;
  g_mutex_lock (&line->lock);
  while (!line->stopping)
    {
      gint64 until = g_get_monotonic_time () + REDRAW_US;
      while (!line->stopping && g_cond_wait_until (&line->wake, &line->lock, until))
        ;
      if (!line->stopping)
        draw (line);
    }
  g_mutex_unlock (&line->lock);
  return NULL;
}

void
dl_progress_line_start (DlProgressLine *line, DlProgress *progress)
{
  g_return_if_fail (line->thread == NULL);
  g_mutex_lock (&line->lock);
  line->progress = progress;
  line->stopping = FALSE;
  guint columns = dl_terminal_columns (fileno (line->fp));
  line->columns = columns > 1 ? columns - 1 : 1;
  draw (line);
  g_mutex_unlock (&line->lock);
  line->thread = g_thread_new ("progress", redraw, line);
}

void
dl_progress_line_stop (DlProgressLine *line)
{
  if (line->thread == NULL)
    return;
  g_mutex_lock (&line->lock);
  line->stopping = TRUE;
  g_cond_signal (&line->wake);
  g_mutex_unlock (&line->lock);
  g_thread_join (line->thread);
  line->thread = NULL;
  /* The last figures, then nothing: no progress text stays behind. */
  draw (line);
  erase (line);
  line->progress = NULL;
}

void
dl_progress_line_hold (DlProgressLine *line)
{
  if (line == NULL)
    return;
  g_mutex_lock (&line->lock);
  erase (line);
}

void
dl_progress_line_release (DlProgressLine *line)
{
  if (line == NULL)
    return;
  g_mutex_unlock (&line->lock);
}

/* @bytes in tenths of @scale, rounded half up, without overflow. */
static guint64
tenths_of (guint64 bytes, guint64 scale)
{
  return bytes / scale * 10 + (bytes % scale * 10 + scale / 2) / scale;
}

char *
dl_progress_line_bytes (char *buf, guint64 bytes, char point)
{
  static const char *const units[] = { "kB", "MB", "GB", "TB", "PB", "EB" };
  if (bytes < 1000)
    {
      g_snprintf (buf, 32, "%" G_GUINT64_FORMAT " B", bytes);
      return buf;
    }
  /* 999.95 kB is 1.0 MB, not 1000.0 kB. */
  guint u = 0;
  guint64 scale = 1000;
  while (u + 1 < G_N_ELEMENTS (units) && tenths_of (bytes, scale) >= 10000)
    u++, scale *= 1000;
  guint64 tenths = tenths_of (bytes, scale);
  g_snprintf (buf, 32, "%" G_GUINT64_FORMAT "%c%u %s", tenths / 10, point, (guint) (tenths % 10),
              units[u]);
  return buf;
}

char *
dl_progress_line_duration (char *buf, guint64 seconds)
{
  guint64 h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  if (h > 0)
    g_snprintf (buf, 32, "%" G_GUINT64_FORMAT ":%02u:%02u", h, (guint) m, (guint) s);
  else
    g_snprintf (buf, 32, "%u:%02u", (guint) m, (guint) s);
  return buf;
}

char *
dl_progress_line_text (const DlProgressState *s, gint64 now, char point)
{
  GString *t = g_string_new ("derlem: ");
  char read[32], total[32], rate[32], left[32];
  dl_progress_line_bytes (read, s->bytes, point);
  if (s->total > 0)
    /* Translators: progress on standard error: bytes read ("12.3 MB"), of
       all the input's bytes, and that as a percentage ("%%" is "%"). */
    g_string_append_printf (t, _ ("%s of %s (%u%%)"), read,
                            dl_progress_line_bytes (total, s->total, point),
                            (guint) MIN (100, s->bytes * 100 / s->total));
  else
    g_string_append (t, read);
  /* Translators: progress: inputs done, of all the inputs. */
  g_string_append_printf (t, _ (", %u/%u files"), s->inputs_done, s->inputs);
  gint64 elapsed = now - s->started;
  if (elapsed < RATE_AFTER_US || s->bytes == 0)
    return g_string_free (t, FALSE);
  double per_second = (double) s->bytes * G_USEC_PER_SEC / (double) elapsed;
  /* Translators: progress: bytes read per second ("8.1 MB"). */
  g_string_append_printf (t, _ (", %s/s"),
                          dl_progress_line_bytes (rate, (guint64) per_second, point));
  if (s->total > s->bytes)
    /* Translators: progress: the time left at this rate ("1:05", "1:02:03"). */
    g_string_append_printf (
        t, _ (", %s left"),
        dl_progress_line_duration (left,
                                   (guint64) ((double) (s->total - s->bytes) / per_second + 0.5)));
  return g_string_free (t, FALSE);
}
