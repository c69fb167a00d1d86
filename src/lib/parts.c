/* parts.c — a file read in parts by worker threads. Each part keeps its
 * lines' text, evidence and prepared work in three growing buffers (text
 * and prepared work are found by offset while the part grows); the reader
 * of the file hands the lines out in order once a part is done, and frees
 * a part once DL_PARTS_KEEP non-blank lines after its last were read. A few parts
 * are read ahead, so memory holds a few parts whatever the file's size.
 * An index's input is cut the same way, at its blocks. */
#include "config.h"

#include "parts.h"

#include "index.h"

struct _DlParts {
  GThreadPool *pool;
  guint threads;
  guint64 size;
};

/* A line of a part, its text and prepared work by offset. */
typedef struct {
  gsize text;
  gsize len;
  guint64 number;
  guint64 offset;
  const char *encoding; /* an index's line's; NULL: UTF-8 */
  gboolean blank;
  DlLangEvidence evidence;
  gsize prepared;    /* offset + 1 in the part's prepared work, or 0: none */
  DlLang lang;       /* an index's line's */
  gboolean gap;      /* an index's line: lines were skipped before it */
  guint64 block, at; /* an index's line's */
} PartLine;

/* A note or warning of the part's reader, given when the line it came
 * with (@index of the part's lines) is read. */
typedef struct {
  DlDiagLevel level;
  guint64 line;
  char *message;
  guint index;
} Said;

typedef struct {
  DlPartReader *pr;
  guint index;
  DlReaderPart range;
  GByteArray *text;
  GArray *lines; /* of PartLine */
  GByteArray *prepared;
  GArray *said; /* of Said */
  GError *error;
  DlReader *reader;     /* that read the part, kept for its buffers */
  DlIndexLines *replay; /* or that read the part of an index's input, alike */
  gboolean done;        /* under pr->lock */
  guint64 after;        /* once read: the file's non-blank lines read by then */
} Part;

struct _DlPartReader {
  DlParts *parts;
  DlReader *first; /* reads the first part */
  DlInput input;   /* its strings owned */
  gboolean assume;
  DlLang assume_lang;
  gboolean has_prepare;
  DlPrepare prepare;
  const DlDiag *diag;
  DlProgress *progress;

  GArray *ranges; /* of DlReaderPart (a file), or NULL */
  GArray *blocks; /* of BlockPart (an index's input), or NULL */
  GArray *pairs;  /* the blocks' [from, to) pairs, guint64 */
  guint n_parts;
  Part **part; /* by index; NULL before it is given to a worker and once read */
  guint submitted;
  guint current; /* the part being read */
  guint next;    /* its next line */
  guint said;    /* its next Said */
  guint64 read;  /* non-blank lines of the file read */
  GQueue kept;   /* parts read, kept for DL_PARTS_KEEP lines */
  GQueue spare;  /* parts done with, their buffers kept for the next */
  gboolean warned[DL_DIAG_ERROR + 1];
  gboolean over;

  GMutex lock;
  GCond cond;
  guint running; /* parts given to workers and not done */
  gint cancel;
};

/* A part of an index's input: @n pairs of blocks from pair @first. */
typedef struct {
  guint first, n;
  gboolean gap;  /* blocks were skipped before it */
  guint64 bytes; /* of its blocks (more than their lines' text) */
} BlockPart;

/* Parts a file has read ahead by the workers of @threads. */
static guint
ahead (const DlParts *parts)
{
  return 2 * parts->threads;
}

static void part_work (gpointer data, gpointer user_data);

DlParts *
dl_parts_new (guint threads)
{
  g_return_val_if_fail (threads >= 2, NULL);
  DlParts *parts = g_new0 (DlParts, 1);
  parts->threads = threads;
  parts->size = DL_PARTS_SIZE;
  parts->pool = g_thread_pool_new (part_work, parts, (gint) threads, FALSE, NULL);
  return parts;
}

void
dl_parts_set_size (DlParts *parts, guint64 size)
{
  g_return_if_fail (parts != NULL && size > 0);
  parts->size = size;
}

