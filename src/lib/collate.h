/* collate.h — alphabetical order by a language's rules (ICU collators `tr`
 * and `en`: Turkish c < ç, g < ğ, ı < i, o < ö, s < ş, u < ü), as sort keys
 * that compare with strcmp. */
#ifndef DL_COLLATE_H
#define DL_COLLATE_H

#include <glib.h>

#include "langid.h"

G_BEGIN_DECLS

typedef struct _DlCollator DlCollator;

/* The collator of @lang (root order for other). NULL with @error
 * (DL_ERROR_ICU) if ICU has no such collator. One thread at a time. */
DlCollator *dl_collator_new (DlLang lang, GError **error);
void dl_collator_free (DlCollator *col);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCollator, dl_collator_free)

/* Sets @key to the sort key of @text (@len bytes of UTF-8): a NUL-terminated
 * byte string; strcmp on two keys orders their texts. */
void dl_collator_key (DlCollator *col, const char *text, gsize len, GString *key);

/* The text of item @i of @data to make a key of (@len bytes), or NULL if
 * it needs none. */
typedef const char *(*DlKeyText) (gpointer data, guint i, gsize *len);
/* Gives item @i of @data its key (NUL-terminated; it lives as long as the
 * chunks of dl_collator_keys). */
typedef void (*DlKeySet) (gpointer data, guint i, const char *key);

/* Makes the sort key of each of @n items of @data that @text gives a text
 * (its characters reversed if @reversed) and hands it to @set, in string
 * chunks it adds to @chunks (which must free them). Made on up to
 * @threads threads, each with a collator of @lang of its own, when there
 * are enough items: @text and @set are called from them, for distinct
 * items. FALSE with @error (DL_ERROR_ICU) if ICU has no collator for
 * @lang. */
gboolean dl_collator_keys (DlLang lang, gboolean reversed, guint n, DlKeyText text, DlKeySet set,
                           gpointer data, GPtrArray *chunks, guint threads, GError **error);

/* Orders @a and @b (@alen, @blen bytes); texts that collate equal are
 * ordered by their bytes, so only identical texts compare 0. */
int dl_collator_compare (DlCollator *col, const char *a, gsize alen, const char *b, gsize blen);

/* Sets @out to @text with its characters in reverse order (a tergo). */
void dl_reverse_chars (const char *text, gsize len, GString *out);

/* An item of a ranked list: two numbers, compared in descending order, then
 * its text in the collator's order. */
typedef struct {
  double k1;
  guint64 k2;
  const char *text; /* NUL-terminated */
  gpointer data;    /* the caller's */
  const char *key;  /* set by dl_collator_rank where needed */
} DlRanked;

/* Sorts @items (@n of them) by k1 and k2 descending, then text, and returns
 * how many make the first @top (0: all). Collation keys (in @chunk) are made
 * only for the ties that reach into those. */
guint dl_collator_rank (DlCollator *col, DlRanked *items, guint n, guint top, GStringChunk *chunk);

G_END_DECLS

#endif /* DL_COLLATE_H */
