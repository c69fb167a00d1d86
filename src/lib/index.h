/* index.h — a corpus index, NAME.dlx (doc/DESIGN.md §6): a directory that
 * holds every input's non-blank lines as the document gave them (text,
 * number, byte offset, encoding, language), compressed in blocks, with the
 * metadata table of the build. A command reads an index's inputs as it
 * reads files (source.h expands NAME.dlx into them, document.h replays
 * their lines), with no decoding and no language identification, and so
 * prints what it prints over the files.
 *
 * On disk: a manifest (DL_INDEX_MANIFEST, text) names the segments and the
 * metadata table with their sizes and checksums, and ends with its own.
 * A segment is zstd frames of lines, a table of contents and a fixed
 * trailer; every block, the table and the trailer carry a CRC-32. Nothing
 * read from disk is trusted: a damaged, truncated or foreign index is
 * refused with DL_ERROR_INDEX, never read out of bounds. */
#ifndef DL_INDEX_H
#define DL_INDEX_H

#include <glib.h>

#include "diag.h"
#include "normalize.h"
#include "tokenizer.h"
#include "types.h"
#include "wordsbuild.h"

G_BEGIN_DECLS

/* The manifest's name inside NAME.dlx, the version this derlem writes,
 * and the oldest it reads (format 5: no tokens of blocks). */
#define DL_INDEX_MANIFEST "derlem-index"
#define DL_INDEX_VERSION 6
#define DL_INDEX_VERSION_OLDEST 5

typedef struct _DlIndex DlIndex;

/* TRUE if @path is a directory with a manifest: it is meant as an index,
 * whether or not it opens. */
gboolean dl_index_is_index (const char *path);

/* Opens the index @path: reads its manifest, opens its segments (kept
 * open and read as needed, never mapped: a segment cut while it is open
 * is an error, not a crash) and checks their trailers and tables of
 * contents. NULL with @error (DL_ERROR_INDEX
 * for a damaged or foreign index, DL_ERROR_IO if it cannot be read). */
DlIndex *dl_index_open (const char *path, GError **error);
DlIndex *dl_index_ref (DlIndex *idx);
void dl_index_unref (DlIndex *idx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlIndex, dl_index_unref)

/* How many segments it has (one per build or add, until compacted). */
guint dl_index_n_segments (const DlIndex *idx);

/* The index's path, as opened. */
const char *dl_index_path (const DlIndex *idx);

/* Sets @error to "damaged index: @where: @what" (DL_ERROR_INDEX): @where
 * names a segment, the manifest or the index, @what says how (translated).
 * FALSE, for return. */
gboolean dl_index_damaged (GError **error, const char *where, const char *what);

/* The inputs, in the order they were built. */
guint dl_index_n_inputs (const DlIndex *idx);
/* The path of input @i as the build named it. */
const char *dl_index_input_path (const DlIndex *idx, guint i);
/* Its size in bytes when it was read (-1: not known, a pipe). */
gint64 dl_index_input_size (const DlIndex *idx, guint i);

typedef struct {
  const char *path;
  gint64 size; /* -1: not known */
  guint64 lines;
  guint64 lines_by_lang[DL_LANG_COUNT];
  gboolean failed; /* reading it ended with an error */
} DlIndexInputInfo;

/* What input @i holds. */
void dl_index_input_info (const DlIndex *idx, guint i, DlIndexInputInfo *info);

/* The metadata table the index was built with (--meta), a file inside it,
 * or NULL. */
const char *dl_index_meta_path (const DlIndex *idx);

typedef struct {
  guint version;
  guint segments;
  guint inputs;
  guint inputs_failed; /* inputs whose reading ended with an error */
  guint64 lines;       /* non-blank lines */
  guint64 lines_by_lang[DL_LANG_COUNT];
  guint64 source_bytes; /* the inputs' sizes (those known) */
  guint64 text_bytes;   /* the lines' UTF-8 */
  guint64 stored_bytes; /* the files of the index */
  guint64 blocks;
  /* Of stored_bytes, the frames of: the lines (the blocks), the inputs'
   * counts, and their words (pages, directories and postings); the rest
   * is tables of contents, trailers, the manifest and the metadata. */
  guint64 stored_lines, stored_counts, stored_words;
  guint64 stored_tokens; /* the blocks' tokens in order, if kept */
  /* The forms of the segments' lexicons (each segment's distinct folded
   * words, summed over the segments). */
  guint64 forms[DL_LANG_COUNT];
} DlIndexInfo;

