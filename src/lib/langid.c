/* langid.c — per-line language identification: a character trigram
 * naive-Bayes score plus word and layout cues for each line
 * (dl_langid_score), smoothed by a two-state fixed-lag Viterbi (DlLangid). */
#include "config.h"

#include "langid.h"

#include <math.h>
#include <string.h>

#include "langid-model.h"

/* ------------------------------------------------------------------------ */
/* Parameters. Scores are in nats; see data/langid/README.md. */

/* Weight of the word-table evidence against the trigram evidence. */
#define DL_LANGID_WORD_WEIGHT 1.0f
/* Cost of switching language between two consecutive tr/en lines, and
 * between two with a blank line (or more) between them: a blank line
 * weakens the pull of the neighbours. */
#define DL_LANGID_SWITCH_COST 6.0f
#define DL_LANGID_SWITCH_COST_BLANK 3.5f
/* A word votes for a language when its log-ratio in the word table is at
 * least this (in the table's units, 1/DL_LANGID_LLR_SCALE nats): one nat. */
#define DL_LANGID_VOTE_LLR DL_LANGID_LLR_SCALE
/* A word that is no ordinary word of the word table votes for a language
 * when its trigrams and log-ratio favour it by this much (1/16 nats; the
 * trigram costs and the word table's log-ratios share the unit). */
#define DL_LANGID_TRIGRAM_VOTE DL_LANGID_COST_SCALE
/* ...and twice from this much on when it is not capitalised. A word of the
 * other language keeps a line of names from being sure of its names'
 * language: an ordinary word (and), or one whose trigrams say so this
 * strongly (90+3' Goal – Kocabaş). */
#define DL_LANGID_TRIGRAM_STRONG (3 * DL_LANGID_COST_SCALE)
/* Words whose log-ratio is beyond this are words of conversation (yes,
 * thanks, evet, tamam), which the trainer puts past the clamp of the others
 * (3 nats): they vote twice. */
#define DL_LANGID_CHAT_LLR (3 * DL_LANGID_LLR_SCALE)
/* Words of a line looked up in the word table (the first ones). */
#define DL_LANGID_WORDS_LOOKED_UP 16
/* A single line never says more than this about its language. */
#define DL_LANGID_MAX_MARGIN 40.0f
/* A line whose margin is at least this keeps its own language: labelling
 * it otherwise costs DL_LANGID_MAX_MARGIN, more than two switches. Set on
 * bench/eval-langid and the fixtures: 8 let names in capitals (78'
 * Penalty scored – Yalçın) keep Turkish, 12.5 lost short English lines. */
#define DL_LANGID_SURE_MARGIN 10.0f

/* ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------ */
/* Characters. */

/* The kinds and packing of character classes are in langid-model.h. */
#define K_SPACE DL_LANGID_K_SPACE
#define K_PUNCT DL_LANGID_K_PUNCT
#define K_LETTER DL_LANGID_K_LETTER
#define K_DIGIT DL_LANGID_K_DIGIT
#define K_APOS DL_LANGID_K_APOS
#define K_FOREIGN DL_LANGID_K_FOREIGN
#define K_IGNORE DL_LANGID_K_IGNORE
#define K_LIGATURE DL_LANGID_K_LIGATURE
#define CL_KIND DL_LANGID_CL_KIND
#define CL_SYM DL_LANGID_CL_SYM
#define CL_UPPER DL_LANGID_CL_UPPER
#define CL_ROMAN DL_LANGID_CL_ROMAN
#define CL_CAP_I 0x800 /* 'I' */
#define LOWER(s) (K_LETTER | ((s) << 3))
#define UPPER(s) (K_LETTER | ((s) << 3) | CL_UPPER)
#define NSYM DL_LANGID_NSYM

#if defined(__GNUC__)
#define ALWAYS_INLINE __attribute__ ((always_inline))
#else
#define ALWAYS_INLINE
#endif

/* Eight codes a row, as the ASCII table reads. */
/* clang-format off */
static const guint16 ascii_class[128] = {
  K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  K_PUNCT, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_SPACE, K_PUNCT, K_PUNCT,
  K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  /* space ! " # $ % & ' */
  K_SPACE, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_APOS,
  /* ( ) * + , - . / */
  K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT, K_DIGIT,
  /* 8 9 : ; < = > ? */
  K_DIGIT, K_DIGIT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  /* @ A..O */
  K_PUNCT, UPPER (1), UPPER (2), UPPER (3) | CL_ROMAN, UPPER (4) | CL_ROMAN,
  UPPER (5), UPPER (6), UPPER (7), UPPER (8),
  UPPER (DL_LANGID_SYM_CAP_I) | CL_ROMAN | CL_CAP_I, UPPER (10), UPPER (11),
  UPPER (12) | CL_ROMAN, UPPER (13) | CL_ROMAN, UPPER (14), UPPER (15),
  /* P..Z [ \ ] ^ _ */
  UPPER (16), UPPER (17), UPPER (18), UPPER (19), UPPER (20), UPPER (21),
  UPPER (22) | CL_ROMAN, UPPER (23), UPPER (24) | CL_ROMAN, UPPER (25),
  UPPER (26), K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
  /* ` a..o; i v x are the Roman numerals of a preface's page numbers */
  K_APOS, LOWER (1), LOWER (2), LOWER (3), LOWER (4), LOWER (5), LOWER (6),
  LOWER (7), LOWER (8), LOWER (9) | CL_ROMAN, LOWER (10), LOWER (11),
  LOWER (12), LOWER (13), LOWER (14), LOWER (15),
  /* p..z { | } ~ DEL */
  LOWER (16), LOWER (17), LOWER (18), LOWER (19), LOWER (20), LOWER (21),
  LOWER (22) | CL_ROMAN, LOWER (23), LOWER (24) | CL_ROMAN, LOWER (25),
  LOWER (26), K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT, K_PUNCT,
};
/* clang-format on */

