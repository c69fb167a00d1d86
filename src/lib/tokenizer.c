/* tokenizer.c — ICU's UBRK_WORD iterator over a UTF-8 UText opened on the
 * line in place (no UTF-16 copy), fed at most SEGMENT_MAX bytes at a time
 * (ICU offsets are int32), with URLs and e-mail addresses cut out first and
 * derlem's rules applied to ICU's pieces as they come (on_word,
 * on_separator): joins, dates, hashtags, abbreviations, no-words. A piece
 * of text made only of the fast alphabet gets the same pieces from
 * wordbreak.c instead, unless the fast path is off (fastpath.h). */
#include "config.h"

#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "error.h"
#include "fastpath.h"
#include "icu.h"
#include "normalize.h"
#include "number.h"
#include "wordbreak.h"

/* A longer line is cut at white space (or, failing that, a character
 * boundary) into pieces of at most this many bytes. */
#define SEGMENT_MAX (1 << 20)

/* Abbreviations written with a period, English and Turkish in one list (the
 * tokenizer does not know a line's language: queries have none), compared
 * ASCII case-insensitively. Left out: words of either language that end
 * sentences (no, may, al, sen, gen, av, tel, gör, bul, org, yay). */
static const char *const abbreviations[] = {
  /* English titles, companies, places, months, Latin */
  "mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "jr", "sr", "st", "sts", "capt", "col", "lt",
  "sgt", "gov", "rep", "rev", "hon", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "ave",
  "blvd", "rd", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec", "vs", "etc", "cf", "viz", "approx", "ext", "misc", "est", "fig", "vol", "pp",
  /* Turkish: vb. vs. vd. örn. bkz. krş. yy. Doç. Yrd. Öğr. Uzm. Op. Şti. Cad. */
  "vb", "vd", "örn", "Örn", "bkz", "krş", "yy", "sn", "doç", "yrd", "öğr", "Öğr", "uzm", "op", "hz",
  "müh", "çev", "Çev", "şti", "Şti", "ŞTİ", "cad", "sok", "mah", "apt", "üniv", "Üniv"
};

/* The longest abbreviation in bytes: a key holds them whole. */
#define ABBREVIATION_MAX 8

struct _DlTokenizer {
  UBreakIterator *bi;
  UText ut;
  GArray *tokens;                                      /* of DlToken */
  guint64 abbreviations[G_N_ELEMENTS (abbreviations)]; /* their keys, ascending */
  gboolean sentence_start;
  gboolean fast; /* the fast path is on (fastpath.h) */
};

/* @n bytes at @p (at most ABBREVIATION_MAX) as a number, ASCII capitals
 * made small: abbreviations are compared by these keys. */
static guint64
abbreviation_key (const char *p, gsize n)
{
  guint64 key = 0;
  for (gsize i = 0; i < n; i++)
    key = key << 8 | (guchar) g_ascii_tolower (p[i]);
  return key;
}

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
  tok->fast = dl_fast_path_enabled ();
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      g_assert (strlen (abbreviations[i]) <= ABBREVIATION_MAX);
      tok->abbreviations[i] = abbreviation_key (abbreviations[i], strlen (abbreviations[i]));
    }
  qsort (tok->abbreviations, G_N_ELEMENTS (abbreviations), sizeof (guint64), dl_compare_u64);
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

gboolean
dl_tokenizer_sentence_start (const DlTokenizer *tok)
{
  return tok->sentence_start;
}

