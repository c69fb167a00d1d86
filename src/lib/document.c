/* document.c — lines with their language. Line labels are final only a few
 * lines later (the smoother looks ahead), so the lines wait in a small ring:
 * copies of the reader's lines, or the lines of parts read by workers
 * (parts.h), which the part reader keeps long enough. */
#include "config.h"

#include "document.h"

#include "index.h"

#define RING_SIZE (DL_LANGID_MAX_LAG + 2)
G_STATIC_ASSERT (RING_SIZE < DL_PARTS_KEEP); /* a held line's text in a part stays */

typedef struct {
  GString *text;       /* a copy of a line the reader gave */
  const char *in_part; /* or its text in a part (parts.h): no copy */
  gsize len;
  guint64 number;
  guint64 offset;
  const char *encoding;
  guint8 *prepared;
} Held;

struct _DlDocument {
  DlIndexLines *replay;  /* an index's input: its lines as the build had them */
  DlInput replay_input;  /* its index and entry (not owned) */
  GArray *replay_ranges; /* dl_document_restrict's, or NULL: every block */
  gboolean replay_begun; /* a line was asked for: its parts are cut */
  guint64 replayed;      /* input bytes counted in the progress so far */
  gint64 replay_size;
  DlReader *reader;
  DlPartReader *parts; /* reads the input instead of reader (which it took) */
  DlDocumentOptions options;
  DlLangid *langid;
  Held ring[RING_SIZE];
  guint head;  /* oldest held line */
  guint count; /* lines held */
  gboolean eof;
  GError *error; /* a read error, given once the held lines are out */
};

/* A document of an index's input: no reader, no language identification. */
static DlDocument *
open_replay (const DlInput *input, const DlDocumentOptions *options, const DlDiag *diag,
             GError **error)
{
  /* What reading it said at the build, said again. */
  dl_index_replay_notes (input->index, input->entry, diag, input->path);
  DlIndexLines *lines = options->spare_lines != NULL ? *options->spare_lines : NULL;
  if (lines != NULL)
    {
      *options->spare_lines = NULL;
      if (!dl_index_lines_reopen (lines, input->index, input->entry, error))
        {
          *options->spare_lines = lines;
          return NULL;
        }
    }
  else if ((lines = dl_index_lines_open (input->index, input->entry, error)) == NULL)
    return NULL;
  DlDocument *doc = g_new0 (DlDocument, 1);
  doc->replay = lines;
  doc->replay_input = (DlInput){ .index = input->index, .entry = input->entry };
  doc->replay_size = dl_input_size (input);
  doc->options = *options;
  return doc;
}

/* Cuts the blocks to replay in parts for the workers, if they are many:
 * once a line is asked for, when the blocks wanted are known. */
static void
begin_replay (DlDocument *doc)
{
  doc->replay_begun = TRUE;
  const GArray *r = doc->replay_ranges;
  if (doc->options.parts == NULL || (r != NULL && r->len == 0))
    return;
  doc->parts = dl_part_reader_new_index (doc->options.parts, &doc->replay_input,
                                         r != NULL ? (const guint64 *) (gpointer) r->data : NULL,
                                         r != NULL ? r->len / 2 : 0, doc->options.assume,
                                         doc->options.assume_lang, doc->options.prepare);
}

/* The next line of an index's input, from its reader or its parts. */
static gboolean
next_index_line (DlDocument *doc, DlIndexLine *line, guint8 **prepared, GError **error)
{
  *prepared = NULL;
  if (doc->parts == NULL)
    return dl_index_lines_next (doc->replay, line, error);
  DlPartLine pl;
  if (!dl_part_reader_next (doc->parts, &pl, error))
    return FALSE;
  *line
      = (DlIndexLine){ pl.line.text, pl.line.len, pl.line.number, pl.line.offset, pl.line.encoding,
                       pl.lang,      pl.gap,      pl.block,       pl.at };
  *prepared = pl.prepared;
  return TRUE;
}

/* The next line of an index's input. */
static gboolean
next_replayed (DlDocument *doc, DlDocLine *out, GError **error)
{
  DlIndexLine line;
  guint8 *prepared;
  if (!doc->replay_begun)
    begin_replay (doc);
  if (!next_index_line (doc, &line, &prepared, error))
    {
      if (doc->options.progress != NULL && doc->replay_size > (gint64) doc->replayed)
        dl_progress_add_bytes (doc->options.progress, (guint64) doc->replay_size - doc->replayed);
      doc->replayed = G_MAXUINT64;
      return FALSE;
    }
  if (doc->options.progress != NULL && line.offset > doc->replayed)
    {
      dl_progress_add_bytes (doc->options.progress, line.offset - doc->replayed);
      doc->replayed = line.offset;
    }
  out->line.text = line.text;
  out->line.len = line.len;
  out->line.number = line.number;
  out->line.offset = line.offset;
  out->line.encoding = line.encoding;
  out->lang = doc->options.assume ? doc->options.assume_lang : line.lang;
  out->prepared = prepared;
  out->gap = line.gap;
  out->block = line.block;
  out->at = line.at;
  return TRUE;
}