/* The letters of the ligatures U+FB00..U+FB06 (PDF extractions). */
static const char ligatures[7][4] = {
  "ff", "fi", "fl", "ffi", "ffl", "st", "st",
};

/* classify_cp and the scorer's two-byte path (lead bytes C2..C5) look up
 * U+0080..U+017F in the table by c - 0x80. */
G_STATIC_ASSERT (G_N_ELEMENTS (dl_langid_latin_class) == 0x180 - 0x80);

/* Classifies a non-ASCII code point (a packed class). */
static guint
classify_cp (gunichar c)
{
  if (c < 0x180)
    return dl_langid_latin_class[c - 0x80];
  switch (c)
    {
    case 0x2BC:
    case 0x2018:
    case 0x2019:
      return K_APOS;
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return K_SPACE;
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return K_IGNORE;
    default:
      break;
    }
  if (c <= 0x2AF || (c >= 0x1E00 && c <= 0x1EFF))
    return g_unichar_isupper (c) ? UPPER (DL_LANGID_SYM_LATIN) : LOWER (DL_LANGID_SYM_LATIN);
  if ((c >= 0x2C2 && c < 0x2E0) || (c >= 0x300 && c < 0x370))
    return K_IGNORE;
  if (c >= 0x2000 && c < 0x200B)
    return K_SPACE;
  if (c >= 0xFB00 && c <= 0xFB06)
    return K_LIGATURE | ((c - 0xFB00) << 3);
  if ((c >= 0x370 && c < 0x1D00) || (c >= 0x2E80 && c < 0x3000) || (c >= 0x3040 && c < 0xD800)
      || (c >= 0xF900 && c < 0xFB00) || (c >= 0xFB1D && c < 0xFE00) || (c >= 0xFE70 && c < 0xFEFF)
      || (c >= 0x10000 && c < 0x1F000))
    return K_FOREIGN;
  return K_PUNCT;
}

/* Decodes one UTF-8 character at *pp, at least two bytes long (valid UTF-8
 * is promised; a stray byte is taken alone, as U+FFFD). */
static inline gunichar
next_char (const guchar **pp, const guchar *end)
{
  const guchar *p = *pp;
  gunichar c = p[0];
  guint n;

  if (c < 0xE0)
    {
      if (c < 0xC2 || end - p < 2 || (p[1] & 0xC0) != 0x80)
        goto bad;
      c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      n = 2;
    }
  else if (c < 0xF0)
    {
      if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        goto bad;
      c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (c < 0x800)
        goto bad;
      n = 3;
    }
  else
    {
      if (c > 0xF4 || end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80
          || (p[3] & 0xC0) != 0x80)
        goto bad;
      c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      if (c < 0x10000 || c > 0x10FFFF)
        goto bad;
      n = 4;
    }
  *pp = p + n;
  return c;
bad:
  *pp = p + 1;
  return 0xFFFD;
}

/* ------------------------------------------------------------------------ */
/* The word table. */

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static const DlLangidWord no_word = { 0, 0, 0 };

/* The entry of hash @h, or no_word; without branches. */
static inline const DlLangidWord *
word_lookup (guint32 h)
{
  const DlLangidWord *b = &dl_langid_words[(h * 0x9E3779B1u) >> (32 - DL_LANGID_WORD_BITS)];
  const DlLangidWord *e = &no_word;
  guint16 tag = h >> 16 ? h >> 16 : 1;

  for (int i = DL_LANGID_WORD_WINDOW - 1; i >= 0; i--)
    e = b[i].tag == tag ? &b[i] : e;
  return e;
}

/* The hashes of the word [s, e) (letters, apostrophes inside it, ignorable
 * characters) with 'I' read as ı and as i. */
static void
word_hashes (const guchar *s, const guchar *e, guint32 *h_tr, guint32 *h_en)
{
  guint32 a = FNV_OFFSET, b = FNV_OFFSET;

  while (s < e)
    {
      gunichar c = *s;
      guint cl, sym;

      if (c < 0x80)
        {
          cl = ascii_class[c];
          s++;
        }
      else
        cl = classify_cp (next_char (&s, e));
      switch (CL_KIND (cl))
        {
        case K_LETTER:
          sym = CL_SYM (cl);
          a = (a ^ (sym == DL_LANGID_SYM_CAP_I ? DL_LANGID_SYM_DOTLESS_I : sym)) * FNV_PRIME;
          b = (b ^ (sym == DL_LANGID_SYM_CAP_I ? DL_LANGID_SYM_I : sym)) * FNV_PRIME;
          break;
        case K_APOS:
          a = (a ^ DL_LANGID_SYM_APOS) * FNV_PRIME;
          b = (b ^ DL_LANGID_SYM_APOS) * FNV_PRIME;
          break;
        case K_LIGATURE:
          for (const char *l = ligatures[CL_SYM (cl)]; *l; l++)
            {
              sym = CL_SYM (ascii_class[(guchar) *l]);
              a = (a ^ sym) * FNV_PRIME;
              b = (b ^ sym) * FNV_PRIME;
            }
          break;
        default:
          break;
        }
    }
  *h_tr = a;
  *h_en = b;
}

