/* test-pool.c — the ordered parallel map (src/lib/pool.c): results and
 * diagnostics in input order whatever the number of threads, at most
 * @threads works at once and a bounded run-ahead (further for results
 * weighed small), failing inputs, states. */
#include "config.h"

#include <string.h>

#include "pool.h"
#include "tests.h"

typedef struct {
  guint threads;
  gint running, most_running; /* works running now, and at most */
  gint emitted;               /* results emitted so far */
  gint too_far;               /* works started beyond the run-ahead bound */
  GString *order;             /* what emit saw, in order */
  GString *diags;             /* what the sink saw, in order */
  DlPoolStates *states;
  gint made;   /* states made */
  GMutex lock; /* for states_in_use */
  guint states_in_use;
} Run;

static void
collect_diag (DlDiagLevel level, const char *file, guint64 line, const char *message,
              gpointer user_data)
{
  Run *run = user_data;
  g_string_append_printf (run->diags, "%d:%s:%" G_GUINT64_FORMAT ":%s ", level, file, line,
                          message);
}

static gpointer
make_state (gpointer user_data, GError **error)
{
  Run *run = user_data;
  (void) error;
  g_atomic_int_inc (&run->made);
  return g_new0 (int, 1);
}

/* Inputs are named "N" or "bad-N"; a bad one fails (NULL and an error).
 * Works sleep by a scrambled amount, so that later inputs often finish
 * before earlier ones. */
static gpointer
work (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  Run *run = user_data;
  gboolean bad = g_str_has_prefix (input->path, "bad-");
  guint n = (guint) g_ascii_strtoull (input->path + (bad ? 4 : 0), NULL, 10);

  /* Workers stay within threads * 4 inputs of the one being emitted. */
  guint64 bound = (guint64) MIN (run->threads, 1000) * 4;
  if (run->threads > 1 && n >= (guint64) g_atomic_int_get (&run->emitted) + bound)
    g_atomic_int_inc (&run->too_far);
  gint now = g_atomic_int_add (&run->running, 1) + 1;
  for (gint most = g_atomic_int_get (&run->most_running);
       now > most && !g_atomic_int_compare_and_exchange (&run->most_running, most, now);
       most = g_atomic_int_get (&run->most_running))
    ;

  int *state = NULL;
  if (run->states != NULL)
    {
      state = dl_pool_states_take (run->states, NULL);
      g_mutex_lock (&run->lock);
      run->states_in_use++;
      g_mutex_unlock (&run->lock);
    }
  /* Input 0 slowest of all: the others would run far ahead of it if the
   * pool let them. */
  g_usleep (n == 0 ? 30000 : (n * 7919) % 5 * 300);
  dl_diag_report (diag, DL_DIAG_NOTE, input->path, n, "seen");
  char *result = NULL;
  if (bad)
    dl_diag_report (diag, DL_DIAG_ERROR, input->path, 0, "failed");
  else
    result = g_strdup_printf ("r%u", n);
  if (state != NULL)
    {
      (*state)++;
      g_mutex_lock (&run->lock);
      run->states_in_use--;
      g_mutex_unlock (&run->lock);
      dl_pool_states_give (run->states, state);
    }
  g_atomic_int_add (&run->running, -1);
  return result;
}

static void
emit (const DlInput *input, gpointer result, gpointer user_data)
{
  Run *run = user_data;
  g_string_append_printf (run->order, "%s=%s ", input->path, result ? (char *) result : "NULL");
  g_atomic_int_inc (&run->emitted);
}

static GPtrArray *
inputs_named (guint n, const char *bad)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  for (guint i = 0; i < n; i++)
    {
      DlInput *input = g_new0 (DlInput, 1);
      char name[16];
      g_snprintf (name, sizeof name, "%u", i);
      g_autofree char *word = g_strdup_printf (" %s ", name);
      input->path = bad != NULL && strstr (bad, word) != NULL ? g_strdup_printf ("bad-%u", i)
                                                              : g_strdup (name);
      g_ptr_array_add (inputs, input);
    }
  return inputs;
}

/* "0=r0 1=r1 ... " with the inputs named in @bad (" 3 5 ") as bad-N=NULL. */
static char *
expected_order (guint n, const char *bad)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf (" %u ", i);
      if (bad != NULL && strstr (bad, word) != NULL)
        g_string_append_printf (s, "bad-%u=NULL ", i);
      else
        g_string_append_printf (s, "%u=r%u ", i, i);
    }
  return g_string_free (s, FALSE);
}

static char *
expected_diags (guint n, const char *bad)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *word = g_strdup_printf (" %u ", i);
      if (bad != NULL && strstr (bad, word) != NULL)
        g_string_append_printf (s, "0:bad-%u:%u:seen 2:bad-%u:0:failed ", i, i, i);
      else
        g_string_append_printf (s, "0:%u:%u:seen ", i, i);
    }
  return g_string_free (s, FALSE);
}

/* Runs @n inputs (@bad ones failing) on @threads threads, with states when
 * @with_states, and checks order, diagnostics and bounds. */