void
dl_parts_free (DlParts *parts)
{
  if (parts == NULL)
    return;
  g_thread_pool_free (parts->pool, FALSE, TRUE);
  g_free (parts);
}

static void
part_free (Part *p)
{
  if (p == NULL)
    return;
  g_byte_array_unref (p->text);
  g_array_unref (p->lines);
  g_byte_array_unref (p->prepared);
  for (guint i = 0; i < p->said->len; i++)
    g_free (g_array_index (p->said, Said, i).message);
  g_array_unref (p->said);
  g_clear_error (&p->error);
  dl_reader_free (p->reader);
  dl_index_lines_free (p->replay);
  g_free (p);
}

static void
capture (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  (void) file;
  Part *p = user_data;
  Said s = { level, line, g_strdup (message), p->lines->len };
  g_array_append_val (p->said, s);
}

/* Appends @line to @p: scored unless its language is @known (an index's
 * line) or assumed, and prepared with @state. */
static void
take_line (Part *p, gpointer state, const DlLine *line, DlLang known, const DlIndexLine *il)
{
  DlPartReader *pr = p->pr;
  PartLine pl = { .text = p->text->len,
                  .len = line->len,
                  .number = line->number,
                  .offset = line->offset,
                  .encoding = line->encoding,
                  .lang = known,
                  .gap = il != NULL && il->gap,
                  .block = il != NULL ? il->block : 0,
                  .at = il != NULL ? il->at : 0 };
  g_byte_array_append (p->text, (const guint8 *) line->text, (guint) line->len);
  pl.blank = known == DL_LANG_COUNT && dl_line_is_blank (line->text, line->len);
  if (!pl.blank)
    {
      gboolean possible[DL_LANG_COUNT] = { FALSE };
      if (pr->assume)
        possible[pr->assume_lang] = TRUE;
      else if (known != DL_LANG_COUNT)
        possible[known] = TRUE;
      else
        {
          dl_langid_score (line->text, line->len, &pl.evidence);
          possible[DL_LANG_OTHER] = pl.evidence.other;
          possible[DL_LANG_TR] = possible[DL_LANG_EN] = !pl.evidence.other;
        }
      if (pr->has_prepare)
        {
          /* Aligned for whatever the work holds. */
          gsize at = (p->prepared->len + 7) & ~(gsize) 7;
          g_byte_array_set_size (p->prepared, (guint) at);
          pr->prepare.line (state, line, possible, p->prepared);
          if (p->prepared->len > at)
            pl.prepared = at + 1;
        }
    }
  g_array_append_val (p->lines, pl);
}

/* TRUE if the reading of the parts is being stopped: checked every 1,024
 * lines of a part. */
static gboolean
cancelled (const Part *p)
{
  return (p->lines->len & 1023) == 0 && g_atomic_int_get (&p->pr->cancel);
}

/* Reads part @p of a file: its lines, their evidence and prepared work. */
static void
read_file_part (Part *p, gpointer state, DlReader *r)
{
  DlLine line;
  while (dl_reader_next (r, &line, &p->error))
    {
      take_line (p, state, &line, DL_LANG_COUNT, NULL);
      if (cancelled (p))
        break;
    }
}

/* Reads part @p of an index's input: its lines with their languages, and
 * their prepared work. */
static void
read_index_part (Part *p, gpointer state)
{
  DlPartReader *pr = p->pr;
  if (p->replay == NULL
      && (p->replay = dl_index_lines_open (pr->input.index, pr->input.entry, &p->error)) == NULL)
    return;
  const BlockPart *bp = &g_array_index (pr->blocks, BlockPart, p->index);
  /* Room for its lines at once: grown a line at a time, the text was
   * copied at each doubling (a fifth of a search for a rare word). */
  g_assert (p->text->len == 0);
  if (bp->bytes < G_MAXUINT)
    {
      g_byte_array_set_size (p->text, (guint) bp->bytes);
      g_byte_array_set_size (p->text, 0);
    }
  dl_index_lines_part (p->replay, &g_array_index (pr->pairs, guint64, 2 * (gsize) bp->first), bp->n,
                       bp->gap, p->index + 1 == pr->n_parts);
  DlIndexLine il;
  while (dl_index_lines_next (p->replay, &il, &p->error))
    {
      DlLine line = { il.text, il.len, il.number, il.offset, il.encoding };
      take_line (p, state, &line, il.lang, &il);
      if (cancelled (p))
        break;
    }
}

