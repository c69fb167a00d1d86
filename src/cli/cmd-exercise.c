/* cmd-exercise.c — `derlem exercise QUERY`: printable worksheets from the
 * corpus's own sentences (data-driven learning, Johns): gap fills,
 * multiple choice, collocation matching and word order, per language, with
 * the instructions in the worksheet's language and an answer key on a page
 * of its own. The sentences come from exercise.h; distractors are words of
 * the corpus of the answer's band and suffix shape; collocates are colloc's
 * strongest by logDice. */
#include "config.h"

#include <string.h>

#include "commands.h"
#include "error.h"
#include "exercise.h"
#include "i18n.h"
#include "printable.h"
#include "report.h"

/* Sentences kept per query and language, beyond --count. */
#define KEEP_PER_ITEM 24
#define KEEP_MIN 256
/* The words of an order item's sentence. */
#define ORDER_MIN_WORDS 6
#define ORDER_MAX_WORDS 12
/* Collocates per node in a collocation exercise. */
#define COLLOCATES 3
/* Options of a multiple-choice item: the answer and its distractors. */
#define CHOICES 4
/* Distractor candidates looked at, and the nearest in frequency of those
 * left that the three are drawn from. */
#define CANDIDATES 200
#define NEAREST 12

typedef enum { KIND_GAPFILL, KIND_CHOICE, KIND_COLLOCATION, KIND_ORDER } Kind;
typedef enum { HINT_NONE, HINT_FIRST_LETTER, HINT_LENGTH } Hint;

static const char *const kind_names[] = { "gapfill", "choice", "collocation", "order", NULL };
static const char *const hint_names[] = { "none", "first-letter", "length", NULL };

typedef struct {
  DlOptions opts;
  GPtrArray *queries; /* DlQuery* */
  char **paths;       /* in argv */
  Kind kind;
  Hint hint;
  guint count, per_file;
  guint64 seed;
  guint64 level; /* ranks of --level, 0: none */
  char *bands;   /* --bands FILE, or NULL: the inputs' own ranks */
  guint band_size;
} ExArgs;

static void
ex_args_clear (ExArgs *a)
{
  dl_options_clear (&a->opts);
  g_clear_pointer (&a->queries, g_ptr_array_unref);
  g_clear_pointer (&a->bands, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExArgs, ex_args_clear)

/* An item of a worksheet. */
typedef struct {
  const DlExerciseSentence *s; /* its sentence (NULL: a collocation without one) */
  char *prompt;                /* as the worksheet shows it */
  char *answer;                /* as the key gives it */
  GPtrArray *options;          /* choice: the options, in order (char*) */
  guint correct;               /* choice: the answer's option */
  const char *query;           /* the query's text (borrowed) */
  /* choice, before the options are drawn: the answer's term, the
     distractor candidates nearest first, the gap's neighbours (folded, or
     NULL at the sentence's ends). */
  guint32 term;
  guint32 *cands;
  guint n_cands;
  char *before, *after;
} Item;

static void
item_free (gpointer p)
{
  Item *it = p;
  if (it == NULL)
    return;
  g_free (it->prompt);
  g_free (it->answer);
  if (it->options != NULL)
    g_ptr_array_unref (it->options);
  g_free (it->cands);
  g_free (it->before);
  g_free (it->after);
  g_free (it);
}

/* What a run holds. */
typedef struct {
  DlEnv *env;
  const ExArgs *args;
  DlListTools tools;
  DlQueryUnits qu; /* the corpus's counts and units (and the queries') */
  GPtrArray *parts;
  GPtrArray *inputs;               /* of the one part (borrowed) */
  DlBandRef *ref[DL_LANG_COUNT];   /* the reference's ranks */
  guint64 *rank_of[DL_LANG_COUNT]; /* by unit of qu.units: its rank, 0 off the list */
  guint64 *band_of[DL_LANG_COUNT]; /* by unit: its band, 0 off the list */
  DlExerciseOptions eo;
  DlDocumentOptions doc;
  DlExerciseCounts *found;
  GArray *pairs[DL_LANG_COUNT];  /* collocation: Pair, per language */
  GPtrArray *items;              /* Item*, of the language being made */
  GHashTable *wanted, *attested; /* choice: word pairs looked for, and found */
  DlLang lang;                   /* that language */
  GString *term;                 /* scratch */
} ExRun;

static void
ex_run_clear (ExRun *run)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_clear_pointer (&run->ref[l], dl_band_ref_free);
      g_clear_pointer (&run->rank_of[l], g_free);
      g_clear_pointer (&run->band_of[l], g_free);
    }
  g_clear_pointer (&run->found, dl_exercise_counts_free);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_clear_pointer (&run->pairs[l], g_array_unref);
  g_clear_pointer (&run->items, g_ptr_array_unref);
  g_clear_pointer (&run->wanted, g_hash_table_unref);
  g_clear_pointer (&run->attested, g_hash_table_unref);
  g_clear_pointer (&run->parts, g_ptr_array_unref);
  if (run->term != NULL)
    g_string_free (g_steal_pointer (&run->term), TRUE);
  dl_cmd_query_units_clear (&run->qu);
  dl_cmd_list_tools_clear (&run->tools);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExRun, ex_run_clear)

/* ---- The words of the corpus ---- */

/* The term id of the word @text (@len bytes) of @lang in the corpus's
 * counts, or FALSE if they lack it. */
static gboolean
term_of (ExRun *run, DlLang lang, const char *text, gsize len, guint32 *id)
{
  dl_counter_term (run->qu.counter, run->tools.norm, lang, text, len, run->term);
  return dl_lexicon_lookup (dl_counter_terms (run->qu.counter, lang), run->term->str,
                            run->term->len, id);
}

/* The unit of word @i of @s, or G_MAXUINT32 if the counts lack it. */
static guint32
word_unit (ExRun *run, const DlExerciseSentence *s, guint i)
{
  guint32 id;
  const DlExerciseWord *w = &s->words[i];
  if (!term_of (run, s->lang, s->text + w->offset, w->len, &id))
    return G_MAXUINT32;
  return dl_units_of (run->qu.units[s->lang], id);
}

