/* wordsbuild.c — an input's words gathered and written (wordsbuild.h).
 *
 * A token whose form was not seen yet in its block makes a pair (form as
 * written, block). Past RUN_PAIRS pairs they are sorted by form (stably,
 * so each form's blocks stay in order) and written to a temporary file as
 * a run: per language, varint(key + 1) varint(blocks) and the blocks as
 * gaps (block + 1 less the previous), then 0.
 *
 * At the end the forms as written are sorted by their folded form: equal
 * ones make one word, numbered in byte order. Each run is read back with
 * its keys made words, sorted by word and block and written again, in the
 * same format; as the runs follow the blocks' order, a word's blocks are
 * in order across them, and one pass over all of them merges the words in
 * order into the postings. The pages of words are written from each
 * word's folded text as the sort left it, and the counts in the words'
 * order ask the memory for their forms ahead (both had a cache miss per
 * word: together a fifth of a large input's end). */
#include "config.h"

#include "wordsbuild.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "number.h"
#include "prefetch.h"
#include "varint.h"

/* Pairs kept in memory before they are written out: 8 bytes each, and as
 * many again to sort them. */
#define RUN_PAIRS ((gsize) 2 << 20)

/* The table's pages, uncompressed: a word is found by reading one. */
#define WORDS_PAGE ((gsize) 32 << 10)

/* A form as written: the counter's number << 1, or the builder's << 1 | 1. */
#define FORM_KEY(form) ((form) << 1)
#define TEXT_KEY(text) ((text) << 1 | 1)

typedef struct {
  guint32 key; /* a form as written, or (after the end) a word */
  guint32 block;
} Pair;

typedef struct {
  GArray *seen_form; /* guint32: last block + 1, by the counter's number */
  DlLexicon *texts;  /* the forms the counter does not count */
  GArray *seen_text; /* guint32: last block + 1, by texts' number */
  GArray *pairs;     /* Pair, in the order they came */
} Lang;

/* The words of a language after the end, for the tokens (Words's). */
typedef struct {
  GArray *word_of_form, *word_of_text;
} KeptWords;

struct _DlWordsBuild {
  Lang lang[DL_LANG_COUNT];
  gsize n_pairs;   /* in all languages */
  gsize run_pairs; /* RUN_PAIRS, or fewer for the tests */
  gsize page;      /* WORDS_PAGE, or smaller for the tests */
  GPtrArray *runs; /* FILE* */

  /* Every token in order, with dl_words_build_keep_tokens: the keys of
   * the line being given, then each line's record (varint(its block less
   * the last line's) byte(language) varint(tokens) varint(key)...) in
   * @tokens_out and then a temporary file. */
  gboolean keep_tokens;
  GArray *line; /* guint32 keys */
  GByteArray *tokens_out;
  FILE *tokens;
  guint32 tokens_block;
  guint64 lines;
  KeptWords kept[DL_LANG_COUNT]; /* after the end */
};

DlWordsBuild *
dl_words_build_new (void)
{
  DlWordsBuild *b = g_new0 (DlWordsBuild, 1);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      b->lang[l].seen_form = g_array_new (FALSE, TRUE, sizeof (guint32));
      b->lang[l].texts = dl_lexicon_new ();
      b->lang[l].seen_text = g_array_new (FALSE, TRUE, sizeof (guint32));
      b->lang[l].pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
    }
  b->runs = g_ptr_array_new ();
  /* For the tests: many runs from a few tokens, and many pages of words
   * from a few forms. */
  b->run_pairs = (gsize) dl_env_number ("DERLEM_WORDS_RUN_PAIRS", RUN_PAIRS, RUN_PAIRS);
  b->page = (gsize) dl_env_number ("DERLEM_WORDS_PAGE_BYTES", WORDS_PAGE, WORDS_PAGE);
  return b;
}

static void
close_runs (GPtrArray *runs)
{
  for (guint r = 0; r < runs->len; r++)
    fclose (runs->pdata[r]);
  g_ptr_array_set_size (runs, 0);
}

void
dl_words_build_free (DlWordsBuild *b)
{
  if (b == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_array_unref (b->lang[l].seen_form);
      dl_lexicon_free (b->lang[l].texts);
      g_array_unref (b->lang[l].seen_text);
      g_array_unref (b->lang[l].pairs);
    }
  close_runs (b->runs);
  g_ptr_array_unref (b->runs);
  if (b->line != NULL)
    g_array_unref (b->line);
  if (b->tokens_out != NULL)
    g_byte_array_unref (b->tokens_out);
  if (b->tokens != NULL)
    fclose (b->tokens);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_clear_pointer (&b->kept[l].word_of_form, g_array_unref);
      g_clear_pointer (&b->kept[l].word_of_text, g_array_unref);
    }
  g_free (b);
}