/* ------------------------------------------------------------------------ */
/* Scoring a line. */

/* What the words of the line say so far. Both are copied at the start of
 * every whitespace-delimited chunk, so that a chunk found to be a link can
 * be taken back. */
typedef struct {
  guint32 word_tr, word_en; /* word-table evidence */
  guint32 letters;          /* Latin letters in language words */
  guint32 words;            /* language words */
  guint32 numbers;          /* digit runs and Roman numerals */
  guint32 dates;            /* month and weekday names */
  guint32 acronyms;         /* short unknown words in capitals */
  /* counts of the first DL_LANGID_WORDS_LOOKED_UP words only: small, and
   * small fields, as Counts is copied at the start of every chunk */
  guint8 votes_tr; /* ordinary words that say Turkish */
  guint8 votes_en; /* ...and English */
  guint8 weak_tr;  /* ...of them, weak votes of words out of the table */
  guint8 weak_en;  /* ...and for English */
  guint8 names;    /* given names, which say neither */
  guint8 names_tr; /* ...of them, Turkish ones (the names list) */
  guint8 names_en; /* ...and English ones */
  guint8 last;     /* what the last word was: LAST_* */
} Counts;
G_STATIC_ASSERT (2 * DL_LANGID_WORDS_LOOKED_UP < G_MAXUINT8);

/* A lone person name: every word fits, and something shows it is one. */
typedef struct {
  guint8 ok;
  guint8 evidence;
  guint8 group;      /* name words since the last comma or ve/and */
  guint8 words;      /* name words, titles and initials excepted */
  guint8 groups;     /* groups holding name words */
  guint8 lower;      /* name words not in capitals */
  guint8 long_caps;  /* name words in capitals, five letters or more */
  guint8 prev_shape; /* shape of the previous name word */
} NameState;

enum { SHAPE_NONE, SHAPE_TITLE_CASE, SHAPE_ALL_CAPS, SHAPE_OTHER };
enum { LAST_OTHER, LAST_NAME, LAST_INITIAL };

/* The word being read. */
typedef struct {
  const guchar *start, *stop; /* its bytes, trailing apostrophe excluded */
  guint32 h;                  /* FNV-1a of the symbols ('I' as it is) */
  guint16 len;                /* symbols */
  guint16 letters;
  guint16 upper;
  guint16 apos;    /* symbols before the first apostrophe; 0 if none */
  guint16 roman;   /* CL_ROMAN while every letter may be a Roman numeral */
  guint16 classes; /* the classes of its letters, or-ed */
  guint8 first_upper;
  guint8 has_digit;
  gint32 margin; /* its trigram costs, English less Turkish */
} Word;

/* The name-line reading of a word of the line (while it may be a name);
 * returns what the word was, LAST_*. */
G_GNUC_NO_INLINE static guint
name_word (NameState *n, const Word *w, guint flags)
{
  int shape;

  /* a suffix after an apostrophe is grammar (Hakan’ın); O’Brien is not */
  if (!w->first_upper || (w->apos != 0 && w->apos != 1))
    {
      if (flags & DL_LANGID_W_CONNECT && !w->first_upper)
        n->group = 0;
      else if (!(flags & DL_LANGID_W_PARTICLE && !w->first_upper))
        n->ok = FALSE;
      return LAST_OTHER;
    }
  if (flags & DL_LANGID_W_TITLE)
    {
      /* Dr, Prof, and DR. or PROF. when a full stop follows, not MS Word */
      if (w->upper != 1)
        return LAST_INITIAL;
      n->evidence = TRUE;
      return LAST_OTHER;
    }
  if (w->letters == 1)
    return LAST_INITIAL; /* when a full stop follows: J. Smith; Smith, J. */
  if ((flags & DL_LANGID_W_COMMON && !(flags & DL_LANGID_W_GIVEN)) || flags & DL_LANGID_W_DATE)
    {
      n->ok = FALSE;
      return LAST_OTHER;
    }
  if (w->upper == w->letters)
    shape = SHAPE_ALL_CAPS;
  else if (w->upper == 1)
    shape = SHAPE_TITLE_CASE;
  else
    shape = SHAPE_OTHER;
  if (shape != SHAPE_ALL_CAPS)
    n->lower++;
  else if (w->letters >= 5)
    n->long_caps++;
  if (n->group++ == 0)
    n->groups++;
  if (n->group > 4 || ++n->words > 12)
    n->ok = FALSE;
  /* Hakan, John; Hakan TAŞDEMİR */
  if ((flags & DL_LANGID_W_GIVEN && !(flags & DL_LANGID_W_AMBIG))
      || (shape == SHAPE_ALL_CAPS && w->letters >= 4 && n->prev_shape == SHAPE_TITLE_CASE))
    n->evidence = TRUE;
  n->prev_shape = shape;
  return LAST_NAME;
}

/* A word that is no ordinary word of the table votes by its trigrams and
 * its weak log-ratio (Annem, aradı), unless it is a capitalised word inside
 * the line (a name, a place): word_done decides that. */
