/* lemma.h — the dictionary lemma of a counting form (--unit lemma,
 * doc/DESIGN.md §2 lemma): hunspell dictionaries (tr_TR, en_US) found at
 * run time, Turkish morphotactics (morph-tr.h) for what the dictionary does
 * not say, the corpus's own vocabulary to choose between readings; a word
 * none of them reads stays as it is. A Turkish verb's lemma is its root without -mak
 * (olduğu → ol), as UD Turkish writes it; proper nouns stay whole (only an
 * apostrophe suffix goes), numbers lose their suffix (1990'ların → 1990).
 * Lemmas are computed per type (the vocabulary), never per token. */
#ifndef DL_LEMMA_H
#define DL_LEMMA_H

#include <glib.h>

#include "lexicon.h"
#include "types.h"

G_BEGIN_DECLS

typedef struct _DlLemmatizer DlLemmatizer;

/* The environment variable naming where the dictionaries are: a list of
 * directories (separated by ':'), the only ones searched when it is set;
 * otherwise DICPATH's, then the system's. */
#define DL_DICPATH_ENV "DERLEM_DICPATH"

/* A lemmatizer for one thread (hunspell handles are not shared), with the
 * Turkish and English dictionaries loaded from the first directory of the
 * search path that holds each (DERLEM_DICPATH; or DICPATH,
 * /usr/share/hunspell, /usr/share/myspell/dicts). NULL with @error (DL_ERROR_DATA) naming the
 * missing dictionary, the Debian package that provides it and where it was
 * looked for. */
DlLemmatizer *dl_lemmatizer_new (GError **error);
void dl_lemmatizer_free (DlLemmatizer *lem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLemmatizer, dl_lemmatizer_free)

/* The lemma of every term of @lang's vocabulary: @terms are folded forms
 * (apostrophes DL_APOSTROPHE, normalize.h), @freqs[id] their corpus counts,
 * @proper[id] TRUE for proper nouns (kept whole; only an apostrophe suffix
 * goes: azerbaycan'ın → azerbaycan; may be NULL: none known). The lemmas are
 * interned into @lemmas; returns the lemma id of each term id (the caller's,
 * g_free). Readings are chosen by what @terms attest, so the same word may
 * get another lemma in another corpus. */
guint32 *dl_lemmatizer_map (DlLemmatizer *lem, DlLang lang, const DlLexicon *terms,
                            const guint64 *freqs, const gboolean *proper, DlLexicon *lemmas);

/* Sets @out to the lemma of one word @folded (@len bytes, folded as the
 * terms are; a query word, say) against the vocabulary @terms / @freqs, by
 * the rules of dl_lemmatizer_map, so that a query finds what the map
 * groups. @proper: the word is known to be a proper noun. What it learns of
 * @terms is kept until it is given another vocabulary. */
void dl_lemmatizer_lemma (DlLemmatizer *lem, DlLang lang, const DlLexicon *terms,
                          const guint64 *freqs, const char *folded, gsize len, gboolean proper,
                          GString *out);

/* Sets @out to what the hunspell dictionary alone gives for @folded: its
 * first stem, or the word itself if it has none (for comparisons: bench/
 * eval-units). */
void dl_lemmatizer_dictionary_stem (DlLemmatizer *lem, DlLang lang, const char *folded, gsize len,
                                    GString *out);

G_END_DECLS

#endif /* DL_LEMMA_H */
