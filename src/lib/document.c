/* document.c — lines with their language. Line labels are final only a few
 * lines later (the smoother looks ahead), so the lines wait in a small ring. */
#include "config.h"

#include "document.h"

#define RING_SIZE (DL_LANGID_MAX_LAG + 2)

typedef struct {
  GString *text;
  guint64 number;
  guint64 offset;
  const char *encoding;
} Held;

struct _DlDocument {
  DlReader *reader;
  DlDocumentOptions options;
  DlLangid *langid;
  Held ring[RING_SIZE];
  guint head;  /* oldest held line */
  guint count; /* lines held */
  gboolean eof;
  GError *error; /* a read error, given once the held lines are out */
};

DlDocument *
dl_document_open (const DlInput *input, const DlDocumentOptions *options, const DlDiag *diag,
                  GError **error)
{
  DlReader *reader = dl_reader_open (input, options->encoding, diag, options->progress, error);
  if (reader == NULL)
    return NULL;
  DlDocument *doc = g_new0 (DlDocument, 1);
  doc->reader = reader;
  doc->options = *options;
  if (!options->assume)
    {
      doc->langid = dl_langid_new ();
      for (guint i = 0; i < RING_SIZE; i++)
        doc->ring[i].text = g_string_sized_new (128);
    }
  return doc;
}

static void
emit_held (DlDocument *doc, DlLang lang, DlDocLine *out)
{
  g_assert (doc->count > 0);
  Held *h = &doc->ring[doc->head];
  out->line.text = h->text->str;
  out->line.len = h->text->len;
  out->line.number = h->number;
  out->line.offset = h->offset;
  out->line.encoding = h->encoding;
  out->lang = lang;
  doc->head = (doc->head + 1) % RING_SIZE;
  doc->count--;
}

gboolean
dl_document_next (DlDocument *doc, DlDocLine *out, GError **error)
{
  g_return_val_if_fail (doc != NULL && out != NULL, FALSE);
  DlLine line;

  if (doc->options.assume)
    {
      while (dl_reader_next (doc->reader, &line, error))
        if (!dl_line_is_blank (line.text, line.len))
          {
            out->line = line;
            out->lang = doc->options.assume_lang;
            return TRUE;
          }
      return FALSE;
    }

  for (;;)
    {
      DlLang lang;
      if (doc->count > 0 && dl_langid_pop (doc->langid, &lang))
        {
          emit_held (doc, lang, out);
          return TRUE;
        }
      if (doc->eof)
        {
          if (doc->error != NULL)
            g_propagate_error (error, g_steal_pointer (&doc->error));
          return FALSE;
        }
      if (!dl_reader_next (doc->reader, &line, &doc->error))
        {
          doc->eof = TRUE;
          dl_langid_finish (doc->langid);
          continue;
        }
      if (dl_line_is_blank (line.text, line.len))
        {
          dl_langid_push_blank (doc->langid);
          continue;
        }
      g_assert (doc->count < RING_SIZE);
      Held *h = &doc->ring[(doc->head + doc->count) % RING_SIZE];
      g_string_truncate (h->text, 0);
      g_string_append_len (h->text, line.text, line.len);
      h->number = line.number;
      h->offset = line.offset;
      h->encoding = line.encoding;
      doc->count++;
      DlLangEvidence ev;
      dl_langid_score (line.text, line.len, &ev);
      dl_langid_push (doc->langid, &ev);
    }
}

void
dl_document_free (DlDocument *doc)
{
  if (doc == NULL)
    return;
  dl_reader_free (doc->reader);
  if (doc->langid != NULL)
    dl_langid_free (doc->langid);
  for (guint i = 0; i < RING_SIZE; i++)
    if (doc->ring[i].text != NULL)
      g_string_free (doc->ring[i].text, TRUE);
  g_clear_error (&doc->error);
  g_free (doc);
}
