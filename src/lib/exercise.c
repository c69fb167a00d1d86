/* exercise.c — sentences are put together from the stream's lines (a
 * sentence goes on across line breaks of one language until ICU ends it,
 * a blank line or a heading line stops it), judged by a teacher's rules,
 * and kept per query by their key: a hash of the seed and the folded words.
 * The pools are cut back to the smallest keys whenever they double. */
#include "config.h"

#include "exercise.h"

#include <math.h>
#include <string.h>

#include <unicode/uchar.h>

#include "stream.h"

/* Words of a line that may be a heading glued to the sentence after it. */
#define HEADING_WORDS 8
/* Distractor candidates the suffix shape must give before it is relaxed. */
#define NEAREST 12

/* ---- Candidates ---- */

struct _DlExerciseCounts {
  guint n_queries;
  guint keep;
  GPtrArray **pools; /* [query * DL_LANG_COUNT + lang] of DlExerciseSentence* */
  gboolean *cut;     /* by pool: sorted and cut back since the last add */
};

static void
sentence_free (gpointer p)
{
  DlExerciseSentence *s = p;
  g_free (s->text);
  g_free (s->folded);
  g_free (s->words);
  g_free (s);
}

DlExerciseCounts *
dl_exercise_counts_new (guint n_queries, const DlExerciseOptions *opts)
{
  DlExerciseCounts *c = g_new0 (DlExerciseCounts, 1);
  c->n_queries = n_queries;
  c->keep = MAX (opts->keep, 1);
  c->pools = g_new0 (GPtrArray *, (gsize) n_queries * DL_LANG_COUNT + 1);
  c->cut = g_new0 (gboolean, (gsize) n_queries * DL_LANG_COUNT + 1);
  for (guint i = 0; i < n_queries * DL_LANG_COUNT; i++)
    c->pools[i] = g_ptr_array_new_with_free_func (sentence_free);
  return c;
}

void
dl_exercise_counts_free (DlExerciseCounts *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->n_queries * DL_LANG_COUNT; i++)
    g_ptr_array_unref (c->pools[i]);
  g_free (c->pools);
  g_free (c->cut);
  g_free (c);
}

/* Key order; a sentence found twice (the same key and words) sorts by
 * where it was found, so that the first place is kept. */