void
dl_document_restrict (DlDocument *doc, const guint64 *ranges, guint n)
{
  if (doc->replay == NULL)
    return;
  g_return_if_fail (!doc->replay_begun);
  dl_index_lines_restrict (doc->replay, ranges, n);
  if (doc->replay_ranges == NULL)
    doc->replay_ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_set_size (doc->replay_ranges, 0);
  g_array_append_vals (doc->replay_ranges, ranges, 2 * n);
}

DlIndexLines *
dl_document_index_lines (DlDocument *doc)
{
  return doc->replay != NULL && !doc->replay_begun ? doc->replay : NULL;
}

void
dl_document_no_prepare (DlDocument *doc)
{
  if (doc->replay != NULL && !doc->replay_begun)
    doc->options.prepare = NULL;
}

DlDocument *
dl_document_open (const DlInput *input, const DlDocumentOptions *options, const DlDiag *diag,
                  GError **error)
{
  if (input->index != NULL)
    return open_replay (input, options, diag, error);
  DlReader *reader = dl_reader_open (input, options->encoding, diag, options->progress, error);
  if (reader == NULL)
    return NULL;
  DlDocument *doc = g_new0 (DlDocument, 1);
  if (options->parts != NULL)
    {
      g_autoptr (GError) local = NULL;
      doc->parts = dl_part_reader_new (options->parts, reader, input, options->assume,
                                       options->assume_lang, options->prepare, diag,
                                       options->progress, &local);
      if (local != NULL)
        {
          dl_reader_free (reader);
          g_free (doc);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  doc->reader = doc->parts != NULL ? NULL : reader;
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
  out->line.text = h->in_part != NULL ? h->in_part : h->text->str;
  out->line.len = h->len;
  out->prepared = h->prepared;
  out->line.number = h->number;
  out->line.offset = h->offset;
  out->line.encoding = h->encoding;
  out->lang = lang;
  doc->head = (doc->head + 1) % RING_SIZE;
  doc->count--;
}

/* The next line of the input: from the reader, or read in parts with its
 * evidence scored (unless the language is assumed) and its work prepared. */
static gboolean
read_line (DlDocument *doc, DlPartLine *pl, GError **error)
{
  if (doc->parts != NULL)
    return dl_part_reader_next (doc->parts, pl, error);
  if (!dl_reader_next (doc->reader, &pl->line, error))
    return FALSE;
  pl->blank = dl_line_is_blank (pl->line.text, pl->line.len);
  pl->prepared = NULL;
  if (!pl->blank && !doc->options.assume)
    dl_langid_score (pl->line.text, pl->line.len, &pl->evidence);
  return TRUE;
}

gboolean
dl_document_next (DlDocument *doc, DlDocLine *out, GError **error)
{
  g_return_val_if_fail (doc != NULL && out != NULL, FALSE);
  DlPartLine pl;

  out->gap = FALSE;
  out->block = out->at = 0;
  if (doc->replay != NULL)
    return next_replayed (doc, out, error);

  if (doc->options.assume)
    {
      while (read_line (doc, &pl, error))
        if (!pl.blank)
          {
            out->line = pl.line;
            out->lang = doc->options.assume_lang;
            out->prepared = pl.prepared;
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
      if (!read_line (doc, &pl, &doc->error))
        {
          doc->eof = TRUE;
          dl_langid_finish (doc->langid);
          continue;
        }
      if (pl.blank)
        {
          dl_langid_push_blank (doc->langid);
          continue;
        }
      g_assert (doc->count < RING_SIZE);
      Held *h = &doc->ring[(doc->head + doc->count) % RING_SIZE];
      if (doc->parts != NULL)
        h->in_part = pl.line.text; /* kept DL_PARTS_KEEP non-blank lines, more than the ring */
      else
        {
          h->in_part = NULL;
          g_string_truncate (h->text, 0);
          g_string_append_len (h->text, pl.line.text, pl.line.len);
        }
      h->len = pl.line.len;
      h->number = pl.line.number;
      h->offset = pl.line.offset;
      h->encoding = pl.line.encoding;
      h->prepared = pl.prepared;
      doc->count++;
      dl_langid_push (doc->langid, &pl.evidence);
    }
}

void
dl_document_free (DlDocument *doc)
{
  if (doc == NULL)
    return;
  DlIndexLines **spare = doc->options.spare_lines;
  if (spare != NULL && *spare == NULL)
    *spare = g_steal_pointer (&doc->replay);
  dl_index_lines_free (doc->replay);
  if (doc->replay_ranges != NULL)
    g_array_unref (doc->replay_ranges);
  dl_part_reader_free (doc->parts);
  dl_reader_free (doc->reader);
  if (doc->langid != NULL)
    dl_langid_free (doc->langid);
  for (guint i = 0; i < RING_SIZE; i++)
    if (doc->ring[i].text != NULL)
      g_string_free (doc->ring[i].text, TRUE);
  g_clear_error (&doc->error);
  g_free (doc);
}
