/* concord.h — keyword in context: the hits of queries in one input, each
 * with its left and right context cut by characters (wide ones counting
 * two) or by tokens, across the source's line breaks, optionally kept inside
 * the sentence. Hits come out in corpus order as soon as their context is
 * read, so memory holds a few lines, not the input. */
#ifndef DL_CONCORD_H
#define DL_CONCORD_H

#include <glib.h>

#include "diag.h"
#include "document.h"
#include "query.h"
#include "source.h"

G_BEGIN_DECLS

/* The normalized forms a hit carries for sorting: L3 L2 L1 node R1 R2 R3. */
#define DL_CONCORD_FORMS 7
#define DL_CONCORD_NODE 3

typedef struct {
  guint width;                   /* columns on each side (used when words is 0) */
  guint words;                   /* tokens on each side, or 0 for width */
  gboolean sentence;             /* context stops at the sentence's boundaries */
  gboolean forms;                /* fill DlConcordHit.forms */
  gboolean langs[DL_LANG_COUNT]; /* languages whose hits are wanted */
  gboolean count_numbers;        /* numbers count as tokens in the totals */
  /* Tokenize and match only the lines around those that can hold a hit
   * (prefilter.h), when every query has a literal: the same hits. */
  gboolean prefilter;
  /* DlConcordStats.tokens is not wanted: with the prefilter it stays 0,
   * and the lines no hit needs are not tokenized at all. */
  gboolean no_token_counts;
} DlConcordOptions;

typedef struct {
  DlLang lang;      /* of the line of the node's first token */
  guint query;      /* index of the query that matched (the first, when
                       several match the same tokens) */
  guint64 line;     /* 1-based line of the node's first token */
  guint64 position; /* byte offset of the node in the input */
  /* As shown: NUL-terminated, line breaks, tabs and other control
   * characters as spaces. */
  const char *left, *node, *right;
  /* With DlConcordOptions.forms: the normalized forms of the three tokens
   * before the node, the node's (tokens joined by a space) and the three
   * after; "" where the input has no such token. Otherwise NULL. */
  const char *forms[DL_CONCORD_FORMS];
} DlConcordHit;

/* Takes one hit; everything in @hit is valid only during the call. */
typedef void (*DlConcordFunc) (const DlConcordHit *hit, gpointer user_data);

typedef struct {
  guint64 tokens[DL_LANG_COUNT]; /* words (and numbers, if counted) */
  guint64 hits[DL_LANG_COUNT];
} DlConcordStats;

typedef struct _DlConcord DlConcord;

/* A concordancer for @queries (@n, borrowed), for one thread. NULL with
 * @error if ICU or the stemmer fail. */
DlConcord *dl_concord_new (DlQuery *const *queries, guint n, const DlQueryOptions *query_options,
                           const DlConcordOptions *options, GError **error);
void dl_concord_free (DlConcord *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlConcord, dl_concord_free)

/* Finds the hits in @input, calling @func on each in corpus order, and adds
 * its counts to @stats. Problems with single lines (a regular expression
 * out of time) go to @diag. FALSE with @error if the input cannot be read
 * (the hits before the failure were given). */
gboolean dl_concord_input (DlConcord *c, const DlInput *input, const DlDocumentOptions *doc_options,
                           const DlDiag *diag, DlConcordFunc func, gpointer user_data,
                           DlConcordStats *stats, GError **error);

G_END_DECLS

#endif /* DL_CONCORD_H */
