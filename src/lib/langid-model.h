/* langid-model.h — private to langid.c: the tables that
 * data/langid/train-langid.py generates into langid-model.c. */
#ifndef DL_LANGID_MODEL_H
#define DL_LANGID_MODEL_H

#include <glib.h>

G_BEGIN_DECLS

/* A table's length in its declaration. langid-model.c defines the tables
 * without lengths, so that the compiler counts their initializers, and
 * asserts the counts (a table declared with a length and given too few
 * initializers is zero-filled without a word); it defines
 * DL_LANGID_MODEL_UNSIZED so that these declarations do not fix the length. */
#ifdef DL_LANGID_MODEL_UNSIZED
#define DL_LANGID_MODEL_LENGTH(n)
#else
#define DL_LANGID_MODEL_LENGTH(n) n
#endif

/* Symbols of the trigram model: 0 word boundary, 1..26 a..z, 27..32
 * ç ğ ı ö ş ü, 33 apostrophe inside a word, 34 digit run (context only),
 * 35 any other Latin letter, 36 'I' (ı for Turkish, i for English). */
#define DL_LANGID_NSYM 37
#define DL_LANGID_SYM_BOUND 0
#define DL_LANGID_SYM_I 9
#define DL_LANGID_SYM_CCED 27
#define DL_LANGID_SYM_GBREVE 28
#define DL_LANGID_SYM_DOTLESS_I 29
#define DL_LANGID_SYM_OUML 30
#define DL_LANGID_SYM_SCED 31
#define DL_LANGID_SYM_UUML 32
#define DL_LANGID_SYM_APOS 33
#define DL_LANGID_SYM_DIGIT 34
#define DL_LANGID_SYM_LATIN 35
#define DL_LANGID_SYM_CAP_I 36

/* Trigram costs are -ln P(c | a b) times this: the Turkish one at 2 * i,
 * the English one at 2 * i + 1, where i = (a * NSYM + b) * NSYM + c. */
#define DL_LANGID_COST_SCALE 16
#define DL_LANGID_TRIGRAM_COSTS (2 * DL_LANGID_NSYM * DL_LANGID_NSYM * DL_LANGID_NSYM)
extern const guint8 dl_langid_trigram_cost[DL_LANGID_MODEL_LENGTH (DL_LANGID_TRIGRAM_COSTS)];

/* Character classes, packed: the kind in bits 0-2, the trigram symbol in
 * bits 3-8, an upper-case bit and a bit for letters of Roman numerals. */
enum {
  DL_LANGID_K_SPACE,  /* ends a word and a whitespace-delimited chunk */
  DL_LANGID_K_PUNCT,  /* ends a word */
  DL_LANGID_K_LETTER, /* Latin letter: a trigram symbol */
  DL_LANGID_K_DIGIT,
  DL_LANGID_K_APOS,     /* apostrophe: inside a word when a letter follows */
  DL_LANGID_K_FOREIGN,  /* letter of another script */
  DL_LANGID_K_IGNORE,   /* soft hyphen, zero-width characters, loose accents */
  DL_LANGID_K_LIGATURE, /* ﬁ ﬂ...: several letters; the symbol is an index */
};
#define DL_LANGID_CL_KIND(cl) ((cl) &7)
#define DL_LANGID_CL_SYM(cl) (((cl) >> 3) & 0x3F)
#define DL_LANGID_CL_UPPER 0x200
#define DL_LANGID_CL_ROMAN 0x400
G_STATIC_ASSERT (DL_LANGID_NSYM <= 0x40); /* a symbol fits in its 6 bits */

/* The classes of U+0080..U+017F, where every Turkish letter is. */
#define DL_LANGID_LATIN_CLASSES (0x180 - 0x80)
extern const guint16 dl_langid_latin_class[DL_LANGID_MODEL_LENGTH (DL_LANGID_LATIN_CLASSES)];

/* Word flags. */
enum {
  DL_LANGID_W_COMMON = 1 << 0,   /* an ordinary word of either language */
  DL_LANGID_W_GIVEN = 1 << 1,    /* a given name or a very common surname */
  DL_LANGID_W_AMBIG = 1 << 2,    /* ...that is also an ordinary word or place */
  DL_LANGID_W_TITLE = 1 << 3,    /* Dr, Prof, Doç... */
  DL_LANGID_W_DATE = 1 << 4,     /* month and weekday names */
  DL_LANGID_W_NEUTRAL = 1 << 5,  /* doi, url, issn: no language */
  DL_LANGID_W_CONNECT = 1 << 6,  /* ve, and: joins names */
  DL_LANGID_W_PARTICLE = 1 << 7, /* de, van, von, bin: inside a name */
};

/* The word table. A word's hash h is the 32-bit FNV-1a of its symbols, 'I'
 * hashed as ı for the Turkish reading and as i for the English one. The
 * word is in one of the DL_LANGID_WORD_WINDOW slots from
 * (h * 0x9E3779B1) >> (32 - DL_LANGID_WORD_BITS) on, the first one there
 * whose tag is h >> 16 (1 when that is 0; 0 marks an empty slot). llr is
 * ln P(w | tr) - ln P(w | en) times DL_LANGID_LLR_SCALE. */
#define DL_LANGID_WORD_BITS 14
#define DL_LANGID_WORD_WINDOW 8
#define DL_LANGID_WORD_SLOTS ((1u << DL_LANGID_WORD_BITS) + DL_LANGID_WORD_WINDOW - 1)
#define DL_LANGID_LLR_SCALE 16

typedef struct {
  guint16 tag;
  gint8 llr;
  guint8 flags;
} DlLangidWord;

extern const DlLangidWord dl_langid_words[DL_LANGID_MODEL_LENGTH (DL_LANGID_WORD_SLOTS)];

G_END_DECLS

#endif /* DL_LANGID_MODEL_H */