static gint
by_key (gconstpointer a, gconstpointer b)
{
  const DlExerciseSentence *x = *(DlExerciseSentence *const *) a;
  const DlExerciseSentence *y = *(DlExerciseSentence *const *) b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  int c = strcmp (x->folded, y->folded);
  if (c != 0)
    return c;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* Sorts @pool, drops repeated sentences and all beyond the first @keep. */
static void
cut_back (GPtrArray *pool, guint keep)
{
  g_ptr_array_sort (pool, by_key);
  guint k = 0;
  for (guint i = 0; i < pool->len; i++)
    {
      DlExerciseSentence *s = pool->pdata[i];
      const DlExerciseSentence *last = k > 0 ? pool->pdata[k - 1] : NULL;
      if (k >= keep
          || (last != NULL && last->key == s->key && strcmp (last->folded, s->folded) == 0))
        sentence_free (s);
      else
        pool->pdata[k++] = s;
    }
  g_ptr_array_set_free_func (pool, NULL);
  g_ptr_array_set_size (pool, k);
  g_ptr_array_set_free_func (pool, sentence_free);
}

static void
add (DlExerciseCounts *c, DlExerciseSentence *s)
{
  guint i = s->query * DL_LANG_COUNT + s->lang;
  GPtrArray *pool = c->pools[i];
  g_ptr_array_add (pool, s);
  c->cut[i] = FALSE;
  if (pool->len >= 2 * c->keep)
    cut_back (pool, c->keep);
}

void
dl_exercise_counts_merge (DlExerciseCounts *into, DlExerciseCounts *from, guint32 file)
{
  g_return_if_fail (into->n_queries == from->n_queries);
  for (guint i = 0; i < from->n_queries * DL_LANG_COUNT; i++)
    {
      GPtrArray *pool = from->pools[i];
      g_ptr_array_set_free_func (pool, NULL);
      for (guint j = 0; j < pool->len; j++)
        {
          DlExerciseSentence *s = pool->pdata[j];
          s->file = file;
          add (into, s);
        }
      g_ptr_array_set_size (pool, 0);
      g_ptr_array_set_free_func (pool, sentence_free);
    }
}

const DlExerciseSentence *const *
dl_exercise_counts_get (DlExerciseCounts *c, guint query, DlLang lang, guint *n)
{
  g_return_val_if_fail (query < c->n_queries && lang < DL_LANG_COUNT, NULL);
  guint i = query * DL_LANG_COUNT + lang;
  GPtrArray *pool = c->pools[i];
  if (!c->cut[i])
    cut_back (pool, c->keep);
  c->cut[i] = TRUE;
  *n = pool->len;
  return (const DlExerciseSentence *const *) pool->pdata;
}

/* ---- Finding sentences ---- */

struct _DlExercise {
  DlExerciseOptions opts;
  guint n_queries;
  DlStream *stream;
  DlMatcher *matcher;
  GString *form; /* scratch */

  /* The sentence being read. */
  GString *text;
  GArray *words; /* DlExerciseWord */
  DlLang lang;
  guint64 first_line, last_line;
  guint hits, query, hit, hit_len;
  gboolean spoiled; /* a cut word or a URL */
  GArray *off;      /* guint: the words off the level (word_ok) */
  gboolean heading; /* its only line may be a heading */
};

DlExercise *
dl_exercise_new (DlQuery *const *queries, guint n, const DlExerciseOptions *opts, GError **error)
{
  g_autoptr (DlExercise) e = g_new0 (DlExercise, 1);
  e->opts = *opts;
  e->n_queries = n;
  DlStreamOptions so = { .sentences = TRUE };
  memcpy (so.langs, opts->langs, sizeof so.langs);
  so.kinds[DL_TOKEN_WORD] = so.kinds[DL_TOKEN_NUMBER] = TRUE;
  e->form = g_string_new (NULL);
  e->text = g_string_new (NULL);
  e->words = g_array_new (FALSE, FALSE, sizeof (DlExerciseWord));
  e->off = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((e->stream = dl_stream_new (&so, error)) == NULL
      || (e->matcher = dl_matcher_new (queries, n, &opts->query, error)) == NULL)
    return NULL;
  return g_steal_pointer (&e);
}

void
dl_exercise_free (DlExercise *e)
{
  if (e == NULL)
    return;
  dl_stream_free (e->stream);
  dl_matcher_free (e->matcher);
  g_string_free (e->form, TRUE);
  g_string_free (e->text, TRUE);
  g_array_unref (e->words);
  g_array_unref (e->off);
  g_free (e);
}

static void
reset (DlExercise *e)
{
  g_string_truncate (e->text, 0);
  g_array_set_size (e->words, 0);
  g_array_set_size (e->off, 0);
  e->hits = 0;
  e->spoiled = e->heading = FALSE;
  dl_matcher_reset (e->matcher);
}

/* 64-bit FNV-1a of @len bytes, from @h. */
static guint64
fnv (guint64 h, const void *data, gsize len)
{
  const guchar *p = data;
  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

/* Whether @c is one of the ASCII characters of @set (strchr would take a
 * code point above 255 for its low byte). */
static gboolean
one_of (gunichar c, const char *set)
{
  return c != 0 && c < 0x80 && strchr (set, (int) c) != NULL;
}

/* The first character of @text after opening punctuation. */
static gunichar
first_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!one_of (c, "\"'([") && c != 0x201C && c != 0x2018 && c != 0x00AB)
        return c;
    }
  return 0;
}

/* Whether @text ends a sentence: . ! or ? before closing punctuation. */
static gboolean
ends_sentence (const char *text, gsize len)
{
  const char *end = text + len;
  while (end > text)
    {
      const char *p = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (p);
      if (c == '.' || c == '!' || c == '?')
        return p == text || p[-1] != '.'; /* not "..." */
      if (!one_of (c, "\"')]") && c != 0x201D && c != 0x2019 && c != 0x00BB)
        return FALSE;
      end = p;
    }
  return FALSE;
}

/* Whether the quotation marks of @text pair up: “ with ”, and an even
 * number of ". */
static gboolean
balanced_quotes (const char *text)
{
  int curly = 0, straight = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      curly += c == 0x201C ? 1 : c == 0x201D ? -1 : 0;
      straight += c == '"';
      if (curly < 0)
        return FALSE;
    }
  return curly == 0 && straight % 2 == 0;
}

