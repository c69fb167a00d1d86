/* tempfiles.h — the temporary files of a run (-o's .FILE.XXXXXX, standard
 * input's spool copies), kept where a signal handler can remove them: a
 * fixed table of paths that dl_tempfiles_remove_all reads without a lock
 * or an allocation, so that SIGINT or SIGTERM leaves none behind. A
 * mutable global of the library (fastpath.c has the only other one): a
 * signal handler can reach nothing else. */
#ifndef DL_TEMPFILES_H
#define DL_TEMPFILES_H

#include <glib.h>

G_BEGIN_DECLS

/* How many temporary files can be registered at once, and how long a
 * path may be (bytes, with its NUL). A path beyond either is not
 * registered: a signal then leaves it, as before. */
#define DL_TEMPFILES_MAX 64
#define DL_TEMPFILES_PATH_MAX 4096

/* Registers @path, a temporary file just made, to be removed by
 * dl_tempfiles_remove_all. Thread-safe. FALSE if the table is full or
 * @path too long. */
gboolean dl_tempfiles_add (const char *path);

/* Forgets @path (registered): call it once the file is renamed or
 * unlinked. Thread-safe; a path not registered is ignored. */
void dl_tempfiles_forget (const char *path);

/* Unlinks every registered temporary file and forgets it; a registered
 * directory (an index being built) is removed after the files, once empty.
 * Async-signal-safe (atomic operations and unlink only): for a handler of
 * SIGINT, SIGTERM, SIGHUP. */
void dl_tempfiles_remove_all (void);

G_END_DECLS

#endif /* DL_TEMPFILES_H */
