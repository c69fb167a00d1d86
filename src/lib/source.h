/* source.h — the inputs of a run: files named, files found under directories
 * (recursively, by glob), or standard input. */
#ifndef DL_SOURCE_H
#define DL_SOURCE_H

#include <glib.h>

#include "diag.h"

G_BEGIN_DECLS

typedef struct _DlIndex DlIndex;     /* index.h */
typedef struct _DlPartial DlPartial; /* partial.h */

typedef struct {
  char *path; /* as named, or found under a named directory; "-" is stdin;
                 an index's input: the path its build was given */
  gboolean is_stdin;
  char *spool;             /* a temporary copy read instead (dl_input_spool), or NULL */
  guint64 spool_binary_at; /* with a spool: binary data began at this offset of
                              the input, and the copy ends before it; 0 or
                              G_MAXUINT64: it did not */
  DlIndex *index;          /* an input of an index (a reference), whose lines
                              document.h replays, or NULL */
  guint entry;             /* which of the index's (or partial result's) inputs */
  DlPartial *partial;      /* an input of a partial result (a reference), or NULL:
                              one counted, read no more; its first input carries
                              the counts of them all */
} DlInput;

/* Frees @input, removing its spool file. */
void dl_input_free (DlInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlInput, dl_input_free)

/* TRUE if @input can be read twice: a regular file, not stdin or a pipe. */
gboolean dl_input_rereadable (const DlInput *input);

/* The size in bytes of what @input reads (its spool file, if it has one),
 * or -1 when it is not known before reading: stdin, a pipe, a device, a
 * file that cannot be stat()ed. */
gint64 dl_input_size (const DlInput *input);

/* Copies what @input reads (stdin, a pipe) into a temporary file, which the
 * reader reads from then on, so that a command can read it twice. A
 * megabyte past the first that is binary data ends the copy (a stream
 * of text then /dev/zero has no end); the reader then ends with the error
 * it gives for binary data in a stream. FALSE
 * with @error (DL_ERROR_IO) if it cannot be read or the copy written; an
 * input that cannot be opened is left as it is (its reader says why). */
gboolean dl_input_spool (DlInput *input, GError **error);

/* The directory the paths of @inputs (DlInput*) have in common, as written
 * and with its final '/' ("corpus/", "/home/u/corpus/"): the longest
 * directory prefix of them all; a single input's directory. "" when they
 * share none (a relative and an absolute path, a file in the current
 * directory, standard input). What paths shown to people are relative to.
 * Free with g_free. */
char *dl_source_common_root (GPtrArray *inputs);

/* The default for --glob. */
#define DL_SOURCE_DEFAULT_GLOB "*.txt"

/* Expands @paths (NULL-terminated; "-" is standard input) into the inputs,
 * a named index (index.h: a directory holding its manifest) into its own
 * inputs, in its order (an index found under a directory is skipped), a
 * named partial result (partial.h) into its inputs likewise, after
 * replaying what the paths of its run reported;
 * in a stable order: arguments as given, directory entries sorted by name,
 * walked recursively (hidden entries skipped, symlink loops broken) and kept
 * when their base name matches @glob. A file named explicitly is kept
 * whatever its name. Paths that do not exist or cannot be read are reported
 * to @diag as errors and left out. Returns a GPtrArray of DlInput (owned). */
GPtrArray *dl_source_expand (const char *const *paths, const char *glob, const DlDiag *diag);

/* TRUE if a run with no PATH should read standard input: it is open and
 * not a terminal (a pipe, a file, /dev/null: even when empty). FALSE when
 * a person at a terminal named no file: the bundled corpus then. */
gboolean dl_source_stdin_has_data (void);

G_END_DECLS

#endif /* DL_SOURCE_H */