static inline ALWAYS_INLINE void
trigram_vote (Counts *t, const Word *w, const DlLangidWord *e, const DlLangidWord *e_en)
{
  gint32 v = w->margin + MAX (e->llr, 0) + MIN (e_en->llr, 0);
  guint weak_tr = v >= DL_LANGID_TRIGRAM_VOTE && v < DL_LANGID_TRIGRAM_STRONG;
  guint weak_en = v <= -DL_LANGID_TRIGRAM_VOTE && v > -DL_LANGID_TRIGRAM_STRONG;
  t->votes_tr += (v >= DL_LANGID_TRIGRAM_VOTE) + (v >= DL_LANGID_TRIGRAM_STRONG && !w->first_upper);
  t->votes_en
      += (v <= -DL_LANGID_TRIGRAM_VOTE) + (v <= -DL_LANGID_TRIGRAM_STRONG && !w->first_upper);
  t->weak_tr += weak_tr;
  t->weak_en += weak_en;
}

/* The entries of word @w in the table as Turkish (*@e) and as English
 * (*@e_en): one lookup, or two when its I is ı in Turkish, i in English. */
static inline ALWAYS_INLINE void
word_entries (const Word *w, const DlLangidWord **e, const DlLangidWord **e_en)
{
  if (w->has_digit || w->len > 24)
    *e = *e_en = &no_word;
  else if (!(w->classes & CL_CAP_I))
    *e = *e_en = word_lookup (w->h);
  else
    {
      guint32 h_tr, h_en;
      word_hashes (w->start, w->stop, &h_tr, &h_en);
      *e = word_lookup (h_tr);
      *e_en = word_lookup (h_en);
    }
}

static inline ALWAYS_INLINE void
word_done (Counts *t, NameState *n, const Word *w)
{
  const DlLangidWord *e, *e_en;
  guint flags, common, given;

  t->last = LAST_OTHER;
  if (w->letters == 0
      || (w->roman && !w->has_digit && w->letters <= 6
          && (w->upper == w->letters || w->upper == 0)))
    {
      t->numbers++;
      return;
    }
  if (t->words >= DL_LANGID_WORDS_LOOKED_UP)
    {
      /* a long line: its trigrams have said enough, and it can be neither a
       * name, nor a date, nor an acronym line */
      t->words++;
      t->letters += w->letters;
      return;
    }
  word_entries (w, &e, &e_en);
  flags = e->flags | e_en->flags;
  if (G_UNLIKELY (flags & DL_LANGID_W_NEUTRAL))
    return;
  t->word_tr += MAX (e->llr, 0);
  t->word_en += MAX (-e_en->llr, 0);
  /* only ordinary words vote, words of conversation (beyond the clamp of
   * the others) twice */
  common = (flags & DL_LANGID_W_COMMON) != 0;
  t->votes_tr += common * ((e->llr >= DL_LANGID_VOTE_LLR) + (e->llr > DL_LANGID_CHAT_LLR));
  t->votes_en += common * ((e_en->llr <= -DL_LANGID_VOTE_LLR) + (e_en->llr < -DL_LANGID_CHAT_LLR));
  if (flags == 0 && w->letters >= 4 && (!w->first_upper || t->words == 0))
    trigram_vote (t, w, e, e_en);
  given = (flags & (DL_LANGID_W_GIVEN | DL_LANGID_W_AMBIG)) == DL_LANGID_W_GIVEN;
  t->names += given;
  t->words++;
  t->letters += w->letters;
  t->dates += (flags & DL_LANGID_W_DATE) != 0;
  if (t->words <= 3) /* the acronym rule is for short lines */
    t->acronyms += w->upper == w->letters && w->letters >= 2 && w->letters <= 5
                   && !(flags & DL_LANGID_W_COMMON);

  if (n->ok)
    {
      /* a name's llr is its language (train-langid.py, name_llr); only a
       * line that may be a line of names needs it */
      t->names_tr += given & (e->llr > 0);
      t->names_en += given & (e_en->llr < 0);
      t->last = name_word (n, w, flags);
    }
}

static const char *const tlds[] = {
  "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "tr",
  "az",  "ru",  "uk",  "us",  "eu",  "de",  "fr",  "am",   "ge",  "kz", "uz",
  "ir",  "ua",  "by",  "kg",  "tm",  "tj",  "co",  "ac",   "me",  "tv",
};

/* A host-like chunk: lower-case labels separated by dots ending in a known
 * top-level domain, with a path or at least three labels. */