/* --level: a word within the level's ranks, or a name. Called by the
 * workers at once: it only reads. */
static gboolean
word_within_level (DlLang lang, const char *folded, gsize len, gpointer user_data)
{
  const ExRun *run = user_data;
  guint32 id;
  if (!dl_lexicon_lookup (dl_counter_terms (run->qu.counter, lang), folded, len, &id))
    return FALSE;
  if (dl_counter_is_proper (run->qu.counter, lang, id))
    return TRUE;
  guint64 rank = run->rank_of[lang][dl_units_of (run->qu.units[lang], id)];
  return rank > 0 && rank <= run->args->level;
}

/* Ranks every unit of the corpus in the reference: --bands FILE or the
 * corpus's own list. */
static gboolean
rank_units (ExRun *run, GError **error)
{
  const ExArgs *a = run->args;
  gboolean ok
      = a->bands != NULL
            ? dl_cmd_band_refs_read (&a->opts, a->bands, run->env->diag, run->ref, error)
            : dl_cmd_band_refs_count (&a->opts, &run->tools, run->qu.counter, run->ref, error);
  if (!ok)
    return FALSE;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      const DlUnits *units = run->qu.units[l];
      guint32 n = units != NULL ? dl_units_size (units) : 0;
      run->rank_of[l] = g_new0 (guint64, (gsize) n + 1);
      run->band_of[l] = g_new0 (guint64, (gsize) n + 1);
      for (guint32 u = 0; u < n; u++)
        {
          guint64 rank = run->rank_of[l][u] = dl_cmd_unit_rank (run->ref[l], units, u);
          run->band_of[l][u] = rank > 0 ? dl_freq_band (rank, a->band_size) : 0;
        }
    }
  return TRUE;
}

/* ---- Finding the sentences ---- */

static gpointer
find_worker_new (gpointer user_data, GError **error)
{
  ExRun *run = user_data;
  return dl_exercise_new ((DlQuery *const *) run->args->queries->pdata, run->args->queries->len,
                          &run->eo, error);
}

static void
find_worker_free (gpointer p)
{
  dl_exercise_free (p);
}

static gpointer
find_counts_new (gpointer user_data)
{
  ExRun *run = user_data;
  return dl_exercise_counts_new (run->args->queries->len, &run->eo);
}

static gboolean
find_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
            gpointer user_data, GError **error)
{
  return dl_exercise_input (worker, input, &((ExRun *) user_data)->doc, diag, counts, error);
}

static void
find_merge (gpointer counts, guint32 file, gpointer user_data)
{
  dl_exercise_counts_merge (((ExRun *) user_data)->found, counts, file);
}

static void
find_counts_free (gpointer p)
{
  dl_exercise_counts_free (p);
}

static const DlCountJob find_job = { find_worker_new, find_worker_free, find_counts_new,
                                     find_count,      find_merge,       find_counts_free };

/* Finds the candidate sentences of every query. */
static gboolean
find_sentences (ExRun *run, GError **error)
{
  const ExArgs *a = run->args;
  DlExerciseOptions *eo = &run->eo;
  gboolean order = a->kind == KIND_ORDER;
  eo->min_words = order ? ORDER_MIN_WORDS : 8;
  eo->max_words = order ? ORDER_MAX_WORDS : 30;
  eo->keep = MAX (KEEP_MIN, a->count * KEEP_PER_ITEM);
  eo->seed = a->seed;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    eo->langs[l] = dl_options_wants (&a->opts, l);
  eo->query = dl_cmd_query_options (&a->opts, &run->qu);
  if (a->level > 0)
    {
      eo->word_ok = word_within_level;
      eo->word_data = run;
    }
  run->doc = dl_cmd_document_options (&a->opts);
  run->found = dl_exercise_counts_new (a->queries->len, eo);
  return dl_cmd_run_job (run->env, &a->opts, run->inputs, &find_job, run, error);
}

/* ---- Items ---- */

/* The gap standing for @answer, as --hint says. */
static char *
gap (const ExArgs *a, const char *answer)
{
  static const char blank[] = "________";
  if (a->hint == HINT_FIRST_LETTER)
    {
      const char *second = g_utf8_next_char (answer);
      return g_strdup_printf ("%.*s%s", (int) (second - answer), answer, blank + 1);
    }
  if (a->hint == HINT_LENGTH)
    return g_strdup_printf ("%s (%ld)", blank, g_utf8_strlen (answer, -1));
  return g_strdup (blank);
}

/* @s's text with words [@first, @first + @n) made a gap; their text in
 * *@answer. */
static char *
with_gap (const ExArgs *a, const DlExerciseSentence *s, guint first, guint n, char **answer)
{
  gsize from = s->words[first].offset;
  gsize to = s->words[first + n - 1].offset + s->words[first + n - 1].len;
  *answer = g_strndup (s->text + from, to - from);
  g_autofree char *g = gap (a, *answer);
  return g_strdup_printf ("%.*s%s%s", (int) from, s->text, g, s->text + to);
}

static Item *
item_new (const ExRun *run, const DlExerciseSentence *s)
{
  Item *it = g_new0 (Item, 1);
  it->s = s;
  if (s != NULL)
    it->query = dl_query_text (run->args->queries->pdata[s->query]);
  return it;
}

/* A random source for @s alone, so that its item does not depend on the
 * items before it. */
