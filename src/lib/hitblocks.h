/* hitblocks.h — which blocks of an index's input can hold a match of some
 * queries, from the input's words (index.h) and a matcher (query.h), and
 * the blocks to read around them: a search over an index reads those
 * lines alone and finds what a pass over every line finds. */
#ifndef DL_HITBLOCKS_H
#define DL_HITBLOCKS_H

#include <glib.h>

#include "index.h"
#include "prefilter.h"
#include "query.h"
#include "stream.h"

G_BEGIN_DECLS

/* The blocks of input @i of @idx to read for the matches of @m's queries,
 * with what a match needs @before and @after it (index.h; tokens of every
 * language, which a phrase and a context run across): [from, to) pairs
 * into @ranges. A query's matches hold a token of each of its terms, so
 * the blocks holding a form that matches its rarest term are enough.
 * With @edges (the queries' prefilter, or NULL), when the needs are
 * columns alone, a block found beside one that is not is read first: if
 * its lines before the first that @edges accepts hold the columns needed
 * before, the blocks before it are not read (after it likewise); the
 * reader then sees a gap there (so a reader that wants a hit's
 * neighbouring lines gives NULL). The blocks are read through @lines if
 * not NULL (the reader of the input that reads them next, before its
 * first line), else a reader of its own.
 * FALSE without @error when the words cannot say (the input has none, or
 * not of every language; @m keeps case): every block is to be read.
 * FALSE with @error (DL_ERROR_INDEX) if the words are damaged. *@words
 * is the reader of the words kept from one call to the next (NULL at
 * first; the caller frees it), so that a search over many inputs reuses
 * its buffers. With @anchors (may be NULL), when every query is of terms
 * and the rarest term of each is a word (no pattern, no CQL): its forms
 * (DlIndexMark) for each query, one of which every match holds as a
 * token, into @anchors; else @anchors emptied and *@by_words FALSE. */
gboolean dl_hit_blocks (DlIndex *idx, guint i, DlMatcher *m, const DlIndexNeed *before,
                        const DlIndexNeed *after, const DlPrefilter *edges, DlIndexLines *lines,
                        DlIndexWords **words, GArray *ranges, GArray *anchors, gboolean *by_words,
                        GError **error);

/* Makes @stream, just opened on @input, read only the blocks dl_hit_blocks
 * gives for @m's queries with @need on each side (and @edges, @anchors and
 * @by_words as dl_hit_blocks's), when @input is an
 * index's, its lines keep the build's languages (no --assume-lang in
 * @doc_options) and its words can say: *@restricted TRUE, the blocks in
 * @ranges. FALSE with @error if the index is damaged. */
gboolean dl_hit_blocks_restrict (DlStream *stream, const DlInput *input,
                                 const DlDocumentOptions *doc_options, DlMatcher *m,
                                 const DlIndexNeed *need, const DlPrefilter *edges,
                                 DlIndexWords **words, GArray *ranges, GArray *anchors,
                                 gboolean *by_words, gboolean *restricted, GError **error);

G_END_DECLS

#endif /* DL_HITBLOCKS_H */