void
dl_tokenizer_set_sentence_start (DlTokenizer *tok, gboolean start)
{
  tok->sentence_start = start;
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
  if ((guchar) *p < 0x80) /* most words: no call into ICU */
    return g_ascii_isdigit (*p);
  UChar32 c;
  int32_t i = 0;
  U8_NEXT (p, i, (int32_t) MIN (len, 4), c);
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

/* TRUE if @len bytes at @p hold a letter or a digit. */
static gboolean
has_alnum (const char *p, gsize len)
{
  int32_t i = 0, n = (int32_t) len;
  while (i < n)
    {
      UChar32 c;
      U8_NEXT (p, i, n, c);
      if (c >= 0 && u_isalnum (c))
        return TRUE;
    }
  return FALSE;
}

/* TRUE if the character at @p (before @end), if any, is no letter or digit. */
static gboolean
no_alnum_at (const char *p, const char *end)
{
  if (p == end)
    return TRUE;
  if ((guchar) *p < 0x80)
    return !g_ascii_isalnum (*p);
  UChar32 c;
  int32_t i = 0;
  U8_NEXT (p, i, (int32_t) MIN (end - p, 4), c);
  return c < 0 || !u_isalnum (c);
}

static gboolean
all_bytes (const char *p, gsize len, char c)
{
  for (gsize i = 0; i < len; i++)
    if (p[i] != c)
      return FALSE;
  return TRUE;
}

/* TRUE if the ICU word [@start, +@len) of @text is the mouth of an emoticon:
 * `D` of `:D` or `:-D` (also P p O o S s, repeated: `:DDD`; eyes : ; =
 * not after a digit), `xD`, `XDD`, or the `3` of `<3` after white space. */
static gboolean
is_emoticon (const char *text, gsize from, gsize start, gsize len)
{
  const char *p = text + start;
  switch (*p)
    {
    case '3':
      return len == 1 && start > from && p[-1] == '<'
             && (start - 1 == from || g_ascii_isspace (p[-2]));
    case 'x':
    case 'X':
      if (len >= 2 && all_bytes (p + 1, len - 1, 'D'))
        return TRUE;
      break;
    case 'D':
    case 'P':
    case 'p':
    case 'O':
    case 'o':
    case 'S':
    case 's':
      break;
    default:
      return FALSE;
    }
  if (len > 4 || !all_bytes (p, len, *p))
    return FALSE;
  gsize q = start;
  if (q > from && text[q - 1] == '-')
    q--;
  return q > from && (text[q - 1] == ':' || text[q - 1] == ';' || text[q - 1] == '=')
         && (q - 1 == from || !g_ascii_isdigit (text[q - 2]));
}

/* TRUE if the '#' before @start (inside [@from, ...)) starts a hashtag: it
 * follows no letter, digit, '&' (an HTML entity `&#x27;`) or '#' (`C#`). */
static gboolean
is_hashtag (const char *text, gsize from, gsize start)
{
  gsize hash = start - 1;
  if (hash == from)
    return TRUE;
  const char *p = text + hash;
  if (p[-1] == '&' || p[-1] == '#')
    return FALSE;
  if ((guchar) p[-1] < 0x80)
    return !g_ascii_isalnum (p[-1]);
  UChar32 c;
  int32_t i = (int32_t) (hash - from);
  U8_PREV (text + from, 0, i, c);
  return c < 0 || !u_isalnum (c);
}

static gsize
count_digits (const char *p, const char *end)
{
  const char *q = p;
  while (q < end && g_ascii_isdigit (*q))
    q++;
  return (gsize) (q - p);
}

/* The length of a month's short name at @p (Feb, Sept, Şub: 3 or 4
 * letters), or 0. */
static gsize
month_length (const char *p, const char *end)
{
  int32_t i = 0, n = (int32_t) MIN (end - p, 20);
  guint letters = 0;
  while (i < n)
    {
      int32_t at = i;
      UChar32 c;
      U8_NEXT (p, i, n, c);
      if (c < 0 || !u_isalpha (c))
        {
          i = at;
          break;
        }
      letters++;
    }
  return letters >= 3 && letters <= 4 ? (gsize) i : 0;
}

/* The length of the date or time at @p (before @end) if its first @n bytes
 * are digits and its next byte is ':', '/' or '-': `10:53`, `10:53:20`
 * (1-2 digits, then groups of 2); `2020-11-10`, `3/4/2021`, `01-Feb-02` and
 * phone numbers `303-832-8160` (three or more groups of 1-4 digits, one
 * separator, a month's name as the second group). Two groups joined by '-'
 * or '/' are a range or a fraction (`13-17`, `3/4`): 0, as for anything
 * followed by a letter or digit. */
static gsize
date_length (const char *p, const char *end, gsize n)
{
  char sep = p[n];
  gboolean time = sep == ':';
  if (n > (time ? 2u : 4u) || count_digits (p, p + n) != n)
    return 0;
  const char *q = p + n;
  guint groups = 1;
  gboolean month = FALSE;
  while (q + 1 < end && *q == sep && groups < (time ? 3u : 8u))
    {
      gsize d = count_digits (q + 1, end);
      gboolean is_month = FALSE;
      if (d == 0 && !time && groups == 1 && n <= 2)
        is_month = (d = month_length (q + 1, end)) > 0;
      if (d == 0 || d > 4 || (time && d != 2))
        break;
      month |= is_month;
      q += 1 + d;
      groups++;
    }
  if (groups < (time ? 2u : 3u) || (month && groups != 3) || !no_alnum_at (q, end))
    return 0;
  return (gsize) (q - p);
}
/* TRUE if the word @p (@len bytes) before a period is an abbreviation: in
 * the list (`Dr`, `Prof.Dr`: its part after an inner period), or initials
 * (`U.S`, `e.g`, `W.H.S`, an upper-case letter but the pronoun `I`). */
static gboolean
is_abbreviation (const guint64 *keys, const char *p, gsize len)
{
  const char *end = p + len, *part = p;
  gboolean initials = TRUE;
  for (const char *q = p; q < end; q++)
    if (*q == '.')
      {
        initials &= g_utf8_next_char (part) == q;
        part = q + 1;
      }
  if (part == end)
    return FALSE;
  if (g_utf8_next_char (part) == end)
    {
      if (part > p && initials)
        return TRUE;
      UChar32 c = g_utf8_get_char (part);
      return u_isupper (c) && !(part == p && c == 'I');
    }
  gsize n = (gsize) (end - part);
  if (n > ABBREVIATION_MAX)
    return FALSE;
  /* A binary search: a period follows a word in every sentence. */
  guint64 key = abbreviation_key (part, n);
  gsize lo = 0, hi = G_N_ELEMENTS (abbreviations);
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      if (keys[mid] == key)
        return TRUE;
      if (keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* One pass (tokenize_words) over [from, to) of a line. */
typedef struct {
  const char *text;
  gsize from, to;
  guint first;         /* the pass's first token */
  gssize joinable;     /* the last token, while an apostrophe + letters may join it */
  gsize join_at;       /* where those letters must start, once the apostrophe is seen */
  gboolean join_lower; /* the apostrophe was a closing quote: lower-case letters only */
  gsize skip_to;       /* the end of a date pushed whole: ICU's pieces before it are in it */
} Pass;

/* A word or number of ICU at [@start, +@len). */
static void
on_word (DlTokenizer *tok, Pass *ps, gsize start, gsize len, int32_t rule)
{
  const char *text = ps->text;
  if (start < ps->skip_to)
    {
      /* ICU ran past the date (`2020-11-10,5`): it takes the rest. */
      if (start + len > ps->skip_to)
        {
          DlToken *t = &g_array_index (tok->tokens, DlToken, tok->tokens->len - 1);
          t->len = start + len - t->offset;
          ps->skip_to = start + len;
        }
      return;
    }
  if (ps->joinable >= 0 && ps->join_at == start && rule >= UBRK_WORD_LETTER
      && (!ps->join_lower || u_islower (g_utf8_get_char (text + start))))
    {
      DlToken *t = &g_array_index (tok->tokens, DlToken, ps->joinable);
      t->len = start + len - t->offset;
      ps->joinable = -1;
      return;
    }
  ps->joinable = -1;
  if (((guchar) text[start] < 0x80 && !g_ascii_isalnum (text[start])
       && !has_alnum (text + start, len))
      || is_emoticon (text, ps->from, start, len))
    return;
  /* ICU's number/letter status depends on a token's last character (TB2 is
   * a number, 1993a a word): derlem goes by the first. */
  DlTokenKind kind = starts_with_digit (text + start, len) ? DL_TOKEN_NUMBER : DL_TOKEN_WORD;
  gsize end = start + len;
  if (kind == DL_TOKEN_WORD && start > ps->from && text[start - 1] == '#'
      && is_hashtag (text, ps->from, start))
    start--;
  else if (kind == DL_TOKEN_NUMBER && end < ps->to
           && (text[end] == ':' || text[end] == '/' || text[end] == '-'))
    {
      gsize n = date_length (text + start, text + ps->to, len);
      if (n > 0)
        ps->skip_to = end = start + n;
    }
  push (tok, start, end - start, kind);
  ps->joinable = (gssize) tok->tokens->len - 1;
  ps->join_at = 0;
}

/* TRUE if the separator @p (@len bytes) may join the word before it to
 * letters after it: an apostrophe, or a closing quote before a Turkish
 * suffix (`"Tekstilpark"ı`); *@lower says the letters must be lower case. */
static gboolean
is_joiner (const char *p, gsize len, gboolean *lower)
{
  *lower = TRUE;
  if (len == 1 && *p == '"')
    return TRUE;
  if (len == 3 && p[0] == '\xE2' && p[1] == '\x80' && p[2] == '\x9D') /* ” */
    return TRUE;
  *lower = FALSE;
  return (*p == '\'' || *p == '\xE2' || *p == '\xCA' || *p == '\xC2')
         && dl_apostrophe_at (p, p + len) == len;
}

/* A separator of ICU at [@start, +@len). */
static void
on_separator (DlTokenizer *tok, Pass *ps, gsize start, gsize len)
{
  const char *p = ps->text + start;
  if (start < ps->skip_to)
    return;
  if (ps->joinable >= 0 && ps->join_at == 0 && is_joiner (p, len, &ps->join_lower))
    {
      ps->join_at = start + len;
      return;
    }
  ps->joinable = -1;
  if (len == 1 && *p == '.' && tok->tokens->len > ps->first)
    {
      /* The period of an abbreviation is its own, and ends no sentence. */
      DlToken *t = &g_array_index (tok->tokens, DlToken, tok->tokens->len - 1);
      if (t->offset + t->len == start && t->kind == DL_TOKEN_WORD
          && is_abbreviation (tok->abbreviations, ps->text + t->offset, t->len))
        {
          t->len++;
          return;
        }
    }
  if (ends_sentence (p, len))
    tok->sentence_start = TRUE;
}

/* ICU's word breaks of @text[@from, @to) (or the fast path's, the same):
 * words and numbers, with derlem's joins (digits or a word + apostrophe +
 * letters, dates and times, hashtags, abbreviations' periods) and without
 * what is no word (`@`, `____`, emoticons). One loop for both, so that
 * on_word and on_separator are inlined once. */
static gboolean
tokenize_words (DlTokenizer *tok, const char *text, gsize from, gsize to, GError **error)
{
  if (from == to)
    return TRUE;
  const char *piece = text + from;
  gsize len = to - from;
  gboolean fast = tok->fast && dl_wordbreak_covers (piece, len);
  if (!fast)
    {
      UErrorCode status = U_ZERO_ERROR;
      utext_openUTF8 (&tok->ut, piece, (int64_t) len, &status);
      if (U_SUCCESS (status))
        ubrk_setUText (tok->bi, &tok->ut, &status);
      if (U_FAILURE (status))
        return dl_set_icu_error (error, status, "ubrk_setUText");
      ubrk_first (tok->bi);
    }
  Pass ps = { text, from, to, tok->tokens->len, -1, 0, FALSE, 0 };
  for (gsize at = 0; at < len;)
    {
      gsize next;
      int32_t rule;
      if (fast)
        next = dl_wordbreak_next (piece, len, at, &rule);
      else
        {
          int32_t n = ubrk_next (tok->bi);
          if (n == UBRK_DONE)
            break;
          next = (gsize) n;
          rule = ubrk_getRuleStatus (tok->bi);
        }
      if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_IDEO_LIMIT)
        on_word (tok, &ps, from + at, next - at, rule);
      else
        on_separator (tok, &ps, from + at, next - at);
      at = next;
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
    return tokenize_words (tok, text, from, to, error);
  const char *p = text + from, *end = text + to, *s, *e;
  DlTokenKind kind;
  while (find_special (p, end, &s, &e, &kind))
    {
      if (!tokenize_words (tok, text, p - text, s - text, error))
        return FALSE;
      push (tok, s - text, e - s, kind);
      p = e;
    }
  return tokenize_words (tok, text, p - text, to, error);
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