static GRand *
item_rand (const ExRun *run, const DlExerciseSentence *s)
{
  guint64 k = s->key ^ (run->args->seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  return g_rand_new_with_seed ((guint32) (k ^ (k >> 32)));
}

/* gapfill: every sentence makes an item. */
static gboolean
make_gapfill (const DlExerciseSentence *s, gpointer user_data)
{
  ExRun *run = user_data;
  Item *it = item_new (run, s);
  it->prompt = with_gap (run->args, s, s->hit, s->hit_len, &it->answer);
  g_ptr_array_add (run->items, it);
  return TRUE;
}

/* The folded text of word @i of @s, or NULL if there is none. */
static char *
folded_word (ExRun *run, const DlExerciseSentence *s, gint64 i)
{
  guint32 id;
  if (i < 0 || i >= s->n_words || s->words[i].kind != DL_TOKEN_WORD
      || !term_of (run, s->lang, s->text + s->words[i].offset, s->words[i].len, &id))
    return NULL;
  return g_strdup (run->term->str);
}

/* choice, first step: a sentence whose hit is one word with at least three
 * distractor candidates (choice_options draws them). */
static gboolean
make_choice (const DlExerciseSentence *s, gpointer user_data)
{
  ExRun *run = user_data;
  const DlExerciseWord *w = &s->words[s->hit];
  guint32 answer;
  if (s->hit_len != 1 || w->kind != DL_TOKEN_WORD
      || !term_of (run, s->lang, s->text + w->offset, w->len, &answer))
    return FALSE;
  g_autofree guint32 *exclude = g_new (guint32, s->n_words + 1);
  for (guint i = 0; i < s->n_words; i++)
    exclude[i] = word_unit (run, s, i);
  g_autofree guint32 *cands = g_new (guint32, CANDIDATES);
  guint n = dl_exercise_distractors (run->qu.counter, run->qu.units[s->lang], s->lang, answer,
                                     run->band_of[s->lang], exclude, s->n_words, CANDIDATES, cands);
  if (n < CHOICES - 1)
    return FALSE;
  Item *it = item_new (run, s);
  it->prompt = with_gap (run->args, s, s->hit, 1, &it->answer);
  it->term = answer;
  it->cands = g_steal_pointer (&cands);
  it->n_cands = n;
  it->before = folded_word (run, s, (gint64) s->hit - 1);
  it->after = folded_word (run, s, (gint64) s->hit + 1);
  g_ptr_array_add (run->items, it);
  return TRUE;
}

/* The word pairs a candidate of @it would make with the gap's neighbours
 * (added to @set when @set is not NULL); TRUE if one of them is in
 * @attested. */
static gboolean
cand_pairs (const ExRun *run, const Item *it, guint32 cand, GHashTable *set, GHashTable *attested)
{
  const char *word = dl_lexicon_string (dl_counter_terms (run->qu.counter, run->lang), cand);
  g_autofree char *left = it->before != NULL ? g_strdup_printf ("%s %s", it->before, word) : NULL;
  g_autofree char *right = it->after != NULL ? g_strdup_printf ("%s %s", word, it->after) : NULL;
  if (set != NULL)
    {
      if (left != NULL)
        g_hash_table_add (set, g_steal_pointer (&left));
      if (right != NULL)
        g_hash_table_add (set, g_steal_pointer (&right));
      return FALSE;
    }
  return (left != NULL && g_hash_table_contains (attested, left))
         || (right != NULL && g_hash_table_contains (attested, right));
}

/* How term @t of run->lang is offered: as the corpus writes it most, a
 * name with its capital (Turkish i → İ), a Turkish word with an
 * apostrophe being a name with its suffixes (NATO’nun). */
static char *
option_text (const ExRun *run, guint32 t)
{
  const char *text = dl_counter_display (run->qu.counter, run->lang, t);
  gboolean name = dl_counter_is_proper (run->qu.counter, run->lang, t)
                  || (run->lang == DL_LANG_TR && (strchr (text, '\'') || strstr (text, "’")));
  if (!name || g_unichar_isupper (g_utf8_get_char (text)))
    return g_strdup (text);
  gunichar c = g_utf8_get_char (text);
  gunichar up = run->lang == DL_LANG_TR && c == 'i' ? 0x0130 : g_unichar_toupper (c);
  char buf[8];
  buf[g_unichar_to_utf8 (up, buf)] = '\0';
  return g_strconcat (buf, g_utf8_next_char (text), NULL);
}

/* choice, last step: three distractors of @it never seen beside the gap's
 * neighbours in the corpus (which could make them right too), drawn from
 * the nearest in frequency; FALSE if fewer than three are left. */
static gboolean
choice_options (const ExRun *run, Item *it)
{
  g_autofree guint32 *left = g_new (guint32, it->n_cands + 1);
  guint n = 0;
  for (guint i = 0; i < it->n_cands && n < NEAREST; i++)
    if (!cand_pairs (run, it, it->cands[i], NULL, run->attested))
      left[n++] = it->cands[i];
  if (n < CHOICES - 1)
    return FALSE;
  g_autoptr (GRand) rand = item_rand (run, it->s);
  char *shown[CHOICES] = { option_text (run, it->term) };
  for (guint i = 0; i < CHOICES - 1; i++)
    {
      guint j = (guint) g_rand_int_range (rand, (gint32) i, (gint32) n);
      guint32 tmp = left[i];
      left[i] = left[j];
      left[j] = tmp;
      shown[i + 1] = option_text (run, left[i]);
    }
  char *answer = shown[0];
  dl_exercise_shuffle ((gpointer *) shown, CHOICES, rand);
  it->options = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < CHOICES; i++)
    {
      if (shown[i] == answer)
        it->correct = i;
      g_ptr_array_add (it->options, shown[i]);
    }
  return TRUE;
}

/* order: a short sentence's words, shuffled; the first in lower case
 * unless it is a name. */
static gboolean
make_order (const DlExerciseSentence *s, gpointer user_data)
{
  ExRun *run = user_data;
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < s->n_words; i++)
    {
      const DlExerciseWord *w = &s->words[i];
      guint32 id;
      gboolean lower = i == 0 && w->kind == DL_TOKEN_WORD
                       && term_of (run, s->lang, s->text + w->offset, w->len, &id)
                       && !dl_counter_is_proper (run->qu.counter, s->lang, id);
      g_ptr_array_add (words,
                       lower ? g_strdup (run->term->str) : g_strndup (s->text + w->offset, w->len));
    }
  g_autoptr (GRand) rand = item_rand (run, s);
  dl_exercise_shuffle (words->pdata, words->len, rand);
  g_ptr_array_add (words, NULL);
  Item *it = item_new (run, s);
  it->prompt = g_strjoinv (" / ", (char **) words->pdata);
  it->answer = g_strdup (s->text);
  g_ptr_array_add (run->items, it);
  return TRUE;
}