/* Counts over the whole index, from the tables of contents. */
void dl_index_info (const DlIndex *idx, DlIndexInfo *info);

/* Checks every byte: each block's checksum, its lines, and that the
 * blocks, table and trailer tile each segment. FALSE with @error
 * (DL_ERROR_INDEX) naming the first damage. */
gboolean dl_index_verify (DlIndex *idx, GError **error);

/* Reports to @diag, about @file, what reading input @i reported at the
 * build (notes and warnings about its encoding, its lines), in order. */
void dl_index_replay_notes (const DlIndex *idx, guint i, const DlDiag *diag, const char *file);

/* Where a term's text is, in DlIndexTerms.words. */
typedef struct {
  guint32 at, len;
} DlIndexSpan;

/* The terms of an input's counts when they do not spell them (given):
 * per language, the input's words (each once, one after another) and,
 * for each form of the counts in their order, where its folded form is
 * among them. */
typedef struct {
  gboolean given;
  GString *words[DL_LANG_COUNT];
  GArray *forms[DL_LANG_COUNT]; /* DlIndexSpan */
  /* When given, the segment's lexicon the words are numbers of: a number
   * no other lexicon read in this process has (0: none), its size per
   * language, and for each form of the counts, its number there. A
   * merge of many inputs' counts maps numbers rather than hashing
   * texts. */
  guint64 lexicon;
  guint64 lexicon_size[DL_LANG_COUNT];
  GArray *ids[DL_LANG_COUNT]; /* guint32 */
} DlIndexTerms;

void dl_index_terms_init (DlIndexTerms *terms);
void dl_index_terms_clear (DlIndexTerms *terms);

/* The counts of input @i (counter.h's dl_counter_save_input) made with
 * options of @variant (dl_counter_variant), appended to @out, and their
 * terms in @terms if not NULL (emptied first) when the counts do not
 * spell them: TRUE; FALSE with no error if the index has none of them,
 * FALSE with @error (DL_ERROR_INDEX) if they are damaged. */
gboolean dl_index_input_counts (DlIndex *idx, guint i, guint32 variant, GByteArray *out,
                                DlIndexTerms *terms, GError **error);

/* TRUE if reading input @i ended well at the build; FALSE with @error set
 * to how it ended otherwise (as dl_index_lines_next gives it at the end). */
gboolean dl_index_input_ended (const DlIndex *idx, guint i, GError **error);

/* The words of one input: per language its lines were tokenized in at the
 * build, every form its tokens fold to (dl_normalizer_fold), in byte
 * order, each with the blocks (of the input's lines, numbered from 0)
 * whose lines hold a token of that form. A reader that wants the tokens
 * of some forms reads only those blocks. The forms are spelled once per
 * segment, in its lexicon, which the readers of an index share (a page
 * of it is decoded once, the first time one needs it): an input's words
 * are numbers into it. */
typedef struct _DlIndexWords DlIndexWords;

/* The words of input @i: NULL without @error if it has none (it could not
 * be read at the build), NULL with @error (DL_ERROR_INDEX) if their
 * directory is damaged (a page or the postings is checked when read). */
DlIndexWords *dl_index_words_open (DlIndex *idx, guint i, GError **error);
/* Points @w at the words of input @i of @idx instead (FALSE if it has
 * none), its buffers kept: a search over many inputs does not touch fresh
 * memory for each (a page's entries, the decompressor's window). Their
 * directory is read when first needed (by a call with an error to give),
 * not before: a word the segment's lexicon says the input has not costs
 * no read of the input's. Until it succeeds @w gives no words. */
gboolean dl_index_words_reopen (DlIndexWords *w, DlIndex *idx, guint i);
/* Reads the directory of @w's words if it is not read yet, as
 * dl_index_words_size needs: FALSE with @error (DL_ERROR_INDEX) if it is
 * damaged. */
gboolean dl_index_words_load (DlIndexWords *w, GError **error);
void dl_index_words_free (DlIndexWords *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlIndexWords, dl_index_words_free)

/* Whether the lines of @lang were tokenized at the build (the words of a
 * language not tokenized are not known: none are listed). */
gboolean dl_index_words_has (const DlIndexWords *w, DlLang lang);
/* The forms of @lang (once the directory is read: dl_index_words_load). */
guint64 dl_index_words_size (const DlIndexWords *w, DlLang lang);
/* Form @k (< size) of @lang: its bytes (not NUL-terminated, valid until the
 * next call) and *@len, and in *@blocks the number of blocks that hold it.
 * NULL with @error (DL_ERROR_INDEX) if the words are damaged. The forms
 * are read a page at a time: in order is fastest. */
