/* tempfiles.c — a table of temporary files a signal handler can remove.
 *
 * Each slot holds a path and a state. A thread that adds a path claims a
 * free slot (FREE -> BUSY), writes the path, and publishes it (LIVE); one
 * that forgets it frees a LIVE slot. The handler claims each LIVE slot
 * (LIVE -> BUSY) before it reads the path and frees it once the file is
 * gone, so it never reads a path being written, and no slot it reads is
 * reused under it. Only atomic operations (lock-free on every platform
 * GLib's atomics are native on): no lock a handler could find taken. */
#include "config.h"

#include "tempfiles.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

enum { SLOT_FREE, SLOT_BUSY, SLOT_LIVE };

static gint states[DL_TEMPFILES_MAX];
static char paths[DL_TEMPFILES_MAX][DL_TEMPFILES_PATH_MAX];

gboolean
dl_tempfiles_add (const char *path)
{
  gsize len = strlen (path);
  if (len >= DL_TEMPFILES_PATH_MAX)
    return FALSE;
  for (guint i = 0; i < DL_TEMPFILES_MAX; i++)
    if (g_atomic_int_compare_and_exchange (&states[i], SLOT_FREE, SLOT_BUSY))
      {
        memcpy (paths[i], path, len + 1);
        g_atomic_int_set (&states[i], SLOT_LIVE);
        return TRUE;
      }
  return FALSE;
}

void
dl_tempfiles_forget (const char *path)
{
  /* A LIVE slot's path changes only after it is freed, which its owner
   * (this caller) does: it can be read here. */
  for (guint i = 0; i < DL_TEMPFILES_MAX; i++)
    if (g_atomic_int_get (&states[i]) == SLOT_LIVE && strcmp (paths[i], path) == 0
        && g_atomic_int_compare_and_exchange (&states[i], SLOT_LIVE, SLOT_FREE))
      return;
}

void
dl_tempfiles_remove_all (void)
{
  /* Files first, then the directories they were in (an index being
   * built), which are empty then. */
  gboolean dirs[DL_TEMPFILES_MAX] = { FALSE };
  for (guint i = 0; i < DL_TEMPFILES_MAX; i++)
    if (g_atomic_int_compare_and_exchange (&states[i], SLOT_LIVE, SLOT_BUSY))
      {
        if (unlink (paths[i]) != 0 && errno == EISDIR)
          dirs[i] = TRUE;
        else
          g_atomic_int_set (&states[i], SLOT_FREE);
      }
  for (guint i = 0; i < DL_TEMPFILES_MAX; i++)
    if (dirs[i])
      {
        (void) rmdir (paths[i]);
        g_atomic_int_set (&states[i], SLOT_FREE);
      }
}
