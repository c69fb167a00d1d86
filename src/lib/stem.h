/* stem.h — the stem of a counting form (--unit stem, doc/DESIGN.md §2): Snowball
 * `turkish` or `english` (libstemmer, UTF-8) on the folded word, except that
 * a Turkish word with an apostrophe is a proper noun plus suffix (the stem is
 * the part before the apostrophe, unstemmed), English 's is dropped, proper
 * nouns and numbers are never stemmed. */
#ifndef DL_STEM_H
#define DL_STEM_H

#include <glib.h>

#include "langid.h"

G_BEGIN_DECLS

typedef struct _DlStemmer DlStemmer;

/* Stemmers for Turkish and English, for one thread. NULL with @error
 * (DL_ERROR_DATA) if libstemmer lacks either. */
DlStemmer *dl_stemmer_new (GError **error);
void dl_stemmer_free (DlStemmer *st);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlStemmer, dl_stemmer_free)

/* Sets @out to the stem of @folded (@len bytes, a form from
 * dl_normalizer_fold) in @lang. @proper: the word is known to be a proper
 * noun, so it is not stemmed. */
void dl_stemmer_stem (DlStemmer *st, DlLang lang, const char *folded, gsize len, gboolean proper,
                      GString *out);

/* The proper noun that the Turkish form @folded shows by its apostrophe
 * suffix (`azerbaycan'ın` → `azerbaycan`): its length in bytes, or 0 if it
 * shows none (no apostrophe, a number, or not Turkish). */
gsize dl_stem_proper_base (DlLang lang, const char *folded, gsize len);

G_END_DECLS

#endif /* DL_STEM_H */
