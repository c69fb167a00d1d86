/* morph-tr.c — Turkish suffix chains read off right to left. A suffix is a
 * template in archiphonemes; for a split of the word into left + rest, the
 * template is spelled out after the left part (harmony, buffers, d/t) and
 * compared with the rest. Slots keep the order of the chains: a state says
 * up to which slot the nominal and the verbal chain may still go leftwards
 * (-1: that chain is closed). */
#include "config.h"

#include "morph-tr.h"

#include <string.h>

#define MAX_CHARS 64
#define MIN_ROOT 2 /* characters */

/* Slots, right to left. Nominal: copula -DIr 9, person 8, copula -DI/-mIş/-sA
 * 7, -ki 5, case 4, possessive 3, plural 2, participle 1, root 0. Verbal:
 * -DIr 9, person 8, copula 7, (6: after a person ending that needs a tense)
 * tense/aspect/mood 5, negation 3, ability 2, root 0. */
typedef struct {
  gint8 n, v;
} State;

/* Template letters: A a/e, I ı/i/u/ü, D d/t, C c/ç, K k (read k or ğ);
 * optional ones: Y y, N n, S s (only after a vowel), V I and B A (only after
 * a consonant). Other letters stand for themselves. */
typedef struct {
  const char *tmpl;
  gint8 need_n, need_v; /* the slot the state must reach, -1: not that chain */
  gint8 to_n, to_v;     /* the state left of the suffix */
  gboolean restore;     /* -Iyor: the verb's final vowel was narrowed into it */
} Suffix;