void
dl_words_build_keep_tokens (DlWordsBuild *b)
{
  if (b->keep_tokens)
    return;
  b->keep_tokens = TRUE;
  b->line = g_array_new (FALSE, FALSE, sizeof (guint32));
  b->tokens_out = g_byte_array_new ();
}

gboolean
dl_words_build_line (DlWordsBuild *b, DlLang lang, guint32 block)
{
  if (!b->keep_tokens)
    return TRUE;
  if (block < b->tokens_block)
    {
      errno = EINVAL;
      return FALSE;
    }
  GByteArray *out = b->tokens_out;
  guint len = out->len;
  g_byte_array_set_size (out, len + 3 * DL_VARINT_MAX + 1 + b->line->len * DL_VARINT_MAX);
  guint8 *q = dl_varint_encode (out->data + len, block - b->tokens_block);
  *q++ = (guint8) lang;
  q = dl_varint_encode (q, b->line->len);
  for (guint k = 0; k < b->line->len; k++)
    q = dl_varint_encode (q, g_array_index (b->line, guint32, k));
  g_byte_array_set_size (out, (guint) (q - out->data));
  g_array_set_size (b->line, 0);
  b->tokens_block = block;
  b->lines++;
  /* The records of lines kept in memory before they go to the file: 1
   * MiB, or a few bytes for the tests (DERLEM_WORDS_RUN_PAIRS). */
  if (out->len < b->run_pairs / 2)
    return TRUE;
  if (b->tokens == NULL && (b->tokens = tmpfile ()) == NULL)
    return FALSE;
  gboolean ok = fwrite (out->data, 1, out->len, b->tokens) == out->len;
  g_byte_array_set_size (out, 0);
  return ok;
}

/* ---- sorting pairs ---- */

/* Turns the counts of a radix sort's @digits digits (of @n items) into
 * where each digit's items begin: FALSE, left as they are, when one digit
 * has them all and they are in order already. */
static gboolean
digit_starts (gsize *count, guint digits, gsize n)
{
  gsize at = 0;
  for (guint d = 0; d < digits; d++)
    {
      gsize c = count[d];
      if (c == n)
        return FALSE;
      count[d] = at;
      at += c;
    }
  return TRUE;
}

/* A pair's digits: 12 bits, so that the places a pass writes to stay in
 * the cache (with 16, a pass of 2 M pairs missed at almost every one). */
#define PAIR_BITS 12
#define PAIR_DIGITS (1u << PAIR_BITS)

/* Sorts @n pairs of *@a stably by key: a radix sort through *@tmp (as
 * long), the two swapped as it goes. */
static void
radix_sort (Pair **a, Pair **tmp, gsize n)
{
  gsize count[PAIR_DIGITS];
  for (guint shift = 0; shift < 32; shift += PAIR_BITS)
    {
      memset (count, 0, sizeof count);
      for (gsize i = 0; i < n; i++)
        count[((*a)[i].key >> shift) & (PAIR_DIGITS - 1)]++;
      if (!digit_starts (count, PAIR_DIGITS, n))
        continue;
      for (gsize i = 0; i < n; i++)
        (*tmp)[count[((*a)[i].key >> shift) & (PAIR_DIGITS - 1)]++] = (*a)[i];
      Pair *t = *a;
      *a = *tmp;
      *tmp = t;
    }
}

static int
by_block (const void *a, const void *b)
{
  const Pair *x = a, *y = b;
  return (x->block > y->block) - (x->block < y->block);
}

/* Puts the blocks of each key of @n pairs (sorted by key) in order. A
 * key's pairs are a few runs of blocks in order, one per form of a word
 * remapped: most keys need nothing, and a sort of all the pairs by block
 * first was a third of the remapping. */
static void
order_blocks (Pair *a, gsize n)
{
  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;
      gboolean sorted = TRUE;
      for (; j < n && a[j].key == a[i].key; j++)
        sorted = sorted && a[j].block >= a[j - 1].block;
      if (!sorted)
        qsort (a + i, j - i, sizeof *a, by_block);
      i = j;
    }
}

/* Writes @pairs (sorted by key, then block) to @f as one language's
 * records, a pair repeated once; then the 0 that ends them. Each record
 * is encoded in place (a GByteArray append per varint was a tenth of a
 * large input's end). */
