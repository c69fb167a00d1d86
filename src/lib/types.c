/* types.c — names of the shared enums. */
#include "config.h"

#include "types.h"

#include <string.h>

const char *
dl_lang_code (DlLang lang)
{
  switch (lang)
    {
    case DL_LANG_TR:
      return "tr";
    case DL_LANG_EN:
      return "en";
    case DL_LANG_OTHER:
    default:
      return "other";
    }
}

gboolean
dl_lang_parse (const char *code, DlLang *lang)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (strcmp (code, "tr") == 0)
    *lang = DL_LANG_TR;
  else if (strcmp (code, "en") == 0)
    *lang = DL_LANG_EN;
  else if (strcmp (code, "other") == 0)
    *lang = DL_LANG_OTHER;
  else
    return FALSE;
  return TRUE;
}
