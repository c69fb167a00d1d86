/* progress.h — how far a pass over the inputs has got: bytes read (counted
 * by the readers of every worker thread), inputs done, and what is known of
 * the total. The library only counts; the program shows it. */
#ifndef DL_PROGRESS_H
#define DL_PROGRESS_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlProgress DlProgress;

/* A snapshot of a pass. */
typedef struct {
  guint64 bytes;     /* input bytes read so far */
  guint64 total;     /* bytes of all the inputs; 0 when not known (stdin, a pipe) */
  guint inputs_done; /* inputs finished */
  guint inputs;      /* inputs of the pass */
  gint64 started;    /* g_get_monotonic_time () at dl_progress_begin */
} DlProgressState;

DlProgress *dl_progress_new (void);
void dl_progress_free (DlProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlProgress, dl_progress_free)

/* Starts a pass over @inputs (DlInput*): counts back to zero, the total
 * the sum of their sizes when every one is a regular file (a spool file
 * counts as one), unknown otherwise. */
void dl_progress_begin (DlProgress *progress, GPtrArray *inputs);

/* Adds @bytes read; any thread may call it (it takes a lock: call it per
 * chunk of input, not per line). @progress may be NULL. */
void dl_progress_add_bytes (DlProgress *progress, guint64 bytes);

/* Counts one input finished. @progress may be NULL. */
void dl_progress_input_done (DlProgress *progress);

/* Fills @state with the pass's figures so far. */
void dl_progress_get (DlProgress *progress, DlProgressState *state);

G_END_DECLS

#endif /* DL_PROGRESS_H */
