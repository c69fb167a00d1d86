/* morph-tr.h — Turkish inflection read right to left (doc/DESIGN.md §2
 * lemma): every way a folded word splits into a root and a chain of
 * inflectional suffixes that Turkish morphotactics allows — the nominal
 * chain (plural, possessive, case, -ki, copula, person) and the verbal one
 * (ability, negation, tense/aspect/mood, person, copula), joined by
 * participles and verbal nouns (-dığı, -an, -acak, -ma, -mak) and converbs
 * (-ıp, -arak, -ınca...). Vowel harmony, buffer consonants, d/t and c/ç
 * are checked; the root is given as it is written before the suffixes and,
 * where Turkish alternates it, restored (kitab-ı → kitap, ağac-ı → ağaç,
 * reng-i → renk, gid-iyor → git, şehr-i → şehir, başl-ıyor → başla).
 * Nothing here knows which roots exist: the caller decides (lemma.c). */
#ifndef DL_MORPH_TR_H
#define DL_MORPH_TR_H

#include <glib.h>

G_BEGIN_DECLS

/* What a root is, by the chain that was read off it. */
typedef enum {
  DL_MORPH_NOUN = 1 << 0, /* a nominal (noun, adjective, pronoun...) */
  DL_MORPH_VERB = 1 << 1, /* a verb root, without -mak */
} DlMorphKind;

/* One reading: @root (NUL-terminated UTF-8, owned by the caller of the
 * callback only for the call), its kinds, the number of suffixes read off
 * (0: the word itself) and whether the root was restored (alternation,
 * dropped vowel) rather than cut. */
typedef struct {
  const char *root;
  DlMorphKind kinds;
  guint suffixes;
  gboolean restored;
} DlMorphReading;

typedef void (*DlMorphFunc) (const DlMorphReading *reading, gpointer data);

/* Calls @func for every reading of @word (@len bytes of folded Turkish,
 * without an apostrophe), the word itself first (as a noun and a verb, 0
 * suffixes). The same root may come more than once, with other kinds or
 * suffix counts. */
void dl_morph_tr_readings (const char *word, gsize len, DlMorphFunc func, gpointer data);

G_END_DECLS

#endif /* DL_MORPH_TR_H */
