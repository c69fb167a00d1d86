/* pool.c — an ordered parallel map over inputs. Workers run ahead of the
 * emitter by a bounded number of inputs, so memory holds at most that many
 * results (or, for a job that weighs its results, at most so many bytes of
 * them beyond a few inputs).
 *
 * The workers take the next input themselves, and a thread is woken only
 * when it sleeps and what it waits for has come: the emitter when the
 * input it waits for is done, the workers when the emitter has moved on by
 * an eighth of how far ahead they were. Inputs an index rules out
 * take microseconds; woken for each of them (a queue's push, a broadcast
 * per result), the threads of `kwic abalka` over 2,148 of them spent more
 * time switching than working, and with eight inputs ahead at most, the
 * few inputs that hold its hits were seldom worked on at once. */
#include "config.h"

#include "pool.h"

/* Inputs a worker may run ahead of the emitter, for each worker: always,
 * and at most for a job that weighs its results while they are no more
 * than WINDOW_BYTES. */
#define LEAST_AHEAD 4
#define MOST_AHEAD 64
#define WINDOW_BYTES ((guint64) 64 << 20)

typedef struct {
  gpointer result;
  DlDiag *diag;
  guint64 weight;
  gboolean done;
} Slot;

/* Under @lock but what is set before the workers start. */
typedef struct {
  GPtrArray *inputs;
  DlPoolWork work;
  DlPoolWeigh weigh;
  gpointer user_data;
  guint least, most;
  Slot *slots;
  GMutex lock;
  GCond emitter, workers;
  guint next;        /* the next input a worker takes */
  guint emitting;    /* the input the emitter is at: those before are emitted */
  guint64 held;      /* the weights of the results done and not emitted */
  guint waiting;     /* the input the emitter sleeps for, or G_MAXUINT */
  guint sleepers;    /* workers asleep until the emitter moves on */
  guint slept_at;    /* where the emitter was when they fell asleep */
  guint slept_ahead; /* and how far ahead of it they were */
} Shared;

/* Whether a worker may take the next input now. */
static gboolean
may_take (const Shared *sh)
{
  guint ahead = sh->next - sh->emitting;
  return ahead < sh->least || (sh->weigh != NULL && ahead < sh->most && sh->held < WINDOW_BYTES);
}

static gpointer
worker (gpointer data)
{
  Shared *sh = data;
  guint n = sh->inputs->len;
  g_mutex_lock (&sh->lock);
  for (;;)
    {
      while (sh->next < n && !may_take (sh))
        {
          sh->sleepers++;
          sh->slept_at = sh->emitting;
          sh->slept_ahead = sh->next - sh->emitting;
          g_cond_wait (&sh->workers, &sh->lock);
          sh->sleepers--;
        }
      if (sh->next >= n)
        break;
      guint i = sh->next++;
      g_mutex_unlock (&sh->lock);
      gpointer result = sh->work (sh->inputs->pdata[i], sh->slots[i].diag, sh->user_data);
      guint64 weight = sh->weigh != NULL && result != NULL ? sh->weigh (result) : 0;
      g_mutex_lock (&sh->lock);
      sh->slots[i].result = result;
      sh->slots[i].weight = weight;
      sh->slots[i].done = TRUE;
      sh->held += weight;
      if (sh->waiting == i)
        g_cond_signal (&sh->emitter);
    }
  g_mutex_unlock (&sh->lock);
  return NULL;
}

void
dl_pool_run (GPtrArray *inputs, guint threads, DlPoolWork work, DlPoolWeigh weigh, DlPoolEmit emit,
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

  Shared sh = { .inputs = inputs,
                .work = work,
                .weigh = weigh,
                .user_data = user_data,
                .least = threads <= G_MAXUINT / LEAST_AHEAD ? threads * LEAST_AHEAD : G_MAXUINT,
                .most = threads <= G_MAXUINT / MOST_AHEAD ? threads * MOST_AHEAD : G_MAXUINT,
                .slots = g_new0 (Slot, n),
                .waiting = G_MAXUINT };
  g_mutex_init (&sh.lock);
  g_cond_init (&sh.emitter);
  g_cond_init (&sh.workers);
  for (guint i = 0; i < n; i++)
    sh.slots[i].diag = dl_diag_new_buffer ();

  GThread **pool = g_new (GThread *, threads);
  for (guint t = 0; t < threads; t++)
    pool[t] = g_thread_new ("pool", worker, &sh);
  for (guint i = 0; i < n; i++)
    {
      g_mutex_lock (&sh.lock);
      sh.emitting = i;
      /* Workers asleep are woken once the emitter has moved on by an
       * eighth of how far ahead they were: at once for a job whose inputs
       * they may run four ahead (each may take long, and a worker waiting
       * for a few to be emitted would sit idle), after several for one
       * whose inputs take microseconds each, not once for each. */
      if (sh.sleepers > 0 && i - sh.slept_at >= MAX (sh.slept_ahead / 8, 1))
        g_cond_broadcast (&sh.workers);
      while (!sh.slots[i].done)
        {
          sh.waiting = i;
          g_cond_wait (&sh.emitter, &sh.lock);
        }
      sh.waiting = G_MAXUINT;
      sh.held -= sh.slots[i].weight;
      gpointer result = sh.slots[i].result;
      g_mutex_unlock (&sh.lock);

      dl_diag_replay (sh.slots[i].diag, diag);
      emit (inputs->pdata[i], result, user_data);
      if (result != NULL && free_result != NULL)
        free_result (result);
      g_clear_pointer (&sh.slots[i].diag, dl_diag_free);
      dl_progress_input_done (progress);
    }
  for (guint t = 0; t < threads; t++)
    g_thread_join (pool[t]);
  g_free (pool);
  g_mutex_clear (&sh.lock);
  g_cond_clear (&sh.emitter);
  g_cond_clear (&sh.workers);
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
