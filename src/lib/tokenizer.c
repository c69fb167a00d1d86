/* tokenizer.c — ICU's UBRK_WORD iterator over a UTF-8 UText opened on the
 * line in place (no UTF-16 copy), fed at most SEGMENT_MAX bytes at a time
 * (ICU offsets are int32), with URLs and e-mail addresses cut out first and
 * digits + apostrophe + letters merged after. */
#include "config.h"

#include "tokenizer.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "error.h"
#include "icu.h"
#include "normalize.h"

/* A longer line is cut at white space (or, failing that, a character
 * boundary) into pieces of at most this many bytes. */
#define SEGMENT_MAX (1 << 20)

struct _DlTokenizer {
  UBreakIterator *bi;
  UText ut;
  GArray *tokens; /* of DlToken */
  gboolean sentence_start;
};

DlTokenizer *
dl_tokenizer_new (GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autoptr (UBreakIterator) bi = ubrk_open (UBRK_WORD, "", NULL, 0, &status);
  if (U_FAILURE (status))
    {
      dl_set_icu_error (error, status, "ubrk_open");
      return NULL;
    }
  DlTokenizer *tok = g_new0 (DlTokenizer, 1);
  tok->bi = g_steal_pointer (&bi);
  UText init = UTEXT_INITIALIZER;
  tok->ut = init;
  tok->tokens = g_array_sized_new (FALSE, FALSE, sizeof (DlToken), 64);
  tok->sentence_start = TRUE;
  return tok;
}

void
dl_tokenizer_free (DlTokenizer *tok)
{
  if (tok == NULL)
    return;
  ubrk_close (tok->bi);
  utext_close (&tok->ut);
  g_array_unref (tok->tokens);
  g_free (tok);
}

void
dl_tokenizer_reset (DlTokenizer *tok)
{
  tok->sentence_start = TRUE;
}

const char *
dl_token_kind_name (DlTokenKind kind)
{
  static const char *const names[] = { "word", "number", "url", "email" };
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), "?");
  return names[kind];
}

static void
push (DlTokenizer *tok, gsize offset, gsize len, DlTokenKind kind)
{
  DlToken t = { offset, len, kind, tok->sentence_start };
  g_array_append_val (tok->tokens, t);
  tok->sentence_start = FALSE;
}

static gboolean
starts_with_digit (const char *p, gsize len)
{
  UChar32 c;
  int32_t i = 0;
  U8_NEXT (p, i, (int32_t) MIN (len, 4), c);
  return c >= 0 && u_isdigit (c);
}

static gboolean
ends_with_digit (const char *p, gsize len)
{
  UChar32 c;
  int32_t i = (int32_t) len;
  U8_PREV (p, 0, i, c);
  return c >= 0 && u_isdigit (c);
}

/* Separators that end a sentence, as far as capitalisation goes. */
static gboolean
ends_sentence (const char *p, gsize len)
{
  for (gsize i = 0; i < len; i++)
    switch (p[i])
      {
      case '.':
      case '!':
      case '?':
      case ':':
        return TRUE;
      case '\xE2':
        if (i + 2 < len && p[i + 1] == '\x80' && p[i + 2] == '\xA6') /* … */
          return TRUE;
        break;
      default:
        break;
      }
  return FALSE;
}

/* ICU on @text[@from, @to): words and numbers, digits + apostrophe + word
 * merged. */
static gboolean
tokenize_icu (DlTokenizer *tok, const char *text, gsize from, gsize to, GError **error)
{
  if (from == to)
    return TRUE;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8 (&tok->ut, text + from, (int64_t) (to - from), &status);
  if (U_SUCCESS (status))
    ubrk_setUText (tok->bi, &tok->ut, &status);
  if (U_FAILURE (status))
    return dl_set_icu_error (error, status, "ubrk_setUText");

  /* The token ending in a digit that a following apostrophe + word would
   * join (ICU breaks 1990’ların and TB2’nin there), and where that word must
   * start. */
  gssize joinable = -1;
  gsize join_at = 0;
  int32_t prev = ubrk_first (tok->bi);
  for (int32_t next = ubrk_next (tok->bi); next != UBRK_DONE;
       prev = next, next = ubrk_next (tok->bi))
    {
      int32_t rule = ubrk_getRuleStatus (tok->bi);
      gsize start = from + (gsize) prev, len = (gsize) (next - prev);
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_IDEO_LIMIT)
        {
          if (joinable >= 0 && join_at == start && rule >= UBRK_WORD_LETTER)
            {
              DlToken *t = &g_array_index (tok->tokens, DlToken, joinable);
              t->len = start + len - t->offset;
              joinable = -1;
              continue;
            }
          /* ICU's number/letter status depends on a token's last
           * character (TB2 is a number, 1993a a word): derlem goes by the
           * first. */
          push (tok, start, len,
                starts_with_digit (text + start, len) ? DL_TOKEN_NUMBER : DL_TOKEN_WORD);
          joinable = ends_with_digit (text + start, len) ? (gssize) tok->tokens->len - 1 : -1;
          join_at = 0;
        }
      else
        {
          if (joinable >= 0 && join_at == 0
              && dl_apostrophe_at (text + start, text + start + len) == len)
            join_at = start + len;
          else
            joinable = -1;
          if (ends_sentence (text + start, len))
            tok->sentence_start = TRUE;
        }
    }
  return TRUE;
}

