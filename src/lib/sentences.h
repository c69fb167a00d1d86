/* sentences.h — where sentences end in a line (ICU sentence breaks, UAX #29),
 * and whether the line's last sentence ends with it, for consumers that must
 * not run across a sentence end (n-gram clusters). A sentence that goes on
 * past a line break (PDF extractions) goes on. */
#ifndef DL_SENTENCES_H
#define DL_SENTENCES_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlSentences DlSentences;

/* A sentence breaker for one thread; NULL with @error (DL_ERROR_ICU) if ICU's
 * rules cannot be loaded. */
DlSentences *dl_sentences_new (GError **error);
void dl_sentences_free (DlSentences *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSentences, dl_sentences_free)

/* Finds the sentence boundaries inside the line @text (@len bytes of valid
 * UTF-8): byte offsets where a new sentence starts, strictly between 0 and
 * @len, ascending, *@n of them (owned by @s, valid until the next call).
 * *@ends is TRUE if the line's text ends a sentence (with . ! ? and the
 * like, not just by stopping). NULL with @error (DL_ERROR_ICU) if ICU fails;
 * a line with no boundary gives a non-NULL pointer and *@n = 0. */
const gsize *dl_sentences_line (DlSentences *s, const char *text, gsize len, guint *n,
                                gboolean *ends, GError **error);

G_END_DECLS

#endif /* DL_SENTENCES_H */