static gboolean
write_records (FILE *f, const Pair *pairs, gsize n)
{
  g_autoptr (GByteArray) out = g_byte_array_sized_new (1 << 20);
  for (gsize i = 0; i < n;)
    {
      guint32 key = pairs[i].key;
      gsize j = i;
      guint64 last = 0, blocks = 0;
      for (; j < n && pairs[j].key == key; j++)
        if ((guint64) pairs[j].block + 1 != last)
          {
            last = (guint64) pairs[j].block + 1;
            blocks++;
          }
      /* A gap of blocks takes five bytes at most. */
      guint len = out->len;
      g_byte_array_set_size (out, (guint) (len + 2 * DL_VARINT_MAX + 5 * (j - i)));
      guint8 *p = dl_varint_encode (out->data + len, (guint64) key + 1);
      p = dl_varint_encode (p, blocks);
      last = 0;
      for (; i < j; i++)
        {
          guint64 block = (guint64) pairs[i].block + 1;
          if (block == last)
            continue;
          p = dl_varint_encode (p, block - last);
          last = block;
        }
      g_byte_array_set_size (out, (guint) (p - out->data));
      if (out->len >= (1 << 20))
        {
          if (fwrite (out->data, 1, out->len, f) != out->len)
            return FALSE;
          g_byte_array_set_size (out, 0);
        }
    }
  dl_put_varint (out, 0);
  return fwrite (out->data, 1, out->len, f) == out->len;
}

/* Sorts @pairs (of one language) by key, or by key and block if
 * @by_block, and writes them to @f; then empties them. */
static gboolean
write_sorted (FILE *f, GArray *pairs, gboolean by_block)
{
  gsize n = pairs->len;
  g_autofree Pair *tmp = g_new (Pair, MAX (n, 1));
  Pair *a = (Pair *) (gpointer) pairs->data, *t = tmp;
  radix_sort (&a, &t, n);
  if (by_block)
    order_blocks (a, n);
  gboolean ok = write_records (f, a, n);
  g_array_set_size (pairs, 0);
  return ok;
}

/* Writes the pairs of each language (sorted by key, or by key and
 * block) to a new run in @runs, and empties them. */
static gboolean
write_run (GPtrArray *runs, GArray *const pairs[DL_LANG_COUNT], gboolean by_block)
{
  FILE *f = tmpfile ();
  if (f == NULL)
    return FALSE;
  g_ptr_array_add (runs, f);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (!write_sorted (f, pairs[l], by_block))
      return FALSE;
  return fflush (f) == 0;
}

/* Writes the pairs in memory out to a run by forms as written. */
static gboolean
flush_pairs (DlWordsBuild *b)
{
  GArray *pairs[DL_LANG_COUNT];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    pairs[l] = b->lang[l].pairs;
  b->n_pairs = 0;
  return write_run (b->runs, pairs, FALSE);
}

gboolean
dl_words_build_forms (DlWordsBuild *b, DlLang lang, const guint32 *forms, guint n, guint32 block)
{
  Lang *lg = &b->lang[lang];
  guint32 top = 0;
  for (guint i = 0; i < n; i++)
    top = MAX (top, forms[i]);
  if (n == 0)
    return TRUE;
  if (top >= G_MAXUINT32 >> 1 || block == G_MAXUINT32)
    {
      errno = EOVERFLOW;
      return FALSE;
    }
  if (b->keep_tokens)
    for (guint i = 0; i < n; i++)
      {
        guint32 key = FORM_KEY (forms[i]);
        g_array_append_val (b->line, key);
      }
  if (top >= lg->seen_form->len)
    g_array_set_size (lg->seen_form, top + 1);
  guint32 *seen = (guint32 *) (gpointer) lg->seen_form->data;
  /* The forms lie all over a large array: their misses overlap. */
  for (guint i = 0; i < n; i++)
    DL_PREFETCH (&seen[forms[i]]);
  for (guint i = 0; i < n; i++)
    {
      if (seen[forms[i]] == block + 1)
        continue;
      seen[forms[i]] = block + 1;
      Pair pair = { FORM_KEY (forms[i]), block };
      g_array_append_val (lg->pairs, pair);
      if (++b->n_pairs >= b->run_pairs && !flush_pairs (b))
        return FALSE;
    }
  return TRUE;
}

gboolean
dl_words_build_token (DlWordsBuild *b, DlLang lang, guint32 form, const char *text, gsize len,
                      guint32 block)
{
  Lang *lg = &b->lang[lang];
  GArray *seen;
  guint32 id, key;
  if (form != G_MAXUINT32)
    {
      seen = lg->seen_form;
      id = form;
      key = FORM_KEY (form);
    }
  else
    {
      seen = lg->seen_text;
      id = dl_lexicon_intern (lg->texts, text, len, NULL);
      key = TEXT_KEY (id);
    }
  if (id >= G_MAXUINT32 >> 1 || block == G_MAXUINT32)
    {
      errno = EOVERFLOW;
      return FALSE;
    }
  if (b->keep_tokens)
    g_array_append_val (b->line, key);
  if (id >= seen->len)
    g_array_set_size (seen, id + 1);
  guint32 *last = &g_array_index (seen, guint32, id);
  if (*last == block + 1)
    return TRUE;
  *last = block + 1;
  Pair pair = { key, block };
  g_array_append_val (lg->pairs, pair);
  return ++b->n_pairs < b->run_pairs || flush_pairs (b);
}