/* Whether @text has the marks of a reference-list entry, a table or a cut
 * quotation: initials ("A. B."), a year in brackets, "pp.", "doi", "et
 * al.", an ellipsis, bullets and bars, or unbalanced brackets. */
static gboolean
looks_unteachable (const DlExercise *e)
{
  const char *t = e->text->str;
  static const char *const marks[]
      = { "...",  "…",     "|",    "•",    "_",    "©",     "\t",   "doi",
          "DOI",  "ISBN",  "pp.",  "Vol.", "vol.", "et al", "http", "www.",
          "Yay.", " ss. ", " s. ", " c. ", "bkz",  "Bkz",   " cf.", " See " };
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strstr (t, marks[i]) != NULL)
      return TRUE;
  int round = 0, initials = 0;
  for (const char *p = t; *p != '\0'; p++)
    {
      round += *p == '(' ? 1 : *p == ')' ? -1 : 0;
      if (round < 0)
        return TRUE;
      if (*p == '(' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
          && g_ascii_isdigit (p[4]))
        return TRUE;
      if (g_ascii_isupper (*p) && p[1] == '.' && (p == t || p[-1] == ' '))
        initials++;
    }
  return round != 0 || initials >= 2 || !balanced_quotes (t);
}

/* Whether the sentence is one a teacher would use: its length, its first
 * and last characters, not mostly numbers or capitalized words. */
static gboolean
teachable (const DlExercise *e)
{
  guint n = e->words->len;
  if (e->spoiled || e->hits != 1 || n < e->opts.min_words || n > e->opts.max_words)
    return FALSE;
  for (guint i = 0; i < e->off->len; i++)
    {
      guint w = g_array_index (e->off, guint, i);
      if (w < e->hit || w >= e->hit + e->hit_len)
        return FALSE; /* a word beyond the level that is not the hit's */
    }
  gunichar first = first_letter (e->text->str);
  if (!(u_isupper ((UChar32) first) || u_istitle ((UChar32) first) || g_unichar_isdigit (first))
      || !ends_sentence (e->text->str, e->text->len) || looks_unteachable (e))
    return FALSE;
  guint numbers = 0, capitals = 0;
  for (guint i = 0; i < n; i++)
    {
      const DlExerciseWord *w = &g_array_index (e->words, DlExerciseWord, i);
      if (w->kind == DL_TOKEN_NUMBER)
        numbers++;
      else if (i > 0 && u_isupper ((UChar32) g_utf8_get_char (e->text->str + w->offset)))
        capitals++;
    }
  return 4 * numbers <= n && 2 * capitals < n;
}

/* Appends @len bytes of @text to the sentence, each run of white space
 * as one space. */
static void
append (DlExercise *e, const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      gboolean space = g_ascii_isspace (text[i]);
      if (!space)
        g_string_append_c (e->text, text[i]);
      else if (e->text->len > 0 && e->text->str[e->text->len - 1] != ' ')
        g_string_append_c (e->text, ' ');
    }
}

/* Ends the sentence being read: a candidate if it is teachable. */
static void
finish (DlExercise *e, DlExerciseCounts *counts)
{
  while (e->text->len > 0 && g_ascii_isspace (e->text->str[e->text->len - 1]))
    g_string_truncate (e->text, e->text->len - 1);
  if (e->words->len > 0 && teachable (e))
    {
      DlExerciseSentence *s = g_new0 (DlExerciseSentence, 1);
      GString *folded = g_string_new (NULL);
      for (guint i = 0; i < e->words->len; i++)
        {
          const DlExerciseWord *w = &g_array_index (e->words, DlExerciseWord, i);
          dl_matcher_form (e->matcher, e->lang, e->text->str + w->offset, w->len, e->form);
          if (i > 0)
            g_string_append_c (folded, ' ');
          g_string_append_len (folded, e->form->str, e->form->len);
        }
      guint64 h = fnv (G_GUINT64_CONSTANT (0xcbf29ce484222325), &e->opts.seed, sizeof e->opts.seed);
      h = fnv (h, folded->str, folded->len);
      *s = (DlExerciseSentence){ .lang = e->lang,
                                 .query = e->query,
                                 .line = e->first_line,
                                 .key = fnv (h, &e->lang, 1),
                                 .text = g_strndup (e->text->str, e->text->len),
                                 .folded = g_string_free (folded, FALSE),
                                 .n_words = e->words->len,
                                 .hit = e->hit,
                                 .hit_len = e->hit_len };
      s->words = g_memdup2 (e->words->data, sizeof (DlExerciseWord) * e->words->len);
      add (counts, s);
    }
  reset (e);
}