const char *dl_index_words_form (DlIndexWords *w, DlLang lang, guint64 k, gsize *len,
                                 guint64 *blocks, GError **error);
/* The number of form @k (< size) of @lang in the lexicon of the segment
 * that holds the input: G_MAXUINT64 with @error (DL_ERROR_INDEX) if the
 * words are damaged. Inputs of one segment that have a form give it the
 * same number. */
guint64 dl_index_words_lexicon_id (DlIndexWords *w, DlLang lang, guint64 k, GError **error);
/* A byte per form of @lang in the lexicon of the segment that holds the
 * input, for @owner's use, kept from input to input of that segment: 0
 * at first, again when @w reads another segment or is asked for another
 * owner's. What an owner found of a form once (a matcher's test), for
 * every input that has it. */
guint8 *dl_index_words_memo (DlIndexWords *w, DlLang lang, gconstpointer owner);

/* The number of the first form of @lang not before @form (@len bytes) in
 * byte order, into *@k (the size if none), and whether it is @form into
 * *@found (may be NULL). FALSE with @error if the words are damaged.
 * Reads one page. The forms that start with a prefix are those from its
 * seek to the seek of the prefix with its last byte one higher. */
gboolean dl_index_words_seek (DlIndexWords *w, DlLang lang, const char *form, gsize len, guint64 *k,
                              gboolean *found, GError **error);
/* Finds @form (@len bytes) among @lang's: its number in *@k, or
 * G_MAXUINT64 if it is not there. FALSE with @error if the words are
 * damaged. Reads one page. */
gboolean dl_index_words_find (DlIndexWords *w, DlLang lang, const char *form, gsize len, guint64 *k,
                              GError **error);
/* The forms of @lang that start with @prefix (@len bytes, not empty), or
 * that are @prefix if @exact: from *@from to *@to (none if they are
 * equal). FALSE with @error if the words are damaged. Reads no page of
 * the input's when the segment's lexicon has no such form, else one or
 * two. */
gboolean dl_index_words_prefix (DlIndexWords *w, DlLang lang, const char *prefix, gsize len,
                                gboolean exact, guint64 *from, guint64 *to, GError **error);

/* Decodes a page of an input's words as its builder gives them to the
 * index (DlWordsPage; per form: the bytes it shares with the one before
 * and its own, as varints and bytes, then its number of blocks and the
 * bytes of their gaps), which must hold @n
 * forms from @first (@first_len bytes), in byte order, their gaps in
 * postings of @postings_len bytes from 0, of an input of @n_blocks
 * blocks. TRUE with "FORM BLOCKS AT BYTES" per form appended to @forms;
 * FALSE if the page is not such a one. What the index's builder checks
 * of each page it numbers, and, but for the postings, what a reader
 * checks of each page of a lexicon; open to tests. */
gboolean dl_index_words_decode_page (const guint8 *data, gsize len, guint64 n, const char *first,
                                     gsize first_len, guint64 postings_len, guint64 n_blocks,
                                     GPtrArray *forms);

/* Decodes a page of an input's table of words as the index stores it
 * (per form: varint(its number in the lexicon less the one before's; 0
 * for the first) varint(blocks) varint(bytes of their gaps)), which must
 * hold @n forms from @first_id, all before @next_id, their gaps in
 * postings of @postings_len bytes from 0, of an input of @n_blocks
 * blocks. TRUE with "NUMBER BLOCKS AT BYTES" per form appended to
 * @entries; FALSE if the page is not such a one. What a reader checks of
 * every page it loads, open to tests. */
gboolean dl_index_words_decode_ids (const guint8 *data, gsize len, guint64 n, guint64 first_id,
                                    guint64 next_id, guint64 postings_len, guint64 n_blocks,
                                    GPtrArray *entries);

/* A form whose blocks are wanted. */
typedef struct {
  DlLang lang;
  guint64 k;
} DlIndexMark;

/* Sets blocks[b] to 1 for each block b (of the input's, numbered from 0:
 * @blocks has one byte each) that holds one of the forms @marks (@n of
 * them; reordered), adding to *@added (if not NULL) the blocks it set
 * that were 0. FALSE with @error (DL_ERROR_INDEX) if the words are
 * damaged. */
gboolean dl_index_words_mark (DlIndexWords *w, DlIndexMark *marks, guint n, guint8 *blocks,
                              guint64 *added, GError **error);