/* ---- the end ---- */

typedef DlWordsSortee Sortee;

/* The folded forms of one language's forms as written. */
typedef struct {
  DlWordsTerm term;
  gpointer term_data;
  DlLang lang;
  GString *folded; /* the builder's own forms folded, one after another */
  GArray *at;      /* gsize: where each begins in folded (and one past the last) */
} Folded;

static const char *
folded_text (const Folded *fd, guint32 key, gsize *len)
{
  if (!(key & 1))
    return fd->term (fd->lang, key >> 1, len, fd->term_data);
  gsize from = g_array_index (fd->at, gsize, key >> 1);
  *len = g_array_index (fd->at, gsize, (key >> 1) + 1) - from;
  return fd->folded->str + from;
}

static int
by_folded (const void *a, const void *b)
{
  const Sortee *x = a, *y = b;
  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;
  int c = memcmp (x->text, y->text, MIN (x->len, y->len));
  if (c != 0)
    return c;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return (x->key > y->key) - (x->key < y->key);
}

/* Sorts @n sortees of @a by_folded: stably by their prefixes, a radix
 * sort through @tmp, then each run of one prefix by the comparison (a
 * sort by comparison alone was a sixth of a large input's end). */
void
dl_words_sort (DlWordsSortee *a, DlWordsSortee *tmp, gsize n)
{
  g_autofree gsize *count = g_new (gsize, 65536);
  Sortee *from = a, *to = tmp;
  for (guint shift = 0; shift < 64; shift += 16)
    {
      memset (count, 0, 65536 * sizeof *count);
      for (gsize i = 0; i < n; i++)
        count[(from[i].prefix >> shift) & 0xffff]++;
      if (!digit_starts (count, 65536, n))
        continue;
      for (gsize i = 0; i < n; i++)
        to[count[(from[i].prefix >> shift) & 0xffff]++] = from[i];
      Sortee *t = from;
      from = to;
      to = t;
    }
  if (from != a)
    memcpy (a, from, n * sizeof *a);
  for (gsize i = 0; i < n;)
    {
      gsize j = i + 1;
      while (j < n && a[j].prefix == a[i].prefix)
        j++;
      if (j - i > 1)
        qsort (a + i, j - i, sizeof *a, by_folded);
      i = j;
    }
}

guint64
dl_words_prefix (const char *text, gsize len)
{
  guint64 p = 0;
  for (gsize i = 0; i < 8; i++)
    p = p << 8 | (i < len ? (guchar) text[i] : 0);
  return p;
}

/* A word's folded text, where the counter or the builder keeps it. */
typedef struct {
  const char *text;
  gsize len;
} Spelling;

/* One language's words: each form as written's word, each word's text. */
typedef struct {
  GArray *word_of_form; /* guint32, by the counter's number (seen ones) */
  GArray *word_of_text; /* guint32, by texts' number */
  GArray *rep;          /* Spelling of each word (kept: the pages would
                         * fetch them from the counter in words' order,
                         * a cache miss each) */
  /* Filled by the merge, for the table. */
  GArray *at;    /* guint64 */
  GArray *n;     /* guint32: blocks */
  GArray *bytes; /* guint32: of its gaps */
} Words;

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->word_of_form, g_array_unref);
  g_clear_pointer (&w->word_of_text, g_array_unref);
  g_clear_pointer (&w->rep, g_array_unref);
  g_clear_pointer (&w->at, g_array_unref);
  g_clear_pointer (&w->n, g_array_unref);
  g_clear_pointer (&w->bytes, g_array_unref);
}

/* Sorts @lg's forms as written by their folded forms into @w's words.
 * FALSE if a form of the counter's has no term. */
