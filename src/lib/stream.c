/* stream.c — document → lines with language → tokens, written once: the
 * tokenizer (reset where a skipped language interrupts the text), ICU
 * sentence starts and counting into a counter, for every command. A file
 * read in parts (parts.h) is tokenized by the workers that read it, each
 * line apart from the lines before; the sentence start a line inherits is
 * added here, in order, and the counting too. */
#include "config.h"

#include "stream.h"

#include <string.h>

#include "normalize.h"
#include "pool.h"
#include "sentences.h"

struct _DlStream {
  DlStreamOptions opts;
  DlTokenizer *tok;
  DlSentences *sentences; /* with opts.sentences */
  DlNormalizer *norm;     /* made for the first input with a counter */
  DlPoolStates *workers;  /* of Worker: the tokenizers of the part workers */
  DlPrepare prepare;

  /* The input being read. */
  DlDocument *doc;           /* NULL once it is over */
  DlIndexLines *spare_lines; /* DlDocumentOptions.spare_lines */
  DlCounter *counter;
  char *path;
  gboolean sentence_ended; /* by the tokenized lines before */
  DlLang last_lang;        /* of the line before, DL_LANG_COUNT before the first */
  DlStreamLine line;
  DlStreamToken *tokens;
  guint8 *places;          /* DL_PLACE_IN_NAME of each token, or 0 */
  guint cap;               /* room in tokens and places */
  DlCounterToken *counted; /* a line's tokens for the counter */
  guint counted_cap;
};

/* A part worker's tools (DlPrepare), made once per thread. */
typedef struct {
  const DlStreamOptions *opts; /* the stream's */
  DlTokenizer *tok;
  DlSentences *sentences; /* with opts->sentences */
  gboolean counting;      /* the stream's input has a counter: places wanted */
} Worker;

/* What a worker prepares of a line it may tokenize: this, then @n
 * DlStreamToken as tokenize() fills them for a line that inherits no
 * sentence start, then their @n places. */
typedef struct {
  guint32 n;
  gboolean after; /* the tokenizer's sentence start after the line */
  gboolean ends;  /* with sentences: the line ends a sentence */
} Prepared;

#define PREPARED_HEAD ((sizeof (Prepared) + 7) & ~(gsize) 7)

static gboolean
is_wanted (const DlStreamOptions *opts, const gboolean langs[DL_LANG_COUNT])
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (langs[l] && opts->langs[l])
      return TRUE;
  return FALSE;
}

void
dl_stream_options_for_counter (DlStreamOptions *opts, const DlCounterOptions *counter,
                               gboolean sentences)
{
  memset (opts, 0, sizeof *opts);
  memcpy (opts->langs, counter->langs, sizeof opts->langs);
  memcpy (opts->kinds, counter->kinds, sizeof opts->kinds);
  opts->sentences = sentences;
}

static gpointer worker_new (gpointer user_data, GError **error);
static void worker_free (gpointer p);
static gpointer worker_begin (gpointer data, GError **error);
static void worker_end (gpointer data, gpointer state);
static void prepare_line (gpointer state, const DlLine *line,
                          const gboolean possible[DL_LANG_COUNT], GByteArray *out);

DlStream *
dl_stream_new (const DlStreamOptions *opts, GError **error)
{
  g_autoptr (DlStream) s = g_new0 (DlStream, 1);
  s->opts = *opts;
  s->prepare = (DlPrepare){ worker_begin, prepare_line, worker_end, s };
  if ((s->tok = dl_tokenizer_new (error)) == NULL)
    return NULL;
  if (opts->sentences && (s->sentences = dl_sentences_new (error)) == NULL)
    return NULL;
  return g_steal_pointer (&s);
}

void
dl_stream_free (DlStream *s)
{
  if (s == NULL)
    return;
  dl_tokenizer_free (s->tok);
  dl_sentences_free (s->sentences);
  dl_normalizer_free (s->norm);
  dl_document_free (s->doc); /* before the workers' tools it uses */
  dl_index_lines_free (s->spare_lines);
  dl_pool_states_free (s->workers);
  g_free (s->path);
  g_free (s->tokens);
  g_free (s->places);
  g_free (s->counted);
  g_free (s);
}

void
dl_stream_restrict (DlStream *s, const guint64 *ranges, guint n)
{
  if (s->doc != NULL)
    dl_document_restrict (s->doc, ranges, n);
}

DlIndexLines *
dl_stream_index_lines (DlStream *s)
{
  return s->doc != NULL ? dl_document_index_lines (s->doc) : NULL;
}

void
dl_stream_lazy_input (DlStream *s)
{
  if (s->doc != NULL)
    dl_document_no_prepare (s->doc);
}

