/* error.c — derlem's GError domain. */
#include "config.h"

#include "error.h"

#include <errno.h>

#include "i18n.h"

G_DEFINE_QUARK (derlem - error - quark, dl_error)

gboolean
dl_set_icu_error (GError **error, UErrorCode status, const char *what)
{
  g_set_error (error, DL_ERROR, DL_ERROR_ICU, _ ("%s failed: %s"), what, u_errorName (status));
  return FALSE;
}

int
dl_errno_failed (void)
{
  return errno != 0 ? errno : EIO;
}