static gboolean
make_words (Lang *lg, const Folded *fd, Words *w)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Sortee));
  for (guint32 f = 0; f < lg->seen_form->len; f++)
    if (g_array_index (lg->seen_form, guint32, f) != 0)
      {
        Sortee s = { 0, NULL, 0, FORM_KEY (f) };
        g_array_append_val (all, s);
      }
  for (guint32 t = 0; t < dl_lexicon_size (lg->texts); t++)
    {
      Sortee s = { 0, NULL, 0, TEXT_KEY (t) };
      g_array_append_val (all, s);
    }
  for (guint i = 0; i < all->len; i++)
    {
      Sortee *s = &g_array_index (all, Sortee, i);
      gsize len;
      const char *text = folded_text (fd, s->key, &len);
      if (text == NULL)
        {
          errno = EINVAL;
          return FALSE;
        }
      s->prefix = dl_words_prefix (text, len);
      s->text = text;
      s->len = (guint32) len;
    }
  g_autofree Sortee *tmp = g_new (Sortee, MAX (all->len, 1));
  dl_words_sort ((Sortee *) (gpointer) all->data, tmp, all->len);
  g_clear_pointer (&tmp, g_free);

  w->word_of_form = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_set_size (w->word_of_form, lg->seen_form->len);
  /* A form of the counter's never given to the builder has no word. */
  for (guint32 f = 0; f < lg->seen_form->len; f++)
    g_array_index (w->word_of_form, guint32, f) = G_MAXUINT32;
  w->word_of_text = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_array_set_size (w->word_of_text, dl_lexicon_size (lg->texts));
  w->rep = g_array_new (FALSE, FALSE, sizeof (Spelling));
  const char *prev = NULL;
  gsize prev_len = 0;
  for (guint i = 0; i < all->len; i++)
    {
      const Sortee *s = &g_array_index (all, Sortee, i);
      const char *text = s->text;
      gsize len = s->len;
      if (prev == NULL || len != prev_len || memcmp (text, prev, len) != 0)
        {
          Spelling sp = { text, len };
          g_array_append_val (w->rep, sp);
        }
      prev = text;
      prev_len = len;
      guint32 word = w->rep->len - 1;
      if (s->key & 1)
        g_array_index (w->word_of_text, guint32, s->key >> 1) = word;
      else
        g_array_index (w->word_of_form, guint32, s->key >> 1) = word;
    }
  return TRUE;
}

static gboolean
get_varint_file (FILE *f, guint64 *v)
{
  *v = 0;
  for (guint shift = 0; shift < 64; shift += 7)
    {
      int c = getc_unlocked (f);
      if (c == EOF)
        return FALSE;
      *v |= (guint64) (c & 0x7f) << shift;
      if (!(c & 0x80))
        return TRUE;
    }
  return FALSE;
}

/* A run read back, one record at a time. */
typedef struct {
  FILE *f;
  int lang;    /* of the record; DL_LANG_COUNT past the last */
  guint64 key; /* its key or word */
  guint64 n;   /* its blocks */
} Run;

/* Moves @r to its next record (FALSE if the file cannot be read). */
static gboolean
run_next (Run *r)
{
  while (r->lang < DL_LANG_COUNT)
    {
      guint64 v;
      if (!get_varint_file (r->f, &v))
        return FALSE;
      if (v == 0)
        {
          r->lang++;
          continue;
        }
      r->key = v - 1;
      return get_varint_file (r->f, &r->n);
    }
  return TRUE;
}

static gboolean
run_open (Run *r, FILE *f)
{
  *r = (Run){ f, 0, 0, 0 };
  return fseek (f, 0, SEEK_SET) == 0 && run_next (r);
}

/* Reads the current record's blocks, calling @take on each. */
static gboolean
run_blocks (Run *r, gboolean (*take) (guint32 block, gpointer data), gpointer data)
{
  guint64 block = 0;
  for (guint64 j = 0; j < r->n; j++)
    {
      guint64 gap;
      if (!get_varint_file (r->f, &gap) || gap == 0 || block + gap > G_MAXUINT32)
        return FALSE;
      block += gap;
      if (!take ((guint32) (block - 1), data))
        return FALSE;
    }
  return run_next (r);
}

/* Where a record's pairs go, made room for. */
typedef struct {
  Pair *at;
  guint32 word;
} Remap;

static gboolean
take_pair (guint32 block, gpointer data)
{
  Remap *rm = data;
  *rm->at++ = (Pair){ rm->word, block };
  return TRUE;
}

/* The word of a key of @w's. */
static gboolean
word_of (const Words *w, guint64 key, guint32 *word)
{
  const GArray *a = key & 1 ? w->word_of_text : w->word_of_form;
  if (a == NULL || (key >> 1) >= a->len)
    return FALSE;
  *word = g_array_index (a, guint32, key >> 1);
  return TRUE;
}

/* Rewrites run @f by words into @runs (by word and block), through
 * @pairs (empty, one array per language). */
static gboolean
remap_run (FILE *f, const Words *words, GArray *const pairs[DL_LANG_COUNT], GPtrArray *runs)
{
  Run r;
  if (!run_open (&r, f))
    return FALSE;
  while (r.lang < DL_LANG_COUNT)
    {
      GArray *a = pairs[r.lang];
      guint len = a->len;
      if (r.n > G_MAXUINT - len)
        return FALSE;
      g_array_set_size (a, len + (guint) r.n);
      Remap rm = { &g_array_index (a, Pair, len), 0 };
      if (!word_of (&words[r.lang], r.key, &rm.word) || !run_blocks (&r, take_pair, &rm))
        return FALSE;
    }
  return write_run (runs, pairs, TRUE);
}