/* Takes the word or number @t of @line into the sentence. */
static void
take_word (DlExercise *e, const DlStreamLine *line, const DlStreamToken *t, const DlDiag *diag)
{
  const char *text = line->text + t->offset;
  DlExerciseWord w = { e->text->len - t->len, t->len, t->kind };
  g_array_append_val (e->words, w);
  if (e->opts.word_ok != NULL && t->kind == DL_TOKEN_WORD)
    {
      dl_matcher_form (e->matcher, line->lang, text, t->len, e->form);
      if (!e->opts.word_ok (line->lang, e->form->str, e->form->len, e->opts.word_data))
        {
          guint i = e->words->len - 1;
          g_array_append_val (e->off, i);
        }
    }
  const DlMatch *m;
  guint n_m;
  g_autoptr (GError) local = NULL;
  if (!dl_matcher_token (e->matcher, line->lang, text, t->len, &m, &n_m, &local))
    dl_diag_report (diag, DL_DIAG_ERROR, line->path, line->number, "%s", local->message);
  for (guint i = 0; i < n_m; i++)
    {
      e->hits++;
      e->query = m[i].query;
      e->hit_len = m[i].length;
      e->hit = e->words->len - m[i].length;
    }
}

/* Where a sentence that starts at token @t of @text (after @pos) is cut
 * from the one before: before the opening punctuation that precedes it. */
static gsize
split_point (const char *text, gsize pos, gsize offset)
{
  gsize at = offset;
  while (at > pos && !g_ascii_isspace (text[at - 1]))
    at--;
  return at > pos ? at : offset;
}

/* Whether @e's text ends in a word cut by a hyphen at the line's end. */
static gboolean
hyphenated (const GString *text)
{
  gsize n = text->len;
  return n >= 2 && text->str[n - 1] == '-' && !g_ascii_isspace (text->str[n - 2]);
}

/* Whether @line's text ends as a sentence or a clause may (. ! ? : ; ,),
 * so that it is no heading. */
static gboolean
ends_clause (const DlStreamLine *line)
{
  gsize n = line->len;
  while (n > 0 && g_ascii_isspace (line->text[n - 1]))
    n--;
  if (n == 0)
    return FALSE;
  gunichar c = g_utf8_get_char (g_utf8_find_prev_char (line->text, line->text + n));
  return one_of (c, ".!?:;,\"')") || c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x2026;
}

/* Starts @line in the sentence being read, or ends that sentence first
 * when @line cannot go on with it: another language, a blank line between,
 * an ICU sentence end, or a heading before. */
static void
join_line (DlExercise *e, const DlStreamLine *line, DlExerciseCounts *counts)
{
  if (e->words->len == 0)
    return;
  gboolean go_on = line->lang == e->lang && !line->icu_start && line->number == e->last_line + 1;
  if (go_on && e->heading && line->n_tokens > 0
      && u_isupper ((UChar32) g_utf8_get_char (line->text + line->tokens[0].offset)))
    {
      reset (e); /* the line before was a heading, not the start of this sentence */
      return;
    }
  if (!go_on)
    {
      finish (e, counts);
      return;
    }
  if (hyphenated (e->text))
    e->spoiled = TRUE; /* a word cut at the line's end */
  append (e, " ", 1);
}

/* Reads the words of @line (tokenized, in a wanted language) into
 * sentences, ending each at an ICU sentence start. */
static void
take_line (DlExercise *e, const DlStreamLine *line, const DlDiag *diag, DlExerciseCounts *counts)
{
  join_line (e, line, counts);
  gboolean from_start = e->words->len == 0;
  gsize pos = 0;
  for (guint i = 0; i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      if (t->kind == DL_TOKEN_URL || t->kind == DL_TOKEN_EMAIL)
        e->spoiled = TRUE;
      if (!t->counts)
        continue;
      if (t->icu_start && e->words->len > 0)
        {
          gsize at = split_point (line->text, pos, t->offset);
          append (e, line->text + pos, at - pos);
          finish (e, counts);
          pos = at;
          from_start = FALSE;
        }
      if (e->words->len == 0)
        {
          while (pos < t->offset && g_ascii_isspace (line->text[pos]))
            pos++;
          e->lang = line->lang;
          e->first_line = line->number;
        }
      append (e, line->text + pos, t->offset + t->len - pos);
      take_word (e, line, t, diag);
      pos = t->offset + t->len;
    }
  if (e->words->len > 0)
    append (e, line->text + pos, line->len - pos);
  e->last_line = line->number;
  e->heading
      = from_start && e->words->len > 0 && e->words->len <= HEADING_WORDS && !ends_clause (line);
}