static const Suffix suffixes_table[] = {
  /* copula -DIr, -ken */
  { "DIr", 9, 9, 8, 8, FALSE },
  { "Yken", 9, 9, 5, 5, FALSE },
  /* person: the z set after a tense or a nominal predicate, the k set
   * only with -DI and -sA, the imperative's on the bare verb */
  { "VYm", 8, 8, 7, 6, FALSE },
  { "sIn", 8, 8, 7, 6, FALSE },
  { "YIz", 8, 8, 7, 6, FALSE },
  { "sInIz", 8, 8, 7, 6, FALSE },
  { "lAr", 8, 8, 7, 6, FALSE },
  { "DIm", -1, 8, -1, 3, FALSE },
  { "DIn", -1, 8, -1, 3, FALSE },
  { "DIk", -1, 8, -1, 3, FALSE },
  { "DInIz", -1, 8, -1, 3, FALSE },
  { "DIlAr", -1, 8, -1, 3, FALSE },
  { "sAm", -1, 8, -1, 3, FALSE },
  { "sAn", -1, 8, -1, 3, FALSE },
  { "sAk", -1, 8, -1, 3, FALSE },
  { "sAnIz", -1, 8, -1, 3, FALSE },
  { "YDIm", 8, 8, 5, 5, FALSE },
  { "YDIn", 8, 8, 5, 5, FALSE },
  { "YDIk", 8, 8, 5, 5, FALSE },
  { "YDInIz", 8, 8, 5, 5, FALSE },
  { "YsAm", 8, 8, 5, 5, FALSE },
  { "YsAk", 8, 8, 5, 5, FALSE },
  { "sInlAr", -1, 9, -1, 3, FALSE },
  /* copula */
  { "YDI", 7, 7, 5, 5, FALSE },
  { "YmIş", 7, 7, 5, 5, FALSE },
  { "YsA", 7, 7, 5, 5, FALSE },
  /* tense, aspect, mood */
  { "DI", -1, 5, -1, 3, FALSE },
  { "mIş", -1, 5, -1, 3, FALSE },
  { "YAcAK", -1, 5, -1, 3, FALSE },
  { "Iyor", -1, 5, -1, 3, TRUE },
  { "Ar", -1, 5, -1, 2, FALSE },
  { "Ir", -1, 5, -1, 2, FALSE },
  { "r", -1, 5, -1, 2, FALSE },
  { "mAz", -1, 5, -1, 2, FALSE },
  { "sA", -1, 5, -1, 3, FALSE },
  { "mAlI", -1, 5, -1, 3, FALSE },
  { "mAktA", -1, 5, -1, 3, FALSE },
  /* negation, ability */
  { "mA", -1, 3, -1, 2, FALSE },
  { "YAmA", -1, 3, -1, 0, FALSE },
  { "YAbil", -1, 2, -1, 0, FALSE },
  /* converbs: the word ends there */
  { "YIp", -1, 9, -1, 3, FALSE },
  { "YArAk", -1, 9, -1, 3, FALSE },
  { "YIncA", -1, 9, -1, 3, FALSE },
  { "mAdAn", -1, 9, -1, 2, FALSE },
  { "mAksIzIn", -1, 9, -1, 2, FALSE },
  { "DIkçA", -1, 9, -1, 3, FALSE },
  { "YAlI", -1, 9, -1, 3, FALSE },
  { "DIktAn", -1, 9, -1, 3, FALSE },
  /* -ki and what follows it */
  { "ki", 5, -1, 4, -1, FALSE },
  { "kilAr", 5, -1, 4, -1, FALSE },
  { "kinI", 5, -1, 4, -1, FALSE },
  { "kinA", 5, -1, 4, -1, FALSE },
  { "kinDA", 5, -1, 4, -1, FALSE },
  { "kinDAn", 5, -1, 4, -1, FALSE },
  { "kinIn", 5, -1, 4, -1, FALSE },
  { "kilArI", 5, -1, 4, -1, FALSE },
  { "kilArA", 5, -1, 4, -1, FALSE },
  { "kilArDA", 5, -1, 4, -1, FALSE },
  { "kilArDAn", 5, -1, 4, -1, FALSE },
  { "kilArIn", 5, -1, 4, -1, FALSE },
  /* case; the n forms follow a third person possessive */
  { "YI", 4, -1, 3, -1, FALSE },
  { "YA", 4, -1, 3, -1, FALSE },
  { "DA", 4, -1, 3, -1, FALSE },
  { "DAn", 4, -1, 3, -1, FALSE },
  { "NIn", 4, -1, 3, -1, FALSE },
  { "YlA", 4, -1, 3, -1, FALSE },
  { "nI", 4, -1, 3, -1, FALSE },
  { "nA", 4, -1, 3, -1, FALSE },
  { "nDA", 4, -1, 3, -1, FALSE },
  { "nDAn", 4, -1, 3, -1, FALSE },
  /* possessive */
  { "Vm", 3, -1, 2, -1, FALSE },
  { "Vn", 3, -1, 2, -1, FALSE },
  { "SI", 3, -1, 2, -1, FALSE },
  { "VmIz", 3, -1, 2, -1, FALSE },
  { "VnIz", 3, -1, 2, -1, FALSE },
  /* plural */
  { "lAr", 2, -1, 1, -1, FALSE },
  /* participles and verbal nouns: a verb made nominal */
  { "YAn", 1, -1, -1, 3, FALSE },
  { "DIK", 1, -1, -1, 3, FALSE },
  { "YAcAK", 1, -1, -1, 3, FALSE },
  { "mIş", 1, -1, -1, 3, FALSE },
  { "mA", 1, -1, -1, 2, FALSE },
  { "mAK", 1, -1, -1, 2, FALSE },
  { "YIş", 1, -1, -1, 3, FALSE },
};

typedef struct {
  DlMorphFunc func;
  gpointer data;
  GString *utf8;
} Walk;

static inline gboolean
is_vowel (gunichar c)
{
  /* Most letters are ASCII: one table lookup there. */
  static const guint32 ascii_vowels = (1u << ('a' - 'a')) | (1u << ('e' - 'a'))
                                      | (1u << ('i' - 'a')) | (1u << ('o' - 'a'))
                                      | (1u << ('u' - 'a'));
  if (c >= 'a' && c <= 'z')
    return (ascii_vowels >> (c - 'a')) & 1;
  return c == 0x131 || c == 0xf6 || c == 0xfc || c == 0xe2 || c == 0xee || c == 0xfb;
}

