/* vrt-check.c — derlem export's output checked against the rules of
 * verticalized text (vrt-check.h). */
#include "config.h"

#include "vrt-check.h"

#include <string.h>

typedef struct {
  gboolean in_text, in_s;
  guint text_tokens, s_tokens, tokens;
  char s_lang[8];
} State;

static gboolean
fail (GString *why, guint line, const char *rule, const char *text)
{
  if (why != NULL)
    g_string_printf (why, "line %u: %s: %.80s", line, rule, text);
  return FALSE;
}

static gboolean
has_controls (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F
        || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
      return TRUE;
  return FALSE;
}

/* TRUE if every '&' of @l starts one of the five entities XML predefines,
 * the only ones cwb-encode -x decodes (no numeric references). */
static gboolean
entities_known (const char *l)
{
  static const char *const known[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
  for (const char *p = strchr (l, '&'); p != NULL; p = strchr (p + 1, '&'))
    {
      gboolean ok = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (known) && !ok; i++)
        ok = g_str_has_prefix (p, known[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* One line of the document, its number @n (1-based). */
static gboolean
check_line (State *st, const char *l, guint n, GString *why)
{
  if (!entities_known (l))
    return fail (why, n, "an entity cwb-encode does not decode", l);
  if (n == 1 && g_str_has_prefix (l, "<!--"))
    return g_str_has_suffix (l, "-->") || fail (why, n, "header comment not closed", l);
  if (g_str_has_prefix (l, "<text ") && g_str_has_suffix (l, ">"))
    {
      if (st->in_text)
        return fail (why, n, "<text> inside <text>", l);
      st->in_text = TRUE;
      st->text_tokens = 0;
      return TRUE;
    }
  if (strcmp (l, "</text>") == 0)
    {
      if (!st->in_text || st->in_s || st->text_tokens == 0)
        return fail (why, n, "</text> unopened, with <s> open, or empty", l);
      st->in_text = FALSE;
      return TRUE;
    }
  const char *langs[] = { "<s lang=\"tr\">", "<s lang=\"en\">", "<s lang=\"other\">" };
  for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
    if (strcmp (l, langs[i]) == 0)
      {
        if (!st->in_text || st->in_s)
          return fail (why, n, "<s> outside <text> or inside <s>", l);
        st->in_s = TRUE;
        st->s_tokens = 0;
        g_strlcpy (st->s_lang, l + 9, strlen (l) - 9 - 1);
        return TRUE;
      }
  if (strcmp (l, "</s>") == 0)
    {
      if (!st->in_s || st->s_tokens == 0)
        return fail (why, n, "</s> unopened or empty", l);
      st->in_s = FALSE;
      return TRUE;
    }
  if (!st->in_s)
    return fail (why, n, "a token outside <s>", l);
  g_auto (GStrv) f = g_strsplit (l, "\t", -1);
  if (g_strv_length (f) != 5)
    return fail (why, n, "a token line without 5 fields", l);
  for (int i = 0; i < 5; i++)
    if (f[i][0] == '\0')
      return fail (why, n, "an empty field", l);
  if (strcmp (f[4], st->s_lang) != 0)
    return fail (why, n, "a token's lang is not its sentence's", l);
  st->s_tokens++, st->text_tokens++, st->tokens++;
  return TRUE;
}

gboolean
vrt_check (const char *text, GString *why, guint *tokens)
{
  State st = { FALSE, FALSE, 0, 0, 0, "" };
  if (tokens != NULL)
    *tokens = 0;
  if (has_controls (text))
    return fail (why, 0, "a control character", "");
  if (text[0] != '\0' && !g_str_has_suffix (text, "\n"))
    return fail (why, 0, "no final line end", "");
  /* Line by line by hand: g_strsplit's strstr is quadratic under
   * AddressSanitizer, which measures the whole rest of the text at each
   * call, and a hostile case's output has a million lines. */
  g_autoptr (GString) line = g_string_new (NULL);
  guint n = 0;
  for (const char *p = text; *p != '\0';)
    {
      const char *end = p;
      while (*end != '\n')
        end++;
      g_string_truncate (line, 0);
      g_string_append_len (line, p, end - p);
      if (!check_line (&st, line->str, ++n, why))
        return FALSE;
      p = end + 1;
    }
  if (st.in_text || st.in_s)
    return fail (why, n, "an element left open", "");
  /* Well-formed XML once wrapped: GMarkup refuses undefined entities, a
   * raw < or &, unbalanced tags and bad attribute syntax. */
  static const GMarkupParser none = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&none, 0, NULL, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_markup_parse_context_parse (ctx, "<corpus>\n", -1, &error)
      || !g_markup_parse_context_parse (ctx, text, -1, &error)
      || !g_markup_parse_context_parse (ctx, "</corpus>", -1, &error)
      || !g_markup_parse_context_end_parse (ctx, &error))
    return fail (why, 0, "not well-formed XML", error->message);
  if (tokens != NULL)
    *tokens = st.tokens;
  return TRUE;
}