gboolean
dl_exercise_input (DlExercise *e, const DlInput *input, const DlDocumentOptions *doc_options,
                   const DlDiag *diag, DlExerciseCounts *counts, GError **error)
{
  if (!dl_stream_open (e->stream, input, doc_options, diag, NULL, error))
    return FALSE;
  reset (e);
  for (;;)
    {
      const DlStreamLine *line;
      if (!dl_stream_next (e->stream, &line, error))
        {
          reset (e);
          return FALSE;
        }
      if (line == NULL)
        break;
      if (line->tokenized && e->opts.langs[line->lang])
        take_line (e, line, diag, counts);
      else if (e->words->len > 0)
        finish (e, counts);
    }
  finish (e, counts);
  return TRUE;
}

/* ---- Choosing ---- */

/* Whether @a and @b share half or more of all their distinct words. */
static gboolean
near_duplicates (const DlExerciseSentence *a, const DlExerciseSentence *b)
{
  g_auto (GStrv) wa = g_strsplit (a->folded, " ", -1);
  g_auto (GStrv) wb = g_strsplit (b->folded, " ", -1);
  g_autoptr (GHashTable) sa = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) sb = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; wa[i] != NULL; i++)
    g_hash_table_add (sa, wa[i]);
  for (guint i = 0; wb[i] != NULL; i++)
    g_hash_table_add (sb, wb[i]);
  guint shared = 0;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, sa);
  while (g_hash_table_iter_next (&it, &k, NULL))
    shared += g_hash_table_contains (sb, k);
  guint all = g_hash_table_size (sa) + g_hash_table_size (sb) - shared;
  return 2 * shared >= all;
}

/* Whether @s may join @chosen: not too many of its file, no near duplicate. */
static gboolean
fits (const GPtrArray *chosen, const DlExerciseSentence *s, guint per_file)
{
  guint same_file = 0;
  for (guint i = 0; i < chosen->len; i++)
    {
      const DlExerciseSentence *c = chosen->pdata[i];
      same_file += c->file == s->file;
      if (near_duplicates (c, s))
        return FALSE;
    }
  return per_file == 0 || same_file < per_file;
}

GPtrArray *
dl_exercise_choose (DlExerciseCounts *counts, DlLang lang, guint count, guint per_file,
                    DlExerciseUsable usable, gpointer user_data)
{
  GPtrArray *chosen = g_ptr_array_new ();
  guint nq = counts->n_queries;
  g_autofree guint *next = g_new0 (guint, nq + 1);
  gboolean more = TRUE;
  while (chosen->len < count && more)
    {
      more = FALSE;
      for (guint q = 0; q < nq && chosen->len < count; q++)
        {
          guint n;
          const DlExerciseSentence *const *c = dl_exercise_counts_get (counts, q, lang, &n);
          while (next[q] < n)
            {
              const DlExerciseSentence *s = c[next[q]++];
              if (fits (chosen, s, per_file) && (usable == NULL || usable (s, user_data)))
                {
                  g_ptr_array_add (chosen, (gpointer) s);
                  break;
                }
            }
          more = more || next[q] < n;
        }
    }
  return chosen;
}

/* ---- The pieces of exercises ---- */

/* A Turkish letter as its archiphoneme class. */
static gunichar
archiphoneme (gunichar c)
{
  switch (c)
    {
    case 'a':
    case 'e':
      return 'A';
    case 0x0131: /* ı */
    case 'i':
    case 'u':
    case 0x00FC: /* ü */
      return 'I';
    case 'o':
    case 0x00F6: /* ö */
      return 'O';
    case 'd':
    case 't':
      return 'D';
    case 'c':
    case 0x00E7: /* ç */
      return 'C';
    case 'g':
    case 0x011F: /* ğ */
    case 'k':
      return 'K';
    default:
      return c;
    }
}

