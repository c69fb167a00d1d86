/* pool.c — an ordered parallel map over inputs. Workers run ahead of the
 * emitter by a bounded number of inputs, so memory holds at most that many
 * results. */
#include "config.h"

#include "pool.h"

typedef struct {
  gpointer result;
  DlDiag *diag;
  gboolean done;
} Slot;

typedef struct {
  GPtrArray *inputs;
  DlPoolWork work;
  gpointer user_data;
  Slot *slots;
  GMutex lock;
  GCond cond;
} Shared;

static void
worker (gpointer data, gpointer user_data)
{
  Shared *sh = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  gpointer result = sh->work (sh->inputs->pdata[i], sh->slots[i].diag, sh->user_data);
  g_mutex_lock (&sh->lock);
  sh->slots[i].result = result;
  sh->slots[i].done = TRUE;
  g_cond_broadcast (&sh->cond);
  g_mutex_unlock (&sh->lock);
}

void
dl_pool_run (GPtrArray *inputs, guint threads, DlPoolWork work, DlPoolEmit emit,
             GDestroyNotify free_result, const DlDiag *diag, DlProgress *progress,
             gpointer user_data)
{
  guint n = inputs->len;
  threads = MIN (threads, n); /* a worker more than inputs has nothing to do */
  if (threads <= 1)
    {
      for (guint i = 0; i < n; i++)
        {
          gpointer result = work (inputs->pdata[i], diag, user_data);
          emit (inputs->pdata[i], result, user_data);
          if (result != NULL && free_result != NULL)
            free_result (result);
          dl_progress_input_done (progress);
        }
      return;
    }

  Shared sh = { inputs, work, user_data, g_new0 (Slot, n), { 0 }, { 0 } };
  g_mutex_init (&sh.lock);
  g_cond_init (&sh.cond);
  for (guint i = 0; i < n; i++)
    sh.slots[i].diag = dl_diag_new_buffer ();

  GThreadPool *pool = g_thread_pool_new (worker, &sh, (int) threads, FALSE, NULL);
  /* Inputs queued beyond the one being emitted. */
  guint ahead = threads <= G_MAXUINT / 4 ? threads * 4 : G_MAXUINT;
  guint queued = 0;
  for (guint i = 0; i < n; i++)
    {
      while (queued < n && queued - i < ahead) /* queued >= i: no overflow */
        {
          queued++;
          g_thread_pool_push (pool, GUINT_TO_POINTER (queued), NULL);
        }
      g_mutex_lock (&sh.lock);
      while (!sh.slots[i].done)
        g_cond_wait (&sh.cond, &sh.lock);
      gpointer result = sh.slots[i].result;
      g_mutex_unlock (&sh.lock);

      dl_diag_replay (sh.slots[i].diag, diag);
      emit (inputs->pdata[i], result, user_data);
      if (result != NULL && free_result != NULL)
        free_result (result);
      g_clear_pointer (&sh.slots[i].diag, dl_diag_free);
      dl_progress_input_done (progress);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&sh.lock);
  g_cond_clear (&sh.cond);
  g_free (sh.slots);
}

struct _DlPoolStates {
  GMutex lock;
  GPtrArray *idle;
  DlPoolMake make;
  gpointer user_data;
};

DlPoolStates *
dl_pool_states_new (DlPoolMake make, GDestroyNotify free_state, gpointer user_data)
{
  DlPoolStates *s = g_new0 (DlPoolStates, 1);
  g_mutex_init (&s->lock);
  s->idle = g_ptr_array_new_with_free_func (free_state);
  s->make = make;
  s->user_data = user_data;
  return s;
}

void
dl_pool_states_free (DlPoolStates *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->idle);
  g_mutex_clear (&s->lock);
  g_free (s);
}

gpointer
dl_pool_states_take (DlPoolStates *s, GError **error)
{
  g_mutex_lock (&s->lock);
  gpointer state = s->idle->len > 0 ? g_ptr_array_steal_index (s->idle, s->idle->len - 1) : NULL;
  g_mutex_unlock (&s->lock);
  return state != NULL ? state : s->make (s->user_data, error);
}

void
dl_pool_states_give (DlPoolStates *s, gpointer state)
{
  g_mutex_lock (&s->lock);
  g_ptr_array_add (s->idle, state);
  g_mutex_unlock (&s->lock);
}
