/* error.h — derlem's GError domain and a helper for ICU errors. */
#ifndef DL_ERROR_H
#define DL_ERROR_H

#include <glib.h>
#include <unicode/utypes.h>

G_BEGIN_DECLS

#define DL_ERROR (dl_error_quark ())
GQuark dl_error_quark (void);

typedef enum {
  DL_ERROR_USAGE,    /* bad option, argument or query: exit status 2 */
  DL_ERROR_IO,       /* a file or stream could not be read or written */
  DL_ERROR_BINARY,   /* the input is not text */
  DL_ERROR_ENCODING, /* the input could not be decoded */
  DL_ERROR_ICU,      /* an ICU call failed */
  DL_ERROR_DATA,     /* derlem's own language data (stemmers, stoplists) is missing */
  DL_ERROR_INDEX,    /* an index (index.h) is damaged, cut short or of another version */
  DL_ERROR_COUNTS,   /* a partial result (partial.h) is damaged, cut short, of another
                        version, or counted with other options */
} DlError;

/* Sets @error (DL_ERROR_ICU) from a failed ICU status, naming @what; returns
 * FALSE so callers can `return dl_set_icu_error (...)`. */
gboolean dl_set_icu_error (GError **error, UErrorCode status, const char *what);

/* errno just after a call that failed, EIO if the call set none: what a
 * worker thread keeps with its result, to be reported later by another
 * thread (whose errno is its own). Never 0. */
int dl_errno_failed (void);

G_END_DECLS

#endif /* DL_ERROR_H */
