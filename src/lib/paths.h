/* paths.h — where derlem's own files are: the data directory (stoplists,
 * the bundled corpus) and the message catalogues, installed or in the build
 * tree. */
#ifndef DL_PATHS_H
#define DL_PATHS_H

#include <glib.h>

G_BEGIN_DECLS

/* The data directory: $DERLEM_DATADIR if set; the source tree's data/ when
 * the running program is the uninstalled one in the build tree; otherwise
 * $(pkgdatadir). Owned by the caller. */
char *dl_paths_datadir (void);

/* The bundled corpus directory (datadir/corpus). Owned by the caller. */
char *dl_paths_corpus (void);

/* The directory of compiled message catalogues. Owned by the caller. */
char *dl_paths_localedir (void);

G_END_DECLS

#endif /* DL_PATHS_H */