gboolean
dl_stream_open (DlStream *s, const DlInput *input, const DlDocumentOptions *doc_options,
                const DlDiag *diag, DlCounter *counter, GError **error)
{
  g_return_val_if_fail (s != NULL && input != NULL, FALSE);
  if (counter != NULL && s->norm == NULL && (s->norm = dl_normalizer_new (error)) == NULL)
    return FALSE;
  g_clear_pointer (&s->doc, dl_document_free);
  DlDocumentOptions options = *doc_options;
  options.spare_lines = &s->spare_lines;
  if (options.parts != NULL && !s->opts.lazy)
    {
      if (s->workers == NULL)
        s->workers = dl_pool_states_new (worker_new, worker_free, s);
      options.prepare = &s->prepare;
    }
  /* Before the document: the workers it starts look at it. */
  s->counter = counter;
  s->doc = dl_document_open (input, &options, diag, error);
  if (s->doc == NULL)
    {
      s->counter = NULL;
      return FALSE;
    }
  g_free (s->path);
  s->path = g_strdup (input->path);
  s->sentence_ended = FALSE;
  s->last_lang = DL_LANG_COUNT;
  dl_tokenizer_reset (s->tok);
  if (counter != NULL)
    dl_counter_begin_input (counter);
  return TRUE;
}

/* Closes the input: its counter has all its tokens. */
static void
finish (DlStream *s)
{
  g_clear_pointer (&s->doc, dl_document_free);
  if (s->counter != NULL)
    dl_counter_end_input (s->counter, s->norm);
  s->counter = NULL;
}

/* Tokenizes the current line. This runs for every line of the corpus: its
 * per-token loop is kept to a few tests and one counter lookup. */
/* TRUE if word @t may start with a capital (a cheap test before ICU's). */
static gboolean
may_be_capital (const char *text, const DlToken *t)
{
  guchar c = (guchar) text[t->offset];
  return t->kind == DL_TOKEN_WORD && ((c >= 'A' && c <= 'Z') || c >= 0xC3);
}

/* TRUE if tokens @a and @b (@a first) are capitalized words with only
 * spaces between them: two words of one name. */
static gboolean
capital_pair (const char *text, const DlToken *a, const DlToken *b)
{
  gsize gap = a->offset + a->len;
  if (gap == b->offset)
    return FALSE;
  for (; gap < b->offset; gap++)
    if (text[gap] != ' ')
      return FALSE;
  return may_be_capital (text, a) && may_be_capital (text, b)
         && dl_is_capitalized (text + a->offset, a->len)
         && dl_is_capitalized (text + b->offset, b->len);
}

/* TRUE if token @i of the @n tokens @t of a line stands inside a multiword
 * name (`Karabağ Savaşı`, `Birleşmiş Milletler`): its capital is the
 * name's, not evidence that the word alone is a proper noun. */
static gboolean
in_name (const char *text, const DlToken *t, guint n, guint i)
{
  if (!may_be_capital (text, &t[i]))
    return FALSE;
  return (i > 0 && capital_pair (text, &t[i - 1], &t[i]))
         || (i + 1 < n && capital_pair (text, &t[i], &t[i + 1]));
}

/* Room for @n tokens. */
static void
make_room (DlStream *s, guint n)
{
  if (n > s->cap)
    {
      s->cap = MAX (n, 2 * s->cap);
      s->tokens = g_renew (DlStreamToken, s->tokens, s->cap);
      s->places = g_renew (guint8, s->places, s->cap);
    }
}

/* Fills @o and @places with the @n tokens @t of @text, counted as @opts
 * says, their ICU sentence starts from the @n_b @bounds; their places in
 * names only if @counting (a counter asks for them). */
static void
fill_tokens (const DlStreamOptions *opts, const char *text, const DlToken *t, guint n,
             const gsize *bounds, guint n_b, gboolean counting, DlStreamToken *o, guint8 *places)
{
  guint b = 0, a = 0;
  for (guint i = 0; i < n; i++)
    {
      o[i] = (DlStreamToken){ .offset = t[i].offset,
                              .len = t[i].len,
                              .kind = t[i].kind,
                              .form = DL_STREAM_NO_FORM,
                              .sentence_start = t[i].sentence_start };
      places[i] = 0;
      // cppcheck-suppress nullPointer ; bounds is NULL only when n_b is 0
      while (a < n_b && bounds[a] <= t[i].offset)
        a++, o[i].any_start = TRUE;
      if (!opts->kinds[t[i].kind])
        continue;
      o[i].counts = TRUE;
      while (b < n_b && bounds[b] <= t[i].offset)
        b++, o[i].icu_start = TRUE;
      if (counting && in_name (text, t, n, i))
        places[i] = DL_PLACE_IN_NAME;
    }
}

