/* stream.h — the one loop from an input to tokens (doc/DESIGN.md §2): the
 * document's lines with their language, tokenized when their language is
 * wanted, each token marked as counted or not, optionally with ICU sentence
 * starts and counted into a counter. Every command reads its inputs here. */
#ifndef DL_STREAM_H
#define DL_STREAM_H

#include <glib.h>

#include "counter.h"
#include "diag.h"
#include "document.h"
#include "langid.h"
#include "source.h"
#include "tokenizer.h"

G_BEGIN_DECLS

typedef struct {
  gboolean langs[DL_LANG_COUNT];  /* lines of which languages are tokenized */
  gboolean kinds[DL_TOKEN_KINDS]; /* which kinds of token count */
  gboolean sentences;             /* mark ICU sentence starts (dl_sentences_line) */
  /* Lines are read with dl_stream_next_lazy and few are tokenized: the
   * workers that read a file in parts prepare no tokens. */
  gboolean lazy;
} DlStreamOptions;

/* Sets @opts to tokenize and count what @counter counts (its langs and
 * kinds), marking ICU sentence starts if @sentences. */
void dl_stream_options_for_counter (DlStreamOptions *opts, const DlCounterOptions *counter,
                                    gboolean sentences);

/* DlStreamToken.form of a token not given to a counter. */
#define DL_STREAM_NO_FORM G_MAXUINT32

typedef struct {
  gsize offset; /* bytes from the start of the line */
  gsize len;    /* bytes */
  DlTokenKind kind;
  guint32 form;            /* with a counter, the form id dl_counter_add gave a counted
                              token; DL_STREAM_NO_FORM otherwise */
  gboolean counts;         /* its kind is one of DlStreamOptions.kinds */
  gboolean sentence_start; /* the tokenizer's (DlToken.sentence_start) */
  gboolean icu_start;      /* with sentences, on a counted token: an ICU sentence
                              boundary lies between the line's previous counted token
                              (or the line's start) and it */
  gboolean any_start;      /* the same over every token, counted or not: where the
                              VRT export, which writes every kind, starts an <s> */
} DlStreamToken;

typedef struct {
  const char *path;     /* the input's (DlInput.path) */
  const char *text;     /* valid UTF-8 in NFC, not NUL-terminated; owned by the
                           stream, valid until the next call */
  gsize len;            /* bytes */
  guint64 number;       /* 1-based line number */
  guint64 offset;       /* byte offset of the line in the input */
  const char *encoding; /* the input's (DlLine.encoding) */
  DlLang lang;
  gboolean tokenized;          /* lang is one of DlStreamOptions.langs; otherwise no tokens */
  gboolean icu_start;          /* with sentences: the tokenized line before this one (of any
                                  language) ended a sentence; a line with neither tokens nor a
                                  sentence end passes the state on */
  const DlStreamToken *tokens; /* n_tokens of them, owned by the stream, valid
                                  until the next call */
  guint n_tokens;
  gboolean gap;      /* lines were skipped before it (dl_stream_restrict) */
  guint64 block, at; /* an index's line: its block and place in it (DlIndexLine's) */
} DlStreamLine;

typedef struct _DlStream DlStream;

/* A stream for one thread, reading one input at a time. @opts is copied.
 * NULL with @error (DL_ERROR_ICU) if ICU's word or sentence breaks cannot be
 * loaded. */
DlStream *dl_stream_new (const DlStreamOptions *opts, GError **error);
void dl_stream_free (DlStream *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlStream, dl_stream_free)

/* Starts reading @input, read per @doc_options; problems with the input go
 * to @diag. @diag and @counter are borrowed until the input's end (an input
 * not read to its end is dropped, its counter untouched). With a @counter
 * (fresh for this input, whose DlCounterOptions.langs must be the stream's
 * langs), the stream calls dl_counter_begin_input now, dl_counter_add for
 * every counted token and dl_counter_end_input once dl_stream_next reaches
 * the end of the input or fails. FALSE with @error if the input cannot be
 * opened (see dl_reader_open: DL_ERROR_IO, DL_ERROR_BINARY), the counter
 * then untouched, or if ICU's case mapping fails (DL_ERROR_ICU). */
gboolean dl_stream_open (DlStream *s, const DlInput *input, const DlDocumentOptions *doc_options,
                         const DlDiag *diag, DlCounter *counter, GError **error);

/* The next non-blank line of the input. TRUE with *@line set (owned by the
 * stream, valid until the next call), or TRUE with *@line NULL at the end of
 * the input (and after it). FALSE with @error set if reading the input
 * failed (DL_ERROR_IO; DL_ERROR_ICU when decoding, word or sentence breaks
 * fail): the lines before stand, the input is over. A caller that tests
 * the return value cannot take a failure for the end, whatever @error is. */
gboolean dl_stream_next (DlStream *s, const DlStreamLine **line, GError **error);

/* Reads only the blocks @ranges of an index's input (dl_document_restrict)
 * once @s is open on it; nothing for other inputs. */
void dl_stream_restrict (DlStream *s, const guint64 *ranges, guint n);

/* The reader of the index's input @s is open on, before its first line
 * (dl_document_index_lines); else NULL. */
DlIndexLines *dl_stream_index_lines (DlStream *s);

/* Once @s is open on an index's input, before its first line: the lines
 * will be read with dl_stream_next_lazy and their tokens not counted, so
 * the workers that read the input in parts need not tokenize them
 * (dl_document_no_prepare). */
void dl_stream_lazy_input (DlStream *s);

/* For a consumer that tokenizes only some lines (concord's prefilter,
 * colloc over an index), of a stream without sentences: the next line as
 * dl_stream_next gives it, but without its tokens (n_tokens 0) unless a
 * part worker prepared them, which *@has_tokens says. With a counter,
 * only the lines given with their tokens or passed to dl_stream_tokenize
 * are counted. */
gboolean dl_stream_next_lazy (DlStream *s, const DlStreamLine **line, gboolean *has_tokens,
                              GError **error);

/* Tokenizes @text (@len bytes), a line of @lang dl_stream_next_lazy gave
 * (of a language the stream tokenizes), apart from the lines around it:
 * the tokens dl_stream_next would have given it (but for their
 * sentence_start, which the lines before decide), counted if the stream
 * has a counter, *@n_tokens of them (maybe 0; never NULL then), owned by
 * the stream and valid until the next call. NULL with @error
 * (DL_ERROR_ICU) if ICU fails. */
const DlStreamToken *dl_stream_tokenize (DlStream *s, DlLang lang, const char *text, gsize len,
                                         guint *n_tokens, GError **error);

G_END_DECLS

#endif /* DL_STREAM_H */
