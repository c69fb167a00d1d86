/* wordbreak.c — ICU's word break rules (icu4c data/brkitr/rules/word.txt,
 * chained, statuses on rules 4–13) restricted to the fast alphabet, where
 * only ALetter, Numeric, the Mid classes, ExtendNumLet, WSegSpace and
 * characters that break on both sides occur: no Extend, Format, ZWJ,
 * Hebrew, Katakana, ideographs, emoji or regional indicators, no CR or LF.
 * tests/test-wordbreak.c compares it with ICU itself. */
#include "config.h"

#include "wordbreak.h"

#include <unicode/ubrk.h>

/* Word_Break classes as the rules see them. Single_Quote (') behaves as
 * MidNumLet without Hebrew letters; Newline (VT, FF) and Double_Quote
 * break on both sides, as Other does. The values are letters so that the
 * ASCII table below can be read. */
enum {
  NONE = 'x', /* not in the fast alphabet */
  OTHER = 'o',
  SPACE = 's', /* WSegSpace */
  LETTER = 'a',
  DIGIT = 'd',
  MID_LETTER = 'l',
  MID_NUM_LET = 'm',
  MID_NUM = 'n',
  EXTEND_NUM_LET = 'e',
};

/* U+0000–U+007F. ICU's root rules take ':' out of MidLetter and make '@'
 * ALetter (`user@example.org` is one word). */
static const char ascii_class[] = "ooooooooooxooxoo" /* 0x00: tab o, LF x, VT FF o, CR x */
                                  "oooooooooooooooo" /* 0x10 */
                                  "soooooomoooonomo" /* 0x20:  ! " # $ % & ' ( ) * + , - . / */
                                  "ddddddddddonoooo" /* 0x30: 0-9 : ; < = > ? */
                                  "aaaaaaaaaaaaaaaa" /* 0x40: @ A-O */
                                  "aaaaaaaaaaaooooe" /* 0x50: P-Z [ \ ] ^ _ */
                                  "oaaaaaaaaaaaaaaa" /* 0x60: ` a-o */
                                  "aaaaaaaaaaaooooo" /* 0x70: p-z { | } ~ DEL */;
G_STATIC_ASSERT (sizeof ascii_class == 128 + 1);

/* U+0080–U+02FF: C1 controls (NEL among them) are left to ICU, as are ©
 * and ® (Extended_Pictographic) and the soft hyphen (Format). */
static int
latin_class (gunichar c)
{
  if (c < 0xA0)
    return NONE;
  if (c < 0xC0)
    switch (c)
      {
      case 0xA9:
      case 0xAD:
      case 0xAE:
        return NONE;
      case 0xAA: /* ª */
      case 0xB5: /* µ */
      case 0xBA: /* º */
        return LETTER;
      case 0xB7: /* · */
        return MID_LETTER;
      default:
        return OTHER;
      }
  /* × ÷ and the spacing accents ˘ ˙ ˚ ˛ ˜ ˝; the rest are ALetter. */
  if (c == 0xD7 || c == 0xF7 || (c >= 0x2D8 && c <= 0x2DD))
    return OTHER;
  return LETTER;
}

/* U+2000–U+20BF: spaces, punctuation, currency signs; the ZW* and bidi
 * controls, line and paragraph separators, ‼ and ⁀ are left to ICU. */
static int
punctuation_class (gunichar c)
{
  if (c <= 0x200A)
    return c == 0x2007 ? OTHER : SPACE; /* a figure space is no WSegSpace */
  if (c >= 0x2010 && c <= 0x2027)
    {
      if (c == 0x2018 || c == 0x2019 || c == 0x2024) /* ‘ ’ ․ */
        return MID_NUM_LET;
      return c == 0x2027 ? MID_LETTER : OTHER;
    }
  if ((c >= 0x2030 && c <= 0x203E && c != 0x203C) || (c >= 0x20A0 && c <= 0x20BF))
    return OTHER;
  return NONE;
}

static inline gboolean
continuation (guchar b)
{
  return (b & 0xC0) == 0x80;
}

/* The class of the character at @p (before @end) and, in *@n, its length
 * (1 for NONE). */
static inline int
class_at (const guchar *p, const guchar *end, gsize *n)
{
  guchar b = p[0];
  if (b < 0x80)
    {
      *n = 1;
      return ascii_class[b];
    }
  if (b >= 0xC2 && b <= 0xCB && end - p >= 2 && continuation (p[1]))
    {
      *n = 2;
      return latin_class ((gunichar) (b & 0x1F) << 6 | (p[1] & 0x3F));
    }
  if (b == 0xE2 && end - p >= 3 && continuation (p[1]) && continuation (p[2]))
    {
      *n = 3;
      return punctuation_class (0x2000 | (gunichar) (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
    }
  *n = 1;
  return NONE;
}

gboolean
dl_wordbreak_covers (const char *text, gsize len)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  while (p < end)
    {
      /* Runs of ASCII, most of any text, in a tight loop. */
      if (*p < 0x80)
        {
          if (ascii_class[*p] == NONE)
            return FALSE;
          p++;
          continue;
        }
      gsize n;
      if (class_at (p, end, &n) == NONE)
        return FALSE;
      p += n;
    }
  return TRUE;
}

/* The rule status of a segment whose last character is of class @c after
 * one of class @prev: a letter's 200 and a digit's 100 (rules 4–12, their
 * statuses chained from the last character); ExtendNumLet's is that of
 * rule 13a (a letter or '_' before it: 200; a digit: 100). */
static inline gint32
status_of (int prev, int c)
{
  if (c == LETTER || (c == EXTEND_NUM_LET && prev != DIGIT))
    return UBRK_WORD_LETTER;
  return UBRK_WORD_NUMBER;
}

gsize
dl_wordbreak_next (const char *text, gsize len, gsize start, gint32 *status)
{
  const guchar *p = (const guchar *) text + start, *end = (const guchar *) text + len;
  gsize n;
  int prev = class_at (p, end, &n);
  p += n;
  *status = prev == LETTER ? UBRK_WORD_LETTER : prev == DIGIT ? UBRK_WORD_NUMBER : UBRK_WORD_NONE;
  if (prev == SPACE)
    {
      /* WB3d: horizontal white space stays together. */
      while (p < end && class_at (p, end, &n) == SPACE)
        p += n;
      return (gsize) (p - (const guchar *) text);
    }
  if (prev != LETTER && prev != DIGIT && prev != EXTEND_NUM_LET)
    return (gsize) (p - (const guchar *) text);
  while (p < end)
    {
      int c = class_at (p, end, &n);
      if (c == LETTER || c == DIGIT || c == EXTEND_NUM_LET)
        {
          /* WB5, 8, 9, 10, 13a, 13b: any two of these stay together. */
          *status = status_of (prev, c);
          prev = c;
          p += n;
          continue;
        }
      /* WB6/7 (letter Mid letter), WB11/12 (digit Mid digit): the Mid
       * character joins only when the same class follows it. */
      gboolean mid = prev == LETTER ? c == MID_LETTER || c == MID_NUM_LET
                                    : prev == DIGIT && (c == MID_NUM || c == MID_NUM_LET);
      gsize m;
      if (!mid || p + n >= end || class_at (p + n, end, &m) != prev)
        break;
      p += n + m;
    }
  return (gsize) (p - (const guchar *) text);
}