/* Reads part @p: its lines, their evidence and prepared work. */
static void
read_part (Part *p)
{
  DlPartReader *pr = p->pr;
  g_autoptr (DlDiag) said = dl_diag_new (capture, p);
  DlReader *r = pr->first;
  if (pr->blocks != NULL)
    r = NULL;
  else if (p->index == 0)
    dl_reader_set_diag (r, said);
  else
    {
      r = p->reader = dl_reader_open_part (&pr->input, &p->range, g_steal_pointer (&p->reader),
                                           said, pr->progress, &p->error);
      if (r == NULL)
        return;
    }
  gpointer state = NULL;
  if (!pr->has_prepare || (state = pr->prepare.begin (pr->prepare.data, &p->error)) != NULL)
    {
      if (r != NULL)
        read_file_part (p, state, r);
      else
        read_index_part (p, state);
      if (pr->has_prepare)
        pr->prepare.end (pr->prepare.data, state);
    }
  if (r != NULL)
    dl_reader_set_diag (r, NULL); /* @said goes now */
}

static void
part_work (gpointer data, gpointer user_data)
{
  (void) user_data;
  Part *p = data;
  DlPartReader *pr = p->pr;
  if (!g_atomic_int_get (&pr->cancel))
    read_part (p);
  g_mutex_lock (&pr->lock);
  p->done = TRUE;
  pr->running--;
  g_cond_broadcast (&pr->cond);
  g_mutex_unlock (&pr->lock);
}

/* Gives the workers the parts up to ahead() past the one being read. */
static void
submit (DlPartReader *pr)
{
  while (pr->submitted < pr->n_parts && pr->submitted < pr->current + ahead (pr->parts))
    {
      Part *p = g_queue_pop_head (&pr->spare);
      if (p == NULL)
        {
          p = g_new0 (Part, 1);
          p->text = g_byte_array_sized_new (4096); /* data never NULL: a part of empty lines */
          p->lines = g_array_new (FALSE, FALSE, sizeof (PartLine));
          p->prepared = g_byte_array_new ();
          p->said = g_array_new (FALSE, FALSE, sizeof (Said));
        }
      p->pr = pr;
      p->index = pr->submitted;
      if (pr->ranges != NULL)
        p->range = g_array_index (pr->ranges, DlReaderPart, pr->submitted);
      pr->part[pr->submitted++] = p;
      g_mutex_lock (&pr->lock);
      pr->running++;
      g_mutex_unlock (&pr->lock);
      g_thread_pool_push (pr->parts->pool, p, NULL);
    }
}

/* A reader of @input in parts, none given to the workers yet. */
static DlPartReader *
reader_new (DlParts *parts, const DlInput *input, gboolean assume, DlLang assume_lang,
            const DlPrepare *prepare, const DlDiag *diag, DlProgress *progress)
{
  DlPartReader *pr = g_new0 (DlPartReader, 1);
  pr->parts = parts;
  pr->input = *input;
  pr->input.path = g_strdup (input->path);
  pr->input.spool = g_strdup (input->spool);
  if (input->index != NULL)
    pr->input.index = dl_index_ref (input->index);
  pr->assume = assume;
  pr->assume_lang = assume_lang;
  if (prepare != NULL)
    {
      pr->has_prepare = TRUE;
      pr->prepare = *prepare;
    }
  pr->diag = diag;
  pr->progress = progress;
  g_queue_init (&pr->kept);
  g_queue_init (&pr->spare);
  g_mutex_init (&pr->lock);
  g_cond_init (&pr->cond);
  return pr;
}