static void
check_run (guint n, guint threads, const char *bad, gboolean with_states)
{
  Run run = { .threads = threads };
  run.order = g_string_new (NULL);
  run.diags = g_string_new (NULL);
  g_mutex_init (&run.lock);
  if (with_states)
    run.states = dl_pool_states_new (make_state, g_free, &run);
  g_autoptr (GPtrArray) inputs = inputs_named (n, bad);
  g_autoptr (DlDiag) sink = dl_diag_new (collect_diag, &run);

  g_autoptr (DlProgress) progress = dl_progress_new ();
  dl_pool_run (inputs, threads, work, NULL, emit, g_free, sink, progress, &run);

  g_autofree char *label = g_strdup_printf ("%u inputs, %u threads", n, threads);
  /* Every input emitted is counted, failing ones too. */
  DlProgressState done;
  dl_progress_get (progress, &done);
  DL_ASSERT_INT_EQ_FOR (label, done.inputs_done, n);
  g_autofree char *order = expected_order (n, bad);
  g_autofree char *diags = expected_diags (n, bad);
  DL_ASSERT_STR_EQ_FOR (label, run.order->str, order);
  DL_ASSERT_STR_EQ_FOR (label, run.diags->str, diags);
  DL_ASSERT_INT_EQ_FOR (label, run.emitted, n);
  DL_ASSERT_TRUE_FOR (label,
                      (guint) run.most_running <= threads && (n == 0 || run.most_running >= 1));
  DL_ASSERT_INT_EQ_FOR (label, run.too_far, 0);
  if (with_states)
    {
      /* At most one state per work running at once, all given back. */
      DL_ASSERT_TRUE_FOR (label, run.made >= 1 && run.made <= run.most_running);
      DL_ASSERT_INT_EQ_FOR (label, run.states_in_use, 0);
      dl_pool_states_free (run.states);
    }
  g_string_free (run.order, TRUE);
  g_string_free (run.diags, TRUE);
  g_mutex_clear (&run.lock);
}

static void
test_results_in_input_order (void)
{
  static const struct {
    guint inputs, threads;
  } cases[] = { { 0, 1 },
                { 1, 1 },
                { 1, 8 },
                { 40, 1 },
                { 40, 2 },
                { 40, 8 },
                { 100, 8 },
                /* More threads than inputs: 1073741824 * 4 once overflowed
                   the run-ahead bound and the pool waited for ever. */
                { 5, 1073741824u },
                { 3, G_MAXUINT } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_run (cases[i].inputs, cases[i].threads, NULL, FALSE);
}

static void
test_failing_inputs_keep_their_place (void)
{
  /* The first, a middle and the last input fail: NULL results, their
   * errors in order among the others' notes. */
  static const guint threads[] = { 1, 2, 8 };
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    check_run (30, threads[i], " 0 13 29 ", FALSE);
}

static void
test_states_reused_across_inputs (void)
{
  static const guint threads[] = { 1, 2, 8 };
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    check_run (40, threads[i], " 7 ", TRUE);

  /* One thread: one state, made once and used for every input. */
  Run run = { .threads = 1 };
  g_mutex_init (&run.lock);
  run.order = g_string_new (NULL);
  run.diags = g_string_new (NULL);
  run.states = dl_pool_states_new (make_state, g_free, &run);
  g_autoptr (GPtrArray) inputs = inputs_named (10, NULL);
  dl_pool_run (inputs, 1, work, NULL, emit, g_free, NULL, NULL, &run);
  DL_ASSERT_INT_EQ (run.made, 1);
  int *state = dl_pool_states_take (run.states, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (state);
  DL_ASSERT_INT_EQ (*state, 10);
  dl_pool_states_give (run.states, state);
  dl_pool_states_free (run.states);
  g_string_free (run.order, TRUE);
  g_string_free (run.diags, TRUE);
  g_mutex_clear (&run.lock);
}

/* ---- how far workers run ahead of the emitter ---- */

typedef struct {
  gint wanted;         /* works input 0 waits for (5 s at most) */
  gulong pause;        /* then microseconds it sleeps */
  gint done;           /* works finished */
  gint emitted;        /* results emitted */
  gint most_ahead;     /* the furthest a work started past the input emitted */
  gboolean waited_out; /* input 0 gave up waiting */
  GString *order;
} Ahead;

static gpointer
work_ahead (const DlInput *input, const DlDiag *diag, gpointer user_data)
{
  (void) diag;
  Ahead *a = user_data;
  gint n = (gint) g_ascii_strtoll (input->path, NULL, 10);
  gint ahead = n - g_atomic_int_get (&a->emitted);
  for (gint most = g_atomic_int_get (&a->most_ahead);
       ahead > most && !g_atomic_int_compare_and_exchange (&a->most_ahead, most, ahead);
       most = g_atomic_int_get (&a->most_ahead))
    ;
  if (n == 0)
    {
      gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (g_atomic_int_get (&a->done) < a->wanted && g_get_monotonic_time () < end)
        g_usleep (1000);
      a->waited_out = g_atomic_int_get (&a->done) < a->wanted;
      g_usleep (a->pause);
    }
  else
    g_usleep (100);
  g_atomic_int_inc (&a->done);
  return g_strdup_printf ("r%d", n);
}

static void
emit_ahead (const DlInput *input, gpointer result, gpointer user_data)
{
  Ahead *a = user_data;
  g_string_append_printf (a->order, "%s=%s ", input->path, (char *) result);
  g_atomic_int_inc (&a->emitted);
}

/* Results of a few bytes, and results as large as the window allows. */
static guint64
weigh_small (gconstpointer result)
{
  return strlen (result) + 1;
}

static guint64
weigh_large (gconstpointer result)
{
  (void) result;
  return (guint64) 1 << 30;
}

static void
test_weighed_results_let_workers_run_ahead (void)
{
  static const struct {
    DlPoolWeigh weigh;
    gint wanted;      /* works input 0 waits for */
    gulong pause;     /* and then sleeps */
    gint least, most; /* how far ahead works start, at least and at most */
  } cases[] = {
    /* Small results: while input 0 waits, the other worker goes on far
     * past the four inputs a thread it may always run ahead (with those
     * alone, input 0 would wait out its 5 s), but no further than 64. */
    { weigh_small, 40, 0, 40, 128 },
    /* Large results, or none weighed: four inputs a thread, no more,
     * however long input 0 takes. */
    { weigh_large, 0, 50000, 1, 7 },
    { NULL, 0, 50000, 1, 7 },
  };
  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *label = g_strdup_printf ("case %" G_GSIZE_FORMAT, c);
      Ahead a
          = { .wanted = cases[c].wanted, .pause = cases[c].pause, .order = g_string_new (NULL) };
      g_autoptr (GPtrArray) inputs = inputs_named (300, NULL);
      dl_pool_run (inputs, 2, work_ahead, cases[c].weigh, emit_ahead, g_free, NULL, NULL, &a);
      g_autofree char *order = expected_order (300, NULL);
      DL_ASSERT_STR_EQ_FOR (label, a.order->str, order);
      DL_ASSERT_TRUE_FOR (label, !a.waited_out);
      DL_ASSERT_TRUE_FOR (label, a.most_ahead >= cases[c].least && a.most_ahead <= cases[c].most);
      g_string_free (a.order, TRUE);
    }
}

static gpointer
make_failing (gpointer user_data, GError **error)
{
  gint *calls = user_data;
  (*calls)++;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "no state %d", *calls);
  return NULL;
}

