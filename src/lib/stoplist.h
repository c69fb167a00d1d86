/* stoplist.h — words left out of lists (--stoplist default|none|FILE): the
 * Turkish and English lists in data/stoplists, or the user's own file, each
 * word normalized by each language's rules so that it matches counting
 * forms. */
#ifndef DL_STOPLIST_H
#define DL_STOPLIST_H

#include <glib.h>

#include "langid.h"
#include "normalize.h"

G_BEGIN_DECLS

typedef struct _DlStoplist DlStoplist;

/* Loads the stoplist named by @spec: "none" (or NULL) gives an empty list;
 * "default" the bundled list of each language; anything else is a file of
 * words, one per line (blank lines and lines starting with # ignored), used
 * for both languages. NULL with @error (DL_ERROR_USAGE naming FILE:LINE) if
 * the file cannot be read or is not UTF-8. */
DlStoplist *dl_stoplist_load (const char *spec, DlNormalizer *norm, GError **error);
void dl_stoplist_free (DlStoplist *sl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlStoplist, dl_stoplist_free)

/* TRUE if the counting form @term (@len bytes, folded) is a stopword of
 * @lang. */
gboolean dl_stoplist_contains (const DlStoplist *sl, DlLang lang, const char *term, gsize len);

/* The number of words listed for @lang. */
guint dl_stoplist_size (const DlStoplist *sl, DlLang lang);

G_END_DECLS

#endif /* DL_STOPLIST_H */
