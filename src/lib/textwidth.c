/* textwidth.c — how many terminal columns text takes. */
#include "config.h"

#include "textwidth.h"

#include <string.h>

#include <unicode/uchar.h>

guint
dl_char_width (gunichar c)
{
  if (c < 0x300)
    return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xad ? 1 : 0;
  switch (u_charType ((UChar32) c))
    {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR:
      return 0;
    default:
      break;
    }
  int ea = u_getIntPropertyValue ((UChar32) c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

gsize
dl_display_width (const char *text, gssize len)
{
  const char *p = text, *end = text + (len < 0 ? (gssize) strlen (text) : len);
  gsize w = 0;
  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          w += dl_char_width ((guchar) *p);
          p++;
          continue;
        }
      w += dl_char_width (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  return w;
}
