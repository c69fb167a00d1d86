/* units.h — what a unit is (doc/DESIGN.md §2, Units): every term of a
 * language's merged counter (a folded form) belongs to exactly one unit —
 * itself, its stem or its lemma — decided once from the whole corpus, so
 * that freq, kwic, colloc and ngrams count, find and show the same units.
 * A unit has a key (the stem or lemma as computed), a headword (what people
 * read: the lemma, or a stem group's most frequent form), its terms and
 * their summed frequency, and is a stopword or not as a whole. A Turkish
 * word with an apostrophe suffix belongs to its base's unit: a name kept
 * whole when the corpus shows the base to be one, otherwise the base's stem
 * or lemma. */
#ifndef DL_UNITS_H
#define DL_UNITS_H

#include <glib.h>

#include "counter.h"
#include "lemma.h"
#include "normalize.h"
#include "stem.h"
#include "stoplist.h"
#include "types.h"

G_BEGIN_DECLS

/* What a token without a unit (a URL, a word of a line not counted) has
 * for its stem and lemma: CWB's own name for a missing value. */
#define DL_UNDEF "__UNDEF__"

typedef struct {
  DlUnit unit;
  DlStemmer *stemmer;         /* for DL_UNIT_STEM */
  DlLemmatizer *lemmatizer;   /* for DL_UNIT_LEMMA */
  const DlStoplist *stoplist; /* decides which units are stopwords; may be NULL */
  DlNormalizer *norm;         /* folds for the stoplist when the counter kept case */
} DlUnitsOptions;

typedef struct _DlUnits DlUnits;

/* The units of @lang's terms in @c (merged counts; borrowed, it must outlive
 * the units). @opts is copied; its tools are borrowed for the call. */
DlUnits *dl_units_new (const DlCounter *c, DlLang lang, const DlUnitsOptions *opts);
void dl_units_free (DlUnits *u);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlUnits, dl_units_free)

DlUnit dl_units_kind (const DlUnits *u);
DlLang dl_units_lang (const DlUnits *u);
const DlCounter *dl_units_counter (const DlUnits *u);

/* The number of units: ids 0 .. size-1. */
guint32 dl_units_size (const DlUnits *u);

/* The unit of term @term (a dl_counter_terms id). */
guint32 dl_units_of (const DlUnits *u, guint32 term);

/* The unit of every term, by term id (owned by @u). */
const guint32 *dl_units_map (const DlUnits *u);

/* The unit's key: the term (forms), the stem, or the lemma (owned by @u). */
const char *dl_units_key (const DlUnits *u, guint32 unit);

/* What the unit is shown as (owned by @u): a form's own text as written
 * most (dl_counter_display); a stem group's most frequent form (the first
 * of dl_units_terms); a lemma itself. */
const char *dl_units_headword (const DlUnits *u, guint32 unit);

/* The unit's frequency: its terms' summed. */
guint64 dl_units_freq (const DlUnits *u, guint32 unit);

/* TRUE if the stoplist names the unit's key or its headword: the unit is
 * left out of lists as a whole, in frequencies and co-occurrences alike. */
gboolean dl_units_is_stopword (const DlUnits *u, guint32 unit);

/* The number of units that are not stopwords: the language's types, as
 * freq's heading and the total_types column give them. */
guint32 dl_units_types (const DlUnits *u);

/* The unit's terms, most frequent first (ties: the key itself, then the
 * shorter in characters, then by bytes), *@n of them (owned by @u); the
 * first is the headword's. */
const guint32 *dl_units_terms (const DlUnits *u, guint32 unit, guint *n);

/* The unit a query word names: @folded (@len bytes, normalized as the
 * matcher normalizes it) is one of the corpus's terms, or its stem or lemma
 * is a unit's key. FALSE if the corpus has no such unit. Threads may call it
 * at once (a lock guards the stemmer and lemmatizer, which units of both
 * languages may share). */
gboolean dl_units_find (DlUnits *u, const char *folded, gsize len, guint32 *unit);

G_END_DECLS

#endif /* DL_UNITS_H */
