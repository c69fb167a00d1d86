/* progress.c — the counters of a pass over the inputs, behind one lock:
 * readers add to them a chunk at a time, so the lock is taken a few times a
 * second, never per line. */
#include "config.h"

#include "progress.h"

#include "source.h"

struct _DlProgress {
  GMutex lock;
  DlProgressState state;
};

DlProgress *
dl_progress_new (void)
{
  DlProgress *p = g_new0 (DlProgress, 1);
  g_mutex_init (&p->lock);
  p->state.started = g_get_monotonic_time ();
  return p;
}

void
dl_progress_free (DlProgress *p)
{
  if (p == NULL)
    return;
  g_mutex_clear (&p->lock);
  g_free (p);
}

void
dl_progress_begin (DlProgress *p, GPtrArray *inputs)
{
  guint64 total = 0;
  for (guint i = 0; i < inputs->len; i++)
    {
      gint64 size = dl_input_size (inputs->pdata[i]);
      if (size < 0)
        {
          total = 0; /* one input of unknown size: the total is unknown */
          break;
        }
      total += (guint64) size;
    }
  g_mutex_lock (&p->lock);
  p->state = (DlProgressState){ 0, total, 0, inputs->len, g_get_monotonic_time () };
  g_mutex_unlock (&p->lock);
}

void
dl_progress_add_bytes (DlProgress *p, guint64 bytes)
{
  if (p == NULL || bytes == 0)
    return;
  g_mutex_lock (&p->lock);
  p->state.bytes += bytes;
  g_mutex_unlock (&p->lock);
}

void
dl_progress_input_done (DlProgress *p)
{
  if (p == NULL)
    return;
  g_mutex_lock (&p->lock);
  p->state.inputs_done++;
  g_mutex_unlock (&p->lock);
}

void
dl_progress_get (DlProgress *p, DlProgressState *state)
{
  g_mutex_lock (&p->lock);
  *state = p->state;
  g_mutex_unlock (&p->lock);
}