/* A collocate of a query: its headword and unit key. */
typedef struct {
  guint query;
  char *collocate, *unit;
} Pair;

static void
pair_clear (gpointer p)
{
  Pair *pair = p;
  g_free (pair->collocate);
  g_free (pair->unit);
}

/* The COLLOCATES strongest collocates by logDice of query @q in each
 * language, as `derlem colloc` finds them (its window, thresholds and
 * stoplist), appended to @pairs (by language). */
static gboolean
collocates_of (ExRun *run, guint q, GArray **pairs, GError **error)
{
  const DlOptions *opts = &run->args->opts;
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  /* The sentences' pass reported the inputs. */
  DlEnv quiet_env = { .diag = quiet, .progress_line = run->env->progress_line };
  DlCollocating job = { { 5, 5, FALSE, run->eo.query, { 0 } }, run->doc, NULL, NULL };
  dl_cmd_counter_options (opts, &job.opts.counter);
  job.node = run->args->queries->pdata[q];
  g_autoptr (DlCollocCounts) total = job.total = dl_colloc_counts_new (&job.opts);
  if (!dl_cmd_run_job (&quiet_env, opts, run->inputs, &dl_cmd_colloc_job, &job, error))
    return FALSE;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      if (!run->eo.langs[l])
        continue;
      g_autoptr (DlUnits) units
          = dl_cmd_units (opts, &run->tools, dl_colloc_counts_counter (total), l);
      const DlCollocListOptions lo = { units, 1, 2, COLLOCATES, DL_MEASURE_LOGDICE };
      g_autoptr (DlCollocList) list = dl_colloc_list (total, l, &lo, error);
      if (list == NULL)
        return FALSE;
      for (guint i = 0; i < dl_colloc_list_size (list); i++)
        {
          DlCollocRow row;
          dl_colloc_list_row (list, i, &row);
          Pair p = { q, g_strdup (row.collocate), g_strdup (row.unit) };
          g_array_append_val (pairs[l], p);
        }
    }
  return TRUE;
}

/* The first unused candidate of query @q in which @pair's collocate stands
 * beside the node (within the window), or NULL; *@at is the collocate's
 * word. */
static const DlExerciseSentence *
example_of (ExRun *run, const Pair *pair, GHashTable *used, guint *at)
{
  guint n;
  const DlExerciseSentence *const *c
      = dl_exercise_counts_get (run->found, pair->query, run->lang, &n);
  const DlUnits *units = run->qu.units[run->lang];
  for (guint i = 0; i < n; i++)
    {
      const DlExerciseSentence *s = c[i];
      guint from = s->hit > 5 ? s->hit - 5 : 0;
      guint to = MIN (s->n_words, s->hit + s->hit_len + 5);
      for (guint w = from; w < to && !g_hash_table_contains (used, s); w++)
        {
          guint32 u = w >= s->hit && w < s->hit + s->hit_len ? G_MAXUINT32 : word_unit (run, s, w);
          if (u != G_MAXUINT32 && strcmp (dl_units_key (units, u), pair->unit) == 0)
            {
              g_hash_table_add (used, (gpointer) s);
              *at = w;
              return s;
            }
        }
    }
  return NULL;
}

/* collocation: an item per collocate, the queries in turn by strength,
 * each with an example sentence whose collocate is a gap. */
static void
make_collocations (ExRun *run, GArray *pairs)
{
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  const ExArgs *a = run->args;
  for (guint rank = 0; rank < COLLOCATES; rank++)
    for (guint q = 0; q < a->queries->len; q++)
      {
        guint seen = 0;
        for (guint i = 0; i < pairs->len && run->items->len < a->count; i++)
          {
            const Pair *p = &g_array_index (pairs, Pair, i);
            if (p->query != q || seen++ != rank)
              continue;
            guint at = 0;
            const DlExerciseSentence *s = example_of (run, p, used, &at);
            Item *it = item_new (run, s);
            it->query = dl_query_text (a->queries->pdata[q]);
            char *form = NULL;
            g_autofree char *example
                = s != NULL ? with_gap (a, s, at, 1, &form) : gap (a, p->collocate);
            it->prompt = s != NULL ? g_strdup_printf ("%s: %s", it->query, example)
                                   : g_strdup_printf ("%s + %s", it->query, example);
            /* The form the example's gap wants; the collocate's headword
               without an example. */
            it->answer = form != NULL ? form : g_strdup (p->collocate);
            g_ptr_array_add (run->items, it);
          }
      }
}

/* ---- The worksheet ---- */

/* What a worksheet says, in its own language: Turkish items get Turkish
 * instructions whatever language derlem speaks (these are the
 * worksheet's text, not derlem's messages, so they are not in po/). */
typedef struct {
  const char *language;
  const char *kinds[4];
  const char *instructions[4];
  const char *bank_instruction; /* gapfill with a word bank */
  const char *hint_first, *hint_length;
  const char *name_line, *bank, *key;
} Sheet;

static const Sheet sheets[DL_LANG_COUNT] = {
  [DL_LANG_TR] = {
      "Türkçe",
      { "Boşluk doldurma", "Çoktan seçmeli", "Eşdizimliler", "Sözcük sıralama" },
      { "Boşlukları cümleye uyan sözcükle doldurun.",
        "Her cümledeki boşluğa uyan seçeneği işaretleyin.",
        "Her sözcüğü kutudaki sözcüklerden en sık birlikte kullanıldığı sözcükle eşleştirin; "
        "örnek cümledeki boşluğa o sözcüğü yazın.",
        "Sözcükleri sıraya koyarak cümleyi yazın." },
      "Boşlukları kutudaki sözcüklerle doldurun.",
      "Boşluktaki harf, eksik sözcüğün ilk harfidir.",
      "Parantez içindeki sayı, eksik sözcüğün harf sayısıdır.",
      "Ad Soyad: ______________________   Tarih: ____________",
      "Sözcük kutusu",
      "Cevap anahtarı",
  },
  [DL_LANG_EN] = {
      "English",
      { "Gap fill", "Multiple choice", "Collocations", "Word order" },
      { "Fill each gap with a word that fits the sentence.",
        "Choose the option that fits the gap in each sentence.",
        "Match each word with the word from the box it is most often used with; write that "
        "word in the gap of the example sentence.",
        "Put the words in order to make a sentence." },
      "Fill each gap with a word from the box.",
      "The letter in the gap is the first letter of the missing word.",
      "The number in brackets is the number of letters in the missing word.",
      "Name: ______________________   Date: ____________",
      "Word bank",
      "Answer key",
  },
};

