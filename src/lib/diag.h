/* diag.h — diagnostics about inputs (notes, warnings, errors) sent to a sink
 * that main.c provides, or buffered in a worker and replayed in input order. */
#ifndef DL_DIAG_H
#define DL_DIAG_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_DIAG_NOTE,    /* information: nothing went wrong */
  DL_DIAG_WARNING, /* the input was read, but not all of it as it stood */
  DL_DIAG_ERROR,   /* the input (or part of the work) was skipped */
} DlDiagLevel;

/* @file may be NULL; @line is 0 when the message is about no line. */
typedef void (*DlDiagFunc) (DlDiagLevel level, const char *file, guint64 line, const char *message,
                            gpointer user_data);

typedef struct _DlDiag DlDiag;

/* A sink calling @func. Free with dl_diag_free. */
DlDiag *dl_diag_new (DlDiagFunc func, gpointer user_data);

/* A sink that keeps what it is told until dl_diag_replay. */
DlDiag *dl_diag_new_buffer (void);

/* Sends everything a buffer sink kept to @to, in order, and empties it. */
void dl_diag_replay (DlDiag *buffer, const DlDiag *to);

void dl_diag_free (DlDiag *diag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDiag, dl_diag_free)

/* Reports a message; @diag may be NULL (the message is dropped). */
void dl_diag_report (const DlDiag *diag, DlDiagLevel level, const char *file, guint64 line,
                     const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Reports a GError about @file as an error (it stays the caller's). */
void dl_diag_error (const DlDiag *diag, const char *file, const GError *error);

G_END_DECLS

#endif /* DL_DIAG_H */
