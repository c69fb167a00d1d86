/* normalize.c — apostrophes and ICU case folding per language. Folding runs
 * once per distinct form (counter.c folds types, not tokens). With the fast
 * path on (fastpath.h), a form made only of U+0000–U+02FF and apostrophes
 * is folded by a table of what ICU makes of each of those characters:
 * folding has no context, so the form's fold is theirs end to end. */
#include "config.h"

#include "normalize.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

#include "error.h"
#include "fastpath.h"
#include "icu.h"

/* The characters of the fold table, U+0000–U+02FF, and the most bytes a
 * fold of one of them may take there (ŉ → ʼn, ǰ → ǰ, İ → i + U+0307). */
#define FOLD_CHARS 0x300
#define FOLD_MAX 4
#define FOLD_NONE 0xFF /* a length: left to ICU */

/* The case maps, indexes of the fold table. */
enum { MAP_TURKISH, MAP_PLAIN, MAPS };

struct _DlNormalizer {
  UCaseMap *turkish; /* U_FOLD_CASE_EXCLUDE_SPECIAL_I: the Turkic I/İ mappings */
  UCaseMap *plain;   /* default folding */
  GString *apos;     /* scratch */
  gboolean fast;     /* fold by the table where it can (fastpath.h) */
  /* What ICU folds each character to, apostrophes made DL_APOSTROPHE first. */
  char folds[MAPS][FOLD_CHARS][FOLD_MAX];
  guint8 fold_lengths[MAPS][FOLD_CHARS];
};

/* Sets @out to @text (@len bytes) with its apostrophes made DL_APOSTROPHE,
 * case-folded by ICU's @map. FALSE if ICU failed: @out is then the text
 * with its apostrophes made one. */
static gboolean
fold_icu (DlNormalizer *norm, const UCaseMap *map, const char *text, gsize len, GString *out)
{
  dl_normalize_apostrophes (text, len, norm->apos);
  /* Folding rarely changes the length by much: start with room for 3/2. */
  gsize room = norm->apos->len + norm->apos->len / 2 + 8;
  for (;;)
    {
      g_string_set_size (out, room);
      UErrorCode status = U_ZERO_ERROR;
      int32_t n = ucasemap_utf8FoldCase (map, out->str, (int32_t) room, norm->apos->str,
                                         (int32_t) norm->apos->len, &status);
      if (status == U_BUFFER_OVERFLOW_ERROR)
        {
          room = (gsize) n + 1;
          continue;
        }
      if (U_FAILURE (status))
        {
          /* Only invalid input could fail, and the reader lets none through. */
          g_string_assign (out, norm->apos->str);
          return FALSE;
        }
      g_string_set_size (out, (gsize) n);
      return TRUE;
    }
}

/* Fills the fold table: ICU's fold (fold_icu) of each character alone, at
 * most twice its bytes. */
static void
fill_fold_table (DlNormalizer *norm)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  for (int map = 0; map < MAPS; map++)
    for (gunichar c = 0; c < FOLD_CHARS; c++)
      {
        char ch[6];
        gint n = g_unichar_to_utf8 (c, ch);
        const UCaseMap *m = map == MAP_TURKISH ? norm->turkish : norm->plain;
        if (!fold_icu (norm, m, ch, (gsize) n, folded) || folded->len > (c < 0x80 ? 2u : FOLD_MAX))
          {
            norm->fold_lengths[map][c] = FOLD_NONE;
            continue;
          }
        memcpy (norm->folds[map][c], folded->str, folded->len);
        norm->fold_lengths[map][c] = (guint8) folded->len;
      }
}

DlNormalizer *
dl_normalizer_new (GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  /* ucasemap_utf8FoldCase ignores the locale: the option is what matters. */
  g_autoptr (UCaseMap) turkish = ucasemap_open ("tr", U_FOLD_CASE_EXCLUDE_SPECIAL_I, &status);
  g_autoptr (UCaseMap) plain = ucasemap_open ("", U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE (status))
    {
      dl_set_icu_error (error, status, "ucasemap_open");
      return NULL;
    }
  DlNormalizer *norm = g_new0 (DlNormalizer, 1);
  norm->turkish = g_steal_pointer (&turkish);
  norm->plain = g_steal_pointer (&plain);
  norm->apos = g_string_new (NULL);
  norm->fast = dl_fast_path_enabled ();
  if (norm->fast)
    fill_fold_table (norm);
  return norm;
}

void
dl_normalizer_free (DlNormalizer *norm)
{
  if (norm == NULL)
    return;
  ucasemap_close (norm->turkish);
  ucasemap_close (norm->plain);
  g_string_free (norm->apos, TRUE);
  g_free (norm);
}

static const char *const apostrophes[DL_APOSTROPHE_KINDS] = {
  DL_APOSTROPHE, "\xE2\x80\x99", "\xCA\xBC", "\xC2\xB4", "\xE2\x80\x98", "\xE2\x80\x9D", "\""
};
static const guint8 apostrophe_lengths[DL_APOSTROPHE_KINDS] = { 1, 3, 2, 2, 3, 3, 1 };

const char *
dl_apostrophe_text (guint kind)
{
  g_return_val_if_fail (kind < DL_APOSTROPHE_KINDS, DL_APOSTROPHE);
  return apostrophes[kind];
}

