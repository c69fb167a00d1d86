/* pool.h — runs a job on every input, in parallel worker threads, and hands
 * the results back in input order, so output never depends on --threads. */
#ifndef DL_POOL_H
#define DL_POOL_H

#include <glib.h>

#include "diag.h"
#include "progress.h"
#include "source.h"

G_BEGIN_DECLS

/* Works on one input in a worker thread; what it reports goes to @diag
 * (replayed in input order). Returns a result (owned by the pool), or NULL. */
typedef gpointer (*DlPoolWork) (const DlInput *input, const DlDiag *diag, gpointer user_data);

/* The bytes a result holds, in the worker that made it: a job whose
 * results are small beside their inputs (a search's hits) lets the
 * workers run further ahead while the results held are few. */
typedef guint64 (*DlPoolWeigh) (gconstpointer result);

/* Takes one result, in the main thread, in input order. */
typedef void (*DlPoolEmit) (const DlInput *input, gpointer result, gpointer user_data);

/* Runs @work on each of @inputs (DlInput*) with up to @threads workers and
 * @emit on the results in order, then @free_result on each; @weigh (or
 * NULL: results as large as their inputs may be) says what a result
 * holds. Diagnostics go to @diag; each input emitted is counted in
 * @progress (NULL: nowhere). */
void dl_pool_run (GPtrArray *inputs, guint threads, DlPoolWork work, DlPoolWeigh weigh,
                  DlPoolEmit emit, GDestroyNotify free_result, const DlDiag *diag,
                  DlProgress *progress, gpointer user_data);

/* What the threads of a pool work with (tokenizers, matchers...), made once
 * per thread and kept between inputs: a work function takes an idle state,
 * made by @make when none is idle, and gives it back at the end. */
typedef struct _DlPoolStates DlPoolStates;
typedef gpointer (*DlPoolMake) (gpointer user_data, GError **error);

DlPoolStates *dl_pool_states_new (DlPoolMake make, GDestroyNotify free_state, gpointer user_data);
void dl_pool_states_free (DlPoolStates *states);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPoolStates, dl_pool_states_free)

/* An idle state, or a new one; NULL with @error if @make fails. */
gpointer dl_pool_states_take (DlPoolStates *states, GError **error);
void dl_pool_states_give (DlPoolStates *states, gpointer state);

G_END_DECLS

#endif /* DL_POOL_H */
