/* lexicon.h — every distinct string interned once: integer ids from 0 in
 * order of first sight, the bytes stored once. Counts live in arrays indexed
 * by id, kept by whoever counts (counter.h). */
#ifndef DL_LEXICON_H
#define DL_LEXICON_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlLexicon DlLexicon;

DlLexicon *dl_lexicon_new (void);
void dl_lexicon_free (DlLexicon *lex);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLexicon, dl_lexicon_free)

/* The id of the @len bytes at @text (need not be NUL-terminated, must not
 * contain NUL), adding them if new (then *@added is TRUE, when @added is not
 * NULL). */
guint32 dl_lexicon_intern (DlLexicon *lex, const char *text, gsize len, gboolean *added);

/* A string to intern through dl_lexicon_prefetch. */
typedef struct {
  const char *text;
  gsize len;
  guint32 hash; /* set by dl_lexicon_prefetch */
} DlLexiconKey;

/* Hashes the @n @keys (their text and len set) and asks the memory for
 * what looking them up will read: their slots, then the entries and bytes
 * of the strings these hold. Interning a rare word misses the cache two or
 * three times in a row; asking for a line's words at once lets those
 * misses overlap. Then dl_lexicon_intern_key each, in order. */
void dl_lexicon_prefetch (const DlLexicon *lex, DlLexiconKey *keys, guint n);

/* dl_lexicon_intern of a key that dl_lexicon_prefetch hashed. */
guint32 dl_lexicon_intern_key (DlLexicon *lex, const DlLexiconKey *key, gboolean *added);

/* The id of @text if it is in the lexicon. */
gboolean dl_lexicon_lookup (const DlLexicon *lex, const char *text, gsize len, guint32 *id);

/* The string of @id, NUL-terminated, owned by the lexicon. */
const char *dl_lexicon_string (const DlLexicon *lex, guint32 id);

/* Its length in bytes. */
gsize dl_lexicon_length (const DlLexicon *lex, guint32 id);

/* The number of strings interned. */
guint32 dl_lexicon_size (const DlLexicon *lex);

/* Makes room for @n strings more (a merge of @n strings, some perhaps
 * already there), so that adding them moves nothing already added. */
void dl_lexicon_reserve (DlLexicon *lex, guint32 n);

G_END_DECLS

#endif /* DL_LEXICON_H */