/* The tokens of input @i's lines by language and kind, as the build
 * tokenized them (the blocks' counts, every language). */
void dl_index_input_tokens (const DlIndex *idx, guint i,
                            guint64 tokens[DL_LANG_COUNT][DL_TOKEN_KINDS]);
/* The same for its blocks @from to @to (excluded). */
void dl_index_blocks_tokens (const DlIndex *idx, guint i, guint64 from, guint64 to,
                             guint64 tokens[DL_LANG_COUNT][DL_TOKEN_KINDS]);

/* Whether input @i keeps the tokens of its blocks (the build's
 * DlIndexPiece kept them: dl_index_piece_keep_tokens). */
gboolean dl_index_input_has_tokens (const DlIndex *idx, guint i);
/* The tokens of block @b of input @i (which has them), as the build gave
 * them (wordsbuild.h's DlWordsTokens; dl_index_tokens_decode reads them),
 * decompressed into @out through @dctx. The frame's checksum is checked,
 * not its contents. FALSE with @error (DL_ERROR_INDEX, DL_ERROR_IO). */
struct ZSTD_DCtx_s; /* zstd.h's ZSTD_DCtx */
gboolean dl_index_block_tokens (DlIndex *idx, guint i, guint64 b, struct ZSTD_DCtx_s *dctx,
                                GByteArray *out, GError **error);

/* A block's tokens decoded (dl_index_tokens_decode). */
typedef struct {
  GArray *langs;  /* guint8: each line's language */
  GArray *starts; /* guint32: where each line's tokens begin in words, and
                     one past the last */
  GArray *words;  /* guint32: each token's word, its number among the
                     input's words of its line's language */
} DlIndexTokens;

void dl_index_tokens_init (DlIndexTokens *t);
void dl_index_tokens_clear (DlIndexTokens *t);
/* Decodes the tokens of a block (dl_index_block_tokens's @out, @len
 * bytes at @data) into @t. FALSE if they are not such tokens (@t's
 * arrays are then of no use). The words are not checked against the
 * input's: a reader looks them up in the words of each line's language,
 * whose size bounds them. */
gboolean dl_index_tokens_decode (const guint8 *data, gsize len, DlIndexTokens *t);

/* The blocks of input @i's lines. */
guint64 dl_index_input_blocks (const DlIndex *idx, guint i);

/* The bytes of text of input @i's block @b (its lines, as the build
 * stored them: a measure of the work of reading it). */
guint64 dl_index_block_bytes (const DlIndex *idx, guint i, guint64 b);

/* What a reader needs on one side of a block it reads: @reach tokens
 * (a phrase's), and beyond those @tokens tokens and @cols columns (a
 * line's as shown in a concordance, + 1 for its break); tokens of every
 * language, of the kinds in @kinds (a bit per DlTokenKind; 0: every
 * kind). */
typedef struct {
  guint64 reach, tokens, cols;
  guint kinds;
} DlIndexNeed;

/* The columns the build counts of a line of @len bytes (Block.cols): its
 * ASCII bytes + 1, no more than it takes shown in a concordance with its
 * break. */
guint64 dl_index_line_cols (const char *text, gsize len);

/* The bits of a block's mark (dl_index_input_ranges): to be read; its own
 * lines before (after) the lines that matter in it hold what is needed
 * before (after) them, so that the blocks on that side need not be. */
enum {
  DL_INDEX_MARK_READ = 1,
  DL_INDEX_MARK_HOLDS_BEFORE = 2,
  DL_INDEX_MARK_HOLDS_AFTER = 4,
};

/* The blocks of input @i to read for the blocks marked in @marks (one
 * byte per block, DL_INDEX_MARK_READ) with what the lines around each
 * need @before and @after them: sorted, disjoint [from, to) pairs of
 * block numbers into @ranges (guint64; pairs that would touch are one),
 * from the blocks' counts of tokens and columns. A marked block's
 * neighbours are read, whatever the needs (a line's neighbours are then
 * too), unless its mark says that it holds the need on that side. */
void dl_index_input_ranges (const DlIndex *idx, guint i, const guint8 *marks,
                            const DlIndexNeed *before, const DlIndexNeed *after, GArray *ranges);

