/* langid.h — per-line language identification: cheap per-line evidence
 * (dl_langid_score) and a streaming smoother with a bounded lag (DlLangid). */
#ifndef DL_LANGID_H
#define DL_LANGID_H

#include <glib.h>

#include "types.h"

G_BEGIN_DECLS

/* Lines whose label is final once this many further non-blank lines were
 * pushed: the smoother never holds more than DL_LANGID_MAX_LAG + 1 lines. */
#define DL_LANGID_MAX_LAG 32

/* What one line says about its language, before smoothing.
 *
 * 'other' means the line holds no word of either language: fewer than two
 * letters outside links (numbers, dates and times in digits, separators,
 * page numbers, bullets), only URLs, e-mail addresses and DOIs, more
 * letters of another script than Latin ones, only month or weekday names,
 * AM/PM and numbers (16 Haziran 2024, 08/16/2000 12:05 PM), only short
 * acronyms and numbers (NATO 1949), or user names and time stamps. 'other'
 * lines are transparent to the smoothing.
 *
 * A person name is not 'other': a line of names only is in the language
 * the names list gives its names (Stephanie, Jill: en; Mert, Hakan
 * TAŞDEMİR* tr), sure of it; when the list gives none or both (Smith, J.;
 * Selin Aksoy, Emily Carter), its tr and en are equal, and its neighbours
 * decide. A greeting beside a name is a word (Hi Sara, is en). */
typedef struct {
  gboolean other; /* the line can only be 'other' (see above) */
  float tr;       /* log-score of the line as Turkish */
  float en;       /* log-score of the line as English */
} DlLangEvidence;

/* Scores one non-blank line: @text is valid UTF-8 in NFC, @len bytes, no
 * line terminator. Pure function, thread-safe, no allocation. */
void dl_langid_score (const char *text, gsize len, DlLangEvidence *ev);

typedef struct _DlLangid DlLangid;

/* A smoother for one document at a time. Free with dl_langid_free. */
DlLangid *dl_langid_new (void);
void dl_langid_free (DlLangid *lid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLangid, dl_langid_free)

/* Appends the evidence of the next non-blank line of the document. */
void dl_langid_push (DlLangid *lid, const DlLangEvidence *ev);

/* Notes a blank line of the document (between the lines pushed before and
 * after it): the two sides pull less on each other's language. Blank lines
 * are never labelled and never popped. */
void dl_langid_push_blank (DlLangid *lid);

/* Takes the label of the oldest line whose label is final, in push order;
 * FALSE when no pending line is final yet. */
gboolean dl_langid_pop (DlLangid *lid, DlLang *lang);

/* End of the document: every pending line becomes final (pop them all),
 * then the smoother starts afresh for the next document. */
void dl_langid_finish (DlLangid *lid);

G_END_DECLS

#endif /* DL_LANGID_H */