/* The letter of option or bank word @i: a) b) c)... */
static char *
letter (guint i)
{
  return g_strdup_printf ("%c)", 'a' + (int) MIN (i, 25u));
}

/* Whether @bank holds @word (in lower case). */
static gboolean
in_bank (const GPtrArray *bank, const char *word, guint *at)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  for (guint i = 0; i < bank->len; i++)
    {
      g_autofree char *other = g_utf8_strdown (bank->pdata[i], -1);
      if (strcmp (other, lower) == 0)
        {
          *at = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The word bank of the items (collocation, or gapfill of several queries):
 * their answers, each once, shuffled — an array of borrowed strings, or
 * NULL for none. */
static GPtrArray *
word_bank (const ExRun *run, DlLang lang)
{
  const ExArgs *a = run->args;
  if (!(a->kind == KIND_COLLOCATION || (a->kind == KIND_GAPFILL && a->queries->len > 1)))
    return NULL;
  GPtrArray *bank = g_ptr_array_new ();
  for (guint i = 0; i < run->items->len; i++)
    {
      char *answer = ((Item *) run->items->pdata[i])->answer;
      guint at;
      if (!in_bank (bank, answer, &at))
        g_ptr_array_add (bank, answer);
    }
  g_autoptr (GRand) rand = g_rand_new_with_seed ((guint32) (a->seed * 31 + lang));
  dl_exercise_shuffle (bank->pdata, bank->len, rand);
  return bank;
}

/* The letter of @answer's place in @bank. */
static char *
bank_letter (const GPtrArray *bank, const char *answer)
{
  guint at;
  return in_bank (bank, answer, &at) ? letter (at) : g_strdup ("");
}

static void
write_sheet (const ExRun *run, DlReport *r, DlLang lang, const GPtrArray *bank)
{
  const ExArgs *a = run->args;
  const Sheet *sh = &sheets[lang];
  const char *code = dl_lang_code (lang);
  /* Between options and bank words: three spaces, which HTML and Markdown
     would make one, so em spaces there. */
  const char *gap_between = a->opts.format == DL_FORMAT_TEXT ? "   " : " \u2003\u2003";
  g_autofree char *heading = g_strdup_printf ("%s — %s", sh->language, sh->kinds[a->kind]);
  dl_report_heading (r, 2, heading, NULL);
  dl_report_text (r, sh->name_line);
  const char *hint = a->kind == KIND_CHOICE || a->kind == KIND_ORDER ? NULL
                     : a->hint == HINT_FIRST_LETTER                  ? sh->hint_first
                     : a->hint == HINT_LENGTH                        ? sh->hint_length
                                                                     : NULL;
  const char *instruction
      = bank != NULL && a->kind == KIND_GAPFILL ? sh->bank_instruction : sh->instructions[a->kind];
  g_autofree char *text
      = g_strdup_printf ("%s%s%s", instruction, hint != NULL ? " " : "", hint != NULL ? hint : "");
  dl_report_text (r, text);
  if (bank != NULL)
    {
      GString *b = g_string_new (NULL);
      for (guint i = 0; i < bank->len; i++)
        {
          g_autofree char *l = letter (i);
          g_string_append_printf (b, "%s%s %s", i > 0 ? gap_between : "", l,
                                  (char *) bank->pdata[i]);
        }
      g_autofree char *words = g_string_free (b, FALSE);
      g_autofree char *line = g_strdup_printf ("%s: %s", sh->bank, words);
      dl_report_text (r, line);
    }
  for (guint i = 0; i < run->items->len; i++)
    {
      const Item *it = run->items->pdata[i];
      g_autofree char *label = g_strdup_printf ("%u.", i + 1);
      dl_report_item (r, label, it->prompt, code);
      if (it->options == NULL)
        continue;
      GString *o = g_string_new (NULL);
      for (guint k = 0; k < it->options->len; k++)
        {
          g_autofree char *l = letter (k);
          g_string_append_printf (o, "%s%s %s", k > 0 ? gap_between : "", l,
                                  (char *) it->options->pdata[k]);
        }
      g_autofree char *options = g_string_free (o, FALSE);
      dl_report_item (r, "", options, code);
    }
}

/* The answer key of @lang's items: the answer, and where the sentence is. */
static void
write_key (const ExRun *run, DlReport *r, DlLang lang, const GPtrArray *bank)
{
  const Sheet *sh = &sheets[lang];
  g_autofree char *heading = g_strdup_printf ("%s — %s", sh->language, sh->key);
  dl_report_heading (r, 2, heading, NULL);
  for (guint i = 0; i < run->items->len; i++)
    {
      const Item *it = run->items->pdata[i];
      g_autofree char *label = g_strdup_printf ("%u.", i + 1);
      g_autofree char *choice = it->options != NULL ? letter (it->correct)
                                : bank != NULL      ? bank_letter (bank, it->answer)
                                                    : g_strdup ("");
      g_autofree char *name
          = it->s != NULL ? dl_printable_name (((DlInput *) run->inputs->pdata[it->s->file])->path)
                          : NULL;
      g_autofree char *where
          = name != NULL ? g_strdup_printf (" (%s:%" G_GUINT64_FORMAT ")", name, it->s->line)
                         : g_strdup ("");
      g_autofree char *text
          = g_strdup_printf ("%s%s%s%s", choice, *choice != '\0' ? " " : "", it->answer, where);
      dl_report_item (r, label, text, dl_lang_code (lang));
    }
}

/* ---- Machine formats ---- */

enum {
  COL_LANG,
  COL_ITEM,
  COL_KIND,
  COL_QUERY,
  COL_PROMPT,
  COL_ANSWER,
  COL_OPTIONS,
  COL_FILE,
  COL_LINE,
  N_COLS
};

typedef struct {
  const ExRun *run;
  const GPtrArray *bank;
  char *options, *answer;
  char line[24];
  DlCell cells[N_COLS];
} Rows;

static const DlCell *
fill_row (gpointer data, guint64 i)
{
  Rows *rows = data;
  const ExRun *run = rows->run;
  const Item *it = run->items->pdata[i];
  DlCell *c = rows->cells;
  g_clear_pointer (&rows->options, g_free);
  if (it->options != NULL)
    {
      g_ptr_array_add (it->options, NULL);
      rows->options = g_strjoinv (DL_WRITER_LIST_SEP, (char **) it->options->pdata);
      g_ptr_array_set_size (it->options, it->options->len - 1);
    }
  else if (rows->bank != NULL)
    {
      GPtrArray *b = (GPtrArray *) rows->bank;
      g_ptr_array_add (b, NULL);
      rows->options = g_strjoinv (DL_WRITER_LIST_SEP, (char **) b->pdata);
      g_ptr_array_set_size (b, b->len - 1);
    }
  c[COL_LANG].s = dl_lang_code (run->lang);
  c[COL_ITEM].i = i + 1;
  c[COL_KIND].s = kind_names[run->args->kind];
  c[COL_QUERY].s = it->query;
  c[COL_PROMPT].s = it->prompt;
  c[COL_ANSWER].s = it->answer;
  c[COL_OPTIONS].s = rows->options != NULL ? rows->options : "";
  c[COL_FILE].s = it->s != NULL ? ((DlInput *) run->inputs->pdata[it->s->file])->path : "";
  if (it->s != NULL)
    g_snprintf (rows->line, sizeof rows->line, "%" G_GUINT64_FORMAT, it->s->line);
  c[COL_LINE].s = it->s != NULL ? rows->line : "";
  return c;
}

/* ---- The run ---- */

/* Makes the items (choice: the drafts) of @lang into run->items. */
static void
make_items (ExRun *run, DlLang lang)
{
  const ExArgs *a = run->args;
  run->lang = lang;
  g_clear_pointer (&run->items, g_ptr_array_unref);
  run->items = g_ptr_array_new_with_free_func (item_free);
  if (a->kind == KIND_COLLOCATION)
    {
      make_collocations (run, run->pairs[lang]);
      return;
    }
  static const DlExerciseUsable makers[]
      = { [KIND_GAPFILL] = make_gapfill, [KIND_CHOICE] = make_choice, [KIND_ORDER] = make_order };
  /* Spare drafts for the choices that lose their distractors. */
  guint drafts = a->kind == KIND_CHOICE ? a->count + a->count / 2 + 3 : a->count;
  /* The makers keep what they make of the sentences chosen; the list of
   * them is not needed. */
  g_ptr_array_unref (
      dl_exercise_choose (run->found, lang, drafts, a->per_file, makers[a->kind], run));
}

static gpointer
pairs_counts_new (gpointer user_data)
{
  (void) user_data;
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
pairs_count (gpointer worker, const DlInput *input, const DlDiag *diag, gpointer counts,
             gpointer user_data, GError **error)
{
  ExRun *run = user_data;
  return dl_exercise_pairs_input (worker, input, &run->doc, diag, run->wanted, counts, error);
}

static void
pairs_merge (gpointer counts, guint32 file, gpointer user_data)
{
  (void) file;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      g_hash_table_iter_steal (&it);
      g_hash_table_add (((ExRun *) user_data)->attested, key);
    }
}

static void
pairs_counts_free (gpointer p)
{
  g_hash_table_unref (p);
}

static const DlCountJob pairs_job = { find_worker_new, find_worker_free, pairs_counts_new,
                                      pairs_count,     pairs_merge,      pairs_counts_free };

/* choice: looks in the corpus for the pairs the drafts' candidates would
 * make with their gaps' neighbours, then draws each draft's options; the
 * first --count drafts that keep three distractors are the items. */
static gboolean
finish_choices (ExRun *run, GPtrArray **items, GError **error)
{
  run->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->attested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    for (guint i = 0; items[l] != NULL && i < items[l]->len; i++)
      {
        const Item *it = items[l]->pdata[i];
        run->lang = l;
        for (guint k = 0; k < it->n_cands; k++)
          cand_pairs (run, it, it->cands[k], run->wanted, NULL);
      }
  g_autoptr (DlDiag) quiet = dl_diag_new_buffer ();
  /* The sentences' pass reported the inputs. */
  DlEnv quiet_env = { .diag = quiet, .progress_line = run->env->progress_line };
  if (!dl_cmd_run_job (&quiet_env, &run->args->opts, run->inputs, &pairs_job, run, error))
    return FALSE;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      if (items[l] == NULL)
        continue;
      run->lang = l;
      GPtrArray *kept = g_ptr_array_new_with_free_func (item_free);
      for (guint i = 0; i < items[l]->len; i++)
        {
          Item *it = items[l]->pdata[i];
          if (kept->len < run->args->count && choice_options (run, it))
            g_ptr_array_add (kept, g_steal_pointer (&items[l]->pdata[i]));
        }
      g_ptr_array_unref (items[l]);
      items[l] = kept;
    }
  return TRUE;
}

/* Notes on stderr that @lang has only @n items of the @want asked for
 * (none, when it has no item at all and the other language has some: a
 * query of one language finds nothing in the other). */
static void
note_shortfall (const ExRun *run, DlLang lang, guint n, guint want)
{
  if (n >= want)
    return;
  dl_diag_report (run->env->diag, DL_DIAG_NOTE, NULL, 0,
                  /* Translators: exercise; items made, items asked for, language code. */
                  ngettext ("%u item of %u made for %s: too few sentences fit (8 to 30 words, "
                            "whole, one hit)",
                            "%u items of %u made for %s: too few sentences fit (8 to 30 words, "
                            "whole, one hit)",
                            n),
                  n, want, dl_lang_code (lang));
}

/* Makes the items of every wanted language into @items, noting on stderr
 * the languages with fewer than --count. */
static gboolean
make_all (ExRun *run, GPtrArray **items, GError **error)
{
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    if (run->eo.langs[l])
      {
        make_items (run, l);
        items[l] = g_steal_pointer (&run->items);
      }
  if (run->args->kind == KIND_CHOICE && !finish_choices (run, items, error))
    return FALSE;
  guint all = 0;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    all += items[l] != NULL ? items[l]->len : 0;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    {
      /* Collocation items: the collocates found, up to --count. */
      guint want = run->args->kind == KIND_COLLOCATION ? MIN (run->args->count, run->pairs[l]->len)
                                                       : run->args->count;
      if (items[l] != NULL && (items[l]->len > 0 || all == 0))
        note_shortfall (run, l, items[l]->len, want);
    }
  return TRUE;
}

/* Writes every language's worksheet of @items, then the answer keys. */
static void
write_people (ExRun *run, GPtrArray **items, FILE *fp, const char *title)
{
  const ExArgs *a = run->args;
  GPtrArray *banks[DL_LANG_COUNT] = { NULL };
  DlLang first = DL_LANG_COUNT;
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    if (items[l] != NULL && items[l]->len > 0 && first == DL_LANG_COUNT)
      first = l;
  DlReport *r = dl_report_new (fp, a->opts.format, title,
                               dl_lang_code (first != DL_LANG_COUNT ? first : DL_LANG_TR));
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1 && first != DL_LANG_COUNT)
        dl_report_page_break (r);
      for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
        if (items[l] != NULL && items[l]->len > 0)
          {
            run->items = items[l];
            run->lang = l;
            if (pass == 0)
              banks[l] = word_bank (run, l);
            (pass == 0 ? write_sheet : write_key) (run, r, l, banks[l]);
            run->items = NULL;
          }
    }
  dl_report_end (r);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (banks[l] != NULL)
      g_ptr_array_unref (banks[l]);
}