static gboolean
looks_like_host (const char *s, const char *end)
{
  const char *host_end = memchr (s, '/', end - s);
  const char *last = s;
  int labels = 1;

  if (host_end == NULL)
    host_end = end;
  for (const char *p = s; p < host_end; p++)
    {
      if (*p == '.')
        {
          if (p == last)
            return FALSE;
          labels++;
          last = p + 1;
        }
      else if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }
  if (labels < 2 || (labels < 3 && host_end == end))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (tlds); i++)
    if (strlen (tlds[i]) == (gsize) (host_end - last)
        && memcmp (tlds[i], last, host_end - last) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_prefix_ci (const char *s, const char *end, const char *prefix)
{
  gsize n = strlen (prefix);
  return (gsize) (end - s) > n && g_ascii_strncasecmp (s, prefix, n) == 0;
}

/* Is the whitespace-delimited chunk [s, end) a URL, an e-mail address or a
 * DOI? */
static gboolean
chunk_is_link (const char *s, const char *end)
{
  const char *at;

  while (s < end && strchr ("([<{\"'", *s) != NULL)
    s++;
  while (end > s && strchr (".,;:)]>}\"'", end[-1]) != NULL)
    end--;
  if (end - s < 4)
    return FALSE;
  if (g_strstr_len (s, end - s, "://") != NULL || has_prefix_ci (s, end, "www.")
      || has_prefix_ci (s, end, "doi:"))
    return TRUE;
  if (s[0] == '1' && s[1] == '0' && s[2] == '.' && g_ascii_isdigit (s[3])
      && memchr (s, '/', end - s) != NULL)
    return TRUE;
  at = memchr (s, '@', end - s);
  if (at != NULL && at > s && memchr (at, '.', end - at) != NULL)
    return TRUE;
  return looks_like_host (s, end);
}

/* A short line of user names, handles and time stamps, as web pages and
 * forums print them (kodcu_efe · 02.02.2024, 23:14; @okur; ayse.dev;
 * okuyucu1975): a token with an at sign, an underscore, a dot between
 * lower-case letters, or a letter next to a digit is a handle, not a word.
 * TRUE if the line holds handles and nothing else but numbers. */
static gboolean
handles_only (const char *text, gsize len)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  guint handles = 0, tokens = 0;

  if (len > 64)
    return FALSE;
  while (p < end)
    {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end)
        break;
      const guchar *t = p;
      while (p < end && *p != ' ' && *p != '\t')
        p++;
      gboolean letters = FALSE, handle = *t == '@';
      for (const guchar *c = t; c < p; c++)
        {
          if (g_ascii_isalpha (*c)
              || (*c >= 0xC0
                  && g_unichar_isalpha (g_utf8_get_char_validated ((const char *) c, p - c))))
            letters = TRUE;
          if (*c == '_')
            handle = TRUE;
          else if (c > t && c + 1 < p
                   && ((*c == '.' && g_ascii_islower (c[-1]) && g_ascii_islower (c[1]))
                       || (g_ascii_isdigit (*c) && g_ascii_isalpha (c[-1]))
                       || (g_ascii_isalpha (*c) && g_ascii_isdigit (c[-1]))))
            handle = TRUE;
        }
      if (!letters)
        continue; /* a number, a date, a time, a separator */
      if (!handle || ++tokens > 4)
        return FALSE; /* a word, or too many names for a by-line */
      handles++;
    }
  return handles > 0;
}

/* The word being read, as dl_langid_score's loop sees it (Word is what
 * word_done is given when it ends). */
typedef struct {
  const guchar *start, *stop; /* its bytes so far */
  guint32 h;
  guint len, letters, upper, apos, roman, classes;
  gboolean first_upper, has_digit;
  guint32 cost_tr, cost_en; /* the line's trigram costs where it began */
} WordScan;

/* What the words of the line say so far, and the copy of it taken at the
 * start of each chunk. */
typedef struct {
  Counts t;
  NameState name;
  Counts saved;
  NameState saved_name;
} Tally;

/* What dl_langid_score knows while it reads a line: the trigram costs and
 * context, the word being read, the chunk being read and the costs to take
 * back if that chunk is a link. The helpers below are always inlined into
 * the loop, and the compiler keeps this state in registers as long as its
 * address does not escape: hence the Tally behind a pointer (name_word, not
 * inlined, takes the address of its NameState). Held in Scan itself, the
 * Tally cost 14.5% more instructions in dl_langid_score (callgrind, `derlem
 * langs` on 1 MB: 60.6M against 52.9M); behind the pointer, 52.8M. */
typedef struct {
  guint32 cost_tr, cost_en;
  guint ctx, p1; /* (p2 * NSYM + p1) * NSYM; the last symbol */
  gboolean in_word, pending_apos;
  WordScan w;
  Tally *tally;
  guint foreign, stars;
  const guchar *chunk; /* start of the current chunk */
  gboolean suspect;    /* the chunk may be a URL */
  guint32 saved_tr, saved_en;
} Scan;

static inline ALWAYS_INLINE void
word_start (Scan *s, const guchar *at, gboolean upper)
{
  s->in_word = TRUE;
  s->w.start = at;
  s->pending_apos = FALSE;
  s->w.h = FNV_OFFSET;
  s->w.len = s->w.letters = s->w.upper = s->w.apos = 0;
  s->w.roman = CL_ROMAN;
  s->w.classes = 0;
  s->w.first_upper = upper;
  s->w.has_digit = FALSE;
  s->w.cost_tr = s->cost_tr;
  s->w.cost_en = s->cost_en;
  s->p1 = DL_LANGID_SYM_BOUND;
  s->ctx = 0;
}

static inline ALWAYS_INLINE void
push_symbol (Scan *s, guint sym)
{
  s->ctx = (s->p1 * NSYM + sym) * NSYM;
  s->p1 = sym;
  s->w.h = (s->w.h ^ sym) * FNV_PRIME;
  s->w.len++;
}

static inline ALWAYS_INLINE void
add_cost (Scan *s, guint idx)
{
  const guint8 *cost = &dl_langid_trigram_cost[2 * idx];
  s->cost_tr += cost[0];
  s->cost_en += cost[1];
}

/* A letter of class @cl inside the word being read. */
static inline ALWAYS_INLINE void
letter_next (Scan *s, guint cl)
{
  add_cost (s, s->ctx + CL_SYM (cl));
  push_symbol (s, CL_SYM (cl));
  s->w.letters++;
  s->w.upper += (cl & CL_UPPER) != 0;
  s->w.roman &= cl;
  s->w.classes |= cl;
}

