/* types.h — the small enums every layer shares: the language of a line, the
 * unit counted (word form, stem or lemma) and what happens to case. */
#ifndef DL_TYPES_H
#define DL_TYPES_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_LANG_OTHER = 0, /* numbers, URLs, lone names, other scripts */
  DL_LANG_TR = 1,
  DL_LANG_EN = 2,
} DlLang;

#define DL_LANG_COUNT 3

/* "other", "tr", "en". */
const char *dl_lang_code (DlLang lang);

/* Parses "tr", "en" or "other"; FALSE for anything else. */
gboolean dl_lang_parse (const char *code, DlLang *lang);

/* What a word counts as: its folded form, its Snowball stem, or its
 * dictionary lemma (units.h). */
typedef enum { DL_UNIT_FORM, DL_UNIT_STEM, DL_UNIT_LEMMA } DlUnit;

/* Case: folded by the line's language, or kept as written. */
typedef enum { DL_CASE_FOLD, DL_CASE_KEEP } DlCase;

G_END_DECLS

#endif /* DL_TYPES_H */
