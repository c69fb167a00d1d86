/* printable.c — escapes for names, spaces for control characters in text. */
#include "config.h"

#include "printable.h"

#include <string.h>

/* The bytes of a character at @p that is to be escaped, or 0 if it shows
 * as it is; a backslash counts when @name. */
static gsize
escaped_bytes (const char *p, gboolean name)
{
  guchar b = (guchar) *p;
  if (b < 0x20 || b == 0x7f)
    return 1;
  if (b < 0x80)
    return name && b == '\\' ? 1 : 0;
  gunichar c = g_utf8_get_char_validated (p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return 1; /* not UTF-8: the byte alone */
  return c < 0xa0 ? 2 : 0;
}

static void
append_byte (GString *out, guchar b)
{
  switch (b)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    case '\\':
      g_string_append (out, "\\\\");
      break;
    default:
      g_string_append_printf (out, "\\x%02x", b);
    }
}

static void
append_escaped (GString *out, const char *text, gboolean name)
{
  const char *p = text, *run = text; /* run: bytes not yet appended */
  while (*p != '\0')
    {
      gsize n = escaped_bytes (p, name);
      if (n == 0)
        {
          p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
          continue;
        }
      g_string_append_len (out, run, p - run);
      for (gsize i = 0; i < n; i++)
        append_byte (out, (guchar) p[i]);
      p += n;
      run = p;
    }
  g_string_append_len (out, run, p - run);
}

void
dl_printable_append_name (GString *out, const char *name)
{
  append_escaped (out, name, TRUE);
}

char *
dl_printable_name (const char *name)
{
  GString *out = g_string_sized_new (strlen (name));
  append_escaped (out, name, TRUE);
  return g_string_free (out, FALSE);
}

gboolean
dl_printable_name_is_plain (const char *name)
{
  for (const char *p = name; *p != '\0';)
    {
      if (escaped_bytes (p, TRUE) > 0)
        return FALSE;
      p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
    }
  return TRUE;
}

char *
dl_printable_message (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  append_escaped (out, text, FALSE);
  return g_string_free (out, FALSE);
}

/* The bytes of the control character at @p (before @end), or 0. */
static gsize
control_bytes (const char *p, const char *end, const char *keep)
{
  guchar b = (guchar) *p;
  if (b < 0x20)
    return b != '\0' && strchr (keep, b) != NULL ? 0 : 1;
  if (b == 0x7f)
    return 1;
  /* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8. */
  return b == 0xc2 && p + 1 < end && (guchar) p[1] < 0xa0 ? 2 : 0;
}

const char *
dl_printable_find_control (const char *text, gsize len, const char *keep)
{
  const char *end = text + len;
  for (const char *p = text; p < end; p++)
    if (control_bytes (p, end, keep) > 0)
      return p;
  return NULL;
}

void
dl_printable_append_text (GString *out, const char *text, gsize len, const char *keep)
{
  const char *end = text + len, *run = text;
  for (const char *p = text; p < end;)
    {
      gsize n = control_bytes (p, end, keep);
      if (n == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append_c (out, ' ');
      p += n;
      run = p;
    }
  g_string_append_len (out, run, end - run);
}
