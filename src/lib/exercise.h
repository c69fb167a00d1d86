/* exercise.h — sentences for classroom exercises (data-driven learning,
 * Johns): the whole sentences of a corpus that hold one hit of a query and
 * that a teacher would put on a worksheet — 8 to 30 words, one language,
 * beginning with a capital and ending with . ! ? (no cut words, no headings,
 * no reference-list entries, not mostly numbers) — kept per query in a
 * reproducible random order (a hash of the seed and the sentence's words,
 * so that the same sentence twice is one candidate), at most a bounded
 * number per query; then chosen with a cap per file and without near
 * duplicates. Also the pieces of the exercises: distractors of the same
 * frequency band and suffix shape, shuffles. */
#ifndef DL_EXERCISE_H
#define DL_EXERCISE_H

#include <glib.h>

#include "counter.h"
#include "diag.h"
#include "document.h"
#include "query.h"
#include "source.h"
#include "tokenizer.h"
#include "units.h"

G_BEGIN_DECLS

/* Whether the folded word @folded (@len bytes) of @lang may stand in a
 * sentence beside the hit (--level); called from worker threads at once. */
typedef gboolean (*DlExerciseWordFunc) (DlLang lang, const char *folded, gsize len,
                                        gpointer user_data);

typedef struct {
  guint min_words, max_words;    /* words and numbers of a sentence (8, 30) */
  guint keep;                    /* candidates kept per query and language */
  guint64 seed;                  /* of the random order */
  gboolean langs[DL_LANG_COUNT]; /* languages whose sentences are wanted */
  DlQueryOptions query;          /* how queries match */
  DlExerciseWordFunc word_ok;    /* NULL: every word may */
  gpointer word_data;
} DlExerciseOptions;

typedef struct {
  gsize offset, len; /* bytes in the sentence's text */
  DlTokenKind kind;  /* words and numbers only */
} DlExerciseWord;

typedef struct {
  DlLang lang;
  guint query;  /* the query that matched */
  guint32 file; /* the input's number in the run (merge order) */
  guint64 line; /* 1-based line of its first word */
  guint64 key;  /* its place in the random order */
  char *text;   /* the sentence, line breaks as single spaces */
  char *folded; /* its words folded, one space between */
  DlExerciseWord *words;
  guint n_words;
  guint hit, hit_len; /* the hit: words[hit .. hit + hit_len) */
} DlExerciseSentence;

/* The candidates of a run: per query and language, the sentences with the
 * smallest keys. */
typedef struct _DlExerciseCounts DlExerciseCounts;

DlExerciseCounts *dl_exercise_counts_new (guint n_queries, const DlExerciseOptions *opts);
void dl_exercise_counts_free (DlExerciseCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlExerciseCounts, dl_exercise_counts_free)

/* Adds @from (one input's, dl_exercise_input) to @into as input @file
 * (increasing from call to call); @from is emptied. A sentence found
 * twice stays where it was found first. */
void dl_exercise_counts_merge (DlExerciseCounts *into, DlExerciseCounts *from, guint32 file);

/* The candidates of query @query in @lang, by key (owned by @counts). */
const DlExerciseSentence *const *dl_exercise_counts_get (DlExerciseCounts *counts, guint query,
                                                         DlLang lang, guint *n);

/* Finds candidate sentences, for one thread. */
typedef struct _DlExercise DlExercise;

/* A finder for @queries (@n, borrowed). NULL with @error if ICU fails. */
DlExercise *dl_exercise_new (DlQuery *const *queries, guint n, const DlExerciseOptions *opts,
                             GError **error);
void dl_exercise_free (DlExercise *e);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlExercise, dl_exercise_free)

/* Adds the candidates of @input to @counts (fresh). Problems with single
 * lines go to @diag; FALSE with @error if the input cannot be read. */
gboolean dl_exercise_input (DlExercise *e, const DlInput *input,
                            const DlDocumentOptions *doc_options, const DlDiag *diag,
                            DlExerciseCounts *counts, GError **error);

/* Whether a sentence may be used (a kind's own needs); NULL: all may.
 * It is asked last, about a sentence that is chosen if it says yes, so it
 * may keep what it made of it. */
typedef gboolean (*DlExerciseUsable) (const DlExerciseSentence *s, gpointer user_data);

/* Chooses at most @count sentences of @lang: the queries' candidates in
 * turn, each in key order, skipping those @usable refuses, those of a file
 * that has given @per_file already (0: no cap), and near duplicates of one
 * chosen (half or more of their distinct words shared). Returns them in
 * the order chosen (a GPtrArray of borrowed sentences). */
GPtrArray *dl_exercise_choose (DlExerciseCounts *counts, DlLang lang, guint count, guint per_file,
                               DlExerciseUsable usable, gpointer user_data);

/* The shape of the suffixes of the folded word @word, for choosing
 * distractors that are inflected like the answer: what follows @base in
 * it (a shorter word of its unit that begins it, its last letter perhaps
 * softened: kitap, kitabı), the whole word if @base is NULL or does not
 * begin it, or "'" and what follows its apostrophe; its last @n
 * characters only if @n > 0. Turkish letters become archiphonemes (vowels
 * by harmony class: a e → A, ı i u ü → I, o ö → O; d t → D, c ç → C, g ğ k
 * → K), so that "savaşın" (base savaş) and "limanın" (base liman) both
 * give "In"; English suffixes stay as they are ("fighting", fight: "ing").
 * Written into @out. */
void dl_exercise_suffix_shape (DlLang lang, const char *word, const char *base, guint n,
                               GString *out);

/* Distractors for the answer term @answer of @lang in @counter's terms:
 * up to @want terms (written to @out, nearest the answer in frequency
 * first; returned how many) that are words of letters, proper nouns when
 * the answer is one and not otherwise, whose unit (@units) is not
 * @answer's nor a stopword nor one of @exclude's (@n_exclude unit ids: the
 * sentence's own words), of the answer's band (@band_of: each unit's, 0
 * off the list; NULL: no bands), and inflected like it: the same suffix
 * shape (all of it, or its last 2 characters when that gives too few),
 * a word's suffix being what follows the longest shorter term of its unit
 * that begins it — a suffix the corpus shows (Snowball cuts "etkin" to
 * "etk", but no "etk" is written: "etkin" has none). */
guint dl_exercise_distractors (const DlCounter *counter, const DlUnits *units, DlLang lang,
                               guint32 answer, const guint64 *band_of, const guint32 *exclude,
                               guint n_exclude, guint want, guint32 *out);

/* Adds to @found (a set of strings it owns) the pairs of adjacent counted
 * words of @input, folded and joined by a space ("this conflict"), that
 * the set @wanted holds (only read: threads share it) — so that a
 * distractor seen beside the gap's neighbours, which may be another right
 * answer, is left out. FALSE with @error if the input cannot be read. */
gboolean dl_exercise_pairs_input (DlExercise *e, const DlInput *input,
                                  const DlDocumentOptions *doc_options, const DlDiag *diag,
                                  GHashTable *wanted, GHashTable *found, GError **error);

/* Shuffles @n pointers in @items with @rand so that, when @n > 1 and
 * they are not all equal, the order differs from the given one. */
void dl_exercise_shuffle (gpointer *items, guint n, GRand *rand);

G_END_DECLS

#endif /* DL_EXERCISE_H */
