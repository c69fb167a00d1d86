/* counter.h — term frequencies per language and per file (doc/DESIGN.md §2
 * lexicon): each normalized term interned once, counts in arrays by term id.
 * A worker counts one input into its own counter (surface forms per token,
 * folded once per distinct form at the end of the file); the main thread
 * merges the files' counters in input order, so the result never depends on
 * the number of threads. freq, keyness and stats reuse it. */
#ifndef DL_COUNTER_H
#define DL_COUNTER_H

#include <glib.h>

#include "diag.h"
#include "document.h"
#include "index.h"
#include "langid.h"
#include "lexicon.h"
#include "normalize.h"
#include "types.h"
#include "source.h"
#include "tokenizer.h"

G_BEGIN_DECLS

typedef struct {
  DlCase casing;                  /* fold by the line's language, or keep */
  gboolean langs[DL_LANG_COUNT];  /* lines of which languages to count */
  gboolean kinds[DL_TOKEN_KINDS]; /* which kinds of token to count */
  gboolean track_files;           /* keep each term's files (ranges of stems) */
  gboolean track_counts;          /* and its count in each (dispersion), and the
                                     tokens of each file: memory grows with the
                                     sum of the terms' ranges */
} DlCounterOptions;

/* The default: fold, count words of tr and en lines. */
void dl_counter_options_init (DlCounterOptions *opts);

typedef struct _DlCounter DlCounter;

DlCounter *dl_counter_new (const DlCounterOptions *opts);

/* The options @c was made with (owned by @c). */
const DlCounterOptions *dl_counter_options (const DlCounter *c);
void dl_counter_free (DlCounter *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCounter, dl_counter_free)

/* Counts every token of @input into a fresh counter @c, to be read through
 * dl_counter_merge (the getters below see merged counts only). Problems with
 * the input go to @diag; returns FALSE with @error if it cannot be read at
 * all or ICU fails (the lines counted before a read error stand). */
gboolean dl_counter_count_input (DlCounter *c, const DlInput *input,
                                 const DlDocumentOptions *doc_options, const DlDiag *diag,
                                 GError **error);

/* A token stream (stream.h) for one thread that reads what counters of
 * @opts count, to be kept between inputs. NULL with @error (DL_ERROR_ICU)
 * if ICU's word breaks cannot be loaded. */
typedef struct _DlStream DlStream;
DlStream *dl_counter_stream_new (const DlCounterOptions *opts, GError **error);

/* Does what dl_counter_count_input does, reading through @stream (from
 * dl_counter_stream_new with @c's options), so that a thread sets up its
 * tokenizer once and not once per input. */
gboolean dl_counter_count_stream (DlCounter *c, DlStream *stream, const DlInput *input,
                                  const DlDocumentOptions *doc_options, const DlDiag *diag,
                                  GError **error);

/* Counting token by token, for a command that reads the input itself (the
 * way dl_counter_count_input does): dl_counter_begin_input, then
 * dl_counter_add_tokens for the tokens to count of every line, then
 * dl_counter_end_input. */
void dl_counter_begin_input (DlCounter *c);

/* Where a token stands, for the proper-noun evidence (dl_counter_is_proper):
 * flags for dl_counter_add. */
typedef enum {
  DL_PLACE_SENTENCE_START = 1 << 0, /* first word of a sentence */
  DL_PLACE_IN_NAME = 1 << 1,        /* inside a multiword name (`Karabağ Savaşı’nın`) */
} DlPlace;

/* A token to count (dl_counter_add_tokens). */
typedef struct {
  const char *text; /* as written, @len bytes */
  gsize len;
  guint place;  /* DlPlace flags; 0 for neither */
  guint32 form; /* set: the number of its form as written in this input (0,
                   1, ... per language, in order of first sight), by which
                   dl_counter_input_term finds its term later */
} DlCounterToken;

/* Counts the @n @tokens of a line of @lang, whose lines must be counted
 * (DlCounterOptions.langs), in order, setting their forms. A line at once,
 * not a token at a time: the lookups of its words then overlap in memory
 * (dl_lexicon_prefetch). */
void dl_counter_add_tokens (DlCounter *c, DlLang lang, DlCounterToken *tokens, guint n);

/* Sets @term to the term that the form @form (@len bytes, as written on a
 * line of @lang) counts as in @c: folded by @norm (or, with --case keep,
 * only its apostrophes made one), as dl_counter_end_input does it. */
void dl_counter_term (const DlCounter *c, DlNormalizer *norm, DlLang lang, const char *form,
                      gsize len, GString *term);

/* Ends the input: each of its forms is folded (by @norm) into its term. */
void dl_counter_end_input (DlCounter *c, DlNormalizer *norm);

/* After dl_counter_end_input: the number of forms of @lang in the input, and
 * the term of form @form (NUL-terminated, *@len bytes, owned by @c). The
 * forms of merged counts read by dl_counter_load are its terms, so that
 * tables numbered by its term ids are mapped as an input's are. */
guint32 dl_counter_input_forms (const DlCounter *c, DlLang lang);
const char *dl_counter_input_term (const DlCounter *c, DlLang lang, guint32 form, gsize *len);

/* After @from was merged into @into: the term id in @into of each form of
 * @lang in @from's input (the caller's, g_free; dl_counter_input_forms of
 * them). */
guint32 *dl_counter_input_ids (const DlCounter *into, const DlCounter *from, DlLang lang);

