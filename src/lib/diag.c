/* diag.c — diagnostics sinks: a callback, or a buffer replayed later so that
 * workers report in input order whatever the number of threads. */
#include "config.h"

#include "diag.h"

typedef struct {
  DlDiagLevel level;
  char *file;
  guint64 line;
  char *message;
} DiagEntry;

struct _DlDiag {
  DlDiagFunc func;
  gpointer user_data;
  GArray *kept; /* of DiagEntry, for a buffer sink */
};

static void
diag_entry_clear (gpointer p)
{
  DiagEntry *e = p;
  g_free (e->file);
  g_free (e->message);
}

DlDiag *
dl_diag_new (DlDiagFunc func, gpointer user_data)
{
  DlDiag *diag = g_new0 (DlDiag, 1);
  diag->func = func;
  diag->user_data = user_data;
  return diag;
}

DlDiag *
dl_diag_new_buffer (void)
{
  DlDiag *diag = g_new0 (DlDiag, 1);
  diag->kept = g_array_new (FALSE, FALSE, sizeof (DiagEntry));
  g_array_set_clear_func (diag->kept, diag_entry_clear);
  return diag;
}

void
dl_diag_replay (DlDiag *buffer, const DlDiag *to)
{
  g_return_if_fail (buffer != NULL && buffer->kept != NULL);
  for (guint i = 0; i < buffer->kept->len; i++)
    {
      DiagEntry *e = &g_array_index (buffer->kept, DiagEntry, i);
      dl_diag_report (to, e->level, e->file, e->line, "%s", e->message);
    }
  g_array_set_size (buffer->kept, 0);
}

void
dl_diag_free (DlDiag *diag)
{
  if (diag == NULL)
    return;
  if (diag->kept != NULL)
    g_array_unref (diag->kept);
  g_free (diag);
}

void
dl_diag_report (const DlDiag *diag, DlDiagLevel level, const char *file, guint64 line,
                const char *format, ...)
{
  if (diag == NULL)
    return;
  va_list ap;
  va_start (ap, format);
  g_autofree char *message = g_strdup_vprintf (format, ap);
  va_end (ap);
  if (diag->kept != NULL)
    {
      DiagEntry e = { level, g_strdup (file), line, g_steal_pointer (&message) };
      g_array_append_val (diag->kept, e);
    }
  else
    diag->func (level, file, line, message, diag->user_data);
}

void
dl_diag_error (const DlDiag *diag, const char *file, const GError *error)
{
  dl_diag_report (diag, DL_DIAG_ERROR, file, 0, "%s", error->message);
}