DlPartReader *
dl_part_reader_new (DlParts *parts, DlReader *reader, const DlInput *input, gboolean assume,
                    DlLang assume_lang, const DlPrepare *prepare, const DlDiag *diag,
                    DlProgress *progress, GError **error)
{
  g_return_val_if_fail (parts != NULL && reader != NULL && input != NULL, NULL);
  GArray *ranges = dl_reader_split (reader, parts->size, error);
  if (ranges == NULL)
    return NULL;
  DlPartReader *pr = reader_new (parts, input, assume, assume_lang, prepare, diag, progress);
  pr->first = reader;
  pr->ranges = ranges;
  pr->n_parts = ranges->len;
  pr->part = g_new0 (Part *, pr->n_parts);
  submit (pr);
  return pr;
}

/* Cuts the blocks @ranges (@n pairs) of @input into parts of @size bytes
 * of text or more (the last up to twice as long), into @pr: the bytes of
 * text of them all. */
static guint64
split_blocks (DlPartReader *pr, const DlInput *input, const guint64 *ranges, guint n, guint64 size)
{
  pr->blocks = g_array_new (FALSE, FALSE, sizeof (BlockPart));
  pr->pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  BlockPart *open = NULL;
  guint64 total = 0, end = 0; /* end: the block after the last one taken */
  for (guint i = 0; i < n; i++)
    for (guint64 b = ranges[2 * i]; b < ranges[2 * i + 1]; b++)
      {
        if (open == NULL)
          {
            BlockPart bp = { pr->pairs->len / 2, 0, b != end, 0 };
            g_array_append_val (pr->blocks, bp);
            open = &g_array_index (pr->blocks, BlockPart, pr->blocks->len - 1);
          }
        if (open->n > 0 && b == end)
          g_array_index (pr->pairs, guint64, pr->pairs->len - 1) = b + 1;
        else
          {
            guint64 pair[2] = { b, b + 1 };
            g_array_append_vals (pr->pairs, pair, 2);
            open->n++;
          }
        end = b + 1;
        guint64 text = dl_index_block_bytes (input->index, input->entry, b);
        open->bytes += text;
        total += text;
        if (open->bytes >= size)
          open = NULL;
      }
  /* A short last part goes with the one before, as a file's does. */
  if (open != NULL && pr->blocks->len >= 2)
    {
      BlockPart *before = &g_array_index (pr->blocks, BlockPart, pr->blocks->len - 2);
      before->n += open->n;
      before->bytes += open->bytes;
      g_array_set_size (pr->blocks, pr->blocks->len - 1);
    }
  pr->n_parts = pr->blocks->len;
  return total;
}

DlPartReader *
dl_part_reader_new_index (DlParts *parts, const DlInput *input, const guint64 *ranges, guint n,
                          gboolean assume, DlLang assume_lang, const DlPrepare *prepare)
{
  g_return_val_if_fail (parts != NULL && input != NULL && input->index != NULL, NULL);
  guint64 all[2] = { 0, dl_index_input_blocks (input->index, input->entry) };
  if (ranges == NULL)
    {
      ranges = all;
      n = 1;
    }
  g_autoptr (DlPartReader) pr = reader_new (parts, input, assume, assume_lang, prepare, NULL, NULL);
  guint64 total = split_blocks (pr, input, ranges, n, parts->size);
  /* Without work to prepare, a part is only decompressed: a few parts
   * (a rare word's blocks) are read faster by one thread, whose one
   * buffer is not fresh memory for each part (kwic abalka over the 1 GB
   * one-file index, 44 blocks, 11 MB: 0.81 x the time of parts). */
  if (pr->n_parts < 2 || (prepare == NULL && total < 16 * parts->size))
    return NULL;
  pr->part = g_new0 (Part *, pr->n_parts);
  submit (pr);
  return g_steal_pointer (&pr);
}

/* Gives what the part's reader said with its lines up to @index, as the
 * reader of the whole file would have: a part's reader warns about
 * invalid UTF-8 once and notes a long line once, which the whole file's
 * does once in all. */
