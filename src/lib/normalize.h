/* normalize.h — a token's counting form (doc/DESIGN.md §2): its apostrophes
 * (’ ' ʼ ´ ‘) made one, and its case folded by the rules of the line's language:
 * Turkish İ→i, I→ı; English and other lines default folding without the
 * U+0307 that default folding leaves after İ. Never the process locale. */
#ifndef DL_NORMALIZE_H
#define DL_NORMALIZE_H

#include <glib.h>

#include "langid.h"

G_BEGIN_DECLS

/* The apostrophe every counting form uses (U+0027). */
#define DL_APOSTROPHE "'"

typedef struct _DlNormalizer DlNormalizer;

/* A normalizer for one thread; NULL with @error (DL_ERROR_ICU) if ICU's case
 * maps cannot be opened. */
DlNormalizer *dl_normalizer_new (GError **error);
void dl_normalizer_free (DlNormalizer *norm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlNormalizer, dl_normalizer_free)

/* Sets @out to @text (@len bytes of valid UTF-8) case-folded by @lang's
 * rules, apostrophes made DL_APOSTROPHE. */
void dl_normalizer_fold (DlNormalizer *norm, DlLang lang, const char *text, gsize len,
                         GString *out);

/* Sets @out to @text with its apostrophes made DL_APOSTROPHE, case kept. */
void dl_normalize_apostrophes (const char *text, gsize len, GString *out);

/* The apostrophes counted as one, DL_APOSTROPHE first: ' ’ ʼ, then the
 * acute accent ´ (U+00B4) and ‘ (U+2018) that keyboards and OCR put in
 * words for it (Ankara´nın, I´m), as the language identifier's trainer
 * (data/langid/train-langid.py) also takes them; then the closing quotes ”
 * and " that stand for it before a Turkish suffix after a quotation
 * (“Karabağ Savaşı”na): the tokenizer keeps a quote inside a word only
 * there. */
#define DL_APOSTROPHE_KINDS 7

/* Apostrophe @kind (0 .. DL_APOSTROPHE_KINDS - 1) as UTF-8. */
const char *dl_apostrophe_text (guint kind);

/* The kind of the apostrophe at @p (before @end), or -1. */
int dl_apostrophe_kind (const char *p, const char *end);

/* The length of the apostrophe at @p (before @end), or 0. */
gsize dl_apostrophe_at (const char *p, const char *end);

/* The byte offset of the first apostrophe in @text, or -1. */
gssize dl_apostrophe_find (const char *text, gsize len);

/* TRUE if the first character of @text is an upper- or titlecase letter. */
gboolean dl_is_capitalized (const char *text, gsize len);

G_END_DECLS

#endif /* DL_NORMALIZE_H */