/* A letter of class @cl at [at, p): it may start a word, or follow an
 * apostrophe that is now known to be inside one. */
static inline ALWAYS_INLINE void
letter (Scan *s, guint cl, const guchar *at, const guchar *p)
{
  if (!s->in_word)
    word_start (s, at, (cl & CL_UPPER) != 0);
  else if (s->pending_apos)
    {
      add_cost (s, s->ctx + DL_LANGID_SYM_APOS);
      if (s->w.apos == 0)
        s->w.apos = s->w.len;
      push_symbol (s, DL_LANGID_SYM_APOS);
      s->pending_apos = FALSE;
    }
  letter_next (s, cl);
  s->w.stop = p;
}

/* Ends the word being read, if any; TRUE if there was one. */
static inline ALWAYS_INLINE gboolean
word_end (Scan *s)
{
  if (!s->in_word)
    return FALSE;
  if (s->p1 != DL_LANGID_SYM_DIGIT)
    add_cost (s, s->ctx);
  const WordScan *w = &s->w;
  Word word
      = { w->start,     w->stop,
          w->h,         w->len,
          w->letters,   w->upper,
          w->apos,      w->roman,
          w->classes,   w->first_upper,
          w->has_digit, (gint32) (s->cost_en - w->cost_en) - (gint32) (s->cost_tr - w->cost_tr) };
  word_done (&s->tally->t, &s->tally->name, &word);
  s->in_word = FALSE;
  s->pending_apos = FALSE;
  return TRUE;
}

/* A chunk (whitespace-delimited) ends at @at: take it back if it was a link. */
static inline ALWAYS_INLINE void
chunk_end (Scan *s, const guchar *at)
{
  if (!s->suspect)
    return;
  if (chunk_is_link ((const char *) s->chunk, (const char *) at))
    {
      s->tally->t = s->tally->saved;
      s->tally->name = s->tally->saved_name;
      s->cost_tr = s->saved_tr;
      s->cost_en = s->saved_en;
    }
  s->suspect = FALSE;
}

/* A new chunk may start at @p: remember what to take back. */
static inline ALWAYS_INLINE void
chunk_next (Scan *s, const guchar *p)
{
  s->chunk = p;
  s->tally->saved = s->tally->t;
  s->tally->saved_name = s->tally->name;
  s->saved_tr = s->cost_tr;
  s->saved_en = s->cost_en;
}

/* The letter of class @cl at [at, p) and the letters after it, ASCII or
 * two-byte Latin (the common case); then, most often, a space. Returns
 * where reading goes on. */
static inline ALWAYS_INLINE const guchar *
letter_run (Scan *s, guint cl, const guchar *at, const guchar *p, const guchar *end)
{
  letter (s, cl, at, p);
  for (;;)
    {
      if (p >= end)
        break;
      if (*p < 0x80)
        {
          cl = ascii_class[*p];
          if (CL_KIND (cl) != K_LETTER)
            break;
          p++;
        }
      else if (*p >= 0xC2 && *p <= 0xC5 && end - p >= 2 && (p[1] & 0xC0) == 0x80)
        {
          cl = dl_langid_latin_class[(((p[0] & 0x1F) << 6) | (p[1] & 0x3F)) - 0x80];
          if (CL_KIND (cl) != K_LETTER)
            break;
          p += 2;
        }
      else
        break;
      letter_next (s, cl);
    }
  s->w.stop = p;
  if (p < end && *p == ' ')
    {
      word_end (s);
      chunk_end (s, p);
      p++;
      chunk_next (s, p);
    }
  return p;
}

/* A digit at @at: digit runs are one symbol, and part of the word. */
static inline ALWAYS_INLINE void
digit (Scan *s, const guchar *at)
{
  if (s->in_word && s->pending_apos)
    word_end (s);
  if (!s->in_word)
    word_start (s, at, FALSE);
  if (s->p1 != DL_LANGID_SYM_DIGIT)
    push_symbol (s, DL_LANGID_SYM_DIGIT);
  s->w.has_digit = TRUE;
}

/* Punctuation @c, after a word if @ended: what it says of names and links. */
static inline ALWAYS_INLINE void
punctuation (Scan *s, gunichar c, gboolean ended)
{
  switch (c)
    {
    case '.':
    case ':':
    case '!':
    case '?':
      /* a sentence ends after a name word: this is no list of names (but
       * Jill: and Jeff! open a mail); a full stop after a capital letter
       * makes it an initial */
      if (ended && s->tally->t.last == LAST_NAME && (c == '.' || c == '?'))
        s->tally->name.ok = FALSE;
      else if (ended && s->tally->t.last == LAST_INITIAL && c == '.')
        s->tally->name.evidence = TRUE;
      s->suspect = TRUE;
      break;
    case '/':
    case '@':
      s->suspect = TRUE;
      break;
    case ',':
    case ';':
    case '&':
      if (s->tally->name.ok)
        s->tally->name.group = 0;
      break;
    case '*':
      s->stars++;
      break;
    default:
      break;
    }
}

