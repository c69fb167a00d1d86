/* wordsbuild.h — an index input's words built (index.h, DlIndexWords):
 * which blocks hold each folded form, gathered token by token in bounded
 * memory, then written as the postings (each form's blocks as gaps, the
 * forms in byte order) and the table of forms.
 *
 * Tokens are kept by their form as written (the number the input's counter
 * gave it, or one of the builder's own): the counter folds its forms once
 * at the input's end, and the builder takes its terms from it then. Pairs
 * of a form and a block go to sorted runs in temporary files; at the end
 * each run is sorted again by folded form and the runs are merged. */
#ifndef DL_WORDSBUILD_H
#define DL_WORDSBUILD_H

#include <glib.h>

#include "normalize.h"
#include "types.h"

G_BEGIN_DECLS

typedef struct _DlWordsBuild DlWordsBuild;

DlWordsBuild *dl_words_build_new (void);
void dl_words_build_free (DlWordsBuild *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWordsBuild, dl_words_build_free)

/* A token of @lang in block @block (numbered from 0, never less than the
 * last token's): @form its number in the input's counter, or G_MAXUINT32
 * for one the counter does not count (@text, @len bytes as written, is
 * then the form). FALSE if a temporary file could not be written (errno
 * says why). */
gboolean dl_words_build_token (DlWordsBuild *b, DlLang lang, guint32 form, const char *text,
                               gsize len, guint32 block);

/* dl_words_build_token for @n tokens of @lang in block @block whose
 * numbers in the input's counter are @forms. */
gboolean dl_words_build_forms (DlWordsBuild *b, DlLang lang, const guint32 *forms, guint n,
                               guint32 block);

/* Keeps every token given from now on, in order, so that the tokens of
 * each block can be given as words once the words are made
 * (dl_words_build_tokens): each line's tokens end with
 * dl_words_build_line. */
void dl_words_build_keep_tokens (DlWordsBuild *b);
/* Ends a line of @lang in @block (never less than the last line's): the
 * tokens given since the last line (dl_words_build_token, _forms) are
 * its own, in the order they came. Nothing without
 * dl_words_build_keep_tokens. FALSE with errno if the records could not
 * be kept. */
gboolean dl_words_build_line (DlWordsBuild *b, DlLang lang, guint32 block);
/* Takes the tokens of block @block (@len bytes of @data): varint(lines),
 * per language varint(its words in the block) and those words (their
 * numbers in the table of the language, each once, rising) as gaps, the
 * first from 0; then per line varint(tokens << 2 | language) and each
 * token's word as its place among its language's words of the block.
 * FALSE (errno) if they could not be kept. */
typedef gboolean (*DlWordsTokens) (guint32 block, const guint8 *data, gsize len,
                                   gpointer user_data);
/* After dl_words_build_finish, of a builder that kept its tokens: gives
 * @take the tokens of each of the @n_blocks blocks, in order (a block
 * with no line recorded gives no line). FALSE (errno) if the records could
 * not be read, a line lies past the blocks, or a token has no word. */
gboolean dl_words_build_tokens (DlWordsBuild *b, guint32 n_blocks, DlWordsTokens take,
                                gpointer user_data);
/* The folded form of the counter's form @form of @lang (dl_counter_term's
 * fold, of the input the tokens came from): *@len bytes. */
typedef const char *(*DlWordsTerm) (DlLang lang, guint32 form, gsize *len, gpointer user_data);

/* Takes @len bytes of the postings. FALSE if they could not be kept
 * (errno). */
typedef gboolean (*DlWordsOut) (const guint8 *data, gsize len, gpointer user_data);

/* Takes one page of the table: @n entries of @lang (@len bytes of @data),
 * the first of which is the form @first (@first_len bytes) whose gaps
 * begin at @at in the postings. FALSE if it could not be kept (errno). */
typedef gboolean (*DlWordsPage) (DlLang lang, const char *first, gsize first_len, guint n,
                                 guint64 at, const guint8 *data, gsize len, gpointer user_data);

/* Where dl_words_build_finish gives the words: @out and @page (with
 * @user_data), and @numbered (may be NULL, with @numbered_data) once the
 * words are numbered, before the postings. */
typedef struct {
  DlWordsOut out;
  DlWordsPage page;
  gpointer user_data;
  void (*numbered) (gpointer numbered_data);
  gpointer numbered_data;
} DlWordsSink;

/* Ends: gives the postings to @sink's out (each word's blocks as varint
 * gaps, block + 1 less the previous one's, the words in byte order, one
 * after another), then the table of each language in @langs (bits
 * 1 << DlLang) to its page, in pages: each entry varint(bytes shared with
 * the previous form of the page) varint(length of the rest) the rest
 * varint(blocks) varint(bytes of its gaps), in byte order. The postings'
 * length in *@postings_len. @term gives the counter's folded forms, @norm
 * folds the others. Each @form_words[lang] not NULL (of a language in
 * @langs) gets the number of each of the counter's forms' word in the
 * table (guint32, by form; G_MAXUINT32 for a form no token had), before
 * @sink's numbered is called: what the rest of the end does not change.
 * FALSE (errno) if a temporary file could not be read or out or page
 * failed. */
gboolean dl_words_build_finish (DlWordsBuild *b, guint langs, DlWordsTerm term, gpointer term_data,
                                DlNormalizer *norm, const DlWordsSink *sink, guint64 *postings_len,
                                GArray *form_words[DL_LANG_COUNT]);

/* Appends @text (@len bytes) to a page of forms in byte order (a table's
 * or a lexicon's) after @prev (@prev_len bytes; NULL: the page's first):
 * varint(bytes it shares with @prev) varint(bytes of the rest) the rest. */
void dl_words_front_code (GByteArray *buf, const char *prev, gsize prev_len, const char *text,
                          gsize len);

/* A text to sort in byte order (dl_words_sort), and a key of its own. */
typedef struct {
  guint64 prefix;   /* dl_words_prefix of the text */
  const char *text; /* not NUL-terminated, */
  guint32 len;      /* its bytes */
  guint32 key;
} DlWordsSortee;

/* The first 8 bytes of @text (@len bytes), big-endian, 0-padded. */
guint64 dl_words_prefix (const char *text, gsize len);

/* Sorts @n sortees of @a (their prefixes set) by text in byte order, then
 * by key: a radix sort of the prefixes through @tmp (@n too), then each
 * run of one prefix by comparison. */
void dl_words_sort (DlWordsSortee *a, DlWordsSortee *tmp, gsize n);

G_END_DECLS

#endif /* DL_WORDSBUILD_H */