/* The lines of one input, as dl_document_next gave them to the build. */
typedef struct {
  const char *text; /* not NUL-terminated; valid until the next call */
  gsize len;
  guint64 number;
  guint64 offset;
  const char *encoding; /* interned (g_intern_string), NULL for UTF-8 */
  DlLang lang;
  gboolean gap; /* lines were skipped before it (dl_index_lines_restrict) */
  /* Read back (dl_index_lines_next): its block among the input's, and
   * its place among the block's lines. */
  guint64 block, at;
} DlIndexLine;

typedef struct _DlIndexLines DlIndexLines;

/* Starts reading input @i of @idx (a reference is taken). NULL with
 * @error if the input's reading failed at the build before any line (it
 * could not be opened: the build's error, same domain and code). */
DlIndexLines *dl_index_lines_open (DlIndex *idx, guint i, GError **error);
/* Makes @r a reader of input @i of @idx from its start, as if opened
 * anew (errors as dl_index_lines_open's, @r then still to be reopened or
 * freed), keeping the memory it read blocks into: a worker that reads
 * input after input asks the system for none again (a reader per input
 * of 2,148, each mapping and unmapping its buffers, faulted their pages
 * in again each time). */
gboolean dl_index_lines_reopen (DlIndexLines *r, DlIndex *idx, guint i, GError **error);

/* The next line: TRUE with @line set; FALSE at the end, with @error set
 * if the block is damaged (DL_ERROR_INDEX) or if reading the input ended
 * with an error at the build (that error again, after its lines). */
gboolean dl_index_lines_next (DlIndexLines *r, DlIndexLine *line, GError **error);

/* Whether a line of @len bytes at @text (not checked to be UTF-8) is one
 * that matters. */
typedef gboolean (*DlIndexLineTest) (const char *text, gsize len, gpointer user_data);

/* Reads block @b of @r's input, between blocks (before its first line, or
 * after a block's last), into its buffers (a line of that block read next
 * is not decompressed again; the lines read next are those it would have
 * given) and says whether its lines before the first
 * that @test takes hold @before columns (dl_index_line_cols), in
 * *@holds_before, and its lines after the last @after columns, in
 * *@holds_after. Only the lines within those columns of each end are
 * tested: a side is held too when @test takes none of its lines (nor of
 * the block's). FALSE with @error (DL_ERROR_INDEX) if the block is
 * damaged. */
gboolean dl_index_lines_edges (DlIndexLines *r, guint64 b, guint64 before, guint64 after,
                               DlIndexLineTest test, gpointer user_data, gboolean *holds_before,
                               gboolean *holds_after, GError **error);
/* Reads from now on only the blocks in @ranges (@n sorted, disjoint
 * [from, to) pairs of block numbers, dl_index_input_ranges's): the first
 * line after blocks skipped has DlIndexLine.gap. How reading the input
 * ended at the build is still given at the end. */
void dl_index_lines_restrict (DlIndexLines *r, const guint64 *ranges, guint n);
/* Reads from now on one part of the input, alone (parts.h): the blocks in
 * @ranges (@n pairs as for dl_index_lines_restrict, at least one), from
 * the first, whose first line has DlIndexLine.gap if @gap. Unless @last,
 * the end of the ranges is not the input's: how reading it ended at the
 * build is not given there. */
void dl_index_lines_part (DlIndexLines *r, const guint64 *ranges, guint n, gboolean gap,
                          gboolean last);
void dl_index_lines_free (DlIndexLines *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlIndexLines, dl_index_lines_free)

/* Building. A worker puts one input's lines into a piece (compressed in
 * blocks as they come, kept in memory up to a limit and then in a
 * temporary file); the builder appends pieces, in input order, to a new
 * segment, and commit makes the index appear at once. */
typedef struct _DlIndexPiece DlIndexPiece;

/* A piece for the input @path (its name as given), of @size bytes (-1 if
 * not known). */
DlIndexPiece *dl_index_piece_new (const char *path, gint64 size);

/* Adds a line. FALSE if the temporary file could not be written (errno
 * says why); the piece is then useless. */
gboolean dl_index_piece_add (DlIndexPiece *piece, const DlIndexLine *line);

/* Keeps a diagnostic that reading the input gave (@about_file: it named
 * the input; @line: 0 for none). */
void dl_index_piece_note (DlIndexPiece *piece, DlDiagLevel level, gboolean about_file, guint64 line,
                          const char *message);

/* Appends the input's counts to @out (dl_counter_save_input): with
 * @order, without their texts, the forms of each language in the order
 * @order[lang] gives (guint32 form numbers); spelled, in their own
 * order, with NULL. */
typedef void (*DlIndexCountsSave) (const GArray *const *order, GByteArray *out, gpointer user_data);

