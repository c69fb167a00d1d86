/* prefilter.h — which lines can hold a hit of some queries, found in the
 * raw text without tokenizing it: a literal every match must contain,
 * searched in every spelling the matcher would fold to it (case, Turkish
 * I/ı/İ/i, the apostrophes), for kwic to skip the lines that cannot match
 * (doc/DESIGN.md §2, concord). */
#ifndef DL_PREFILTER_H
#define DL_PREFILTER_H

#include <glib.h>

#include "query.h"

G_BEGIN_DECLS

/* The characters whose form may not be themselves, as an ICU set: those
 * that folding changes, and the precomposed ones, which it may give
 * decomposed (ǰ → j + U+030C) or as another (ι for U+1FBE) though their
 * decompositions stay; not Hangul syllables, which have no case. With the
 * apostrophes and U+0307 they are every character the normalizer changes
 * (the prefilter suite tries them all). */
#define DL_PREFILTER_CHANGING                                                                      \
  "[[:Changes_When_Casefolded:][:NFD_Quick_Check=No:]-[\\uAC00-\\uD7A3]]"

typedef struct _DlPrefilter DlPrefilter;

/* A prefilter for @queries (@n of them) as @matcher (made for them with
 * @options) matches them. NULL without @error when some query has no
 * literal to search: a regular expression, a pattern without letters
 * (`*`, `???`), a word compared by stem or lemma with no pattern beside it
 * in its phrase (a token's unit need not share its spelling); such queries
 * need every line. NULL with @error (DL_ERROR_ICU) if ICU fails. */
DlPrefilter *dl_prefilter_new (DlQuery *const *queries, guint n, const DlQueryOptions *options,
                               DlMatcher *matcher, GError **error);
void dl_prefilter_free (DlPrefilter *pf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPrefilter, dl_prefilter_free)

/* FALSE only if no token of @text (@len bytes of a line in NFC, as the
 * document gives it) can match a query, in any language: TRUE when the
 * text holds a spelling of a query's literal, or a character whose folded
 * form is not one character and may give one of a literal's (ß → ss for
 * a literal with an s; a U+0307, which folding drops after an i, for one
 * with an i), which the spellings do not follow. */
gboolean dl_prefilter_line (const DlPrefilter *pf, const char *text, gsize len);

/* The number of spellings searched for the literal of query @q (for the
 * tests: how many strings the classes of its characters make, summed over
 * the literals of its languages). */
guint64 dl_prefilter_spellings (const DlPrefilter *pf, guint q);

G_END_DECLS

#endif /* DL_PREFILTER_H */