/* The pairs in memory made words, as the last run by words. */
static gboolean
remap_memory (DlWordsBuild *b, const Words *words, GPtrArray *runs)
{
  GArray *pairs[DL_LANG_COUNT];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      pairs[l] = b->lang[l].pairs;
      for (guint i = 0; i < pairs[l]->len; i++)
        {
          Pair *p = &g_array_index (pairs[l], Pair, i);
          if (!word_of (&words[l], p->key, &p->key))
            return FALSE;
        }
    }
  b->n_pairs = 0;
  return write_run (runs, pairs, TRUE);
}

/* The merge's state: a word's gaps, made again across the runs, written
 * at p (room made for each run's). */
typedef struct {
  guint8 *p;
  guint64 last, n;
} Merging;

static gboolean
take_gap (guint32 block, gpointer data)
{
  Merging *m = data;
  guint64 b1 = (guint64) block + 1;
  if (b1 < m->last)
    return FALSE; /* the runs are out of order */
  if (b1 == m->last)
    return TRUE;
  m->p = dl_varint_encode (m->p, b1 - m->last);
  m->last = b1;
  m->n++;
  return TRUE;
}

/* Merges the runs by words into the postings, language by language and
 * word by word, filling @words' at, n and bytes. */
static gboolean
merge_runs (GPtrArray *runs, guint langs, Words *words, DlWordsOut out, gpointer out_data,
            guint64 *total)
{
  guint n_runs = runs->len;
  g_autofree Run *r = g_new0 (Run, MAX (n_runs, 1));
  for (guint k = 0; k < n_runs; k++)
    if (!run_open (&r[k], runs->pdata[k]))
      return FALSE;
  g_autoptr (GByteArray) gaps = g_byte_array_new ();
  *total = 0;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (!(langs & (1u << l)))
        continue;
      Words *w = &words[l];
      guint n_words = w->rep->len;
      w->at = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n_words);
      w->n = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_words);
      w->bytes = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_words);
      for (guint32 word = 0; word < n_words; word++)
        {
          Merging m = { NULL, 0, 0 };
          guint used = 0;
          for (guint k = 0; k < n_runs; k++)
            if (r[k].lang == l && r[k].key == word)
              {
                /* A gap of blocks takes five bytes at most. */
                if (r[k].n > (G_MAXUINT32 - used) / 5)
                  return FALSE;
                g_byte_array_set_size (gaps, used + 5 * (guint) r[k].n);
                m.p = gaps->data + used;
                if (!run_blocks (&r[k], take_gap, &m))
                  return FALSE;
                used = (guint) (m.p - gaps->data);
              }
          g_byte_array_set_size (gaps, used);
          if (m.n == 0 || m.n > G_MAXUINT32 || !out (gaps->data, gaps->len, out_data))
            return FALSE;
          guint32 n = (guint32) m.n, bytes = gaps->len;
          g_array_append_val (w->at, *total);
          g_array_append_val (w->n, n);
          g_array_append_val (w->bytes, bytes);
          *total += gaps->len;
        }
    }
  /* Every record was a word's. */
  for (guint k = 0; k < n_runs; k++)
    if (r[k].lang < DL_LANG_COUNT)
      return FALSE;
  return TRUE;
}

void
dl_words_front_code (GByteArray *buf, const char *prev, gsize prev_len, const char *text, gsize len)
{
  gsize shared = 0;
  while (prev != NULL && shared < MIN (len, prev_len) && text[shared] == prev[shared])
    shared++;
  dl_put_varint (buf, shared);
  dl_put_varint (buf, len - shared);
  g_byte_array_append (buf, (const guint8 *) text + shared, (guint) (len - shared));
}

/* Gives @w's table to @page in pages of about @size bytes. */
static gboolean
put_pages (const Words *w, DlLang lang, gsize size, DlWordsPage page, gpointer data)
{
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  guint first = 0;
  const char *prev = NULL;
  gsize prev_len = 0;
  for (guint k = 0; k < w->rep->len; k++)
    {
      /* The texts lie where the forms first came: their misses overlap. */
      if (k + DL_PREFETCH_AHEAD < w->rep->len)
        DL_PREFETCH (g_array_index (w->rep, Spelling, k + DL_PREFETCH_AHEAD).text);
      const Spelling *sp = &g_array_index (w->rep, Spelling, k);
      const char *text = sp->text;
      gsize len = sp->len;
      dl_words_front_code (buf, prev, prev_len, text, len);
      dl_put_varint (buf, g_array_index (w->n, guint32, k));
      dl_put_varint (buf, g_array_index (w->bytes, guint32, k));
      prev = text;
      prev_len = len;
      if (buf->len >= size || k + 1 == w->rep->len)
        {
          const Spelling *f = &g_array_index (w->rep, Spelling, first);
          if (!page (lang, f->text, f->len, k + 1 - first, g_array_index (w->at, guint64, first),
                     buf->data, buf->len, data))
            return FALSE;
          g_byte_array_set_size (buf, 0);
          first = k + 1;
          prev = NULL;
        }
    }
  return TRUE;
}