/* The input has counts, made with options of @variant, that @save writes
 * at dl_index_piece_end (@user_data borrowed until then): with words
 * (dl_index_piece_tokenized), in the order of their words, which spell
 * them (dl_index_input_counts). */
void dl_index_piece_set_counts (DlIndexPiece *piece, guint32 variant, DlIndexCountsSave save,
                                gpointer user_data);

/* The languages whose lines' tokens the piece is given: it then keeps its
 * words (DlIndexWords, wordsbuild.h), the counter's forms folded by
 * @term (called at dl_index_piece_end, with @term_data), the others by
 * @norm (borrowed until then). Before the first line; again with none if
 * they cannot all be given (no words are then kept). */
void dl_index_piece_tokenized (DlIndexPiece *piece, const gboolean langs[DL_LANG_COUNT],
                               DlWordsTerm term, gpointer term_data, DlNormalizer *norm);

/* A token of the line just added (of @lang, of @kind): @text (@len bytes) as
 * written, and @form its number in the input's counter (DlStreamToken.form)
 * or G_MAXUINT32 if it has none. FALSE as dl_index_piece_add (the words
 * go to temporary files beyond a limit). */
gboolean dl_index_piece_token (DlIndexPiece *piece, DlLang lang, DlTokenKind kind, guint32 form,
                               const char *text, gsize len);
/* Keeps the tokens of the piece's lines in order, each block's a frame
 * after the postings (dl_index_block_tokens): every line added then ends
 * with dl_index_piece_line_end once its tokens are given. */
void dl_index_piece_keep_tokens (DlIndexPiece *piece);
/* Ends the tokens of the line just added, of @lang. FALSE as
 * dl_index_piece_add. */
gboolean dl_index_piece_line_end (DlIndexPiece *piece, DlLang lang);
/* dl_index_piece_token for @n words whose numbers in the counter are
 * @forms. */
gboolean dl_index_piece_forms (DlIndexPiece *piece, DlLang lang, const guint32 *forms, guint n);

/* Ends the piece: @error (or NULL) is how reading the input ended; with
 * @at_open, the input could not be opened and the piece has no lines.
 * FALSE as dl_index_piece_add. */
gboolean dl_index_piece_end (DlIndexPiece *piece, const GError *error, gboolean at_open);
void dl_index_piece_free (DlIndexPiece *piece);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlIndexPiece, dl_index_piece_free)

typedef struct _DlIndexBuilder DlIndexBuilder;

/* Starts building the index @path: a directory made next to it under a
 * temporary name when @path does not exist; new files inside it,
 * replacing what it holds at the commit, when @path is an index. @meta
 * (a file, or NULL) is copied in as the metadata table. NULL with @error:
 * DL_ERROR_USAGE if @path exists and is no index, DL_ERROR_IO if it
 * cannot be written. Temporary files are registered with tempfiles.h,
 * so a signal leaves none. */
DlIndexBuilder *dl_index_builder_new (const char *path, const char *meta, GError **error);

/* Starts a change to the index @idx (open, kept open until the commit):
 * its segments stay, and a new one is written beside them, if
 * @keep_segments (index add); otherwise the new segment is all the index
 * will hold (remove, compact: copy what stays into it). Its metadata table
 * stays unless @meta names another. NULL with @error (DL_ERROR_IO). */
DlIndexBuilder *dl_index_builder_change (const DlIndex *idx, gboolean keep_segments,
                                         const char *meta, GError **error);

/* Appends input @i of @idx (another index, or the one changed) to the
 * segment as it is stored: its frames copied, their checksums checked.
 * FALSE with @error (DL_ERROR_INDEX if damaged, DL_ERROR_IO). */
gboolean dl_index_builder_copy (DlIndexBuilder *b, DlIndex *idx, guint i, GError **error);

/* Appends @piece (ended) to the segment. FALSE with @error (DL_ERROR_IO). */
gboolean dl_index_builder_add (DlIndexBuilder *b, DlIndexPiece *piece, GError **error);

/* Writes the table of contents and the manifest, syncs, and puts the
 * index in place: until then nothing at @path changed. FALSE with @error
 * (DL_ERROR_IO); the temporary files are then removed. */
gboolean dl_index_builder_commit (DlIndexBuilder *b, GError **error);

/* Frees @b, removing what it wrote unless it was committed. */
void dl_index_builder_free (DlIndexBuilder *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlIndexBuilder, dl_index_builder_free)

G_END_DECLS

#endif /* DL_INDEX_H */
