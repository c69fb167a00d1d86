/* query.h — what the user looks for (doc/DESIGN.md §3, Queries), for kwic and
 * every command that finds words: a word, a wildcard pattern (`savaş*`,
 * `kad?n`), a phrase of adjacent tokens (`"Dağlık Karabağ"`), or an ICU
 * regular expression in slashes (`/^ermeni/`), matched against normalized
 * forms, with the query normalized by the rules of each line's language. */
#ifndef DL_QUERY_H
#define DL_QUERY_H

#include <glib.h>

#include "cql.h"
#include "langid.h"
#include "types.h"
#include "units.h"

G_BEGIN_DECLS

/* The most tokens a phrase may have. */
#define DL_QUERY_MAX_TERMS 16

typedef enum {
  DL_TERM_WORD,  /* compared whole: the normalized form, or its unit */
  DL_TERM_GLOB,  /* * = any characters, ? = one character */
  DL_TERM_REGEX, /* ICU regular expression, searched in the normalized form */
} DlTermKind;

typedef struct _DlQuery DlQuery;

/* Parses @text: `/REGEX/`, or words and patterns split as the tokenizer
 * splits text (so `Nagorno-Karabakh` is a phrase of two), optionally in
 * double quotes. NULL with @error (DL_ERROR_USAGE) naming the problem: an
 * empty query, an unbalanced quote, a bad regular expression (with the
 * character where it goes wrong), no word to match, invalid UTF-8. */
DlQuery *dl_query_parse (const char *text, GError **error);
void dl_query_free (DlQuery *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlQuery, dl_query_free)

/* Parses @text as a query of the corpus query language (cql.h): NULL with
 * @error (DL_ERROR_USAGE) as dl_cql_parse says, or if it is not valid
 * UTF-8. */
DlQuery *dl_query_parse_cql (const char *text, GError **error);
/* Its CQL (owned by @q), or NULL for a word, pattern, phrase or regex. */
const DlCql *dl_query_cql (const DlQuery *q);
/* The most tokens a match of @q has: its length, or the CQL's most. */
guint dl_query_max_tokens (const DlQuery *q);

/* The query as the user wrote it (owned by @q). */
const char *dl_query_text (const DlQuery *q);
/* The number of its terms, tokens it matches (1 but for phrases; 0 for
 * CQL, which has none). */
guint dl_query_length (const DlQuery *q);
/* Term @i (< length): its kind and its text as written (in NFC; a regex
 * without its slashes). */
DlTermKind dl_query_term_kind (const DlQuery *q, guint i);
const char *dl_query_term_text (const DlQuery *q, guint i);

/* Reads queries from @path, one per line; blank lines and lines starting
 * with # are skipped. Appends them to @queries (DlQuery*, the array owns
 * them). FALSE with @error (DL_ERROR_USAGE: no search can run without
 * them) if @path cannot be read, has no query, or has a malformed one
 * (PATH:LINE: and the problem). */
gboolean dl_query_read_file (const char *path, GPtrArray *queries, GError **error);

typedef struct {
  DlUnit unit;   /* not DL_UNIT_FORM: a word matches the tokens of its unit */
  DlCase casing; /* DL_CASE_KEEP: forms keep their case (apostrophes still one) */
  /* With units other than forms: the units of each language, made from a
   * count of the same corpus (units.h; borrowed, shared by threads). A word
   * matches a token when both are of one unit; a language without units
   * has no word matches. */
  DlUnits *units[DL_LANG_COUNT];
  /* For CQL's stem and lemma: the units of --unit stem and lemma, made
   * like units (NULL: every token's is DL_UNDEF). */
  DlUnits *stems[DL_LANG_COUNT];
  DlUnits *lemmas[DL_LANG_COUNT];
} DlQueryOptions;

/* A match that ends at the token just given: query @query matched the
 * @length tokens ending there. */
typedef struct {
  guint query;
  guint length;
} DlMatch;

/* Matches tokens against queries, for one thread. */
typedef struct _DlMatcher DlMatcher;

/* A matcher for @queries (@n of them, borrowed: they must outlive it, like
 * @options's units). NULL with @error if ICU fails. */
DlMatcher *dl_matcher_new (DlQuery *const *queries, guint n, const DlQueryOptions *options,
                           GError **error);
void dl_matcher_free (DlMatcher *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlMatcher, dl_matcher_free)

/* Forgets the tokens given so far: no phrase matches across this point. */
void dl_matcher_reset (DlMatcher *m);

/* Whether a query is of CQL within @within: the caller then says where
 * those boundaries are with dl_matcher_boundary, before the token after
 * each. */
gboolean dl_matcher_within (const DlMatcher *m, DlCqlWithin within);
void dl_matcher_boundary (DlMatcher *m, DlCqlWithin within);