/* The bytes of @word that @base begins, or 0 if it does not begin it: the
 * base's last letter may be softened in the word (kitap, kitab-ı; ağaç,
 * ağac-ı; kanat, kanad-ı; çocuk, çocuğ-u; renk, reng-i). */
static gsize
base_prefix (const char *word, const char *base)
{
  const char *w = word, *b = base;
  while (*b != '\0' && *w != '\0')
    {
      gunichar cw = g_utf8_get_char (w), cb = g_utf8_get_char (b);
      const char *nb = g_utf8_next_char (b);
      gboolean soft
          = *nb == '\0'
            && ((cb == 'p' && cw == 'b') || (cb == 0x00E7 && cw == 'c') || (cb == 't' && cw == 'd')
                || (cb == 'k' && (cw == 0x011F || cw == 'g')));
      if (cw != cb && !soft)
        return 0;
      w = g_utf8_next_char (w);
      b = nb;
    }
  return *b == '\0' ? (gsize) (w - word) : 0;
}

void
dl_exercise_suffix_shape (DlLang lang, const char *word, const char *base, guint n, GString *out)
{
  g_string_truncate (out, 0);
  const char *suffix = word;
  const char *apos = strrchr (word, '\'');
  if (apos == NULL)
    apos = g_strrstr (word, "’");
  if (apos != NULL)
    {
      g_string_append_c (out, '\'');
      suffix = g_utf8_next_char (apos);
    }
  else if (base != NULL)
    suffix += base_prefix (word, base);
  glong len = g_utf8_strlen (suffix, -1);
  if (n > 0 && len > (glong) n)
    suffix = g_utf8_offset_to_pointer (suffix, len - (glong) n);
  for (const char *p = suffix; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, lang == DL_LANG_TR ? archiphoneme (c) : c);
    }
}

/* Whether @text is letters only (and apostrophes). */
static gboolean
all_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalpha (c) && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return *text != '\0';
}

typedef struct {
  guint32 term;
  double distance;
  const char *text;
} Candidate;

static gint
by_distance (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return strcmp (x->text, y->text);
}

/* The longest term of @t's unit that begins @t (itself at least): what
 * the corpus shows @t's suffixes to follow (limanın: liman; etkin: etkin,
 * however Snowball cuts it). */
static const char *
base_of (const DlUnits *units, const DlLexicon *terms, guint32 t)
{
  const char *text = dl_lexicon_string (terms, t);
  const char *best = text;
  gsize best_len = 0;
  guint n;
  const guint32 *ids = dl_units_terms (units, dl_units_of (units, t), &n);
  for (guint i = 0; i < n; i++)
    {
      const char *other = dl_lexicon_string (terms, ids[i]);
      gsize len = base_prefix (text, other);
      if (len > 0 && ids[i] != t && (best_len == 0 || len > best_len))
        {
          best = other;
          best_len = len;
        }
    }
  return best;
}

/* Whether another term of @t's unit begins with @t: a word the corpus
 * shows inflected (savaş: savaşın), not only as it stands. */
static gboolean
is_base (const DlUnits *units, const DlLexicon *terms, guint32 t)
{
  const char *text = dl_lexicon_string (terms, t);
  guint n;
  const guint32 *ids = dl_units_terms (units, dl_units_of (units, t), &n);
  for (guint i = 0; i < n; i++)
    if (ids[i] != t && base_prefix (dl_lexicon_string (terms, ids[i]), text) > 0)
      return TRUE;
  return FALSE;
}

/* The terms that may stand for @answer with suffix shapes of @n letters
 * (0: all of them, and a base only for a base, an inflected word only for
 * one): candidates with their distance in log frequency. */
