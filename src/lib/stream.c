/* stream.c — document → lines with language → tokens, written once: the
 * tokenizer (reset where a skipped language interrupts the text), ICU
 * sentence starts and counting into a counter, for every command. */
#include "config.h"

#include "stream.h"

#include <string.h>

#include "normalize.h"
#include "sentences.h"

struct _DlStream {
  DlStreamOptions opts;
  DlTokenizer *tok;
  DlSentences *sentences; /* with opts.sentences */
  DlNormalizer *norm;     /* made for the first input with a counter */

  /* The input being read. */
  DlDocument *doc; /* NULL once it is over */
  DlCounter *counter;
  char *path;
  gboolean sentence_ended; /* by the tokenized lines before */
  DlStreamLine line;
  DlStreamToken *tokens;
  guint cap; /* room in tokens */
};

void
dl_stream_options_for_counter (DlStreamOptions *opts, const DlCounterOptions *counter,
                               gboolean sentences)
{
  memset (opts, 0, sizeof *opts);
  memcpy (opts->langs, counter->langs, sizeof opts->langs);
  memcpy (opts->kinds, counter->kinds, sizeof opts->kinds);
  opts->sentences = sentences;
}

DlStream *
dl_stream_new (const DlStreamOptions *opts, GError **error)
{
  g_autoptr (DlStream) s = g_new0 (DlStream, 1);
  s->opts = *opts;
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
  dl_document_free (s->doc);
  g_free (s->path);
  g_free (s->tokens);
  g_free (s);
}

gboolean
dl_stream_open (DlStream *s, const DlInput *input, const DlDocumentOptions *doc_options,
                const DlDiag *diag, DlCounter *counter, GError **error)
{
  g_return_val_if_fail (s != NULL && input != NULL, FALSE);
  if (counter != NULL && s->norm == NULL && (s->norm = dl_normalizer_new (error)) == NULL)
    return FALSE;
  g_clear_pointer (&s->doc, dl_document_free);
  s->counter = NULL;
  s->doc = dl_document_open (input, doc_options, diag, error);
  if (s->doc == NULL)
    return FALSE;
  g_free (s->path);
  s->path = g_strdup (input->path);
  s->counter = counter;
  s->sentence_ended = FALSE;
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
  if (n > s->cap)
    {
      s->cap = MAX (n, 2 * s->cap);
      s->tokens = g_renew (DlStreamToken, s->tokens, s->cap);
    }
  guint b = 0;
  for (guint i = 0; i < n; i++)
    {
      DlStreamToken *o = &s->tokens[i];
      *o = (DlStreamToken){ .offset = t[i].offset,
                            .len = t[i].len,
                            .kind = t[i].kind,
                            .form = DL_STREAM_NO_FORM,
                            .sentence_start = t[i].sentence_start };
      if (!s->opts.kinds[t[i].kind])
        continue;
      o->counts = TRUE;
      while (b < n_b && bounds[b] <= t[i].offset)
        b++, o->icu_start = TRUE;
      if (s->counter != NULL)
        o->form = dl_counter_add (s->counter, line->lang, line->text + t[i].offset, t[i].len,
                                  (t[i].sentence_start ? DL_PLACE_SENTENCE_START : 0)
                                      | (in_name (line->text, t, n, i) ? DL_PLACE_IN_NAME : 0));
    }
  line->tokens = s->tokens;
  line->n_tokens = n;
  return TRUE;
}

gboolean
dl_stream_next (DlStream *s, const DlStreamLine **line, GError **error)
{
  g_return_val_if_fail (s != NULL && line != NULL, FALSE);
  *line = NULL;
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
                            .lang = dl.lang };
  if (!s->opts.langs[dl.lang])
    {
      /* Not tokenized; after a language switch a sentence starts. */
      dl_tokenizer_reset (s->tok);
    }
  else
    {
      s->line.tokenized = TRUE;
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
