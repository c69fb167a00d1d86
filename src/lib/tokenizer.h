/* tokenizer.h — the words and numbers of a line (doc/DESIGN.md §2): ICU word
 * breaks (UAX #29) run on the UTF-8 text in place (or the same breaks found
 * without ICU, wordbreak.h, where the text allows), then derlem's rules:
 * digits + apostrophe + letters is one token (`1990’ların`, `TB2’nin`), as
 * are a word + ´ + letters (`Ankara´nın`, `I´m`) and a closing quote +
 * suffix (`"Tekstilpark"ı`); dates and times are one number (`10:53`,
 * `2020-11-10`, `01-Feb-02`); a hashtag keeps its `#`; an abbreviation keeps
 * its period (`Dr.`, `e.g.`, `vb.`); `@`, `____` and emoticons (`:D`, `<3`)
 * are no tokens. URLs and e-mail addresses are single tokens of their own
 * kinds. Hyphens separate words; nothing is joined across lines. */
#ifndef DL_TOKENIZER_H
#define DL_TOKENIZER_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_TOKEN_WORD,   /* the rest: Azerbaycan’ın, TB2’nin, 東京, Dr., U.S., #derlem, @user */
  DL_TOKEN_NUMBER, /* starts with a digit: 2.000, 19.09.2023, 10:53, 1990’ların, 1990s, 5ci */
  DL_TOKEN_URL,    /* scheme://... or www.... */
  DL_TOKEN_EMAIL,  /* local@domain.tld */
} DlTokenKind;

#define DL_TOKEN_KINDS 4

typedef struct {
  gsize offset; /* bytes from the start of the line */
  gsize len;    /* bytes */
  DlTokenKind kind;
  gboolean sentence_start; /* first token of the document or after . ! ? … :
                              (not an abbreviation's period, not a time's colon) */
} DlToken;

typedef struct _DlTokenizer DlTokenizer;

/* A tokenizer for one thread, with the fast path if it is on now
 * (fastpath.h). NULL with @error (DL_ERROR_ICU) if ICU's word break rules
 * cannot be loaded. */
DlTokenizer *dl_tokenizer_new (GError **error);
void dl_tokenizer_free (DlTokenizer *tok);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlTokenizer, dl_tokenizer_free)

/* Starts a new document: its first token starts a sentence. */
void dl_tokenizer_reset (DlTokenizer *tok);

/* Whether the next token starts a sentence (after dl_tokenizer_reset and a
 * sentence's end), and setting it: for tokenizing a line apart from the
 * lines before it, as a worker that reads a file in parts does (stream.c). */
gboolean dl_tokenizer_sentence_start (const DlTokenizer *tok);
void dl_tokenizer_set_sentence_start (DlTokenizer *tok, gboolean start);

/* Tokenizes one line (@text valid UTF-8, @len bytes, any length). Returns the
 * tokens in order, *@n_tokens of them, owned by the tokenizer and valid until
 * the next call; NULL with @error (DL_ERROR_ICU) if ICU fails. Sentence
 * starts carry over from the document's previous lines. */
const DlToken *dl_tokenizer_line (DlTokenizer *tok, const char *text, gsize len, guint *n_tokens,
                                  GError **error);

/* The name of a kind: "word", "number", "url", "email". */
const char *dl_token_kind_name (DlTokenKind kind);

G_END_DECLS

#endif /* DL_TOKENIZER_H */