/* Any character but a letter: @c of class @cl at [at, p). */
static inline ALWAYS_INLINE void
not_letter (Scan *s, gunichar c, guint cl, const guchar *at, const guchar *p)
{
  switch (CL_KIND (cl))
    {
    case K_SPACE:
      word_end (s);
      chunk_end (s, at);
      chunk_next (s, p);
      return;
    case K_LIGATURE:
      for (const char *l = ligatures[CL_SYM (cl)]; *l; l++)
        letter (s, ascii_class[(guchar) *l], at, p);
      return;
    case K_DIGIT:
      digit (s, at);
      return;
    case K_IGNORE:
      return;
    case K_APOS:
      if (s->in_word && !s->pending_apos)
        {
          s->pending_apos = TRUE;
          return;
        }
      break;
    default:
      break;
    }
  /* punctuation, a stray apostrophe, a letter of another script */
  gboolean ended = word_end (s);
  if (CL_KIND (cl) == K_FOREIGN)
    s->foreign++;
  else
    punctuation (s, c, ended);
}

/* A line most of whose words (given names aside) are ordinary words of one
 * language is in that language, whatever its tail in the other says (Go for
 * it o zaman.), and sure of it (DL_LANGID_SURE_MARGIN) when two votes say
 * so: two words, or one word of conversation (Evet. Thanks,). Lines too
 * long for all their words to be looked up are left to their scores. */
static inline ALWAYS_INLINE void
word_majority (const Counts *t, DlLangEvidence *ev)
{
  guint voters = t->words - t->names;

  if (t->words > DL_LANGID_WORDS_LOOKED_UP)
    return;
  if (t->votes_en >= 2 && 2 * t->votes_en > voters && t->votes_en > t->votes_tr)
    ev->tr = MIN (ev->tr, ev->en - DL_LANGID_SURE_MARGIN);
  else if (t->votes_tr >= 2 && 2 * t->votes_tr > voters && t->votes_tr > t->votes_en)
    ev->en = MIN (ev->en, ev->tr - DL_LANGID_SURE_MARGIN);
}

/* A line of names only (with titles, initials and punctuation) is in the
 * language of its names when the names list gives them one language (Mert;
 * Stephanie; Prof. Dr. Ayşe Demir), sure of it, unless a word says the
 * other language (S. Erdoğan and T.J. Whitfield); when the list gives none,
 * or both (Smith, J.; Selin Erdoğan, Thomas Whitfield), the line says
 * nothing and takes its neighbours' language. */
static inline ALWAYS_INLINE void
names_only (const Counts *t, DlLangEvidence *ev)
{
  ev->other = FALSE;
  ev->tr = ev->en = 0;
  guint against_tr = t->votes_tr - t->weak_tr, against_en = t->votes_en - t->weak_en;

  if (t->names_tr > 0 && t->names_en == 0 && against_en == 0)
    ev->en = -DL_LANGID_SURE_MARGIN;
  else if (t->names_en > 0 && t->names_tr == 0 && against_tr == 0)
    ev->tr = -DL_LANGID_SURE_MARGIN;
}

/* The scores of the line read into @s, and whether it is in no language. */
static inline ALWAYS_INLINE void
line_evidence (const Scan *s, const char *text, gsize len, DlLangEvidence *ev)
{
  const Counts *t = &s->tally->t;
  const NameState *name = &s->tally->name;

  ev->tr = -(float) s->cost_tr / DL_LANGID_COST_SCALE
           + DL_LANGID_WORD_WEIGHT * (float) t->word_tr / DL_LANGID_LLR_SCALE;
  ev->en = -(float) s->cost_en / DL_LANGID_COST_SCALE
           + DL_LANGID_WORD_WEIGHT * (float) t->word_en / DL_LANGID_LLR_SCALE;
  word_majority (t, ev);

  if (t->letters < 2 || s->foreign > t->letters)
    ev->other = TRUE; /* numbers, URLs, another script */
  else if (t->dates > 0 && t->dates == t->words && t->numbers > 0)
    ev->other = TRUE; /* 16 Haziran 2024, June 16, 2024 */
  else if (t->acronyms == t->words && t->words <= 3 && t->numbers > 0)
    ev->other = TRUE; /* NATO 1949, TANAP 1.850 16 2018 */
  else if (name->ok && name->words + name->evidence > 0
           && (name->evidence || (s->stars > 0 && name->words >= 2)
               || (name->groups >= 2 && name->lower == 0 && name->long_caps > 0)))
    names_only (t, ev); /* Hakan TAŞDEMİR*, Smith, J., ÇELİKKOL, AKSU */
  else
    ev->other = handles_only (text, len); /* kodcu_efe · 02.02.2024 */
}

void
dl_langid_score (const char *text, gsize len, DlLangEvidence *ev)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  Tally tally = { .name = { .ok = TRUE }, .saved_name = { .ok = TRUE } };
  Scan s = {
    .w = { .start = p, .stop = p },
    .tally = &tally,
    .chunk = p,
  };

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (ev != NULL);

  while (p < end)
    {
      const guchar *at = p;
      gunichar c = *p;
      guint cl;

      if (G_LIKELY (c < 0x80))
        {
          cl = ascii_class[c];
          p++;
        }
      else
        {
          c = next_char (&p, end);
          cl = classify_cp (c);
        }
      if (CL_KIND (cl) == K_LETTER)
        p = letter_run (&s, cl, at, p, end);
      else
        not_letter (&s, c, cl, at, p);
    }
  word_end (&s);
  chunk_end (&s, end);
  line_evidence (&s, text, len, ev);
}

/* ------------------------------------------------------------------------ */
/* Smoothing. */

#define RING (DL_LANGID_MAX_LAG + 1)

/* The best path into each state is kept as bits, the newest line's label in
 * bit 0 (ST_EN is 1): a label is read off the bits, never traced back. */
