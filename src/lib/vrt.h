/* vrt.h — verticalized text for CWB (cwb-encode), CQPweb and NoSketch
 * Engine: an input's tokens one a line with their positional attributes
 * (word, fold, stem, lemma, lang), in a <text> element per input and an <s>
 * element per sentence, XML-escaped as cwb-encode -x reads it back. */
#ifndef DL_VRT_H
#define DL_VRT_H

#include <glib.h>

#include "counter.h"
#include "diag.h"
#include "document.h"
#include "source.h"
#include "units.h"

G_BEGIN_DECLS

/* The positional attributes after the word, in the order of the columns. */
#define DL_VRT_P_ATTRIBUTES "fold stem lemma lang"

/* What stands for a value a token has not (the stem of a URL, of a word of
 * another script): CWB's own name for a missing value, never an empty
 * field. */
#define DL_VRT_UNDEF DL_UNDEF

/* The most bytes of a value written (cut at a character): cwb-encode keeps
 * no more (CL_MAX_LINE_LENGTH), and it refuses an input line of 64 KiB. */
#define DL_VRT_MAX_VALUE 4095

/* Appends the @len bytes of @text (valid UTF-8; @len -1: NUL-terminated)
 * to @out as XML character data or an attribute value that cwb-encode -x
 * decodes back: & < > " ' as the five entities XML predefines (CWB
 * decodes no numeric reference), and what XML 1.0 forbids or a terminal
 * acts on — C0 controls, DEL, C1 controls, U+FFFE, U+FFFF — as U+FFFD. At
 * most DL_VRT_MAX_VALUE bytes of @text, cut after a whole character. */
void dl_vrt_escape (GString *out, const char *text, gssize len);

/* Whether @name is an attribute name that cwb-encode takes and CQP can
 * name in a query (a-z, 0-9, '_', not starting with a digit; CWB allows
 * '-' too, which CQP reads as a minus), and @name made one into @out
 * (ASCII letters lower-cased, any other character '_', a '_' before a
 * leading digit). */
gboolean dl_vrt_is_name (const char *name);
void dl_vrt_name (GString *out, const char *name);

typedef struct {
  gboolean langs[DL_LANG_COUNT]; /* lines of which languages are written */
  /* The corpus's words as counted (the merged counts of a first pass:
   * words and numbers of tr and en lines), borrowed; their forms, stems and
   * lemmas give fold, stem and lemma. */
  const DlCounter *counter;
  DlUnits *stems[DL_LANG_COUNT];  /* --unit stem's units, NULL for other */
  DlUnits *lemmas[DL_LANG_COUNT]; /* --unit lemma's units, NULL for other */
} DlVrtOptions;

/* Takes @len bytes of the text written; FALSE to stop (a write failed). */
typedef gboolean (*DlVrtWrite) (const char *bytes, gsize len, gpointer user_data);

typedef struct _DlVrt DlVrt;

/* A writer for one thread (its own stream and normalizer); @opts is
 * copied, what it points to borrowed. NULL with @error (DL_ERROR_ICU). */
DlVrt *dl_vrt_new (const DlVrtOptions *opts, GError **error);
void dl_vrt_free (DlVrt *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlVrt, dl_vrt_free)

/* Writes @input through @write: @text_tag (the whole <text ...> line,
 * escaped) before its first token, then its tokens line by line in <s>
 * elements, then </text>; nothing for an input without tokens (CWB has no
 * empty regions). A token line is the token as written, its fold (the form
 * freq counts, shown as freq shows it), its stem and lemma (as --unit stem
 * and lemma count them) and its line's language, TAB-separated. A sentence
 * ends where ICU's sentence breaks end one (not at a line break), at a
 * change of language and at a line left out by DlVrtOptions.langs. What
 * was opened is closed whatever happens. FALSE with @error if the input
 * cannot be opened or read (DL_ERROR_IO, DL_ERROR_BINARY), or ICU fails;
 * FALSE without @error if @write stopped. */
gboolean dl_vrt_input (DlVrt *v, const DlInput *input, const DlDocumentOptions *doc_options,
                       const DlDiag *diag, const char *text_tag, DlVrtWrite write,
                       gpointer user_data, GError **error);

G_END_DECLS

#endif /* DL_VRT_H */