/* Saving a counted input, how an index keeps each input's counts: what
 * decides the bytes (casing, langs, kinds; not track_files or
 * track_counts, which only the merge reads), as a number. */
guint32 dl_counter_variant (const DlCounterOptions *opts);

/* Sets @opts to the casing, languages and kinds of @variant (from
 * dl_counter_variant), tracking nothing. */
void dl_counter_options_from_variant (DlCounterOptions *opts, guint32 variant);

/* Appends to @out the counts of the input @c counted (after
 * dl_counter_end_input, before any merge): with their terms' texts, the
 * forms in their order; with @order, without texts (an index keeps them
 * as its words: each form's term is what dl_counter_input_term gives),
 * the forms of each language in the order @order[lang] lists them
 * (guint32 form numbers, each once). */
void dl_counter_save_input (const DlCounter *c, const GArray *const *order, GByteArray *out);

/* Reads @data (@len bytes) that dl_counter_save_input wrote with texts
 * and options of the same variant into @c, fresh, as if it had counted
 * the input: ready for dl_counter_merge. FALSE if the bytes are not such
 * counts (@c is then left fresh). */
gboolean dl_counter_load_input (DlCounter *c, const guint8 *data, gsize len);

/* dl_counter_load_input for counts saved without texts when @terms gives
 * them (DlIndexTerms.given): the term of each form saved, whose lengths
 * must be the saved ones. Takes the words of @terms' languages that it
 * loads (left NULL). */
gboolean dl_counter_load_input_terms (DlCounter *c, const guint8 *data, gsize len,
                                      DlIndexTerms *terms);

/* Reads into @c, fresh, the counts the build of @input's index kept for
 * @c's options (dl_counter_load_input). FALSE with no error if it kept
 * none for them; FALSE with an error (DL_ERROR_INDEX) if they do not read. */
gboolean dl_counter_load_index (DlCounter *c, const DlInput *input, GError **error);

/* Adds the counts of @from, filled by dl_counter_count_input, to @into as
 * file number @file (0-based, increasing from call to call); @from filled
 * by dl_counter_load, as its files @file, @file + 1, ...
 * (dl_counter_absorb), the next call's file after them. */
void dl_counter_merge (DlCounter *into, const DlCounter *from, guint32 file);

/* Merged counts, merged again: adds to @into the counts @from has
 * merged from its files 0, 1, ... as its files @first, @first + 1, ...,
 * after every file @into has (the caller numbers them): the same tokens,
 * terms in the same order, counts, ranges, files, display forms and
 * proper nouns as if each of @from's files had been merged into @into.
 * @from tracks what @into tracks. */
void dl_counter_absorb (DlCounter *into, const DlCounter *from, guint32 first);
/* Appends to @out what @c has merged (its options' variant and tracking
 * first), for dl_counter_load. */
void dl_counter_save (const DlCounter *c, GByteArray *out);
/* Reads into @c, fresh, what dl_counter_save wrote from a counter of the
 * same casing and kinds that counted @c's languages or more and tracked
 * what @c tracks or more (the languages @c does not count and what it
 * does not track are dropped): the merged counts as they were, ready for the
 * getters, dl_counter_absorb and dl_counter_merge. FALSE if the bytes
 * are not such counts (@c is then left fresh). */
gboolean dl_counter_load (DlCounter *c, const guint8 *data, gsize len);
/* Tokens counted in @lang. */
guint64 dl_counter_tokens (const DlCounter *c, DlLang lang);

/* The terms of @lang (owned by @c): ids 0 .. size-1. */
const DlLexicon *dl_counter_terms (const DlCounter *c, DlLang lang);

guint64 dl_counter_freq (const DlCounter *c, DlLang lang, guint32 id);

/* The number of files the term occurs in. */
guint32 dl_counter_range (const DlCounter *c, DlLang lang, guint32 id);

/* The files the term occurs in, ascending (*@n of them); NULL unless
 * track_files. Owned by @c. */
const guint32 *dl_counter_files (const DlCounter *c, DlLang lang, guint32 id, guint *n);

/* With track_counts: the term's count in each of its files, in the order
 * of dl_counter_files (*@n of them); NULL otherwise. Owned by @c. */
const guint64 *dl_counter_file_counts (const DlCounter *c, DlLang lang, guint32 id, guint *n);

/* With track_counts: the files with tokens of @lang, ascending (*@n of
 * them), and in *@tokens the tokens of each; NULL otherwise. Owned by @c. */
const guint32 *dl_counter_token_files (const DlCounter *c, DlLang lang, const guint64 **tokens,
                                       guint *n);

/* The term as shown: with the apostrophe (’ ' ʼ) the text used most for it
 * (owned by @c). */
const char *dl_counter_display (const DlCounter *c, DlLang lang, guint32 id);

/* TRUE if the corpus shows the term to be a proper noun: in Turkish, seen
 * before an apostrophe suffix outside a multiword name (`Azerbaycan’ın`,
 * not `Karabağ Savaşı’nın`); in either language, written capitalized more
 * often than in lower case where a capital is not expected (not at a
 * sentence start, not inside a multiword name). */
gboolean dl_counter_is_proper (const DlCounter *c, DlLang lang, guint32 id);

/* The same for the term @text (@len bytes), which need not be one of the
 * corpus's terms (the base of `savaşı’nın`). */
gboolean dl_counter_is_proper_text (const DlCounter *c, DlLang lang, const char *text, gsize len);

G_END_DECLS

#endif /* DL_COUNTER_H */