static gboolean
is_back (gunichar v)
{
  return v == 'a' || v == 0x131 || v == 'o' || v == 'u' || v == 0xe2 || v == 0xfb;
}

static gboolean
is_round (gunichar v)
{
  return v == 'o' || v == 0xf6 || v == 'u' || v == 0xfc || v == 0xfb;
}

/* ç f h k p s ş t: a following D is t, a following C ç. */
static gboolean
is_voiceless (gunichar c)
{
  return c == 0xe7 || c == 'f' || c == 'h' || c == 'k' || c == 'p' || c == 's' || c == 0x15f
         || c == 't';
}

static gunichar
last_vowel (const gunichar *c, guint n)
{
  for (guint i = n; i > 0; i--)
    if (is_vowel (c[i - 1]))
      return c[i - 1];
  return 'e'; /* no vowel (an abbreviation): front */
}

static gunichar
harmony_a (gunichar v)
{
  return is_back (v) ? 'a' : 'e';
}

static gunichar
harmony_i (gunichar v)
{
  if (is_back (v))
    return is_round (v) ? 'u' : 0x131;
  return is_round (v) ? 0xfc : 'i';
}

/* Does @tmpl spelled out after the first @split characters of @c (@n of
 * them) give the rest of @c exactly? */
static gboolean
spells (const gunichar *c, guint n, guint split, const char *tmpl)
{
  gunichar prev = c[split - 1];
  gunichar vowel = last_vowel (c, split);
  guint at = split;
  for (const char *t = tmpl; *t != '\0';)
    {
      gunichar want = g_utf8_get_char (t);
      t = g_utf8_next_char (t);
      gboolean after_vowel = is_vowel (prev);
      switch (want)
        {
        case 'Y':
        case 'N':
        case 'S':
          if (!after_vowel)
            continue;
          want = g_ascii_tolower ((char) want);
          break;
        case 'V':
        case 'B':
          if (after_vowel)
            continue;
          want = want == 'V' ? harmony_i (vowel) : harmony_a (vowel);
          break;
        case 'A':
          want = harmony_a (vowel);
          break;
        case 'I':
          want = harmony_i (vowel);
          break;
        case 'D':
          want = is_voiceless (prev) ? 't' : 'd';
          break;
        case 'C':
          want = is_voiceless (prev) ? 0xe7 : 'c';
          break;
        default:
          break;
        }
      if (at >= n)
        return FALSE;
      gunichar got = c[at];
      if (!(got == want || (want == 'K' && (got == 'k' || got == 0x11f))))
        return FALSE;
      if (is_vowel (got))
        vowel = got;
      prev = got;
      at++;
    }
  return at == n;
}

static void
emit (const Walk *w, const gunichar *c, guint n, DlMorphKind kinds, guint suffixes,
      gboolean restored)
{
  g_string_truncate (w->utf8, 0);
  for (guint i = 0; i < n; i++)
    g_string_append_unichar (w->utf8, c[i]);
  DlMorphReading r = { w->utf8->str, kinds, suffixes, restored };
  w->func (&r, w->data);
}

static gboolean
is_consonant (gunichar c)
{
  return g_unichar_isalpha (c) && !is_vowel (c);
}

/* The root before a suffix that starts with a vowel, as the dictionary
 * writes it: a final b c d ğ g that was p ç t k (kitab-ı, ağac-ı, gid-er,
 * reng-i), or a high vowel dropped between the last two consonants
 * (şehr-i, ağz-ı). */