static gpointer
make_counted (gpointer user_data, GError **error)
{
  gint *calls = user_data;
  (void) error;
  return GINT_TO_POINTER (++(*calls));
}

static void
test_states_take_and_give (void)
{
  /* Idle states come back last given first; new ones only when none is idle. */
  gint calls = 0;
  g_autoptr (DlPoolStates) states = dl_pool_states_new (make_counted, NULL, &calls);
  gpointer a = dl_pool_states_take (states, NULL);
  gpointer b = dl_pool_states_take (states, NULL);
  DL_ASSERT_INT_EQ (GPOINTER_TO_INT (a), 1);
  DL_ASSERT_INT_EQ (GPOINTER_TO_INT (b), 2);
  dl_pool_states_give (states, a);
  dl_pool_states_give (states, b);
  DL_ASSERT_INT_EQ (GPOINTER_TO_INT (dl_pool_states_take (states, NULL)), 2);
  DL_ASSERT_INT_EQ (GPOINTER_TO_INT (dl_pool_states_take (states, NULL)), 1);
  DL_ASSERT_INT_EQ (GPOINTER_TO_INT (dl_pool_states_take (states, NULL)), 3);
  DL_ASSERT_INT_EQ (calls, 3);

  /* A make that fails: NULL with its error, and nothing kept. */
  gint failures = 0;
  g_autoptr (DlPoolStates) failing = dl_pool_states_new (make_failing, NULL, &failures);
  for (int i = 1; i <= 2; i++)
    {
      g_autoptr (GError) error = NULL;
      CU_ASSERT_PTR_NULL (dl_pool_states_take (failing, &error));
      g_autofree char *expected = g_strdup_printf ("no state %d", i);
      DL_ASSERT_STR_EQ (error ? error->message : NULL, expected);
    }
  DL_ASSERT_INT_EQ (failures, 2);
}

void
test_pool_suite (void)
{
  CU_pSuite s = CU_add_suite ("pool", NULL, NULL);
  CU_add_test (s, "results_in_input_order", test_results_in_input_order);
  CU_add_test (s, "failing_inputs_keep_their_place", test_failing_inputs_keep_their_place);
  CU_add_test (s, "states_reused_across_inputs", test_states_reused_across_inputs);
  CU_add_test (s, "states_take_and_give", test_states_take_and_give);
  CU_add_test (s, "weighed_results_let_workers_run_ahead",
               test_weighed_results_let_workers_run_ahead);
}