/* TRUE if @c may start an apostrophe: ' " or the lead byte of one. */
static inline gboolean
may_start_apostrophe (char c)
{
  return c == '\'' || c == '\xE2' || c == '\xCA' || c == '\xC2' || c == '"';
}

int
dl_apostrophe_kind (const char *p, const char *end)
{
  if (p == end || !may_start_apostrophe (*p))
    return -1;
  for (int k = 0; k < DL_APOSTROPHE_KINDS; k++)
    if ((gsize) (end - p) >= apostrophe_lengths[k]
        && memcmp (p, apostrophes[k], apostrophe_lengths[k]) == 0)
      return k;
  return -1;
}

gsize
dl_apostrophe_at (const char *p, const char *end)
{
  int k = dl_apostrophe_kind (p, end);
  return k < 0 ? 0 : apostrophe_lengths[k];
}

gssize
dl_apostrophe_find (const char *text, gsize len)
{
  const char *end = text + len;
  for (const char *p = text; p < end; p++)
    if (may_start_apostrophe (*p) && dl_apostrophe_at (p, end) > 0)
      return p - text;
  return -1;
}

void
dl_normalize_apostrophes (const char *text, gsize len, GString *out)
{
  g_string_truncate (out, 0);
  const char *end = text + len, *run = text;
  for (const char *p = text; p < end;)
    {
      gsize a = may_start_apostrophe (*p) ? dl_apostrophe_at (p, end) : 0;
      if (a == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, DL_APOSTROPHE);
      p += a;
      run = p;
    }
  g_string_append_len (out, run, end - run);
}

/* Drops the U+0307 COMBINING DOT ABOVE that follows an i: what default
 * folding makes of İ, and what other tools' lower() leave in text. */
static void
drop_dot_above (GString *s)
{
  gsize w = 0;
  for (gsize r = 0; r < s->len; r++)
    {
      if (r + 1 < s->len && s->str[r] == '\xCC' && s->str[r + 1] == '\x87' && w > 0
          && s->str[w - 1] == 'i')
        {
          r++;
          continue;
        }
      s->str[w++] = s->str[r];
    }
  g_string_truncate (s, w);
}

/* TRUE if folding would not change @text in any language: ASCII without
 * capitals or a quote that stands for an apostrophe ("), and the
 * lowercase letters of Turkish (ç ğ ı ö ş ü, â î û). Most words are like
 * that; they need no trip through ICU. */
static gboolean
is_folded (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if (c < 0x80)
        {
          if ((c >= 'A' && c <= 'Z') || c == '"')
            return FALSE;
          continue;
        }
      if (i + 1 >= len)
        return FALSE;
      guchar d = (guchar) text[++i];
      if (!((c == 0xC3
             && (d == 0xA7 || d == 0xB6 || d == 0xBC || d == 0xA2 || d == 0xAE || d == 0xBB))
            || (c == 0xC4 && (d == 0x9F || d == 0xB1)) || (c == 0xC5 && d == 0x9F)))
        return FALSE;
    }
  return TRUE;
}

/* What fold_icu makes of @text, found in the fold table of @map; FALSE
 * (@out undefined) if @text has a character the table does not hold. */
static gboolean
fold_table (const DlNormalizer *norm, int map, const char *text, gsize len, GString *out)
{
  /* No character of the table folds to more than twice its bytes. */
  g_string_set_size (out, 2 * len);
  const guchar *p = (const guchar *) text, *end = p + len;
  char *o = out->str;
  while (p < end)
    {
      gunichar c;
      if (*p < 0x80)
        c = *p++;
      else if (*p >= 0xC2 && *p <= 0xCB && end - p >= 2 && (p[1] & 0xC0) == 0x80)
        {
          c = (gunichar) (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
          p += 2;
        }
      else if (*p == 0xE2 && dl_apostrophe_at ((const char *) p, (const char *) end) == 3)
        {
          /* ’ ‘ ” */
          *o++ = DL_APOSTROPHE[0];
          p += 3;
          continue;
        }
      else
        return FALSE;
      guint8 n = norm->fold_lengths[map][c];
      if (n == FOLD_NONE)
        return FALSE;
      memcpy (o, norm->folds[map][c], n);
      o += n;
    }
  g_string_truncate (out, (gsize) (o - out->str));
  return TRUE;
}

void
dl_normalizer_fold (DlNormalizer *norm, DlLang lang, const char *text, gsize len, GString *out)
{
  if (is_folded (text, len))
    {
      g_string_truncate (out, 0);
      g_string_append_len (out, text, (gssize) len);
      return;
    }
  int map = lang == DL_LANG_TR ? MAP_TURKISH : MAP_PLAIN;
  if (!(norm->fast && fold_table (norm, map, text, len, out))
      && !fold_icu (norm, map == MAP_TURKISH ? norm->turkish : norm->plain, text, len, out))
    return;
  if (memchr (out->str, 0xCC, out->len) != NULL)
    drop_dot_above (out);
}

gboolean
dl_is_capitalized (const char *text, gsize len)
{
  if (len == 0)
    return FALSE;
  if ((guchar) *text < 0x80) /* no ASCII character is titlecase */
    return g_ascii_isupper (*text);
  int32_t i = 0;
  UChar32 c;
  U8_NEXT (text, i, (int32_t) MIN (len, 8), c);
  return c >= 0 && (u_isupper (c) || u_istitle (c));
}