static void
emit_restored (const Walk *w, const gunichar *c, guint n, DlMorphKind kinds, guint suffixes)
{
  gunichar root[MAX_CHARS + 1];
  memcpy (root, c, n * sizeof *c);
  gunichar last = c[n - 1], hard = 0;
  if (last == 'b')
    hard = 'p';
  else if (last == 'c')
    hard = 0xe7;
  else if (last == 'd')
    hard = 't';
  else if (last == 0x11f || (last == 'g' && n >= 2 && c[n - 2] == 'n'))
    hard = 'k';
  if (hard != 0)
    {
      root[n - 1] = hard;
      emit (w, root, n, kinds, suffixes, TRUE);
      root[n - 1] = last;
    }
  if (n >= 3 && n < MAX_CHARS && is_consonant (c[n - 1]) && is_consonant (c[n - 2])
      && is_vowel (c[n - 3]))
    {
      root[n - 1] = harmony_i (c[n - 3]);
      root[n] = c[n - 1];
      emit (w, root, n + 1, kinds, suffixes, TRUE);
    }
}

/* Every reading of the first @n characters of @c in state @st, @suffixes
 * read off so far; @vowel_next: the suffix read last starts with a vowel. */
/* TRUE for the template letters that may be absent: Y N S V B. */
static inline gboolean
is_optional (char t)
{
  return t == 'Y' || t == 'N' || t == 'S' || t == 'V' || t == 'B';
}

static void
walk (const Walk *w, const gunichar *c, guint n, State st, guint suffixes, gboolean vowel_next)
{
  /* v 6: a person ending that needs a tense before it, not a bare verb */
  DlMorphKind kinds
      = (st.n >= 0 ? DL_MORPH_NOUN : 0) | (st.v >= 0 && st.v != 6 ? DL_MORPH_VERB : 0);
  if (kinds != 0)
    {
      emit (w, c, n, kinds, suffixes, FALSE);
      if (suffixes > 0 && vowel_next)
        emit_restored (w, c, n, kinds, suffixes);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes_table); i++)
    {
      const Suffix *s = &suffixes_table[i];
      if (!((s->need_n >= 0 && st.n >= s->need_n) || (s->need_v >= 0 && st.v >= s->need_v)))
        continue;
      guint fixed = 0, optional = 0;
      for (const char *t = s->tmpl; *t != '\0'; t = g_utf8_next_char (t))
        if (is_optional (*t))
          optional++;
        else
          fixed++;
      State to = { s->to_n, s->to_v };
      for (guint len = fixed; len <= fixed + optional; len++)
        {
          if (n < len + MIN_ROOT || !spells (c, n, n - len, s->tmpl))
            continue;
          guint split = n - len;
          walk (w, c, split, to, suffixes + 1, is_vowel (c[split]));
          if (s->restore)
            {
              /* başl-ıyor: başla; oku-yor: ok-uyor, oku */
              gunichar r[MAX_CHARS];
              memcpy (r, c, split * sizeof *c);
              r[split] = harmony_a (last_vowel (c, split));
              walk (w, r, split + 1, to, suffixes + 1, FALSE);
              r[split] = c[split];
              walk (w, r, split + 1, to, suffixes + 1, FALSE);
            }
        }
    }
}

void
dl_morph_tr_readings (const char *word, gsize len, DlMorphFunc func, gpointer data)
{
  gunichar c[MAX_CHARS];
  guint n = 0;
  const char *p = word;
  for (; p < word + len && n < MAX_CHARS; p = g_utf8_next_char (p))
    c[n++] = g_utf8_get_char (p);
  g_autoptr (GString) utf8 = g_string_new_len (word, (gssize) len);
  Walk w = { func, data, utf8 };
  if (p < word + len)
    {
      /* Longer than any Turkish word: only itself. */
      DlMorphReading r = { utf8->str, DL_MORPH_NOUN | DL_MORPH_VERB, 0, FALSE };
      func (&r, data);
      return;
    }
  State start = { 9, 9 };
  walk (&w, c, n, start, 0, FALSE);
}
