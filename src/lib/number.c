/* number.c — whole numbers read from text by hand (number.h). */
#include "config.h"

#include "number.h"

gboolean
dl_parse_unsigned (const char *text, guint base, guint64 min, guint64 max, guint64 *out)
{
  g_return_val_if_fail (base == 10 || base == 16, FALSE);
  if (text == NULL || *text == '\0')
    return FALSE;
  guint64 n = 0;
  for (const char *p = text; *p != '\0'; p++)
    {
      int d = g_ascii_xdigit_value (*p);
      if (d < 0 || (guint) d >= base || n > (G_MAXUINT64 - (guint64) d) / base)
        return FALSE;
      n = n * base + (guint64) d;
    }
  if (n < min || n > max)
    return FALSE;
  *out = n;
  return TRUE;
}

guint64
dl_env_number (const char *name, guint64 max, guint64 fallback)
{
  guint64 v;
  return dl_parse_unsigned (g_getenv (name), 10, 1, max, &v) ? v : fallback;
}

int
dl_compare_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return (x > y) - (x < y);
}

int
dl_compare_u64 (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return (x > y) - (x < y);
}