G_STATIC_ASSERT (DL_LANGID_MAX_LAG < 64);

typedef struct {
  guint8 other; /* transparent to the chain */
  guint8 final; /* label decided by dl_langid_finish */
  guint8 label;
  guint32 chain; /* index of the line in the chain of tr/en lines */
} Pending;

struct _DlLangid {
  Pending ring[RING];
  guint head;      /* oldest pending line */
  guint count;     /* pending lines */
  guint32 chain;   /* tr/en lines of the current document pushed */
  gboolean gap;    /* a blank line since the last tr/en line */
  guint32 gaps;    /* chain lines of the document after a blank line... */
  guint32 tight;   /* ...and right after the previous one */
  float delta[2];  /* Viterbi costs of the newest chain line, per state */
  guint64 path[2]; /* labels on the best path into each state, newest in bit 0 */
};

enum { ST_TR, ST_EN };

DlLangid *
dl_langid_new (void)
{
  return g_new0 (DlLangid, 1);
}

void
dl_langid_free (DlLangid *lid)
{
  g_free (lid);
}

void
dl_langid_push_blank (DlLangid *lid)
{
  g_return_if_fail (lid != NULL);
  lid->gap = TRUE;
}

/* The cost of a switch before the chain line being pushed. A blank line
 * weakens the pull of the neighbours only where blank lines are rare enough
 * to mean something: not in PDF extractions, with a blank line after every
 * line, nor in one-paragraph-per-line text. */
static float
switch_cost (DlLangid *lid)
{
  gboolean weak = lid->gap && 2 * lid->gaps <= lid->tight;

  if (lid->chain > 1)
    {
      lid->gaps += lid->gap;
      lid->tight += !lid->gap;
    }
  lid->gap = FALSE;
  return weak ? DL_LANGID_SWITCH_COST_BLANK : DL_LANGID_SWITCH_COST;
}

/* What labelling a line with margin @d (tr - en) as each language costs: a
 * line sure of itself keeps its language whatever its neighbours say. */
static void
line_costs (float d, float cost[2])
{
  float wrong;

  d = CLAMP (d, -DL_LANGID_MAX_MARGIN, DL_LANGID_MAX_MARGIN);
  wrong = fabsf (d) >= DL_LANGID_SURE_MARGIN ? DL_LANGID_MAX_MARGIN : fabsf (d);
  cost[ST_TR] = d < 0 ? wrong : 0;
  cost[ST_EN] = d > 0 ? wrong : 0;
}

void
dl_langid_push (DlLangid *lid, const DlLangEvidence *ev)
{
  Pending *e;
  float d, cost[2], sw;
  guint64 path[2];

  g_return_if_fail (lid != NULL && ev != NULL);
  g_return_if_fail (lid->count < RING);

  e = &lid->ring[(lid->head + lid->count++) % RING];
  memset (e, 0, sizeof *e);
  e->other = ev->other;
  if (ev->other)
    return;

  line_costs (ev->tr - ev->en, cost);
  e->chain = lid->chain++;
  sw = switch_cost (lid);
  if (e->chain == 0)
    {
      lid->delta[ST_TR] = cost[ST_TR];
      lid->delta[ST_EN] = cost[ST_EN];
      lid->path[ST_TR] = ST_TR;
      lid->path[ST_EN] = ST_EN;
      return;
    }
  for (int s = 0; s < 2; s++)
    {
      float stay = lid->delta[s];
      float move = lid->delta[1 - s] + sw;
      path[s] = (lid->path[stay <= move ? s : 1 - s] << 1) | (guint) s;
      cost[s] += MIN (stay, move);
    }
  d = MIN (cost[0], cost[1]);
  lid->delta[0] = cost[0] - d;
  lid->delta[1] = cost[1] - d;
  lid->path[0] = path[0];
  lid->path[1] = path[1];
}

/* The label of the pending chain line @e on the best path so far. */
static DlLang
chain_label (const DlLangid *lid, const Pending *e)
{
  guint best = lid->delta[ST_EN] < lid->delta[ST_TR] ? ST_EN : ST_TR;
  guint age = lid->chain - 1 - e->chain;

  return (lid->path[best] >> age) & 1 ? DL_LANG_EN : DL_LANG_TR;
}

gboolean
dl_langid_pop (DlLangid *lid, DlLang *lang)
{
  Pending *e;

  g_return_val_if_fail (lid != NULL && lang != NULL, FALSE);

  if (lid->count == 0)
    return FALSE;
  e = &lid->ring[lid->head];
  if (e->final)
    *lang = e->label;
  else if (lid->count <= DL_LANGID_MAX_LAG)
    return FALSE;
  else if (e->other)
    *lang = DL_LANG_OTHER;
  else
    *lang = chain_label (lid, e);
  lid->head = (lid->head + 1) % RING;
  lid->count--;
  return TRUE;
}

void
dl_langid_finish (DlLangid *lid)
{
  g_return_if_fail (lid != NULL);

  for (guint k = 0; k < lid->count; k++)
    {
      Pending *e = &lid->ring[(lid->head + k) % RING];
      if (e->final)
        continue;
      e->final = TRUE;
      e->label = e->other ? DL_LANG_OTHER : chain_label (lid, e);
    }
  lid->chain = 0;
  lid->gap = FALSE;
  lid->gaps = lid->tight = 0;
  lid->delta[0] = lid->delta[1] = 0;
  lid->path[0] = lid->path[1] = 0;
}
