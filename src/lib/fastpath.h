/* fastpath.h — whether tokenizers and normalizers take derlem's own code
 * for the common case (wordbreak.h; normalize.c's fold table) beside ICU,
 * which does the rest: on unless the program is run with --no-fast-path.
 * Output is the same either way; the switch is there to compare. One of
 * the library's two mutable globals (tempfiles.c has the other). */
#ifndef DL_FASTPATH_H
#define DL_FASTPATH_H

#include <glib.h>

G_BEGIN_DECLS

/* Turns the fast path on or off for tokenizers and normalizers made from
 * now on (dl_tokenizer_new, dl_normalizer_new read it once): the program
 * sets it before any work. Thread-safe. */
void dl_fast_path_set (gboolean on);

/* TRUE unless dl_fast_path_set (FALSE) was the last call. */
gboolean dl_fast_path_enabled (void);

G_END_DECLS

#endif /* DL_FASTPATH_H */
