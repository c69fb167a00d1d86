/* wordbreak.h — ICU's word breaks (UBRK_WORD, root rules) of the common case
 * without ICU (doc/DESIGN.md §2, tokenizer): for text made only of the fast
 * alphabet, the same segments with the same rule statuses, found by a small
 * state machine over UAX #29 classes. The tokenizer gives ICU every other
 * text. */
#ifndef DL_WORDBREAK_H
#define DL_WORDBREAK_H

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if every character of @text (@len bytes) is in the fast alphabet:
 * ASCII but CR and LF; U+00A0–U+02FF (Latin-1 and Latin Extended letters,
 * Turkish ones among them) but © ® and the soft hyphen; the spaces
 * U+2000–U+200A; the punctuation U+2010–U+2027 (’ ‘ “ ” – — … among it)
 * and U+2030–U+203E but ‼; the currency signs U+20A0–U+20BF. FALSE for
 * anything else and for bytes that are not whole UTF-8 characters. */
gboolean dl_wordbreak_covers (const char *text, gsize len);

/* The end of the segment of @text (@len bytes, which dl_wordbreak_covers)
 * that starts at @start (< @len): where ICU's word break iterator over
 * @text puts the next boundary. *@status is the rule status ICU gives it
 * (ubrk_getRuleStatus): UBRK_WORD_NUMBER, UBRK_WORD_LETTER or
 * UBRK_WORD_NONE. */
gsize dl_wordbreak_next (const char *text, gsize len, gsize start, gint32 *status);

G_END_DECLS

#endif /* DL_WORDBREAK_H */