/* Before the first token of a line of @lang (whose DlStreamLine.icu_start
 * is @icu_start): the boundaries there for CQL's within, a line's and a
 * sentence's where the VRT export closes an <s> (a sentence's end, a
 * change of language). A token with DlStreamToken.any_start is a
 * sentence's boundary too. Nothing without CQL. */
void dl_matcher_line (DlMatcher *m, DlLang lang, gboolean icu_start);

/* Gives the next token (@text, @len bytes as written, of a line of
 * @lang). Sets *@matches to the matches ending at it (owned by @m, valid
 * until the next call; at most one per query, in query order) and
 * *@n_matches to their number. FALSE with @error (DL_ERROR_DATA) if a
 * regular expression ran out of time on this form: the form then counts as
 * no match, here and later, and the matches are still given. */
gboolean dl_matcher_token (DlMatcher *m, DlLang lang, const char *text, gsize len,
                           const DlMatch **matches, guint *n_matches, GError **error);

/* dl_matcher_token for a token whose form as written has the number @form
 * in its input and language (the counter's, dl_counter_add_tokens): what
 * the form matches is then kept by that number, found again without
 * hashing its text. dl_matcher_forget_forms when the input changes. */
gboolean dl_matcher_token_form (DlMatcher *m, DlLang lang, guint32 form, const char *text,
                                gsize len, const DlMatch **matches, guint *n_matches,
                                GError **error);

/* Forgets the forms given to dl_matcher_token_form (a new input numbers
 * its forms afresh). */
void dl_matcher_forget_forms (DlMatcher *m);

/* Sets @out to the normalized form of the token @text (@len bytes) as the
 * matcher compares it: folded by @lang's rules (or only its apostrophes made
 * one, with --case keep). */
void dl_matcher_form (DlMatcher *m, DlLang lang, const char *text, gsize len, GString *out);

/* What an index's words (index.h: the folded forms of an input, with the
 * blocks that hold them) need to say which blocks can hold a match. */

/* The queries, and query @q's terms: their number, the first in *@first
 * (terms are numbered over all the queries, in order). */
guint dl_matcher_n_queries (const DlMatcher *m);
guint dl_matcher_query_terms (const DlMatcher *m, guint q, guint *first);
guint dl_matcher_n_terms (const DlMatcher *m);
/* The most terms of a query. */
guint dl_matcher_max_length (const DlMatcher *m);

/* Whether forms are folded (DL_CASE_FOLD, dl_normalizer_fold): what a
 * token matches then follows from its folded form alone. */
gboolean dl_matcher_folds (const DlMatcher *m);

/* Term @t's folded form in @lang when the term matches exactly the tokens
 * that fold to it (a word compared by form), else NULL. */
const GString *dl_matcher_term_word (const DlMatcher *m, guint t, DlLang lang);

/* For a matcher that folds: into @out the bytes every folded form of @lang
 * that term @t matches starts with, and *@exact TRUE if that is the form
 * itself: a word's form (compared by form), a pattern's characters before
 * its first wildcard. FALSE if none is known (a regular expression, a word
 * compared by unit, a pattern that starts with a wildcard). */
gboolean dl_matcher_term_prefix (const DlMatcher *m, guint t, DlLang lang, GString *out,
                                 gboolean *exact);

/* The same for the folded forms of @lang that may meet condition @c of
 * the CQL query @q: from a test the condition cannot do without, the
 * fold of a plain string on word (exact) or the start of a regular
 * expression on fold (dl_cql_test_prefix), the longest. */
gboolean dl_matcher_cql_prefix (DlMatcher *m, guint q, guint c, DlLang lang, GString *out,
                                gboolean *exact);

/* For a matcher that folds: sets bit t of @mask ((n_terms + 63) / 64
 * words, cleared first) for each term t a token of @lang whose folded form
 * is @form (@len bytes) matches. A regular expression that fails on it
 * counts as a match (the token's line then shows whether it is). */
void dl_matcher_test_folded (DlMatcher *m, DlLang lang, const char *form, gsize len, guint64 *mask);

/* Query @q's CQL, or NULL if it is no CQL query. */
const DlCql *dl_matcher_query_cql (const DlMatcher *m, guint q);

/* For a matcher that folds and a CQL query @q: into *@mask the results of
 * its tests (cql.h) on a token of @lang whose folded form is @form (@len
 * bytes), into *@known the tests that form decides: all but word's (the
 * form as written, which the folded one does not give), and a word's test
 * of a plain string without %c when its fold is not @form (then false). A
 * regular expression that fails on it leaves every test unknown. */
void dl_matcher_cql_folded (DlMatcher *m, guint q, DlLang lang, const char *form, gsize len,
                            guint64 *mask, guint64 *known);

G_END_DECLS

#endif /* DL_QUERY_H */