/* Counts the @n @tokens (with their @places) of @text, a line of @lang,
 * into the counter if there is one, their forms set. */
static void
count_tokens (DlStream *s, DlLang lang, const char *text, DlStreamToken *tokens,
              const guint8 *places, guint n)
{
  if (s->counter == NULL)
    return;
  if (n > s->counted_cap)
    {
      s->counted_cap = MAX (n, 2 * s->counted_cap);
      s->counted = g_renew (DlCounterToken, s->counted, s->counted_cap);
    }
  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (tokens[i].counts)
      s->counted[k++]
          = (DlCounterToken){ text + tokens[i].offset, tokens[i].len,
                              (tokens[i].sentence_start ? DL_PLACE_SENTENCE_START : 0) | places[i],
                              0 };
  dl_counter_add_tokens (s->counter, lang, s->counted, k);
  k = 0;
  for (guint i = 0; i < n; i++)
    if (tokens[i].counts)
      tokens[i].form = s->counted[k++].form;
}

/* Makes the @n @tokens (with their @places) the line's, counted. */
static void
line_tokens (DlStream *s, DlStreamToken *tokens, const guint8 *places, guint n)
{
  DlStreamLine *line = &s->line;
  line->tokens = tokens;
  line->n_tokens = n;
  count_tokens (s, line->lang, line->text, tokens, places, n);
}

static gboolean
tokenize (DlStream *s, GError **error)
{
  DlStreamLine *line = &s->line;
  guint n;
  const DlToken *t = dl_tokenizer_line (s->tok, line->text, line->len, &n, error);
  if (t == NULL)
    return FALSE;
  const gsize *bounds = NULL;
  guint n_b = 0;
  if (s->sentences != NULL)
    {
      gboolean ends = FALSE;
      bounds = dl_sentences_line (s->sentences, line->text, line->len, &n_b, &ends, error);
      if (bounds == NULL)
        return FALSE;
      line->icu_start = s->sentence_ended;
      if (ends || n > 0)
        s->sentence_ended = ends;
    }
  make_room (s, n);
  fill_tokens (&s->opts, line->text, t, n, bounds, n_b, s->counter != NULL, s->tokens, s->places);
  line_tokens (s, s->tokens, s->places, n);
  return TRUE;
}

/* The line's tokens as a part worker prepared them (prepare_line), with
 * the sentence start the lines before pass on to it; they are used where
 * they lie. */
static void
take_prepared (DlStream *s, guint8 *prepared)
{
  DlStreamLine *line = &s->line;
  Prepared h;
  memcpy (&h, prepared, sizeof h);
  if (s->sentences != NULL)
    {
      line->icu_start = s->sentence_ended;
      if (h.ends || h.n > 0)
        s->sentence_ended = h.ends;
    }
  /* Only the first token can inherit a sentence start; a line without
   * tokens passes it on. */
  gboolean carried = dl_tokenizer_sentence_start (s->tok);
  dl_tokenizer_set_sentence_start (s->tok, h.n > 0 ? h.after : carried || h.after);
  DlStreamToken *tokens = (DlStreamToken *) (gpointer) (prepared + PREPARED_HEAD);
  if (carried && h.n > 0)
    tokens[0].sentence_start = TRUE;
  line_tokens (s, tokens, (const guint8 *) (tokens + h.n), h.n);
}

/* ---- The part workers (DlPrepare) ---- */

static gpointer
worker_new (gpointer user_data, GError **error)
{
  DlStream *s = user_data;
  Worker *w = g_new0 (Worker, 1);
  w->opts = &s->opts;
  if ((w->tok = dl_tokenizer_new (error)) == NULL
      || (s->opts.sentences && (w->sentences = dl_sentences_new (error)) == NULL))
    {
      worker_free (w);
      return NULL;
    }
  return w;
}

static void
worker_free (gpointer p)
{
  Worker *w = p;
  dl_tokenizer_free (w->tok);
  dl_sentences_free (w->sentences);
  g_free (w);
}

/* The stream's input, and so whether it counts, stays while its parts
 * are read: a worker may look. */
static gpointer
worker_begin (gpointer data, GError **error)
{
  DlStream *s = data;
  Worker *w = dl_pool_states_take (s->workers, error);
  if (w != NULL)
    w->counting = s->counter != NULL;
  return w;
}

static void
worker_end (gpointer data, gpointer state)
{
  DlStream *s = data;
  dl_pool_states_give (s->workers, state);
}

/* Tokenizes a line that may be tokenized, inheriting no sentence start:
 * what tokenize() would do, but counting. Nothing if ICU fails: the
 * stream then tokenizes the line itself, and says so. */