static void
write_machine (ExRun *run, GPtrArray **items, DlOut *out, const char *title)
{
  const DlColumn columns[N_COLS] = {
    [COL_LANG] = { "lang", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
    [COL_ITEM] = { "item", NULL, DL_CELL_INTEGER, 0, 0, 0, NULL, 0, 0 },
    [COL_KIND] = { "kind", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
    [COL_QUERY] = { "query", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
    [COL_PROMPT] = { "prompt", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
    [COL_ANSWER] = { "answer", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
    [COL_OPTIONS] = { "options", NULL, DL_CELL_STRING, DL_COLUMN_LIST, 0, 0, NULL, 0, 0 },
    [COL_FILE] = { "file", NULL, DL_CELL_STRING, DL_COLUMN_PATH, 0, 0, NULL, 0, 0 },
    [COL_LINE] = { "line", NULL, DL_CELL_STRING, 0, 0, 0, NULL, 0, 0 },
  };
  DlWriter *w = dl_cmd_writer (&run->args->opts, out, columns, N_COLS, title, NULL);
  for (DlLang l = DL_LANG_TR; l <= DL_LANG_EN; l++)
    if (items[l] != NULL)
      {
        run->items = items[l];
        run->lang = l;
        g_autoptr (GPtrArray) bank = word_bank (run, l);
        Rows rows = { run, bank, NULL, NULL, "", { { 0 } } };
        dl_writer_section (w, l, NULL);
        dl_writer_rows (w, run->items->len, fill_row, &rows);
        g_free (rows.options);
        run->items = NULL;
      }
  dl_writer_end (w);
}

/* Collocation: every query's collocates, before the items. */
static gboolean
find_collocates (ExRun *run, GError **error)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      run->pairs[l] = g_array_new (FALSE, FALSE, sizeof (Pair));
      g_array_set_clear_func (run->pairs[l], pair_clear);
    }
  for (guint q = 0; q < run->args->queries->len; q++)
    if (!collocates_of (run, q, run->pairs, error))
      return FALSE;
  return TRUE;
}

/* "derlem exercise: QUERY, QUERY..." */
static char *
run_title (const ExArgs *a)
{
  GString *t = g_string_new ("derlem exercise: ");
  for (guint q = 0; q < a->queries->len; q++)
    {
      /* A query may hold control characters (ESC): shown as spaces. */
      const char *text = dl_query_text (a->queries->pdata[q]);
      if (q > 0)
        g_string_append (t, ", ");
      dl_printable_append_text (t, text, strlen (text), "");
    }
  return g_string_free (t, FALSE);
}

static gboolean
ex_run (DlEnv *env, const ExArgs *a, GError **error)
{
  g_auto (ExRun) run = { 0 };
  run.env = env;
  run.args = a;
  run.term = g_string_new (NULL);
  if (!dl_cmd_list_tools (&a->opts, "default", &run.tools, error)
      || (run.parts = dl_cmd_parts (env, &a->opts, a->paths, error)) == NULL)
    return FALSE;
  run.inputs = ((DlPart *) run.parts->pdata[0])->inputs;
  if (!dl_cmd_query_units (env, &a->opts, run.parts, &run.tools, &run.qu, error)
      || !rank_units (&run, error))
    return FALSE;
  g_autoptr (DlOut) out = dl_cmd_open_output (&a->opts, NULL, error);
  if (out == NULL || !find_sentences (&run, error)
      || (a->kind == KIND_COLLOCATION && !find_collocates (&run, error)))
    return FALSE;
  GPtrArray *items[DL_LANG_COUNT] = { NULL };
  gboolean ok = make_all (&run, items, error);
  g_autofree char *title = run_title (a);
  if (ok && dl_format_for_people (a->opts.format))
    write_people (&run, items, dl_out_file (out), title);
  else if (ok)
    write_machine (&run, items, out, title);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (items[l] != NULL)
      g_ptr_array_unref (items[l]);
  return ok && dl_cmd_commit (run.env, g_steal_pointer (&out), error);
}

/* ---- Options ---- */

typedef struct {
  char **query;
  char *queries_file, *kind, *hint, *level, *bands;
  gint64 count, per_file, seed, band_size;
} ExGiven;

static void
ex_given_clear (ExGiven *g)
{
  g_clear_pointer (&g->query, g_strfreev);
  g_clear_pointer (&g->queries_file, g_free);
  g_clear_pointer (&g->kind, g_free);
  g_clear_pointer (&g->hint, g_free);
  g_clear_pointer (&g->level, g_free);
  g_clear_pointer (&g->bands, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExGiven, ex_given_clear)

static GOptionContext *
ex_context (ExGiven *g, DlOptions *opts)
{
  const GOptionEntry entries[] = {
    { "query", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &g->query,
      N_ ("Make items of QUERY (repeatable: a word bank); then every argument is a PATH"),
      N_ ("QUERY") },
    { "queries", 0, 0, G_OPTION_ARG_FILENAME, &g->queries_file,
      N_ ("Make items of the queries in FILE, one per line"), N_ ("FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &g->kind,
      N_ ("The exercise: gapfill, choice, collocation or order (default: gapfill)"), N_ ("KIND") },
    { "hint", 0, 0, G_OPTION_ARG_STRING, &g->hint,
      N_ ("What a gap shows: none, first-letter or length (default: none)"), N_ ("HINT") },
    { "count", 0, 0, G_OPTION_ARG_INT64, &g->count, N_ ("Items per language (default: 10)"),
      N_ ("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &g->seed,
      N_ ("Choose the sentences with seed S: the same S, the same worksheet (default: 1)"),
      N_ ("S") },
    { "per-file", 0, 0, G_OPTION_ARG_INT64, &g->per_file,
      N_ ("At most N items from one file (default: 3; 0: no limit)"), N_ ("N") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &g->level,
      N_ ("Only sentences whose other words are among the BAND most frequent (2k, 1500)"),
      N_ ("BAND") },
    { "bands", 0, 0, G_OPTION_ARG_FILENAME, &g->bands,
      N_ ("Rank words by this frequency list (derlem freq --format tsv; default: the inputs)"),
      N_ ("FILE") },
    { "band-size", 0, 0, G_OPTION_ARG_INT64, &g->band_size,
      N_ ("Ranks in a band, for distractors (default: 1000)"), N_ ("N") },
    /* The common --unit, with exercise's own default. */
    { "unit", 0, 0, G_OPTION_ARG_STRING, &opts->unit_arg,
      N_ ("Match words as forms, Snowball stems or dictionary lemmas: form, stem or lemma "
          "(default: stem)"),
      N_ ("UNIT") },
    G_OPTION_ENTRY_NULL
  };
  return dl_options_context (
      _ ("QUERY [PATH...]"), _ ("Worksheets from the corpus's sentences: gap fill, choice, order."),
      _ ("Items are whole sentences of the inputs that hold one hit of a query:\n"
         "8 to 30 words (6 to 12 for order), one language, beginning with a capital\n"
         "and ending with . ! or ?, not cut at a line's end, not a heading, a\n"
         "reference-list entry or mostly numbers, no two alike. They are chosen at\n"
         "random, reproducibly (--seed), the queries in turn, at most --per-file\n"
         "from one file. By default words are matched by stem (--unit form for\n"
         "the exact form): savaş finds savaşın and savaşta.\n"
         "\n"
         "Kinds:\n"
         "  gapfill      the hit is a gap; several queries make a word bank\n"
         "  choice       the gap and four options: the answer and three words of\n"
         "               the corpus of its frequency band, inflected alike (in\n"
         "               Turkish the same suffixes), never of its stem, never\n"
         "               seen beside the gap's neighbours (they could fit too)\n"
         "  collocation  the queries' strongest collocates (colloc, logDice), each\n"
         "               a gap in an example sentence, to match from a word bank\n"
         "  order        a short sentence's words shuffled\n"
         "\n"
         "A worksheet per language, with its instructions in that language, then\n"
         "the answer key (on a page of its own in HTML) with each sentence's file\n"
         "and line. --level 2k keeps sentences whose other words are among the\n"
         "2,000 most frequent of the inputs (or of --bands FILE), names aside.\n"
         "\n"
         "TSV columns: lang item kind query prompt answer options file line\n"
         "(options: the choices, or the word bank, separated by \" | \")."),
      entries, DL_OPT_BASIC | DL_OPT_CASE | DL_OPT_NUMBERS | DL_OPT_STOPLIST, opts);
}

static gboolean
ex_parse (ExArgs *a, int argc, char **argv, GError **error)
{
  dl_options_init (&a->opts);
  g_auto (ExGiven) g = { .count = 10, .per_file = 3, .seed = 1, .band_size = 1000 };
  g_autoptr (GOptionContext) context = ex_context (&g, &a->opts);
  if (!dl_options_parse (context, &a->opts, &argc, &argv, error)
      || !dl_options_check_range ("--count", g.count, 1, 10000, error)
      || !dl_options_check_range ("--per-file", g.per_file, 0, 10000, error)
      || !dl_options_check_range ("--seed", g.seed, 0, G_MAXINT64, error)
      || !dl_options_check_range ("--band-size", g.band_size, 1, 1000000000, error)
      || (g.kind != NULL
          && !dl_options_choice ("--kind", g.kind, kind_names, (int *) &a->kind, error))
      || (g.hint != NULL
          && !dl_options_choice ("--hint", g.hint, hint_names, (int *) &a->hint, error))
      || (g.level != NULL && !dl_cmd_parse_band (g.level, &a->level, error)))
    return FALSE;
  if (a->opts.unit_arg == NULL)
    a->opts.unit = DL_UNIT_STEM; /* savaş finds savaşın: what a teacher means */
  a->count = (guint) g.count;
  a->per_file = (guint) g.per_file;
  a->seed = (guint64) g.seed;
  a->band_size = (guint) g.band_size;
  a->bands = g_steal_pointer (&g.bands);
  a->queries = dl_cmd_collect_queries ("exercise", g.query, NULL, g.queries_file, argc, argv,
                                       &a->paths, error);
  return a->queries != NULL;
}

gboolean
dl_cmd_exercise (DlEnv *env, int argc, char **argv, GError **error)
{
  g_auto (ExArgs) args = { 0 };
  if (!ex_parse (&args, argc, argv, error))
    return FALSE;
  return ex_run (env, &args, error);
}