static GArray *
candidates (const DlCounter *counter, const DlUnits *units, DlLang lang, guint32 answer,
            const guint64 *band_of, const guint32 *exclude, guint n_exclude, guint n)
{
  const DlLexicon *terms = dl_counter_terms (counter, lang);
  g_autoptr (GString) shape = g_string_new (NULL), other = g_string_new (NULL);
  guint32 unit = dl_units_of (units, answer);
  dl_exercise_suffix_shape (lang, dl_lexicon_string (terms, answer), base_of (units, terms, answer),
                            n, shape);
  gboolean proper = dl_counter_is_proper (counter, lang, answer);
  gboolean base = is_base (units, terms, answer);
  double log_f = log ((double) dl_counter_freq (counter, lang, answer));
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint32 size = dl_lexicon_size (terms);
  for (guint32 t = 0; t < size; t++)
    {
      guint32 u = dl_units_of (units, t);
      gboolean excluded = u == unit || dl_units_is_stopword (units, u)
                          || (band_of != NULL && band_of[u] != band_of[unit])
                          || dl_counter_is_proper (counter, lang, t) != proper;
      for (guint i = 0; i < n_exclude && !excluded; i++)
        excluded = exclude[i] == u;
      const char *text = dl_lexicon_string (terms, t);
      if (excluded || !all_letters (text))
        continue;
      dl_exercise_suffix_shape (lang, text, base_of (units, terms, t), n, other);
      if (!g_string_equal (shape, other) || (n == 0 && is_base (units, terms, t) != base))
        continue;
      Candidate c = { t, fabs (log ((double) dl_counter_freq (counter, lang, t)) - log_f), text };
      g_array_append_val (found, c);
    }
  return found;
}

guint
dl_exercise_distractors (const DlCounter *counter, const DlUnits *units, DlLang lang,
                         guint32 answer, const guint64 *band_of, const guint32 *exclude,
                         guint n_exclude, guint want, guint32 *out)
{
  /* The strict shape first, nearest in frequency first; then, if they are
     too few to draw from, the relaxed one's. */
  g_autoptr (GArray) strict
      = candidates (counter, units, lang, answer, band_of, exclude, n_exclude, 0);
  g_array_sort (strict, by_distance);
  guint got = 0;
  for (guint i = 0; i < strict->len && got < want; i++)
    out[got++] = g_array_index (strict, Candidate, i).term;
  if (strict->len >= NEAREST)
    return got;
  g_autoptr (GArray) relaxed
      = candidates (counter, units, lang, answer, band_of, exclude, n_exclude, 2);
  g_array_sort (relaxed, by_distance);
  for (guint i = 0; i < relaxed->len && got < want; i++)
    {
      guint32 t = g_array_index (relaxed, Candidate, i).term;
      gboolean seen = FALSE;
      for (guint k = 0; k < strict->len && !seen; k++)
        seen = g_array_index (strict, Candidate, k).term == t;
      if (!seen)
        out[got++] = t;
    }
  return got;
}

gboolean
dl_exercise_pairs_input (DlExercise *e, const DlInput *input, const DlDocumentOptions *doc_options,
                         const DlDiag *diag, GHashTable *wanted, GHashTable *found, GError **error)
{
  if (!dl_stream_open (e->stream, input, doc_options, diag, NULL, error))
    return FALSE;
  g_autoptr (GString) pair = g_string_new (NULL);
  g_autoptr (GString) last = g_string_new (NULL); /* the word before, folded */
  int last_lang = -1;
  for (;;)
    {
      const DlStreamLine *line;
      if (!dl_stream_next (e->stream, &line, error))
        return FALSE;
      if (line == NULL)
        return TRUE;
      if (!line->tokenized || !e->opts.langs[line->lang])
        {
          last_lang = -1;
          continue;
        }
      for (guint i = 0; i < line->n_tokens; i++)
        {
          const DlStreamToken *t = &line->tokens[i];
          if (!t->counts)
            continue;
          dl_matcher_form (e->matcher, line->lang, line->text + t->offset, t->len, e->form);
          if (last_lang == (int) line->lang)
            {
              g_string_printf (pair, "%s %s", last->str, e->form->str);
              if (g_hash_table_contains (wanted, pair->str)
                  && !g_hash_table_contains (found, pair->str))
                g_hash_table_add (found, g_strdup (pair->str));
            }
          g_string_assign (last, e->form->str);
          last_lang = line->lang;
        }
    }
}

void
dl_exercise_shuffle (gpointer *items, guint n, GRand *rand)
{
  if (n < 2)
    return;
  g_autofree gpointer *given = g_memdup2 (items, sizeof *items * n);
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      for (guint i = n - 1; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          gpointer tmp = items[i];
          items[i] = items[j];
          items[j] = tmp;
        }
      if (memcmp (items, given, sizeof *items * n) != 0)
        return;
    }
  /* Still as given (two items, or bad luck): turn it by one. */
  for (guint i = 0; i < n; i++)
    items[i] = given[(i + 1) % n];
}