static void
replay (DlPartReader *pr, const Part *p, guint index)
{
  for (; pr->said < p->said->len; pr->said++)
    {
      const Said *s = &g_array_index (p->said, Said, pr->said);
      if (s->index > index)
        break;
      if (pr->warned[s->level])
        continue;
      pr->warned[s->level] = TRUE;
      dl_diag_report (pr->diag, s->level, pr->input.path, s->line, "%s", s->message);
    }
}

/* Puts the parts read whose lines are no longer kept aside for reuse:
 * their buffers, grown to a part's size, are taken again as they are. */
static void
release (DlPartReader *pr)
{
  Part *p;
  while ((p = g_queue_peek_head (&pr->kept)) != NULL && pr->read - p->after >= DL_PARTS_KEEP)
    {
      g_queue_pop_head (&pr->kept);
      g_byte_array_set_size (p->text, 0);
      g_array_set_size (p->lines, 0);
      g_byte_array_set_size (p->prepared, 0);
      for (guint i = 0; i < p->said->len; i++)
        g_free (g_array_index (p->said, Said, i).message);
      g_array_set_size (p->said, 0);
      g_clear_error (&p->error);
      p->done = FALSE;
      g_queue_push_tail (&pr->spare, p);
    }
}

gboolean
dl_part_reader_next (DlPartReader *pr, DlPartLine *out, GError **error)
{
  g_return_val_if_fail (pr != NULL && out != NULL, FALSE);
  while (!pr->over)
    {
      Part *p = pr->part[pr->current];
      g_mutex_lock (&pr->lock);
      while (!p->done)
        g_cond_wait (&pr->cond, &pr->lock);
      g_mutex_unlock (&pr->lock);
      if (pr->next < p->lines->len)
        {
          replay (pr, p, pr->next);
          const PartLine *pl = &g_array_index (p->lines, PartLine, pr->next++);
          out->line = (DlLine){ (const char *) p->text->data + pl->text, pl->len, pl->number,
                                pl->offset, pl->encoding };
          out->blank = pl->blank;
          out->lang = pl->lang;
          out->gap = pl->gap;
          out->block = pl->block;
          out->at = pl->at;
          out->evidence = pl->evidence;
          out->prepared = pl->prepared > 0 ? p->prepared->data + pl->prepared - 1 : NULL;
          pr->read += !pl->blank;
          release (pr);
          return TRUE;
        }
      replay (pr, p, G_MAXUINT);
      if (p->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&p->error));
          pr->over = TRUE;
          return FALSE;
        }
      p->after = pr->read;
      g_queue_push_tail (&pr->kept, p);
      pr->part[pr->current++] = NULL;
      pr->next = pr->said = 0;
      if (pr->current == pr->n_parts)
        pr->over = TRUE;
      else
        submit (pr);
    }
  return FALSE;
}

void
dl_part_reader_free (DlPartReader *pr)
{
  if (pr == NULL)
    return;
  g_atomic_int_set (&pr->cancel, 1);
  g_mutex_lock (&pr->lock);
  while (pr->running > 0)
    g_cond_wait (&pr->cond, &pr->lock);
  g_mutex_unlock (&pr->lock);
  for (guint i = 0; pr->part != NULL && i < pr->n_parts; i++)
    part_free (pr->part[i]);
  g_queue_clear_full (&pr->kept, (GDestroyNotify) part_free);
  g_queue_clear_full (&pr->spare, (GDestroyNotify) part_free);
  g_free (pr->part);
  if (pr->ranges != NULL)
    g_array_unref (pr->ranges);
  if (pr->blocks != NULL)
    g_array_unref (pr->blocks);
  if (pr->pairs != NULL)
    g_array_unref (pr->pairs);
  dl_reader_free (pr->first);
  dl_index_unref (pr->input.index);
  g_free (pr->input.path);
  g_free (pr->input.spool);
  g_mutex_clear (&pr->lock);
  g_cond_clear (&pr->cond);
  g_free (pr);
}