gboolean
dl_words_build_finish (DlWordsBuild *b, guint langs, DlWordsTerm term, gpointer term_data,
                       DlNormalizer *norm, const DlWordsSink *sink, guint64 *postings_len,
                       GArray *form_words[DL_LANG_COUNT])
{
  Words words[DL_LANG_COUNT] = { { 0 } };
  Folded folded[DL_LANG_COUNT];
  g_autoptr (GPtrArray) by_word = g_ptr_array_new ();
  gboolean ok = TRUE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      Lang *lg = &b->lang[l];
      Folded *fd = &folded[l];
      *fd = (Folded){ term, term_data, l, g_string_new (NULL),
                      g_array_new (FALSE, FALSE, sizeof (gsize)) };
      g_autoptr (GString) one = g_string_new (NULL);
      for (guint32 t = 0; t < dl_lexicon_size (lg->texts); t++)
        {
          g_array_append_val (fd->at, fd->folded->len);
          dl_normalizer_fold (norm, l, dl_lexicon_string (lg->texts, t),
                              dl_lexicon_length (lg->texts, t), one);
          g_string_append_len (fd->folded, one->str, (gssize) one->len);
        }
      g_array_append_val (fd->at, fd->folded->len);
      if (ok && (langs & (1u << l)))
        ok = make_words (lg, fd, &words[l]);
    }
  for (int l = 0; ok && l < DL_LANG_COUNT; l++)
    if (form_words != NULL && form_words[l] != NULL && words[l].word_of_form != NULL)
      g_array_append_vals (form_words[l], words[l].word_of_form->data, words[l].word_of_form->len);
  if (ok && sink->numbered != NULL)
    sink->numbered (sink->numbered_data);
  /* Each run by forms as written, then what memory holds, by words. */
  GArray *pairs[DL_LANG_COUNT];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    pairs[l] = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (guint k = 0; ok && k < b->runs->len; k++)
    ok = remap_run (b->runs->pdata[k], words, pairs, by_word);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_unref (pairs[l]);
  ok = ok && remap_memory (b, words, by_word);
  close_runs (b->runs);
  guint64 total = 0;
  ok = ok && merge_runs (by_word, langs, words, sink->out, sink->user_data, &total);
  close_runs (by_word);
  for (int l = 0; ok && l < DL_LANG_COUNT; l++)
    if (langs & (1u << l))
      ok = put_pages (&words[l], l, b->page, sink->page, sink->user_data);
  *postings_len = total;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (b->keep_tokens)
        {
          /* The tokens are given after the postings' last chunk. */
          b->kept[l].word_of_form = g_steal_pointer (&words[l].word_of_form);
          b->kept[l].word_of_text = g_steal_pointer (&words[l].word_of_text);
        }
      words_clear (&words[l]);
      g_string_free (folded[l].folded, TRUE);
      g_array_unref (folded[l].at);
    }
  if (!ok && errno == 0)
    errno = EIO;
  return ok;
}

/* Reads the next line of the tokens kept: FALSE at their end or if they
 * do not read (*@bad). */
static gboolean
next_line (FILE *f, guint32 *block, DlLang *lang, guint64 *n, gboolean *bad)
{
  guint64 gap;
  if (!get_varint_file (f, &gap))
    return FALSE;
  int c = getc_unlocked (f);
  *bad = c == EOF || c >= DL_LANG_COUNT || gap > G_MAXUINT32 - *block || !get_varint_file (f, n);
  *block += (guint32) gap;
  *lang = (DlLang) c;
  return !*bad;
}

/* A block's tokens gathered (line by line), then encoded. */
typedef struct {
  GArray *lines;                /* guint64: tokens << 2 | lang */
  GArray *words;                /* guint32: each token's word */
  GArray *dict[DL_LANG_COUNT];  /* guint32: the words of each language, each once, rising */
  GArray *place[DL_LANG_COUNT]; /* guint32 by word: its place + 1 among the
                                   block's, 0 for a word not in it */
} BlockTokens;

/* Encodes @bt into @out (emptied): varint(lines), per language varint(its
 * words) and them as gaps (the first from 0), then per line
 * varint(tokens << 2 | language) and each token's place among its
 * language's words. A block's words are a few thousand: places are one
 * or two bytes where words are numbers among a million. Each word is
 * looked up by its number (a sort of every token and a search for each
 * were a sixth of a build with --positions). */