static gboolean
is_url_byte (const char *p, const char *end)
{
  guchar c = (guchar) *p;
  if (c <= ' ' || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`')
    return FALSE;
  if (c < 0x80)
    return TRUE;
  /* Quotation marks and a no-break space end it too. */
  if (c == 0xC2 && p + 1 < end)
    return (guchar) p[1] != 0xAB && (guchar) p[1] != 0xBB && (guchar) p[1] != 0xA0;
  if (c == 0xE2 && p + 2 < end && (guchar) p[1] == 0x80)
    {
      guchar d = (guchar) p[2];
      return d != 0x98 && d != 0x99 && d != 0x9C && d != 0x9D && d != 0xA6;
    }
  return TRUE;
}

/* The end of a URL whose body starts at @p: up to white space or a quote,
 * without trailing punctuation or an unbalanced closing bracket. */
static const char *
url_end (const char *start, const char *p, const char *end)
{
  while (p < end && is_url_byte (p, end))
    p++;
  for (;;)
    {
      if (p == start)
        return p;
      char c = p[-1];
      if (strchr (".,;:!?'", c) != NULL)
        {
          p--;
          continue;
        }
      if (c == ')' || c == ']')
        {
          char open = c == ')' ? '(' : '[';
          int depth = 0;
          for (const char *q = start; q < p; q++)
            depth += *q == open ? 1 : *q == c ? -1 : 0;
          if (depth < 0)
            {
              p--;
              continue;
            }
        }
      return p;
    }
}

static gboolean
is_email_local (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("._%+-", c) != NULL);
}

/* The e-mail address around the '@' at @at, within [@from, @end). */
static gboolean
email_at (const char *from, const char *at, const char *end, const char **s, const char **e)
{
  const char *a = at;
  while (a > from && is_email_local (a[-1]))
    a--;
  while (a < at && *a == '.')
    a++;
  if (a == at)
    return FALSE;
  const char *b = at + 1;
  while (b < end && (g_ascii_isalnum (*b) || *b == '.' || *b == '-'))
    b++;
  while (b > at + 1 && (b[-1] == '.' || b[-1] == '-'))
    b--;
  const char *dot = NULL;
  for (const char *q = at + 1; q < b; q++)
    if (*q == '.')
      dot = q;
  if (dot == NULL || dot == at + 1 || b - dot < 3)
    return FALSE;
  for (const char *q = dot + 1; q < b; q++)
    if (!g_ascii_isalpha (*q))
      return FALSE;
  *s = a;
  *e = b;
  return TRUE;
}

/* The first URL or e-mail address in [@from, @end): TRUE with its span. */
static gboolean
find_special (const char *from, const char *end, const char **s, const char **e, DlTokenKind *kind)
{
  for (const char *p = from; p < end; p++)
    {
      if (*p == ':' && end - p > 3 && p[1] == '/' && p[2] == '/' && is_url_byte (p + 3, end))
        {
          const char *a = p;
          while (a > from
                 && (g_ascii_isalnum (a[-1]) || a[-1] == '+' || a[-1] == '-' || a[-1] == '.'))
            a--;
          while (a < p && !g_ascii_isalpha (*a))
            a++;
          if (a == p)
            continue;
          *s = a;
          *e = url_end (a, p + 3, end);
          *kind = DL_TOKEN_URL;
          return TRUE;
        }
      if ((*p == 'w' || *p == 'W') && end - p > 4 && g_ascii_strncasecmp (p, "www.", 4) == 0
          && (p == from || !(g_ascii_isalnum (p[-1]) || strchr ("./@", p[-1]) != NULL))
          && g_ascii_isalnum (p[4]))
        {
          *s = p;
          *e = url_end (p, p + 4, end);
          *kind = DL_TOKEN_URL;
          return TRUE;
        }
      if (*p == '@' && email_at (from, p, end, s, e))
        {
          *kind = DL_TOKEN_EMAIL;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
may_have_special (const char *text, gsize len)
{
  /* memchr is much faster than memmem, and ':' and '.' are rare enough. */
  if (memchr (text, '@', len) != NULL)
    return TRUE;
  const char *end = text + len;
  for (const char *p = text; (p = memchr (p, ':', (gsize) (end - p))) != NULL; p++)
    if (end - p >= 3 && p[1] == '/' && p[2] == '/')
      return TRUE;
  for (const char *p = text; (p = memchr (p, '.', (gsize) (end - p))) != NULL; p++)
    if (p - text >= 3 && g_ascii_strncasecmp (p - 3, "www", 3) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
tokenize_segment (DlTokenizer *tok, const char *text, gsize from, gsize to, GError **error)
{
  if (!may_have_special (text + from, to - from))
    return tokenize_icu (tok, text, from, to, error);
  const char *p = text + from, *end = text + to, *s, *e;
  DlTokenKind kind;
  while (find_special (p, end, &s, &e, &kind))
    {
      if (!tokenize_icu (tok, text, p - text, s - text, error))
        return FALSE;
      push (tok, s - text, e - s, kind);
      p = e;
    }
  return tokenize_icu (tok, text, p - text, to, error);
}

const DlToken *
dl_tokenizer_line (DlTokenizer *tok, const char *text, gsize len, guint *n_tokens, GError **error)
{
  g_array_set_size (tok->tokens, 0);
  gsize from = 0;
  while (from < len)
    {
      gsize to = len;
      if (len - from > SEGMENT_MAX)
        {
          /* Cut after white space, or else before a character's first byte. */
          to = from + SEGMENT_MAX;
          gsize cut = to;
          while (cut > from && text[cut - 1] != ' ' && text[cut - 1] != '\t')
            cut--;
          if (cut == from)
            while (to > from + 1 && ((guchar) text[to] & 0xC0) == 0x80)
              to--;
          else
            to = cut;
        }
      if (!tokenize_segment (tok, text, from, to, error))
        {
          *n_tokens = 0;
          return NULL;
        }
      from = to;
    }
  *n_tokens = tok->tokens->len;
  return (const DlToken *) (gpointer) tok->tokens->data;
}