static void
prepare_line (gpointer state, const DlLine *line, const gboolean possible[DL_LANG_COUNT],
              GByteArray *out)
{
  Worker *w = state;
  if (!is_wanted (w->opts, possible))
    return;
  dl_tokenizer_set_sentence_start (w->tok, FALSE);
  guint n, n_b = 0;
  const DlToken *t = dl_tokenizer_line (w->tok, line->text, line->len, &n, NULL);
  if (t == NULL)
    return;
  Prepared h = { n, dl_tokenizer_sentence_start (w->tok), FALSE };
  const gsize *bounds = NULL;
  if (w->sentences != NULL
      && (bounds = dl_sentences_line (w->sentences, line->text, line->len, &n_b, &h.ends, NULL))
             == NULL)
    return;
  gsize at = out->len;
  g_byte_array_set_size (out, (guint) (at + PREPARED_HEAD + n * (sizeof (DlStreamToken) + 1)));
  guint8 *p = out->data + at;
  memcpy (p, &h, sizeof h);
  DlStreamToken *tokens = (DlStreamToken *) (gpointer) (p + PREPARED_HEAD);
  fill_tokens (w->opts, line->text, t, n, bounds, n_b, w->counting, tokens,
               (guint8 *) (tokens + n));
}

/* The next line, tokenized unless @lazy (and a worker did not prepare
 * its tokens): see dl_stream_next and dl_stream_next_lazy. */
static gboolean
next_line (DlStream *s, gboolean lazy, const DlStreamLine **line, gboolean *has_tokens,
           GError **error)
{
  g_return_val_if_fail (s != NULL && line != NULL, FALSE);
  *line = NULL;
  *has_tokens = FALSE;
  if (s->doc == NULL)
    return TRUE;
  g_autoptr (GError) local = NULL;
  DlDocLine dl;
  if (!dl_document_next (s->doc, &dl, &local))
    {
      finish (s);
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  s->line = (DlStreamLine){ .path = s->path,
                            .text = dl.line.text,
                            .len = dl.line.len,
                            .number = dl.line.number,
                            .offset = dl.line.offset,
                            .encoding = dl.line.encoding,
                            .lang = dl.lang,
                            .gap = dl.gap,
                            .block = dl.block,
                            .at = dl.at };
  if (dl.gap)
    {
      /* Lines were skipped: nothing carries over them. */
      dl_tokenizer_reset (s->tok);
      s->sentence_ended = FALSE;
    }
  /* After a change of language a sentence starts (as CQL's `within s`
   * has it), whether the line before was tokenized or not: so the
   * counts of one language (the capitals where none is expected) do not
   * depend on the other languages being counted. */
  if (dl.lang != s->last_lang)
    dl_tokenizer_reset (s->tok);
  s->last_lang = dl.lang;
  if (!s->opts.langs[dl.lang])
    {
      /* Not tokenized: nothing carries over it. */
      dl_tokenizer_reset (s->tok);
    }
  else if (dl.prepared != NULL)
    {
      s->line.tokenized = *has_tokens = TRUE;
      take_prepared (s, dl.prepared);
    }
  else if (lazy)
    s->line.tokenized = TRUE;
  else
    {
      s->line.tokenized = *has_tokens = TRUE;
      if (!tokenize (s, &local))
        {
          finish (s);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  *line = &s->line;
  return TRUE;
}

gboolean
dl_stream_next (DlStream *s, const DlStreamLine **line, GError **error)
{
  gboolean has_tokens;
  return next_line (s, FALSE, line, &has_tokens, error);
}

gboolean
dl_stream_next_lazy (DlStream *s, const DlStreamLine **line, gboolean *has_tokens, GError **error)
{
  g_return_val_if_fail (s != NULL && s->sentences == NULL, FALSE);
  return next_line (s, TRUE, line, has_tokens, error);
}

const DlStreamToken *
dl_stream_tokenize (DlStream *s, DlLang lang, const char *text, gsize len, guint *n_tokens,
                    GError **error)
{
  g_return_val_if_fail (s != NULL && s->sentences == NULL, NULL);
  /* The sentence start the next line inherits stays as it was. */
  gboolean carried = dl_tokenizer_sentence_start (s->tok);
  guint n;
  const DlToken *t = dl_tokenizer_line (s->tok, text, len, &n, error);
  dl_tokenizer_set_sentence_start (s->tok, carried);
  if (t == NULL)
    return NULL;
  /* Room for one at least: NULL is a failure, even for a line without
   * tokens tokenized before any other. */
  make_room (s, MAX (n, 1));
  fill_tokens (&s->opts, text, t, n, NULL, 0, s->counter != NULL, s->tokens, s->places);
  count_tokens (s, lang, text, s->tokens, s->places, n);
  *n_tokens = n;
  return s->tokens;
}
