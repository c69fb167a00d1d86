/* cql.h — the corpus query language of kwic --cql and dispersion --cql
 * (doc/DESIGN.md §3, CQL): CQP's token patterns, no bigger than users
 * need. A token is tested on the attributes the VRT export writes for it
 * (word, fold, stem, lemma, lang) with regular expressions that match the
 * whole value; tokens make sequences with alternatives, optional and
 * repeated parts, within a sentence or a line.
 *
 *   [word="savaş.*"%c] []{0,3} [lemma="git"] within s
 *
 * A parsed query is shared by threads; each thread runs it with its own
 * DlCqlRun, one token at a time. */
#ifndef DL_CQL_H
#define DL_CQL_H

#include <glib.h>

G_BEGIN_DECLS

/* The most tokens a match has (CQP's hard boundary, smaller). */
#define DL_CQL_MAX_SPAN 64

typedef enum {
  DL_CQL_WORD,  /* the token as written */
  DL_CQL_FOLD,  /* folded by its line's language (İŞGAL → işgal, IRAK → ırak) */
  DL_CQL_STEM,  /* its unit's key with --unit stem, or __UNDEF__ */
  DL_CQL_LEMMA, /* its unit's key with --unit lemma, or __UNDEF__ */
  DL_CQL_LANG,  /* its line's language: tr, en, other */
  DL_CQL_ATTRS
} DlCqlAttr;

typedef enum {
  DL_CQL_WITHIN_NONE,
  DL_CQL_WITHIN_SENTENCE, /* the VRT export's <s> */
  DL_CQL_WITHIN_LINE,
} DlCqlWithin;

typedef struct _DlCql DlCql;

/* Parses @text (valid UTF-8, NFC). NULL with @error (DL_ERROR_USAGE)
 * saying what is wrong and at which character: a token outside brackets,
 * an unknown attribute, an unclosed string, a bad regular expression, a
 * bad {n,m}, a query that can match no token. */
DlCql *dl_cql_parse (const char *text, GError **error);
void dl_cql_free (DlCql *q);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCql, dl_cql_free)

/* The most tokens a match can have (at most DL_CQL_MAX_SPAN). */
guint dl_cql_max_length (const DlCql *q);
DlCqlWithin dl_cql_within (const DlCql *q);
/* Whether a test names @attr. */
gboolean dl_cql_uses (const DlCql *q, DlCqlAttr attr);

/* The tests of @q on single attributes (at most 64): a token's results
 * are a mask, bit i for test i. */
guint dl_cql_n_tests (const DlCql *q);
DlCqlAttr dl_cql_test_attr (const DlCql *q, guint i);

/* ---- Where matches can be (an index's words, hitblocks.c) ---- */

/* The token conditions of @q (each [...] or "..."), numbered from 0. */
guint dl_cql_n_conds (const DlCql *q);

/* Whether a token whose tests gave @mask, those of @known for sure and
 * the others either way (a test of the form as written, say, when only
 * the folded one is known), may meet condition @c. */
gboolean dl_cql_cond_may (const DlCql *q, guint c, guint64 mask, guint64 known);

/* Whether dl_cql_anchor reads the set of condition @c. */
gboolean dl_cql_cond_anchors (const DlCql *q, guint c);

/* From @cond_sets (per condition, @n bytes: non-zero where a token that
 * may meet it lies, such as the blocks of an index's input; NULL for
 * one not asked for), into @out the places that hold a token of every
 * match of @q: the smallest set a sequence's parts give, the union of an
 * alternative's. FALSE if @q has none: a match may be of [] alone, or
 * of optional parts (then every place is to be read). */
gboolean dl_cql_anchor (const DlCql *q, guint8 *const *cond_sets, gsize n, guint8 *out);

/* From @cost (per condition: what searching for its tokens costs, or
 * G_MAXUINT64 for one whose tokens cannot be searched for), into @out
 * (dl_cql_n_conds bytes: non-zero for each condition chosen) conditions
 * one of whose tokens every match of @q holds: the cheaper of a
 * sequence's parts, both of an alternative's (their costs added). FALSE
 * if there are none, as dl_cql_anchor. */
gboolean dl_cql_anchor_conds (const DlCql *q, const guint64 *cost, guint8 *out);

/* Into @out the longest run of characters that every value test @i
 * matches holds (the prefilter's literal, prefilter.h): read from the
 * start of its regular expression up to its first escape, set or group,
 * without a character a quantifier may leave out. FALSE (and @out empty)
 * if it has none, with %c, or with | anywhere. */
gboolean dl_cql_test_needle (const DlCql *q, guint i, GString *out);
/* The same for the ICU regular expression @pattern (of a test, or of a
 * query's /regex/ term, which every value it finds holds the run of): its
 * first run with @first (dl_cql_test_prefix). */
gboolean dl_regex_runs (const char *pattern, gboolean first, GString *out);
/* The same for the run every value test @i matches starts with (savaş
 * for savaş.*, an index's range of words). */
gboolean dl_cql_test_prefix (const DlCql *q, guint i, GString *out);

/* Test @i's text when it is a plain string without %c (no character a
 * regular expression gives a meaning to): the value it matches, which is
 * that string; NULL otherwise. */
const char *dl_cql_test_literal (const DlCql *q, guint i);

/* A query's run for one thread: its regular expressions and the state of
 * the tokens fed so far. */
typedef struct _DlCqlRun DlCqlRun;

/* NULL with @error (DL_ERROR_ICU) if ICU fails. @q is borrowed. */
DlCqlRun *dl_cql_run_new (const DlCql *q, GError **error);
void dl_cql_run_free (DlCqlRun *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCqlRun, dl_cql_run_free)

/* Tests the values of a token (@values[attr], NUL-terminated UTF-8, given
 * for the attributes the query uses) into *@mask. FALSE with @error
 * (DL_ERROR_DATA) if a regular expression ran out of time: that test then
 * fails, the others are made. */
gboolean dl_cql_run_test (DlCqlRun *r, const char *const values[DL_CQL_ATTRS], guint64 *mask,
                          GError **error);

/* Forgets the tokens fed: no match runs across this point. */
void dl_cql_run_reset (DlCqlRun *r);

/* Feeds the next token, whose tests gave @mask: the length of the match
 * that ends at it, or 0. Matches do not overlap; each ends at the first
 * token where the query is met and starts as early as it can after the
 * previous match (CQP's shortest match, but for leading optional parts). */
guint dl_cql_run_feed (DlCqlRun *r, guint64 mask);

G_END_DECLS

#endif /* DL_CQL_H */