static void
encode_block (BlockTokens *bt, GByteArray *out)
{
  g_byte_array_set_size (out, 0);
  const guint32 *words = (const guint32 *) (gpointer) bt->words->data;
  const guint64 *lines = (const guint64 *) (gpointer) bt->lines->data;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_set_size (bt->dict[l], 0);
  guint at = 0;
  for (guint k = 0; k < bt->lines->len; k++)
    {
      guint l = (guint) (lines[k] & 3);
      GArray *place = bt->place[l];
      for (guint n = (guint) (lines[k] >> 2); n > 0; n--, at++)
        {
          guint32 w = words[at];
          if (w >= place->len)
            g_array_set_size (place, MAX (w + 1, 2 * place->len));
          guint32 *p = &g_array_index (place, guint32, w);
          if (*p == 0)
            {
              *p = 1;
              g_array_append_val (bt->dict[l], w);
            }
        }
    }
  dl_put_varint (out, bt->lines->len);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      GArray *d = bt->dict[l];
      guint32 *w = (guint32 *) (gpointer) d->data;
      if (d->len > 1) /* an empty array's data is NULL, which qsort may not take */
        qsort (w, d->len, sizeof (guint32), dl_compare_u32);
      guint32 *place = (guint32 *) (gpointer) bt->place[l]->data;
      dl_put_varint (out, d->len);
      guint32 prev = 0;
      for (guint k = 0; k < d->len; k++)
        {
          place[w[k]] = k + 1;
          dl_put_varint (out, w[k] - prev);
          prev = w[k];
        }
    }
  at = 0;
  for (guint k = 0; k < bt->lines->len; k++)
    {
      dl_put_varint (out, lines[k]);
      const guint32 *place = (const guint32 *) (gpointer) bt->place[lines[k] & 3]->data;
      for (guint n = (guint) (lines[k] >> 2); n > 0; n--, at++)
        dl_put_varint (out, place[words[at]] - 1);
    }
  /* The places back to 0 for the next block. */
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint32 *place = (guint32 *) (gpointer) bt->place[l]->data;
      const guint32 *w = (const guint32 *) (gpointer) bt->dict[l]->data;
      for (guint k = 0; k < bt->dict[l]->len; k++)
        place[w[k]] = 0;
    }
  g_array_set_size (bt->lines, 0);
  g_array_set_size (bt->words, 0);
}

static gboolean
give_block (BlockTokens *bt, guint32 block, GByteArray *out, DlWordsTokens take, gpointer data)
{
  encode_block (bt, out);
  return take (block, out->data, out->len, data);
}

gboolean
dl_words_build_tokens (DlWordsBuild *b, guint32 n_blocks, DlWordsTokens take, gpointer data)
{
  g_return_val_if_fail (b->keep_tokens && b->line->len == 0, FALSE);
  if (b->tokens == NULL && (b->tokens = tmpfile ()) == NULL)
    return FALSE;
  if ((b->tokens_out->len > 0
       && fwrite (b->tokens_out->data, 1, b->tokens_out->len, b->tokens) != b->tokens_out->len)
      || fflush (b->tokens) != 0 || fseek (b->tokens, 0, SEEK_SET) != 0)
    return FALSE;
  g_byte_array_set_size (b->tokens_out, 0);
  g_autoptr (GByteArray) out = g_byte_array_new ();
  BlockTokens bt = { g_array_new (FALSE, FALSE, sizeof (guint64)),
                     g_array_new (FALSE, FALSE, sizeof (guint32)),
                     { NULL },
                     { NULL } };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      bt.dict[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
      bt.place[l] = g_array_new (FALSE, TRUE, sizeof (guint32));
    }
  guint32 block = 0, at = 0; /* the record's block; the block being filled */
  DlLang lang;
  guint64 n;
  gboolean bad = FALSE, ok = TRUE;
  for (guint64 line = 0; ok && line < b->lines; line++)
    {
      if (!next_line (b->tokens, &block, &lang, &n, &bad) || block >= n_blocks || n > G_MAXUINT32)
        {
          errno = EINVAL;
          ok = FALSE;
          break;
        }
      for (; ok && at < block; at++)
        ok = give_block (&bt, at, out, take, data);
      const KeptWords *kw = &b->kept[lang];
      Words w = { kw->word_of_form, kw->word_of_text, NULL, NULL, NULL, NULL };
      guint64 head = n << 2 | (guint64) lang;
      g_array_append_val (bt.lines, head);
      for (guint64 k = 0; ok && k < n; k++)
        {
          guint64 key;
          guint32 word;
          if (!get_varint_file (b->tokens, &key) || !word_of (&w, key, &word)
              || word == G_MAXUINT32)
            {
              errno = EINVAL;
              ok = FALSE;
            }
          else
            g_array_append_val (bt.words, word);
        }
    }
  for (; ok && at < n_blocks; at++)
    ok = give_block (&bt, at, out, take, data);
  g_array_unref (bt.lines);
  g_array_unref (bt.words);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_array_unref (bt.dict[l]);
      g_array_unref (bt.place[l]);
    }
  return ok;
}
