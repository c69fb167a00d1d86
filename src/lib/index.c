/* index.c — NAME.dlx written and read (index.h).
 *
 * A segment file:
 *   block 0 | block 1 | ... | table of contents | trailer (TRAILER_SIZE)
 * A block is a zstd frame of whole lines of one input, each line
 *   zigzag(number - previous) zigzag(offset - previous) varint(len)
 *   byte(lang | encoding << 2) text
 * (the first line of a block is relative to 0, so a block reads alone).
 * After an input's blocks come the chunks of its postings (each folded
 * form's blocks, as varint gaps from the previous block + 1, one form
 * after another) and a frame of its counts (counter.h). After every
 * input's come the segment's lexicon (per language, the folded forms of
 * all its inputs' words, each once, in byte order, front-coded in pages)
 * and then, per input, its table of words (per language, the numbers of
 * its forms in the lexicon as gaps, each with its number of blocks and
 * the bytes of their gaps, in pages) and that table's directory.
 * The table of contents is a zstd frame of the inputs (path, size, line
 * counts, blocks, encodings, how reading ended, where its counts and
 * postings are), the blocks (offset, sizes, CRC-32 of the compressed
 * bytes, lines, tokens by language, columns), the lexicon's pages (with
 * their first forms) and each input's table. The trailer holds a magic,
 * the version, where the table is and its CRC, and its own CRC.
 *
 * The manifest is text: "derlem-index 5", one "segment NAME SIZE CRC"
 * line per segment (CRC of its trailer), at most one "meta NAME SIZE CRC"
 * line (CRC of the whole table), and "end CRC" over the lines before. */
#include "config.h"

#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include "decode.h"
#include "error.h"
#include "i18n.h"
#include "lexicon.h"
#include "number.h"
#include "prefetch.h"
#include "spill.h"
#include "tempfiles.h"
#include "varint.h"
#include "wordsbuild.h"

#define TRAILER_MAGIC "DLXSEG\r\n"
#define TRAILER_SIZE 40
#define BLOCK_TARGET ((gsize) 256 << 10)
#define BLOCK_MAX ((gsize) 32 << 20)   /* a block's lines: BLOCK_TARGET + one line */
#define TOC_MAX ((gsize) 1 << 30)      /* a table of contents, uncompressed */
#define MANIFEST_MAX ((gsize) 1 << 20) /* bytes */
#define ZSTD_LEVEL 3
#define PIECE_MEMORY ((gsize) 8 << 20) /* a piece's blocks kept in memory */
#define PACKER_BLOCKS 32               /* an input's blocks for a packer (8 MiB) */
#define MAX_ENCODINGS 63
/* A page's forms, made whole: far more than a page of 32 KiB can hold
 * but for a forged one (each form may repeat the previous one's bytes). */
#define PAGE_FORMS_MAX ((guint64) 64 << 20)
#define POSTINGS_CHUNK ((gsize) 64 << 10) /* the postings' frames, uncompressed */
/* A page of a lexicon and of an input's table of words, uncompressed:
 * the size aimed at, and the most a reader takes. */
#define LEX_PAGE ((gsize) 32 << 10)
#define LEX_PAGE_MAX ((gsize) 16 << 20)
#define IDS_PAGE ((gsize) 16 << 10)
#define IDS_PAGE_MAX ((gsize) 16 << 20)
#define HOLDERS_PAGE_MAX ((gsize) 256 << 20)
/* A form's inputs are listed when they are a sixteenth of the segment's
 * or fewer: the lists are for rare forms, whose inputs are few among
 * many; a common form's would be most of the lists' bytes. */
#define HOLDERS_SHARE 16
#define NOT_LISTED G_MAXUINT64          /* in Writing.fill: a form whose inputs are not */
#define FORMS_BATCH 16                  /* forms of the lexicon fetched at once */
#define WORDS_MEMORY ((gsize) 16 << 20) /* the inputs' words a build keeps in memory */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZSTD_DCtx, ZSTD_freeDCtx)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZSTD_CCtx, ZSTD_freeCCtx)

/* ---- Damage ---- */

gboolean
dl_index_damaged (GError **error, const char *where, const char *what)
{
  g_set_error (error, DL_ERROR, DL_ERROR_INDEX,
               /* Translators: an index file is damaged; the first %s names it
                  (a segment or the manifest), the second says how. */
               _ ("damaged index: %s: %s"), where, what);
  return FALSE;
}

/* Decompresses the frame @src (@len bytes) of exactly @rlen bytes into
 * @out (resized). FALSE if it is not one. */
static gboolean
unpack (ZSTD_DCtx *dctx, const guint8 *src, gsize len, gsize rlen, GByteArray *out)
{
  g_byte_array_set_size (out, (guint) rlen);
  dl_advise_huge (out->data, rlen);
  unsigned long long size = ZSTD_getFrameContentSize (src, len);
  if (size != rlen)
    return FALSE;
  size_t got = ZSTD_decompressDCtx (dctx, out->data, rlen, src, len);
  return !ZSTD_isError (got) && got == rlen;
}

/* ---- The index read ---- */

typedef struct {
  guint64 offset, clen, rlen;
  guint32 crc;
  guint64 lines;
  guint64 tokens[DL_LANG_COUNT][DL_TOKEN_KINDS]; /* of its lines, as the build
                                                   tokenized them */
  guint64 cols; /* its lines' ASCII bytes + 1 a line: no more than their
                   columns once shown, with their breaks */
} Block;

typedef struct {
  char *path;
  gint64 size;
  guint64 lines, text_bytes;
  guint64 by_lang[DL_LANG_COUNT];
  guint segment;
  guint local;                   /* its number among the segment's inputs */
  guint64 first_block, n_blocks; /* in the segment's blocks */
  GPtrArray *encodings;          /* interned names */
  gboolean failed, at_open;
  guint code;
  char *message;
  GByteArray *notes; /* what reading it reported: level, file?, line, message */
  guint64 n_notes;
  gboolean has_counts; /* a frame of its counts (counter.h), after its blocks */
  guint32 variant;
  Block counts;
  gboolean has_words; /* its postings' chunks, before its counts */
  guint words_langs;  /* the languages tokenized, 1 << DlLang */
  GArray *chunks;     /* Block: the postings */
  GArray *pages;      /* Block: the words' table, after the segment's lexicon */
  Block words;        /* the words' directory, after the table */
  GArray *tokens;     /* Block: each block's tokens as words, after the
                         postings (none, or one a block; format 6) */
} Input;

/* A page of a segment's lexicon, as its table of contents lists it. */
typedef struct {
  Block frame;
  Block holders;     /* the inputs that have each of its forms */
  guint64 start, n;  /* its first form's number, its forms */
  gsize first_at;    /* its first form, in Segment.firsts */
  guint64 first_len; /* bytes */
} LexPage;

/* A page of the lexicon decoded: its forms one after another, where each
 * ends. */
typedef struct {
  GByteArray *forms;
  guint32 *ends;
} LexForms;

/* The inputs that have each form of a page of the lexicon decoded: the
 * numbers in the segment of those of its form k from starts[k] to
 * starts[k + 1] in @inputs, rising; none for a form not listed. */
typedef struct {
  guint32 *starts;
  guint32 *inputs;
} Holders;

/* One language's lexicon: the folded forms of the segment's inputs'
 * words, each once, in byte order, numbered from 0. An input's words are
 * those numbers. */
typedef struct {
  guint64 size;
  GArray *pages;      /* LexPage */
  LexForms **decoded; /* per page: NULL until a reader decodes it, then
                         set once (atomically) for every reader */
  Holders **held;     /* the same for the inputs of its forms */
} Lexicon;

typedef struct {
  char *name;
  int fd; /* read, not mapped: none of it stays in memory, and a file
             cut while it is read is an error, not a SIGBUS */
  gsize size;
  guint32 trailer_crc;
  guint64 toc_offset;
  GArray *blocks; /* Block */
  Lexicon lex[DL_LANG_COUNT];
  GByteArray *firsts; /* the lexicon pages' first forms */
  guint64 serial;     /* no other segment opened in this process has it */
  guint n_inputs;
  guint version; /* its trailer's */
} Segment;

struct _DlIndex {
  gint ref;
  char *path;
  char *meta_path;
  GPtrArray *segments; /* Segment* */
  GArray *inputs;      /* Input */
};

static void
lex_forms_free (LexForms *f)
{
  if (f == NULL)
    return;
  g_byte_array_unref (f->forms);
  g_free (f->ends);
  g_free (f);
}

static void
holders_free (Holders *h)
{
  if (h == NULL)
    return;
  g_free (h->starts);
  g_free (h->inputs);
  g_free (h);
}

static void
segment_free (gpointer p)
{
  Segment *s = p;
  g_free (s->name);
  if (s->fd >= 0)
    close (s->fd);
  if (s->blocks != NULL)
    g_array_unref (s->blocks);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      Lexicon *lx = &s->lex[l];
      for (guint k = 0; lx->pages != NULL && k < lx->pages->len; k++)
        {
          lex_forms_free (lx->decoded[k]);
          holders_free (lx->held[k]);
        }
      g_free (lx->decoded);
      g_free (lx->held);
      if (lx->pages != NULL)
        g_array_unref (lx->pages);
    }
  if (s->firsts != NULL)
    g_byte_array_unref (s->firsts);
  g_free (s);
}

/* Byte order of two forms. */
static int
form_order (const guint8 *a, guint64 la, const guint8 *b, guint64 lb)
{
  int c = memcmp (a, b, (gsize) MIN (la, lb));
  return c != 0 ? c : (la > lb) - (la < lb);
}

static void
input_clear (gpointer p)
{
  Input *in = p;
  g_free (in->path);
  g_free (in->message);
  if (in->notes != NULL)
    g_byte_array_unref (in->notes);
  if (in->encodings != NULL)
    g_ptr_array_unref (in->encodings);
  if (in->chunks != NULL)
    g_array_unref (in->chunks);
  if (in->pages != NULL)
    g_array_unref (in->pages);
  if (in->tokens != NULL)
    g_array_unref (in->tokens);
}

gboolean
dl_index_is_index (const char *path)
{
  g_autofree char *manifest = g_build_filename (path, DL_INDEX_MANIFEST, NULL);
  return g_file_test (path, G_FILE_TEST_IS_DIR) && g_file_test (manifest, G_FILE_TEST_EXISTS);
}

/* A name the manifest may give: a plain file name in the index. */
static gboolean
plain_name (const char *name, const char *prefix)
{
  return g_str_has_prefix (name, prefix) && strchr (name, '/') == NULL && strcmp (name, ".") != 0
         && strcmp (name, "..") != 0;
}

static gboolean
parse_u64 (const char *s, guint base, guint64 *out)
{
  return dl_parse_unsigned (s, base, 0, G_MAXUINT64, out);
}

/* A CRC as the manifest writes it: eight lowercase hex digits. */
static gboolean
parse_crc (const char *s, guint64 *out)
{
  if (strlen (s) != 8 || strspn (s, "0123456789abcdef") != 8)
    return FALSE;
  return parse_u64 (s, 16, out);
}

/* Reads note @k's fields from @c: FALSE if it is malformed. */
static gboolean
get_note (DlCursor *c, guint64 *level, guint64 *about_file, guint64 *line, char **message)
{
  *level = dl_get_varint (c);
  *about_file = dl_get_varint (c);
  *line = dl_get_varint (c);
  *message = dl_get_string (c);
  return !c->bad && *level <= DL_DIAG_ERROR && *about_file <= 1
         && g_utf8_validate (*message, -1, NULL);
}

/* TRUE if @notes holds exactly @n well-formed notes. */
static gboolean
notes_ok (const GByteArray *notes, guint64 n)
{
  DlCursor c = dl_cursor_of (notes->data, notes->len);
  for (guint64 k = 0; k < n; k++)
    {
      guint64 level, about_file, line;
      g_autofree char *message = NULL;
      if (!get_note (&c, &level, &about_file, &line, &message))
        return FALSE;
    }
  return c.p == c.end;
}

/* Reads a list of frames in a table of contents into @frames: their
 * number, then each one's offset, sizes and CRC. c->bad if one is more
 * than @max bytes unpacked, or the list longer than the table's @len. */
static void
get_frames (DlCursor *c, GArray *frames, guint64 max, gsize len)
{
  guint64 n = dl_get_varint (c);
  if (n > len)
    c->bad = TRUE;
  for (guint64 j = 0; j < n && !c->bad; j++)
    {
      Block f = { 0 };
      f.offset = dl_get_varint (c);
      f.clen = dl_get_varint (c);
      f.rlen = dl_get_varint (c);
      guint64 crc = dl_get_varint (c);
      f.crc = (guint32) crc;
      if (crc > G_MAXUINT32 || f.rlen > max)
        c->bad = TRUE;
      g_array_append_val (frames, f);
    }
}

/* Lists @frames (get_frames's), their offsets moved by @shift. */
static void
put_frames (GByteArray *t, const GArray *frames, guint64 shift)
{
  dl_put_varint (t, frames->len);
  for (guint k = 0; k < frames->len; k++)
    {
      const Block *f = &g_array_index (frames, Block, k);
      dl_put_varint (t, f->offset + shift);
      dl_put_varint (t, f->clen);
      dl_put_varint (t, f->rlen);
      dl_put_varint (t, f->crc);
    }
}

/* The frames of input @in that come before the segment's lexicon, in the
 * order they lie: its blocks (@blocks), its postings and its counts. */
static GPtrArray *
input_frames (const Input *in, const Block *blocks)
{
  GPtrArray *frames = g_ptr_array_new ();
  for (guint64 k = 0; k < in->n_blocks; k++)
    g_ptr_array_add (frames, (gpointer) &blocks[k]);
  for (guint k = 0; in->has_words && k < in->chunks->len; k++)
    g_ptr_array_add (frames, &g_array_index (in->chunks, Block, k));
  for (guint k = 0; in->tokens != NULL && k < in->tokens->len; k++)
    g_ptr_array_add (frames, &g_array_index (in->tokens, Block, k));
  if (in->has_counts)
    g_ptr_array_add (frames, (gpointer) &in->counts);
  return frames;
}

/* Whether @f lies at *@at, before @end: then *@at moves past it. */
static gboolean
frame_at (const Block *f, guint64 *at, guint64 end)
{
  if (f->offset != *at || f->clen > end - *at)
    return FALSE;
  *at += f->clen;
  return TRUE;
}

/* Reads one frame in a table of contents (get_frames's, with no count). */
static void
get_frame (DlCursor *c, Block *f, guint64 max)
{
  *f = (Block){ 0 };
  f->offset = dl_get_varint (c);
  f->clen = dl_get_varint (c);
  f->rlen = dl_get_varint (c);
  guint64 crc = dl_get_varint (c);
  f->crc = (guint32) crc;
  if (crc > G_MAXUINT32 || f->rlen > max)
    c->bad = TRUE;
}

static void
put_frame_toc (GByteArray *t, const Block *f, guint64 shift)
{
  dl_put_varint (t, f->offset + shift);
  dl_put_varint (t, f->clen);
  dl_put_varint (t, f->rlen);
  dl_put_varint (t, f->crc);
}

/* Reads the lexicon of @seg from @c: per language its forms and pages,
 * in order, none empty. */
static void
get_lexicon (DlCursor *c, Segment *seg, gsize len)
{
  seg->firsts = g_byte_array_new ();
  for (int l = 0; l < DL_LANG_COUNT && !c->bad; l++)
    {
      Lexicon *lx = &seg->lex[l];
      lx->size = dl_get_varint (c);
      guint64 n_pages = dl_get_varint (c);
      if (n_pages > len || lx->size > G_MAXUINT32 * n_pages)
        {
          c->bad = TRUE;
          break;
        }
      lx->pages = g_array_sized_new (FALSE, FALSE, sizeof (LexPage), (guint) n_pages);
      lx->decoded = g_new0 (LexForms *, MAX (n_pages, 1));
      lx->held = g_new0 (Holders *, MAX (n_pages, 1));
      guint64 start = 0;
      for (guint64 k = 0; k < n_pages && !c->bad; k++)
        {
          LexPage pg = { .start = start };
          get_frame (c, &pg.frame, LEX_PAGE_MAX);
          pg.n = dl_get_varint (c);
          pg.first_len = dl_get_varint (c);
          const guint8 *first = dl_get_bytes (c, pg.first_len);
          const LexPage *prev = k > 0 ? &g_array_index (lx->pages, LexPage, k - 1) : NULL;
          if (first == NULL || pg.n == 0 || pg.n > lx->size - start || pg.n > G_MAXUINT32
              || (prev != NULL
                  && form_order (seg->firsts->data + prev->first_at, prev->first_len, first,
                                 pg.first_len)
                         >= 0))
            {
              c->bad = TRUE;
              break;
            }
          pg.first_at = seg->firsts->len;
          g_byte_array_append (seg->firsts, first, (guint) pg.first_len);
          start += pg.n;
          g_array_append_val (lx->pages, pg);
        }
      if (start != lx->size)
        c->bad = TRUE;
    }
}

/* Parses the table of contents @toc of @seg (number @k) into its blocks
 * and @idx's inputs. */
static gboolean
parse_toc (DlIndex *idx, Segment *seg, guint k, const GByteArray *toc, GError **error)
{
  DlCursor c = dl_cursor_of (toc->data, toc->len);
  guint64 n_inputs = dl_get_varint (&c);
  if (n_inputs > toc->len)
    return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  guint first_input = idx->inputs->len;
  seg->n_inputs = (guint) n_inputs;
  for (guint64 i = 0; i < n_inputs && !c.bad; i++)
    {
      Input in = { 0 };
      in.segment = k;
      in.local = (guint) i;
      in.path = dl_get_string (&c);
      guint64 size = dl_get_varint (&c);
      in.size = size == 0 ? -1 : (gint64) MIN (size - 1, (guint64) G_MAXINT64);
      in.lines = dl_get_varint (&c);
      in.text_bytes = dl_get_varint (&c);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        in.by_lang[l] = dl_get_varint (&c);
      in.first_block = dl_get_varint (&c);
      in.n_blocks = dl_get_varint (&c);
      guint64 n_enc = dl_get_varint (&c);
      in.encodings = g_ptr_array_new ();
      if (n_enc > MAX_ENCODINGS)
        c.bad = TRUE;
      for (guint64 e = 0; e < n_enc && !c.bad; e++)
        {
          g_autofree char *name = dl_get_string (&c);
          if (name != NULL)
            g_ptr_array_add (in.encodings, (gpointer) g_intern_string (name));
        }
      guint64 failed = dl_get_varint (&c);
      in.failed = failed != 0;
      in.code = failed != 0 ? (guint) MIN (failed - 1, G_MAXUINT) : 0;
      in.message = dl_get_string (&c);
      in.at_open = dl_get_varint (&c) != 0;
      in.n_notes = dl_get_varint (&c);
      guint64 notes_len = dl_get_varint (&c);
      const guint8 *notes = dl_get_bytes (&c, notes_len);
      in.notes = g_byte_array_new ();
      if (notes != NULL)
        g_byte_array_append (in.notes, notes, (guint) notes_len);
      if (!notes_ok (in.notes, in.n_notes))
        c.bad = TRUE;
      guint64 n_counts = dl_get_varint (&c);
      if (n_counts > 1)
        c.bad = TRUE;
      if (n_counts == 1)
        {
          in.has_counts = TRUE;
          guint64 variant = dl_get_varint (&c);
          in.variant = (guint32) variant;
          in.counts.offset = dl_get_varint (&c);
          in.counts.clen = dl_get_varint (&c);
          in.counts.rlen = dl_get_varint (&c);
          guint64 crc = dl_get_varint (&c);
          in.counts.crc = (guint32) crc;
          in.counts.lines = 0;
          if (variant > G_MAXUINT32 || crc > G_MAXUINT32 || in.counts.rlen > TOC_MAX || in.at_open)
            c.bad = TRUE;
        }
      guint64 n_words = dl_get_varint (&c);
      if (n_words > 1)
        c.bad = TRUE;
      if (n_words == 1)
        {
          in.has_words = TRUE;
          guint64 langs = dl_get_varint (&c);
          in.words_langs = (guint) (langs & 7);
          if (langs == 0 || langs > 7 || in.at_open)
            c.bad = TRUE;
          in.chunks = g_array_new (FALSE, FALSE, sizeof (Block));
          in.pages = g_array_new (FALSE, FALSE, sizeof (Block));
          get_frames (&c, in.chunks, POSTINGS_CHUNK, toc->len);
        }
      in.tokens = g_array_new (FALSE, FALSE, sizeof (Block));
      if (seg->version >= 6)
        get_frames (&c, in.tokens, BLOCK_MAX, toc->len);
      /* A block's tokens: none, or each block's for an input with words. */
      if (in.tokens->len != 0 && (!in.has_words || in.tokens->len != in.n_blocks))
        c.bad = TRUE;
      if (in.failed && (in.code == DL_ERROR_USAGE || in.code >= DL_ERROR_INDEX))
        c.bad = TRUE;
      g_array_append_val (idx->inputs, in);
      if (in.path == NULL || in.message == NULL
          || in.by_lang[0] + in.by_lang[1] + in.by_lang[2] != in.lines)
        c.bad = TRUE;
    }
  guint64 n_blocks = dl_get_varint (&c);
  if (c.bad || n_blocks > toc->len)
    return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  seg->blocks = g_array_sized_new (FALSE, FALSE, sizeof (Block), (guint) n_blocks);
  for (guint64 b = 0; b < n_blocks && !c.bad; b++)
    {
      Block blk;
      blk.offset = dl_get_varint (&c);
      blk.clen = dl_get_varint (&c);
      blk.rlen = dl_get_varint (&c);
      blk.crc = (guint32) dl_get_varint (&c);
      blk.lines = dl_get_varint (&c);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        for (int kind = 0; kind < DL_TOKEN_KINDS; kind++)
          blk.tokens[l][kind] = dl_get_varint (&c);
      blk.cols = dl_get_varint (&c);
      if (blk.rlen > BLOCK_MAX || blk.lines == 0)
        c.bad = TRUE;
      g_array_append_val (seg->blocks, blk);
    }
  /* The lexicon, each input's table of words and its directory, then
   * the inputs of each page of the lexicon's forms. */
  get_lexicon (&c, seg, toc->len);
  for (guint i = first_input; i < idx->inputs->len && !c.bad; i++)
    {
      Input *in = &g_array_index (idx->inputs, Input, i);
      if (!in->has_words)
        continue;
      get_frame (&c, &in->words, TOC_MAX);
      get_frames (&c, in->pages, IDS_PAGE_MAX, toc->len);
    }
  for (int l = 0; l < DL_LANG_COUNT && !c.bad; l++)
    for (guint j = 0; j < seg->lex[l].pages->len && !c.bad; j++)
      get_frame (&c, &g_array_index (seg->lex[l].pages, LexPage, j).holders, HOLDERS_PAGE_MAX);
  if (c.bad || c.p != c.end)
    return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  /* Each input's blocks are its own and hold its lines; they and its
   * other frames tile the file up to the table, in order: each input's
   * blocks, postings and counts, the lexicon, then each input's table of
   * words and its directory. */
  guint64 next = 0, at = 0, end = seg->toc_offset;
  for (guint i = first_input; i < idx->inputs->len; i++)
    {
      const Input *in = &g_array_index (idx->inputs, Input, i);
      if (in->first_block != next || in->n_blocks > n_blocks - next
          || (in->at_open && (!in->failed || in->n_blocks > 0)))
        return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
      guint64 lines = 0;
      const Block *blocks = &g_array_index (seg->blocks, Block, next);
      for (guint64 b = 0; b < in->n_blocks; b++)
        lines += blocks[b].lines;
      if (lines != in->lines)
        return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
      g_autoptr (GPtrArray) frames = input_frames (in, blocks);
      for (guint j = 0; j < frames->len; j++)
        if (!frame_at (frames->pdata[j], &at, end))
          return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
      next += in->n_blocks;
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint j = 0; j < seg->lex[l].pages->len; j++)
      if (!frame_at (&g_array_index (seg->lex[l].pages, LexPage, j).frame, &at, end))
        return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  for (guint i = first_input; i < idx->inputs->len; i++)
    {
      const Input *in = &g_array_index (idx->inputs, Input, i);
      for (guint j = 0; in->has_words && j < in->pages->len; j++)
        if (!frame_at (&g_array_index (in->pages, Block, j), &at, end))
          return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
      if (in->has_words && !frame_at (&in->words, &at, end))
        return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint j = 0; j < seg->lex[l].pages->len; j++)
      if (!frame_at (&g_array_index (seg->lex[l].pages, LexPage, j).holders, &at, end))
        return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  if (next != n_blocks || at != end)
    return dl_index_damaged (error, seg->name, _ ("bad table of contents"));
  return TRUE;
}

/* Reads @len bytes of @seg at @offset into @buf. */
static gboolean
read_at (const Segment *seg, guint64 offset, gsize len, guint8 *buf, GError **error)
{
  for (gsize got = 0; got < len;)
    {
      gssize n = pread (seg->fd, buf + got, len - got, (off_t) (offset + got));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", seg->name,
                       n < 0 ? g_strerror (errno) : _ ("cut short"));
          return FALSE;
        }
      got += (gsize) n;
    }
  return TRUE;
}

/* Opens the segment @name of @idx, checks it against the manifest's
 * @size and trailer @crc, and reads its table of contents. */
static gboolean
open_segment (DlIndex *idx, const char *name, guint64 size, guint32 crc, GError **error)
{
  static gint opened;
  Segment *seg = g_new0 (Segment, 1);
  seg->name = g_strdup (name);
  seg->fd = -1;
  seg->serial = (guint64) (guint) g_atomic_int_add (&opened, 1) + 1;
  g_ptr_array_add (idx->segments, seg);
  g_autofree char *path = g_build_filename (idx->path, name, NULL);
  seg->fd = open (path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (seg->fd < 0 || fstat (seg->fd, &st) != 0)
    {
      int errsv = errno;
      g_set_error (error, DL_ERROR, errsv == ENOENT ? DL_ERROR_INDEX : DL_ERROR_IO, "%s: %s", path,
                   g_strerror (errsv));
      return FALSE;
    }
  seg->size = (gsize) st.st_size;
  if (seg->size != size || size < TRAILER_SIZE)
    return dl_index_damaged (error, name, _ ("its size is not the one the manifest gives"));
  guint8 t[TRAILER_SIZE];
  if (!read_at (seg, size - TRAILER_SIZE, TRAILER_SIZE, t, error))
    return FALSE;
  seg->trailer_crc = (guint32) dl_get_le (t + 36, 4);
  if (memcmp (t, TRAILER_MAGIC, 8) != 0 || (guint32) dl_get_le (t + 36, 4) != dl_crc32 (t, 36)
      || (guint32) dl_get_le (t + 36, 4) != crc)
    return dl_index_damaged (error, name, _ ("bad trailer"));
  seg->version = (guint) dl_get_le (t + 8, 4);
  if (seg->version < DL_INDEX_VERSION_OLDEST || seg->version > DL_INDEX_VERSION)
    return dl_index_damaged (error, name, _ ("unknown segment version"));
  guint32 toc_crc = (guint32) dl_get_le (t + 12, 4);
  guint64 toc_offset = dl_get_le (t + 16, 8);
  guint64 toc_clen = dl_get_le (t + 24, 8);
  guint32 toc_rlen = (guint32) dl_get_le (t + 32, 4);
  if (toc_offset > size - TRAILER_SIZE || toc_clen != size - TRAILER_SIZE - toc_offset
      || toc_rlen > TOC_MAX)
    return dl_index_damaged (error, name, _ ("bad trailer"));
  seg->toc_offset = toc_offset;
  g_autofree guint8 *src = g_malloc (MAX (toc_clen, 1));
  if (!read_at (seg, toc_offset, toc_clen, src, error))
    return FALSE;
  if (dl_crc32 (src, toc_clen) != toc_crc)
    return dl_index_damaged (error, name, _ ("bad checksum of the table of contents"));
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  g_autoptr (GByteArray) toc = g_byte_array_new ();
  if (!unpack (dctx, src, toc_clen, toc_rlen, toc))
    return dl_index_damaged (error, name, _ ("bad table of contents"));
  return parse_toc (idx, seg, idx->segments->len - 1, toc, error);
}

/* Reads the manifest of @idx and opens what it names. */
static gboolean
read_manifest (DlIndex *idx, GError **error)
{
  g_autofree char *path = g_build_filename (idx->path, DL_INDEX_MANIFEST, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  struct stat st;
  if (g_stat (path, &st) == 0 && st.st_size > (goffset) MANIFEST_MAX)
    return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("too large"));
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
          || g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        g_set_error (error, DL_ERROR, DL_ERROR_INDEX, _ ("%s is not a derlem index"), idx->path);
      else
        g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  static const char head[] = "derlem-index ";
  const char *eol = memchr (text, '\n', len);
  if (len < sizeof head - 1 || memcmp (text, head, sizeof head - 1) != 0 || eol == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_INDEX, _ ("%s is not a derlem index"), idx->path);
      return FALSE;
    }
  g_autofree char *first = g_strndup (text, eol - text);
  guint64 version = 0;
  if (!parse_u64 (first + sizeof head - 1, 10, &version))
    return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("bad version line"));
  if (version < DL_INDEX_VERSION_OLDEST || version > DL_INDEX_VERSION)
    {
      char found[24];
      g_snprintf (found, sizeof found, "%" G_GUINT64_FORMAT, version);
      g_set_error (error, DL_ERROR, DL_ERROR_INDEX,
                   /* Translators: the index was written by another derlem;
                      the second %s is its format's number. */
                   _ ("%s is an index of format %s; this derlem reads formats %d to %d: build "
                      "it again with derlem index build"),
                   idx->path, found, DL_INDEX_VERSION_OLDEST, DL_INDEX_VERSION);
      return FALSE;
    }
  /* The last line is "end CRC", over everything before it. */
  if (len < 14 || text[len - 1] != '\n' || memchr (text, '\0', len) != NULL)
    return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("cut short"));
  const char *last = text + len - 1;
  while (last > text && last[-1] != '\n')
    last--;
  g_autofree char *end_line = g_strndup (last, text + len - 1 - last);
  guint64 crc = 0;
  if (!g_str_has_prefix (end_line, "end ") || !parse_crc (end_line + 4, &crc))
    return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("cut short"));
  if (crc != dl_crc32 (text, last - text))
    return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("bad checksum"));
  g_autofree char *body = g_strndup (eol + 1, last - eol - 1);
  g_auto (GStrv) lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      g_auto (GStrv) f = g_strsplit (lines[i], " ", -1);
      guint64 size = 0, sum = 0;
      if (g_strv_length (f) != 4 || !parse_u64 (f[2], 10, &size) || !parse_crc (f[3], &sum))
        return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("bad line"));
      if (strcmp (f[0], "segment") == 0 && plain_name (f[1], "seg-"))
        {
          if (!open_segment (idx, f[1], size, (guint32) sum, error))
            return FALSE;
        }
      else if (strcmp (f[0], "meta") == 0 && plain_name (f[1], "meta-") && idx->meta_path == NULL)
        {
          g_autofree char *meta = g_build_filename (idx->path, f[1], NULL);
          g_autofree char *bytes = NULL;
          gsize n = 0;
          g_clear_error (&local);
          if (!g_file_get_contents (meta, &bytes, &n, &local))
            {
              g_set_error (error, DL_ERROR, DL_ERROR_INDEX, "%s", local->message);
              return FALSE;
            }
          if (n != size || dl_crc32 (bytes, n) != sum)
            return dl_index_damaged (error, f[1], _ ("bad checksum"));
          idx->meta_path = g_steal_pointer (&meta);
        }
      else
        return dl_index_damaged (error, DL_INDEX_MANIFEST, _ ("bad line"));
    }
  return TRUE;
}

DlIndex *
dl_index_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  DlIndex *idx = g_new0 (DlIndex, 1);
  idx->ref = 1;
  idx->path = g_strdup (path);
  idx->segments = g_ptr_array_new_with_free_func (segment_free);
  idx->inputs = g_array_new (FALSE, TRUE, sizeof (Input));
  g_array_set_clear_func (idx->inputs, input_clear);
  g_autoptr (GError) local = NULL;
  if (!read_manifest (idx, &local))
    {
      dl_index_unref (idx);
      if (local->code == DL_ERROR_INDEX && !g_str_has_prefix (local->message, path))
        g_prefix_error (&local, "%s: ", path);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return idx;
}

DlIndex *
dl_index_ref (DlIndex *idx)
{
  g_atomic_int_inc (&idx->ref);
  return idx;
}

void
dl_index_unref (DlIndex *idx)
{
  if (idx == NULL || !g_atomic_int_dec_and_test (&idx->ref))
    return;
  g_free (idx->path);
  g_free (idx->meta_path);
  g_ptr_array_unref (idx->segments);
  g_array_unref (idx->inputs);
  g_free (idx);
}

const char *
dl_index_path (const DlIndex *idx)
{
  return idx->path;
}

guint
dl_index_n_segments (const DlIndex *idx)
{
  return idx->segments->len;
}

guint
dl_index_n_inputs (const DlIndex *idx)
{
  return idx->inputs->len;
}

const char *
dl_index_input_path (const DlIndex *idx, guint i)
{
  g_return_val_if_fail (i < idx->inputs->len, NULL);
  return g_array_index (idx->inputs, Input, i).path;
}

gint64
dl_index_input_size (const DlIndex *idx, guint i)
{
  g_return_val_if_fail (i < idx->inputs->len, -1);
  return g_array_index (idx->inputs, Input, i).size;
}

void
dl_index_input_info (const DlIndex *idx, guint i, DlIndexInputInfo *info)
{
  g_return_if_fail (i < idx->inputs->len);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  info->path = in->path;
  info->size = in->size;
  info->lines = in->lines;
  memcpy (info->lines_by_lang, in->by_lang, sizeof in->by_lang);
  info->failed = in->failed;
}

const char *
dl_index_meta_path (const DlIndex *idx)
{
  return idx->meta_path;
}

void
dl_index_info (const DlIndex *idx, DlIndexInfo *info)
{
  memset (info, 0, sizeof *info);
  info->version = DL_INDEX_VERSION;
  info->segments = idx->segments->len;
  info->inputs = idx->inputs->len;
  for (guint i = 0; i < idx->inputs->len; i++)
    {
      const Input *in = &g_array_index (idx->inputs, Input, i);
      info->inputs_failed += in->failed;
      info->lines += in->lines;
      for (int l = 0; l < DL_LANG_COUNT; l++)
        info->lines_by_lang[l] += in->by_lang[l];
      info->source_bytes += in->size > 0 ? (guint64) in->size : 0;
      info->text_bytes += in->text_bytes;
      const Segment *seg = idx->segments->pdata[in->segment];
      for (guint64 b = 0; b < in->n_blocks; b++)
        info->stored_lines += g_array_index (seg->blocks, Block, in->first_block + b).clen;
      if (in->has_counts)
        info->stored_counts += in->counts.clen;
      if (in->has_words)
        {
          info->stored_words += in->words.clen;
          for (guint k = 0; k < in->chunks->len; k++)
            info->stored_words += g_array_index (in->chunks, Block, k).clen;
          for (guint k = 0; k < in->pages->len; k++)
            info->stored_words += g_array_index (in->pages, Block, k).clen;
        }
      for (guint k = 0; in->tokens != NULL && k < in->tokens->len; k++)
        info->stored_tokens += g_array_index (in->tokens, Block, k).clen;
    }
  for (guint s = 0; s < idx->segments->len; s++)
    {
      const Segment *seg = idx->segments->pdata[s];
      info->stored_bytes += seg->size;
      info->blocks += seg->blocks->len;
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          info->forms[l] += seg->lex[l].size;
          for (guint k = 0; k < seg->lex[l].pages->len; k++)
            info->stored_words += g_array_index (seg->lex[l].pages, LexPage, k).frame.clen
                                  + g_array_index (seg->lex[l].pages, LexPage, k).holders.clen;
        }
    }
  g_autofree char *manifest = g_build_filename (idx->path, DL_INDEX_MANIFEST, NULL);
  struct stat st;
  if (g_stat (manifest, &st) == 0)
    info->stored_bytes += (guint64) st.st_size;
  if (idx->meta_path != NULL && g_stat (idx->meta_path, &st) == 0)
    info->stored_bytes += (guint64) st.st_size;
}

void
dl_index_replay_notes (const DlIndex *idx, guint i, const DlDiag *diag, const char *file)
{
  g_return_if_fail (i < idx->inputs->len);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  DlCursor c = dl_cursor_of (in->notes->data, in->notes->len);
  for (guint64 k = 0; k < in->n_notes; k++)
    {
      guint64 level, about_file, line;
      g_autofree char *message = NULL;
      if (!get_note (&c, &level, &about_file, &line, &message))
        return; /* checked at the opening */
      dl_diag_report (diag, (DlDiagLevel) level, about_file ? file : NULL, line, "%s", message);
    }
}

static void set_build_error (const Input *in, GError **error);

/* Reads frame @blk of @seg, checked, into @out, through @src (its
 * compressed bytes; NULL: memory of its own). */
static gboolean
read_frame_through (const Segment *seg, const Block *blk, ZSTD_DCtx *dctx, GByteArray *src,
                    GByteArray *out, const char *what, GError **error)
{
  /* Read, not mapped: a pass over an index keeps no page of it, however
   * many and small its frames (a mapping kept the pages the kernel maps
   * around each). parse_toc checked the frame is in the file. */
  if (blk->clen > G_MAXUINT)
    return dl_index_damaged (error, seg->name, what);
  g_autoptr (GByteArray) own = src == NULL ? (src = g_byte_array_new ()) : NULL;
  g_byte_array_set_size (src, (guint) MAX (blk->clen, 1));
  if (!read_at (seg, blk->offset, blk->clen, src->data, error))
    return FALSE;
  if (dl_crc32 (src->data, blk->clen) != blk->crc)
    return dl_index_damaged (error, seg->name, what);
  if (!unpack (dctx, src->data, blk->clen, blk->rlen, out))
    return dl_index_damaged (error, seg->name, what);
  return TRUE;
}

/* Reads frame @blk of @seg, checked, into @out. */
static gboolean
read_frame (const Segment *seg, const Block *blk, ZSTD_DCtx *dctx, GByteArray *out,
            const char *what, GError **error)
{
  return read_frame_through (seg, blk, dctx, NULL, out, what, error);
}

gboolean
dl_index_input_ended (const DlIndex *idx, guint i, GError **error)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  if (!in->failed)
    return TRUE;
  set_build_error (in, error);
  return FALSE;
}

void
dl_index_terms_init (DlIndexTerms *terms)
{
  terms->given = FALSE;
  terms->lexicon = 0;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      terms->words[l] = g_string_new (NULL);
      terms->forms[l] = g_array_new (FALSE, FALSE, sizeof (DlIndexSpan));
      terms->lexicon_size[l] = 0;
      terms->ids[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
    }
}

void
dl_index_terms_clear (DlIndexTerms *terms)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (terms->words[l] != NULL)
        g_string_free (g_steal_pointer (&terms->words[l]), TRUE);
      g_clear_pointer (&terms->forms[l], g_array_unref);
      g_clear_pointer (&terms->ids[l], g_array_unref);
    }
}

/* ---- Words read back ---- */

/* What a page of forms must agree with: its number of entries, and its
 * first form (the directory's; NULL if it has none); for a page of an
 * input's table as its builder gives it (@postings: each form with its
 * number of blocks and the bytes of their gaps), where its gaps begin in
 * the postings, their size, and the input's blocks. */
typedef struct {
  guint64 n;
  const guint8 *first;
  guint64 first_len;
  gboolean postings;
  guint64 at, postings_len, n_blocks;
} PageBounds;

/* A form of a page decoded. */
typedef struct {
  const guint8 *form; /* in the page's forms */
  guint64 len, n, at, bytes;
} Form;

/* Decodes the page @data (@len bytes) into @forms_out (their bytes in
 * @bytes_out, which they point into, one after another): FALSE,
 * @forms_out empty, if it is not a page that agrees with @b, entry by
 * entry (lengths, order from the first, gaps inside the postings,
 * nothing after the last). */
static gboolean
decode_page (const guint8 *data, gsize len, const PageBounds *b, GArray *forms_out,
             GByteArray *bytes_out)
{
  /* Each form is the previous one's first bytes and its own. An entry
   * takes two bytes at least, four with its postings: room for them at
   * once, written in place (a rare word over many inputs loads a page
   * of each: this loop was most of such a search). */
  g_array_set_size (forms_out, 0);
  if (b->n > len / (b->postings ? 4 : 2))
    return FALSE;
  g_array_set_size (forms_out, (guint) b->n);
  Form *forms = (Form *) (gpointer) forms_out->data;
  DlCursor c = dl_cursor_of (data, len);
  gsize cap = MAX (2 * len, 64), used = 0;
  g_byte_array_set_size (bytes_out, (guint) cap);
  guint8 *out = bytes_out->data;
  guint64 prev_at = 0, prev_len = 0, at = b->at, k = 0;
  for (; k < b->n && !c.bad; k++)
    {
      guint64 shared = dl_get_varint (&c), rest = dl_get_varint (&c);
      const guint8 *tail = dl_get_bytes (&c, rest);
      guint64 n = 0, bytes = 0;
      if (b->postings)
        {
          n = dl_get_varint (&c);
          bytes = dl_get_varint (&c);
        }
      if (c.bad || tail == NULL || shared > prev_len || (k == 0 && shared > 0)
          || used + shared + rest > PAGE_FORMS_MAX)
        break;
      if (used + shared + rest > cap)
        {
          cap = MAX (2 * cap, used + shared + rest);
          g_byte_array_set_size (bytes_out, (guint) cap);
          out = bytes_out->data;
        }
      /* In byte order: the first sorts as the directory says, each other
       * after the one before, which it equals up to @shared bytes. */
      if (k == 0 ? b->first != NULL && form_order (tail, rest, b->first, b->first_len) != 0
                 : form_order (tail, rest, out + prev_at + shared, prev_len - shared) <= 0)
        break;
      /* Each block at least a byte of gaps, inside the postings. */
      if (b->postings
          && (n == 0 || n > bytes || n > b->n_blocks || at > b->postings_len
              || bytes > b->postings_len - at))
        break;
      memcpy (out + used, out + prev_at, (gsize) shared);
      memcpy (out + used + shared, tail, (gsize) rest);
      forms[k] = (Form){ GSIZE_TO_POINTER (used), shared + rest, n, at, bytes };
      at += bytes;
      prev_at = used;
      prev_len = shared + rest;
      used += (gsize) prev_len;
    }
  if (k < b->n || c.p != c.end)
    {
      g_array_set_size (forms_out, 0);
      return FALSE;
    }
  for (k = 0; k < b->n; k++)
    forms[k].form = out + GPOINTER_TO_SIZE (forms[k].form);
  /* The forms one after another, and nothing after them. */
  g_byte_array_set_size (bytes_out, (guint) used);
  return TRUE;
}

gboolean
dl_index_words_decode_page (const guint8 *data, gsize len, guint64 n, const char *first,
                            gsize first_len, guint64 postings_len, guint64 n_blocks,
                            GPtrArray *forms)
{
  PageBounds b = { n, (const guint8 *) first, first_len, TRUE, 0, postings_len, n_blocks };
  g_autoptr (GArray) decoded = g_array_new (FALSE, FALSE, sizeof (Form));
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  if (!decode_page (data, len, &b, decoded, bytes))
    return FALSE;
  for (guint k = 0; k < decoded->len; k++)
    {
      const Form *e = &g_array_index (decoded, Form, k);
      g_ptr_array_add (forms, g_strdup_printf ("%.*s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                                               " %" G_GUINT64_FORMAT,
                                               (int) e->len, (const char *) e->form, e->n, e->at,
                                               e->bytes));
    }
  return TRUE;
}

/* The forms of lexicon page @p of @lang in @seg, decoded once for every
 * reader of the index (the first to need them decodes them, through
 * @dctx, @buf and @scratch, and publishes them): checked against the
 * directory, and its last form before the next page's first. NULL with
 * @error if the page is damaged. */
static const LexForms *
lex_page (const Segment *seg, DlLang lang, guint p, ZSTD_DCtx *dctx, GByteArray *buf,
          GArray *scratch, GError **error)
{
  const Lexicon *lx = &seg->lex[lang];
  LexForms *f = g_atomic_pointer_get (&lx->decoded[p]);
  if (f != NULL)
    return f;
  const LexPage *pg = &g_array_index (lx->pages, LexPage, p);
  if (!read_frame (seg, &pg->frame, dctx, buf, _ ("bad checksum of the lexicon"), error))
    return NULL;
  f = g_new0 (LexForms, 1);
  f->forms = g_byte_array_new ();
  PageBounds b = { pg->n, seg->firsts->data + pg->first_at, pg->first_len, FALSE, 0, 0, 0 };
  gboolean ok = decode_page (buf->data, buf->len, &b, scratch, f->forms);
  if (ok)
    {
      f->ends = g_new (guint32, pg->n);
      const Form *forms = (const Form *) (gconstpointer) scratch->data;
      for (guint64 k = 0; k < pg->n; k++)
        f->ends[k] = (guint32) (forms[k].form - f->forms->data + forms[k].len);
      const Form *last = &forms[pg->n - 1];
      const LexPage *next = p + 1 < lx->pages->len ? pg + 1 : NULL;
      ok = next == NULL
           || form_order (last->form, last->len, seg->firsts->data + next->first_at,
                          next->first_len)
                  < 0;
    }
  if (!ok)
    {
      lex_forms_free (f);
      dl_index_damaged (error, seg->name, _ ("bad lexicon"));
      return NULL;
    }
  if (!g_atomic_pointer_compare_and_exchange (&lx->decoded[p], NULL, f))
    {
      lex_forms_free (f);
      f = g_atomic_pointer_get (&lx->decoded[p]);
    }
  return f;
}

/* The inputs that have each form of lexicon page @p of @lang in @seg,
 * decoded once for every reader as lex_page does: each form's rising,
 * below the segment's count. NULL with @error if they are damaged. */
static const Holders *
holders_page (const Segment *seg, DlLang lang, guint p, ZSTD_DCtx *dctx, GByteArray *buf,
              GError **error)
{
  const Lexicon *lx = &seg->lex[lang];
  Holders *h = g_atomic_pointer_get (&lx->held[p]);
  if (h != NULL)
    return h;
  const LexPage *pg = &g_array_index (lx->pages, LexPage, p);
  if (!read_frame (seg, &pg->holders, dctx, buf, _ ("bad checksum of the lexicon"), error))
    return NULL;
  h = g_new0 (Holders, 1);
  h->starts = g_new (guint32, pg->n + 1);
  /* A holder takes one byte at least. */
  h->inputs = g_new (guint32, MAX (buf->len, 1));
  DlCursor c = dl_cursor_of (buf->data, buf->len);
  guint32 at = 0;
  for (guint64 k = 0; k < pg->n && !c.bad; k++)
    {
      h->starts[k] = at;
      guint64 n = dl_get_varint (&c);
      if (n > seg->n_inputs / HOLDERS_SHARE || n > (guint64) (c.end - c.p))
        c.bad = TRUE;
      gint64 prev = -1;
      for (guint64 j = 0; j < n && !c.bad; j++)
        {
          guint64 gap = dl_get_varint (&c);
          if (gap == 0 || gap > seg->n_inputs || (guint64) (prev + (gint64) gap) >= seg->n_inputs)
            c.bad = TRUE;
          prev += (gint64) gap;
          h->inputs[at++] = (guint32) prev;
        }
    }
  h->starts[pg->n] = at;
  if (c.bad || c.p != c.end)
    {
      holders_free (h);
      dl_index_damaged (error, seg->name, _ ("bad lexicon"));
      return NULL;
    }
  if (!g_atomic_pointer_compare_and_exchange (&lx->held[p], NULL, h))
    {
      holders_free (h);
      h = g_atomic_pointer_get (&lx->held[p]);
    }
  return h;
}

/* A page of one language's table of an input, as the directory lists it. */
typedef struct {
  guint64 start;    /* its first entry's number in the language */
  guint64 n;        /* entries */
  guint64 at;       /* where its first entry's gaps begin in the postings */
  guint64 first_id; /* its first entry's form in the lexicon */
  guint frame;      /* in the input's pages */
} Page;

/* One entry of a page: a form of the lexicon, its blocks. */
typedef struct {
  guint64 id, n, at, bytes;
} Entry;

struct _DlIndexWords {
  DlIndex *idx;      /* a reference */
  GByteArray *dir;   /* the directory frame */
  gboolean dir_read; /* and the fields below it read (words_dir) */
  guint langs;
  guint64 postings_len;
  GArray *pages[DL_LANG_COUNT]; /* Page */
  guint64 size[DL_LANG_COUNT];
  const Segment *seg;
  const Input *in;
  ZSTD_DCtx *dctx;
  GByteArray *chunk; /* the chunk of the postings read last */
  guint64 chunk_k;   /* its number + 1; 0: none */
  GByteArray *page;  /* the page read last, */
  guint page_frame;  /* its frame + 1; 0: none */
  GArray *entries;   /* Entry: its entries */
  GByteArray *lex_buf;
  GArray *lex_scratch;           /* Form */
  guint lex_hint[DL_LANG_COUNT]; /* the lexicon's page read last */
  /* dl_index_words_memo's: a byte per form of the segment's lexicon. */
  guint8 *memo[DL_LANG_COUNT];
  gconstpointer memo_owner;
};

void
dl_index_words_free (DlIndexWords *w)
{
  if (w == NULL)
    return;
  g_byte_array_unref (w->dir);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (w->pages[l] != NULL)
      g_array_unref (w->pages[l]);
  ZSTD_freeDCtx (w->dctx);
  g_byte_array_unref (w->chunk);
  g_byte_array_unref (w->page);
  g_array_unref (w->entries);
  g_byte_array_unref (w->lex_buf);
  g_array_unref (w->lex_scratch);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_free (w->memo[l]);
  dl_index_unref (w->idx);
  g_free (w);
}

/* The chunks of @in's postings: full but the last, @len bytes in all. */
static gboolean
chunks_ok (const Input *in, guint64 len)
{
  guint64 sum = 0;
  for (guint k = 0; k < in->chunks->len; k++)
    {
      const Block *chunk = &g_array_index (in->chunks, Block, k);
      if (chunk->rlen != POSTINGS_CHUNK && (k + 1 < in->chunks->len || chunk->rlen == 0))
        return FALSE;
      sum += chunk->rlen;
    }
  return sum == len;
}

/* Points @w, its buffers kept, at the words of input @i of @idx, their
 * directory not read yet (words_dir): FALSE if the input has none. */
static gboolean
words_point (DlIndexWords *w, DlIndex *idx, guint i)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  /* The memos are of a segment's lexicon. */
  if (w->idx != idx || w->seg != idx->segments->pdata[in->segment])
    for (int l = 0; l < DL_LANG_COUNT; l++)
      g_clear_pointer (&w->memo[l], g_free);
  if (w->idx != idx)
    {
      dl_index_unref (w->idx);
      w->idx = dl_index_ref (idx);
    }
  w->dir_read = FALSE;
  w->chunk_k = 0;
  w->page_frame = 0;
  g_array_set_size (w->entries, 0);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      w->size[l] = 0;
      w->lex_hint[l] = 0;
      if (w->pages[l] != NULL)
        g_array_set_size (w->pages[l], 0);
    }
  w->seg = idx->segments->pdata[in->segment];
  w->in = in;
  /* As the table of contents says; the directory must say the same. */
  w->langs = in->has_words ? in->words_langs : 0;
  return in->has_words;
}

/* Reads the directory of @w's input, once: FALSE with @error if it is
 * damaged. */
static gboolean
words_dir (DlIndexWords *w, GError **error)
{
  if (w->dir_read)
    return TRUE;
  const Segment *seg = w->seg;
  const Input *in = w->in;
  if (!read_frame (seg, &in->words, w->dctx, w->dir, _ ("bad checksum of an input's words"), error))
    return FALSE;
  DlCursor c = dl_cursor_of (w->dir->data, w->dir->len);
  guint langs = (guint) dl_get_varint (&c);
  w->postings_len = dl_get_varint (&c);
  if (langs != in->words_langs || !chunks_ok (in, w->postings_len))
    c.bad = TRUE;
  guint frame = 0;
  for (int l = 0; l < DL_LANG_COUNT && !c.bad; l++)
    {
      if (!(langs & (1u << l)))
        continue;
      guint64 n = dl_get_varint (&c);
      if (n > in->pages->len - frame)
        {
          c.bad = TRUE;
          break;
        }
      if (w->pages[l] == NULL)
        w->pages[l] = g_array_sized_new (FALSE, FALSE, sizeof (Page), (guint) n);
      for (guint64 k = 0; k < n && !c.bad; k++)
        {
          Page pg = { w->size[l], 0, 0, 0, frame++ };
          pg.n = dl_get_varint (&c);
          pg.at = dl_get_varint (&c);
          pg.first_id = dl_get_varint (&c);
          /* Pages in order of their forms, none empty, each of the
           * lexicon's. */
          const Page *prev = k > 0 ? &g_array_index (w->pages[l], Page, k - 1) : NULL;
          if (pg.n == 0 || pg.n > G_MAXUINT32 || pg.at > w->postings_len
              || pg.first_id >= seg->lex[l].size || pg.n > seg->lex[l].size - pg.first_id
              || (prev != NULL && prev->first_id >= pg.first_id))
            c.bad = TRUE;
          w->size[l] += pg.n;
          g_array_append_val (w->pages[l], pg);
        }
    }
  if (c.bad || c.p != c.end || frame != in->pages->len)
    return dl_index_damaged (error, seg->name, _ ("bad words of an input"));
  w->dir_read = TRUE;
  return TRUE;
}

/* words_point, then words_dir. */
static gboolean
words_load (DlIndexWords *w, DlIndex *idx, guint i, GError **error)
{
  return words_point (w, idx, i) && words_dir (w, error);
}

DlIndexWords *
dl_index_words_open (DlIndex *idx, guint i, GError **error)
{
  g_autoptr (DlIndexWords) w = g_new0 (DlIndexWords, 1);
  w->dir = g_byte_array_new ();
  w->chunk = g_byte_array_new ();
  w->page = g_byte_array_new ();
  w->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  w->lex_buf = g_byte_array_new ();
  w->lex_scratch = g_array_new (FALSE, FALSE, sizeof (Form));
  w->dctx = ZSTD_createDCtx ();
  return words_load (w, idx, i, error) ? g_steal_pointer (&w) : NULL;
}

gboolean
dl_index_words_reopen (DlIndexWords *w, DlIndex *idx, guint i)
{
  return words_point (w, idx, i);
}

gboolean
dl_index_words_load (DlIndexWords *w, GError **error)
{
  return words_dir (w, error);
}

gboolean
dl_index_words_has (const DlIndexWords *w, DlLang lang)
{
  return (w->langs & (1u << lang)) != 0;
}

guint64
dl_index_words_size (const DlIndexWords *w, DlLang lang)
{
  g_return_val_if_fail (w->dir_read, 0);
  return w->size[lang];
}

/* What a page of an input's table must agree with: its entries, its
 * first form's number and where its gaps begin (the directory's), the
 * next page's first form's number (or the lexicon's size), the postings'
 * size and the input's blocks. */
typedef struct {
  guint64 n, first_id, at, next_id, postings_len, n_blocks;
} IdsBounds;

/* Decodes the page of an input's table @data (@len bytes) into
 * @entries_out: FALSE, @entries_out empty, if it is not a page that
 * agrees with @b, entry by entry (its forms from the directory's first,
 * in order, before the next page's, its gaps inside the postings,
 * nothing after the last). */
static gboolean
decode_ids (const guint8 *data, gsize len, const IdsBounds *b, GArray *entries_out)
{
  /* An entry takes three bytes at least. */
  g_array_set_size (entries_out, 0);
  if (b->n > len / 3 || b->first_id >= b->next_id)
    return FALSE;
  g_array_set_size (entries_out, (guint) b->n);
  Entry *entries = (Entry *) (gpointer) entries_out->data;
  DlCursor c = dl_cursor_of (data, len);
  guint64 id = b->first_id, at = b->at, k = 0;
  for (; k < b->n && !c.bad; k++)
    {
      guint64 gap = dl_get_varint (&c), n = dl_get_varint (&c), bytes = dl_get_varint (&c);
      /* The first is the directory's, each other after the one before,
       * all before the next page's first. */
      if (c.bad || (k == 0) != (gap == 0) || gap >= b->next_id - id)
        break;
      id += gap;
      /* Each block at least a byte of gaps, inside the postings. */
      if (n == 0 || n > bytes || n > b->n_blocks || at > b->postings_len
          || bytes > b->postings_len - at)
        break;
      entries[k] = (Entry){ id, n, at, bytes };
      at += bytes;
    }
  if (k < b->n || c.p != c.end)
    {
      g_array_set_size (entries_out, 0);
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_index_words_decode_ids (const guint8 *data, gsize len, guint64 n, guint64 first_id,
                           guint64 next_id, guint64 postings_len, guint64 n_blocks,
                           GPtrArray *entries)
{
  IdsBounds b = { n, first_id, 0, next_id, postings_len, n_blocks };
  g_autoptr (GArray) decoded = g_array_new (FALSE, FALSE, sizeof (Entry));
  if (!decode_ids (data, len, &b, decoded))
    return FALSE;
  for (guint k = 0; k < decoded->len; k++)
    {
      const Entry *e = &g_array_index (decoded, Entry, k);
      g_ptr_array_add (entries, g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                                                 " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                                                 e->id, e->n, e->at, e->bytes));
    }
  return TRUE;
}

/* Reads page @p of @lang into w->entries, checked (decode_ids). */
static gboolean
load_page (DlIndexWords *w, DlLang lang, guint p, GError **error)
{
  const GArray *pages = w->pages[lang];
  const Page *pg = &g_array_index (pages, Page, p);
  if (w->page_frame == pg->frame + 1)
    return TRUE;
  w->page_frame = 0;
  g_array_set_size (w->entries, 0);
  if (!read_frame (w->seg, &g_array_index (w->in->pages, Block, pg->frame), w->dctx, w->page,
                   _ ("bad checksum of an input's words"), error))
    return FALSE;
  IdsBounds b
      = { pg->n,
          pg->first_id,
          pg->at,
          p + 1 < pages->len ? g_array_index (pages, Page, p + 1).first_id : w->seg->lex[lang].size,
          w->postings_len,
          w->in->n_blocks };
  if (!decode_ids (w->page->data, w->page->len, &b, w->entries))
    return dl_index_damaged (error, w->seg->name, _ ("bad words of an input"));
  w->page_frame = pg->frame + 1;
  return TRUE;
}

/* The last of @pages (not empty) that starts at @k or before: their
 * structs' guint64 member at @start_at is where each starts, rising. */
static guint
last_starting (const GArray *pages, gsize start_at, guint64 k)
{
  gsize size = g_array_get_element_size ((GArray *) pages);
  guint lo = 0, hi = pages->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      guint64 start;
      memcpy (&start, pages->data + (gsize) mid * size + start_at, sizeof start);
      if (start <= k)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The page of @lang that holds entry @k. */
static guint
page_of (const DlIndexWords *w, DlLang lang, guint64 k)
{
  return last_starting (w->pages[lang], G_STRUCT_OFFSET (Page, start), k);
}

/* Entry @k of @lang, its page read. */
static const Entry *
entry_at (DlIndexWords *w, DlLang lang, guint64 k, GError **error)
{
  if (!words_dir (w, error))
    return NULL;
  g_return_val_if_fail (k < w->size[lang], NULL);
  guint p = page_of (w, lang, k);
  if (!load_page (w, lang, p, error))
    return NULL;
  return &g_array_index (w->entries, Entry, k - g_array_index (w->pages[lang], Page, p).start);
}

/* The decoded page of @lang's lexicon in @w's segment that holds form
 * @id, into *@f, and the form's place in it, into *@k. */
static gboolean
lex_locate (DlIndexWords *w, DlLang lang, guint64 id, const LexForms **f, guint64 *k,
            GError **error)
{
  const Lexicon *lx = &w->seg->lex[lang];
  g_return_val_if_fail (id < lx->size, FALSE);
  /* Forms are most often wanted in order: from the page of the last
   * one, the next few, before a search. */
  guint p = MIN (w->lex_hint[lang], lx->pages->len - 1);
  const LexPage *pg = &g_array_index (lx->pages, LexPage, p);
  for (guint ahead = 0; ahead < 8 && id >= pg->start + pg->n && p + 1 < lx->pages->len; ahead++)
    pg = &g_array_index (lx->pages, LexPage, ++p);
  if (id < pg->start || id - pg->start >= pg->n)
    {
      p = last_starting (lx->pages, G_STRUCT_OFFSET (LexPage, start), id);
      pg = &g_array_index (lx->pages, LexPage, p);
    }
  w->lex_hint[lang] = p;
  *f = lex_page (w->seg, lang, p, w->dctx, w->lex_buf, w->lex_scratch, error);
  *k = id - pg->start;
  return *f != NULL;
}

/* Form @k of the decoded lexicon page @f: its bytes, *@len. */
static inline const char *
lex_forms_at (const LexForms *f, guint64 k, gsize *len)
{
  guint32 from = k > 0 ? f->ends[k - 1] : 0;
  *len = f->ends[k] - from;
  return (const char *) f->forms->data + from;
}

/* Form @id of @lang's lexicon in @w's segment: its bytes, *@len. */
static const char *
lex_form (DlIndexWords *w, DlLang lang, guint64 id, gsize *len, GError **error)
{
  const LexForms *f;
  guint64 k;
  if (!lex_locate (w, lang, id, &f, &k, error))
    return NULL;
  return lex_forms_at (f, k, len);
}

guint64
dl_index_words_lexicon_id (DlIndexWords *w, DlLang lang, guint64 k, GError **error)
{
  const Entry *e = entry_at (w, lang, k, error);
  return e != NULL ? e->id : G_MAXUINT64;
}

guint8 *
dl_index_words_memo (DlIndexWords *w, DlLang lang, gconstpointer owner)
{
  if (w->memo_owner != owner)
    for (int l = 0; l < DL_LANG_COUNT; l++)
      g_clear_pointer (&w->memo[l], g_free);
  w->memo_owner = owner;
  if (w->memo[lang] == NULL)
    w->memo[lang] = g_malloc0 (MAX (w->seg->lex[lang].size, 1));
  return w->memo[lang];
}

const char *
dl_index_words_form (DlIndexWords *w, DlLang lang, guint64 k, gsize *len, guint64 *blocks,
                     GError **error)
{
  const Entry *e = entry_at (w, lang, k, error);
  if (e == NULL)
    return NULL;
  *blocks = e->n;
  return lex_form (w, lang, e->id, len, error);
}

/* The number of the first form of @lang's lexicon in @w's segment not
 * before @form (@len bytes), into *@id (its size if none), and whether
 * it is @form into *@found. */
static gboolean
lex_seek (DlIndexWords *w, DlLang lang, const char *form, gsize len, guint64 *id, gboolean *found,
          GError **error)
{
  const Segment *seg = w->seg;
  const Lexicon *lx = &seg->lex[lang];
  *id = 0;
  *found = FALSE;
  if (lx->pages->len == 0)
    return TRUE;
  /* The last page whose first form is not after it. */
  guint lo = 0, hi = lx->pages->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      const LexPage *pg = &g_array_index (lx->pages, LexPage, mid);
      if (form_order (seg->firsts->data + pg->first_at, pg->first_len, (const guint8 *) form, len)
          <= 0)
        lo = mid;
      else
        hi = mid;
    }
  const LexPage *pg = &g_array_index (lx->pages, LexPage, lo);
  const LexForms *f = lex_page (seg, lang, lo, w->dctx, w->lex_buf, w->lex_scratch, error);
  if (f == NULL)
    return FALSE;
  /* The first of its forms not before it; past them, the next page's
   * first (which is after it). */
  guint64 a = 0, b = pg->n;
  while (a < b)
    {
      guint64 mid = a + (b - a) / 2;
      guint32 from = mid > 0 ? f->ends[mid - 1] : 0;
      if (form_order (f->forms->data + from, f->ends[mid] - from, (const guint8 *) form, len) < 0)
        a = mid + 1;
      else
        b = mid;
    }
  *id = pg->start + a;
  if (a < pg->n)
    {
      guint32 from = a > 0 ? f->ends[a - 1] : 0;
      *found
          = form_order (f->forms->data + from, f->ends[a] - from, (const guint8 *) form, len) == 0;
    }
  return TRUE;
}

/* Puts in @terms the words of input @i and where the word of each form
 * of its counts is, by language, as the counts' frame at @c lists them
 * (pack_counts). FALSE with @error if a word is not in the table. */
static gboolean
form_words (DlIndex *idx, guint i, DlCursor *c, DlIndexTerms *terms, GError **error)
{
  const Input *in = &g_array_index (idx->inputs, Input, i);
  const Segment *seg = idx->segments->pdata[in->segment];
  g_autoptr (DlIndexWords) w = NULL;
  g_autoptr (GArray) at = g_array_new (FALSE, FALSE, sizeof (DlIndexSpan));
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint32));
  terms->lexicon = seg->serial;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      GString *words = terms->words[l];
      GArray *forms = terms->forms[l];
      GArray *ids = terms->ids[l];
      g_string_truncate (words, 0);
      g_array_set_size (forms, 0);
      g_array_set_size (ids, 0);
      terms->lexicon_size[l] = seg->lex[l].size;
      if (seg->lex[l].size > G_MAXUINT32)
        terms->lexicon = 0;
      guint64 n = dl_get_varint (c);
      if (c->bad || n > (guint64) (c->end - c->p))
        return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
      if (n == 0)
        continue;
      g_autoptr (GError) local = NULL;
      if (w == NULL && (w = dl_index_words_open (idx, i, &local)) == NULL)
        {
          if (local == NULL)
            return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* The language's words once, in their order, a page at a time. */
      guint64 size = dl_index_words_has (w, l) ? dl_index_words_size (w, l) : 0;
      g_array_set_size (at, (guint) size);
      g_array_set_size (numbers, (guint) size);
      const GArray *pages = w->pages[l];
      for (guint p = 0; size > 0 && p < pages->len; p++)
        {
          const Page *pg = &g_array_index (pages, Page, p);
          if (!load_page (w, l, p, error))
            return FALSE;
          const Entry *entries = (const Entry *) (gconstpointer) w->entries->data;
          for (guint from = 0; from < w->entries->len; from += FORMS_BATCH)
            {
              /* A batch of forms at once, their places in the lexicon's
               * pages fetched together, then their bytes (the forms of
               * an input are far apart in a lexicon of millions). */
              guint n_batch = MIN (w->entries->len - from, FORMS_BATCH);
              const LexForms *f[FORMS_BATCH] = { NULL };
              guint64 k[FORMS_BATCH] = { 0 };
              const char *text[FORMS_BATCH] = { NULL };
              gsize len[FORMS_BATCH] = { 0 }, sum = 0;
              for (guint e = 0; e < n_batch; e++)
                {
                  if (!lex_locate (w, l, entries[from + e].id, &f[e], &k[e], error))
                    return FALSE;
                  DL_PREFETCH (&f[e]->ends[k[e]]);
                }
              for (guint e = 0; e < n_batch; e++)
                {
                  text[e] = lex_forms_at (f[e], k[e], &len[e]);
                  DL_PREFETCH (text[e]);
                  sum += len[e];
                }
              if (words->len + sum > G_MAXUINT32)
                return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
              gsize end = words->len;
              g_string_set_size (words, end + sum);
              for (guint e = 0; e < n_batch; e++)
                {
                  g_array_index (at, DlIndexSpan, pg->start + from + e)
                      = (DlIndexSpan){ (guint32) end, (guint32) len[e] };
                  g_array_index (numbers, guint32, pg->start + from + e)
                      = (guint32) entries[from + e].id;
                  memcpy (words->str + end, text[e], len[e]);
                  end += len[e];
                }
            }
        }
      g_array_set_size (forms, (guint) n);
      g_array_set_size (ids, (guint) n);
      guint64 k = 0;
      for (guint64 f = 0; f < n; f++)
        {
          k += dl_get_varint (c);
          if (c->bad || k >= size)
            return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
          g_array_index (forms, DlIndexSpan, f) = g_array_index (at, DlIndexSpan, k);
          g_array_index (ids, guint32, f) = g_array_index (numbers, guint32, k);
        }
    }
  if (c->p != c->end)
    return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
  return TRUE;
}

gboolean
dl_index_input_counts (DlIndex *idx, guint i, guint32 variant, GByteArray *out, DlIndexTerms *terms,
                       GError **error)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  if (!in->has_counts || in->variant != variant)
    return FALSE;
  const Segment *seg = idx->segments->pdata[in->segment];
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  g_autoptr (GByteArray) frame = g_byte_array_new ();
  if (!read_frame (seg, &in->counts, dctx, frame, _ ("bad checksum of an input's counts"), error))
    return FALSE;
  DlCursor c = dl_cursor_of (frame->data, frame->len);
  guint64 words = dl_get_varint (&c), len = dl_get_varint (&c);
  const guint8 *counts = dl_get_bytes (&c, len);
  if (counts == NULL || words > 1 || (words == 0 && c.p != c.end))
    return dl_index_damaged (error, seg->name, _ ("bad counts of an input"));
  g_byte_array_append (out, counts, (guint) len);
  if (terms == NULL)
    return TRUE;
  terms->given = words == 1;
  return words == 0 || form_words (idx, i, &c, terms, error);
}

/* Where form @id of @lang's lexicon (which holds it if @there) is among
 * the input's forms: the number of the first not before it, into *@k, and
 * whether it is that one, into *@found (may be NULL). */
static gboolean
table_seek (DlIndexWords *w, DlLang lang, guint64 id, gboolean there, guint64 *k, gboolean *found,
            GError **error)
{
  *k = 0;
  if (found != NULL)
    *found = FALSE;
  if (!words_dir (w, error))
    return FALSE;
  const GArray *pages = w->pages[lang];
  if (pages == NULL || pages->len == 0)
    return TRUE;
  /* The pages whose first form is before it. */
  guint p = 0, hi = pages->len;
  while (p < hi)
    {
      guint mid = p + (hi - p) / 2;
      if (g_array_index (pages, Page, mid).first_id < id)
        p = mid + 1;
      else
        hi = mid;
    }
  if (p == 0)
    {
      if (found != NULL)
        *found = there && g_array_index (pages, Page, 0).first_id == id;
      return TRUE;
    }
  /* The first of the last such page's entries not before it; past them,
   * the next page's first. */
  if (!load_page (w, lang, p - 1, error))
    return FALSE;
  const Page *pg = &g_array_index (pages, Page, p - 1);
  const Entry *entries = (const Entry *) (gconstpointer) w->entries->data;
  guint64 a = 0, b = pg->n;
  while (a < b)
    {
      guint64 mid = a + (b - a) / 2;
      if (entries[mid].id < id)
        a = mid + 1;
      else
        b = mid;
    }
  *k = pg->start + a;
  if (found != NULL)
    *found = there
             && (a < pg->n ? entries[a].id == id
                           : p < pages->len && g_array_index (pages, Page, p).first_id == id);
  return TRUE;
}

gboolean
dl_index_words_seek (DlIndexWords *w, DlLang lang, const char *form, gsize len, guint64 *k,
                     gboolean *found, GError **error)
{
  *k = 0;
  if (found != NULL)
    *found = FALSE;
  if (!dl_index_words_has (w, lang))
    return TRUE;
  /* Where it is among the segment's forms, then among the input's. */
  guint64 id;
  gboolean there;
  return lex_seek (w, lang, form, len, &id, &there, error)
         && table_seek (w, lang, id, there, k, found, error);
}

gboolean
dl_index_words_find (DlIndexWords *w, DlLang lang, const char *form, gsize len, guint64 *k,
                     GError **error)
{
  guint64 from, to;
  if (!dl_index_words_prefix (w, lang, form, len, TRUE, &from, &to, error))
    return FALSE;
  *k = from < to ? from : G_MAXUINT64;
  return TRUE;
}

/* The forms of a range of the lexicon whose inputs are looked at before
 * the input's table is read, at most. */
#define HOLDERS_SCAN 64

/* Whether form @id of @lang's lexicon has its inputs listed, into
 * *@listed, and if so whether @w's input is one, into *@held. FALSE with
 * @error if the lists are damaged. */
static gboolean
held_by (DlIndexWords *w, DlLang lang, guint64 id, gboolean *listed, gboolean *held, GError **error)
{
  const Lexicon *lx = &w->seg->lex[lang];
  guint p = last_starting (lx->pages, G_STRUCT_OFFSET (LexPage, start), id);
  const Holders *h = holders_page (w->seg, lang, p, w->dctx, w->lex_buf, error);
  if (h == NULL)
    return FALSE;
  guint64 k = id - g_array_index (lx->pages, LexPage, p).start;
  guint32 a = h->starts[k], b = h->starts[k + 1], me = w->in->local;
  *listed = a < b;
  while (a < b)
    {
      guint32 mid = a + (b - a) / 2;
      if (h->inputs[mid] < me)
        a = mid + 1;
      else
        b = mid;
    }
  *held = *listed && a < h->starts[k + 1] && h->inputs[a] == me;
  return TRUE;
}

/* Whether @w's input may have one of the forms of @lang's lexicon from
 * @from to @to, into *@any, from the lists of their inputs: it may if
 * one is not listed. FALSE with @error if those are damaged. */
static gboolean
holds_any (DlIndexWords *w, DlLang lang, guint64 from, guint64 to, gboolean *any, GError **error)
{
  *any = FALSE;
  for (guint64 id = from; id < to && !*any; id++)
    {
      gboolean listed, held;
      if (!held_by (w, lang, id, &listed, &held, error))
        return FALSE;
      *any = !listed || held;
    }
  return TRUE;
}

gboolean
dl_index_words_prefix (DlIndexWords *w, DlLang lang, const char *prefix, gsize len, gboolean exact,
                       guint64 *from, guint64 *to, GError **error)
{
  g_return_val_if_fail (exact || len > 0, FALSE);
  *from = *to = 0;
  if (!dl_index_words_has (w, lang))
    return TRUE;
  /* The segment's forms first: none there, the input's table is not
   * read. */
  guint64 id_from, id_to;
  gboolean there;
  if (!lex_seek (w, lang, prefix, len, &id_from, &there, error))
    return FALSE;
  if (exact)
    id_to = id_from + there;
  else
    {
      /* The first form after those: the prefix, its last byte one higher
       * (UTF-8 has no 0xFF byte). */
      g_autofree char *next = g_memdup2 (prefix, len);
      next[len - 1]++;
      gboolean unused;
      if (!lex_seek (w, lang, next, len, &id_to, &unused, error))
        return FALSE;
    }
  if (id_from >= id_to)
    return TRUE;
  if (id_to - id_from <= HOLDERS_SCAN)
    {
      gboolean any;
      if (!holds_any (w, lang, id_from, id_to, &any, error))
        return FALSE;
      if (!any)
        return TRUE;
    }
  gboolean found;
  if (!table_seek (w, lang, id_from, there, from, &found, error))
    return FALSE;
  if (exact)
    *to = *from + found;
  else if (!table_seek (w, lang, id_to, FALSE, to, NULL, error))
    return FALSE;
  return TRUE;
}

/* Appends @len bytes of the postings from @at to @out, reading their
 * chunks (the last one read is kept). */
static gboolean
postings_bytes (DlIndexWords *w, guint64 at, guint64 len, GByteArray *out, GError **error)
{
  while (len > 0)
    {
      guint64 k = at / POSTINGS_CHUNK, off = at % POSTINGS_CHUNK;
      if (w->chunk_k != k + 1)
        {
          w->chunk_k = 0;
          const Block *chunk = &g_array_index (w->in->chunks, Block, k);
          if (!read_frame (w->seg, chunk, w->dctx, w->chunk, _ ("bad checksum of an input's words"),
                           error))
            return FALSE;
          w->chunk_k = k + 1;
        }
      guint64 n = MIN (len, w->chunk->len - off);
      g_byte_array_append (out, w->chunk->data + off, (guint) n);
      at += n;
      len -= n;
    }
  return TRUE;
}

static gint
by_entry (gconstpointer a, gconstpointer b)
{
  const DlIndexMark *x = a, *y = b;
  if (x->lang != y->lang)
    return (x->lang > y->lang) - (x->lang < y->lang);
  return (x->k > y->k) - (x->k < y->k);
}

gboolean
dl_index_words_mark (DlIndexWords *w, DlIndexMark *marks, guint n, guint8 *blocks, guint64 *added,
                     GError **error)
{
  /* In the table's order, which is the postings': each page and each
   * chunk is read once. */
  if (n == 0)
    return TRUE;
  qsort (marks, n, sizeof *marks, by_entry);
  g_autoptr (GByteArray) gaps = g_byte_array_new ();
  guint64 n_blocks = w->in->n_blocks;
  for (guint j = 0; j < n; j++)
    {
      const Entry *e = entry_at (w, marks[j].lang, marks[j].k, error);
      if (e == NULL)
        return FALSE;
      guint64 count = e->n;
      g_byte_array_set_size (gaps, 0);
      if (!postings_bytes (w, e->at, e->bytes, gaps, error))
        return FALSE;
      DlCursor c = dl_cursor_of (gaps->data, gaps->len);
      guint64 block = 0;
      for (guint64 b = 0; b < count; b++)
        {
          guint64 gap = dl_get_varint (&c);
          if (c.bad || gap == 0 || gap > n_blocks - block)
            return dl_index_damaged (error, w->seg->name, _ ("bad words of an input"));
          block += gap;
          if (added != NULL)
            *added += blocks[block - 1] == 0;
          blocks[block - 1] = 1;
        }
      if (c.p != c.end)
        return dl_index_damaged (error, w->seg->name, _ ("bad words of an input"));
    }
  return TRUE;
}

guint64
dl_index_input_blocks (const DlIndex *idx, guint i)
{
  g_return_val_if_fail (i < idx->inputs->len, 0);
  return g_array_index (idx->inputs, Input, i).n_blocks;
}

/* Block @b of input @i. */
static const Block *
input_block (const DlIndex *idx, guint i, guint64 b)
{
  const Input *in = &g_array_index (idx->inputs, Input, i);
  const Segment *seg = idx->segments->pdata[in->segment];
  return &g_array_index (seg->blocks, Block, in->first_block + b);
}

void
dl_index_input_tokens (const DlIndex *idx, guint i, guint64 tokens[DL_LANG_COUNT][DL_TOKEN_KINDS])
{
  dl_index_blocks_tokens (idx, i, 0, dl_index_input_blocks (idx, i), tokens);
}

void
dl_index_blocks_tokens (const DlIndex *idx, guint i, guint64 from, guint64 to,
                        guint64 tokens[DL_LANG_COUNT][DL_TOKEN_KINDS])
{
  g_return_if_fail (from <= to && to <= dl_index_input_blocks (idx, i));
  memset (tokens, 0, sizeof (guint64) * DL_LANG_COUNT * DL_TOKEN_KINDS);
  for (guint64 b = from; b < to; b++)
    {
      const Block *blk = input_block (idx, i, b);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        for (int k = 0; k < DL_TOKEN_KINDS; k++)
          tokens[l][k] += blk->tokens[l][k];
    }
}

guint64
dl_index_block_bytes (const DlIndex *idx, guint i, guint64 b)
{
  g_return_val_if_fail (b < dl_index_input_blocks (idx, i), 0);
  return input_block (idx, i, b)->rlen;
}

/* Walks from block @b by @step while the blocks passed hold less than
 * @need's reach in tokens, then less than its tokens and columns: the
 * last block it needed, or -1 / n past the input's end. */
static gint64
walk_blocks (const DlIndex *idx, guint i, gint64 b, int step, const DlIndexNeed *need)
{
  gint64 n = (gint64) dl_index_input_blocks (idx, i);
  guint64 tokens = 0, cols = 0;
  gboolean reached = need->reach == 0;
  for (b += step; b >= 0 && b < n; b += step)
    {
      const Block *blk = input_block (idx, i, (guint64) b);
      guint64 t = 0;
      for (int l = 0; l < DL_LANG_COUNT; l++)
        for (int k = 0; k < DL_TOKEN_KINDS; k++)
          if (need->kinds == 0 || (need->kinds >> k & 1))
            t += blk->tokens[l][k];
      if (!reached)
        {
          /* Blocks wholly given to the phrase's reach: their columns and
           * tokens may all be its. */
          tokens += t;
          if (tokens >= need->reach)
            {
              reached = TRUE;
              tokens = cols = 0;
            }
          continue;
        }
      tokens += t;
      cols += blk->cols;
      if (tokens >= need->tokens && cols >= need->cols)
        return b;
    }
  return b;
}

void
dl_index_input_ranges (const DlIndex *idx, guint i, const guint8 *marks, const DlIndexNeed *before,
                       const DlIndexNeed *after, GArray *ranges)
{
  gint64 n = (gint64) dl_index_input_blocks (idx, i);
  g_array_set_size (ranges, 0);
  for (gint64 b = 0; b < n; b++)
    {
      if (!(marks[b] & DL_INDEX_MARK_READ))
        continue;
      guint64 from = marks[b] & DL_INDEX_MARK_HOLDS_BEFORE
                         ? (guint64) b
                         : (guint64) MAX (walk_blocks (idx, i, b, -1, before), 0);
      guint64 to = marks[b] & DL_INDEX_MARK_HOLDS_AFTER
                       ? (guint64) b + 1
                       : (guint64) MIN (walk_blocks (idx, i, b, 1, after) + 1, n);
      if (ranges->len > 0 && from <= g_array_index (ranges, guint64, ranges->len - 1))
        g_array_index (ranges, guint64, ranges->len - 1)
            = MAX (to, g_array_index (ranges, guint64, ranges->len - 1));
      else
        {
          g_array_append_val (ranges, from);
          g_array_append_val (ranges, to);
        }
    }
}

/* ---- Lines read back ---- */

struct _DlIndexLines {
  DlIndex *idx;
  const Input *in;
  const Segment *seg;
  /* Made once, kept by dl_index_lines_reopen. */
  ZSTD_DCtx *dctx;
  GByteArray *src; /* a block's compressed bytes */
  GByteArray *block;
  const Block *loaded; /* the block @block holds, or NULL */
  DlCursor c;
  guint64 next_block; /* of the input's */
  guint64 left;       /* lines left in the current block */
  guint64 at;         /* lines given of it */
  guint64 number, offset;
  gboolean done;
  GArray *ranges; /* dl_index_lines_restrict's, or NULL: every block */
  guint range;    /* the next pair */
  gboolean gap;   /* blocks were skipped before the current one */
  gboolean part;  /* dl_index_lines_part's: the input does not end here */
};

void
dl_index_lines_restrict (DlIndexLines *r, const guint64 *ranges, guint n)
{
  if (r->ranges == NULL)
    r->ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_set_size (r->ranges, 0);
  g_array_append_vals (r->ranges, ranges, 2 * n);
  r->range = 0;
}

void
dl_index_lines_part (DlIndexLines *r, const guint64 *ranges, guint n, gboolean gap, gboolean last)
{
  g_return_if_fail (n > 0 && ranges[0] < ranges[1] && ranges[2 * n - 1] <= r->in->n_blocks);
  dl_index_lines_restrict (r, ranges, n);
  r->next_block = ranges[0];
  r->left = 0;
  r->c = (DlCursor){ NULL, NULL, FALSE };
  r->done = FALSE;
  r->gap = gap;
  r->part = !last;
}

/* The block to read after the current one: the next in the ranges. */
static guint64
next_wanted (DlIndexLines *r)
{
  if (r->ranges == NULL)
    return r->next_block;
  while (r->range < r->ranges->len)
    {
      guint64 from = g_array_index (r->ranges, guint64, r->range);
      guint64 to = g_array_index (r->ranges, guint64, r->range + 1);
      if (r->next_block < to)
        return MAX (r->next_block, from);
      r->range += 2;
    }
  return r->in->n_blocks;
}

static void
set_build_error (const Input *in, GError **error)
{
  g_set_error_literal (error, DL_ERROR, (gint) in->code, in->message);
}

DlIndexLines *
dl_index_lines_open (DlIndex *idx, guint i, GError **error)
{
  g_autoptr (DlIndexLines) r = g_new0 (DlIndexLines, 1);
  r->src = g_byte_array_new ();
  r->block = g_byte_array_new ();
  if (!dl_index_lines_reopen (r, idx, i, error))
    return NULL;
  return g_steal_pointer (&r);
}

gboolean
dl_index_lines_reopen (DlIndexLines *r, DlIndex *idx, guint i, GError **error)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  if (in->at_open)
    {
      set_build_error (in, error);
      return FALSE;
    }
  dl_index_ref (idx);
  dl_index_unref (r->idx);
  r->idx = idx;
  r->in = in;
  r->seg = idx->segments->pdata[in->segment];
  /* What the buffers hold is another input's. */
  r->loaded = NULL;
  r->c = (DlCursor){ NULL, NULL, FALSE };
  r->next_block = r->left = r->number = r->offset = 0;
  r->done = r->gap = r->part = FALSE;
  if (r->ranges != NULL)
    g_array_unref (r->ranges);
  r->ranges = NULL;
  r->range = 0;
  return TRUE;
}

void
dl_index_lines_free (DlIndexLines *r)
{
  if (r == NULL)
    return;
  ZSTD_freeDCtx (r->dctx);
  g_byte_array_unref (r->src);
  g_byte_array_unref (r->block);
  if (r->ranges != NULL)
    g_array_unref (r->ranges);
  dl_index_unref (r->idx);
  g_free (r);
}

/* Reads block @b of @seg into @r. */
static gboolean
load_block (DlIndexLines *r, const Block *blk, GError **error)
{
  /* Made when first needed: a reader of an input none of whose blocks a
   * query needs makes none (making them was 6 % of `kwic abalka` over
   * an index of 2,148 files). */
  if (r->dctx == NULL)
    r->dctx = ZSTD_createDCtx ();
  /* A block read again (its edges looked at first) is not decompressed
   * again. */
  if (r->loaded != blk)
    {
      r->loaded = NULL;
      if (!read_frame_through (r->seg, blk, r->dctx, r->src, r->block,
                               _ ("bad checksum of a block"), error))
        return FALSE;
      r->loaded = blk;
    }
  r->c = dl_cursor_of (r->block->data, r->block->len);
  r->left = blk->lines;
  r->number = r->offset = 0;
  r->at = 0;
  return TRUE;
}

gboolean
dl_index_lines_next (DlIndexLines *r, DlIndexLine *line, GError **error)
{
  if (r->done)
    return FALSE;
  while (r->left == 0)
    {
      if (r->c.p != r->c.end)
        {
          r->done = TRUE;
          return dl_index_damaged (error, r->seg->name, _ ("bad block"));
        }
      guint64 next = next_wanted (r);
      if (next != r->next_block)
        r->gap = TRUE;
      r->next_block = MIN (next, r->in->n_blocks);
      if (r->next_block == r->in->n_blocks)
        {
          r->done = TRUE;
          if (r->in->failed && !r->part)
            set_build_error (r->in, error);
          return FALSE;
        }
      const Block *blk = &g_array_index (r->seg->blocks, Block, r->in->first_block + r->next_block);
      r->next_block++;
      if (!load_block (r, blk, error))
        {
          r->done = TRUE;
          return FALSE;
        }
    }
  DlCursor *c = &r->c;
  gint64 dnum = dl_get_zigzag (c), doff = dl_get_zigzag (c);
  guint64 len = dl_get_varint (c);
  const guint8 *flags = dl_get_bytes (c, 1);
  const guint8 *text = dl_get_bytes (c, len);
  guint lang = flags != NULL ? *flags & 3 : 0, enc = flags != NULL ? *flags >> 2 : 0;
  r->number += (guint64) dnum;
  r->offset += (guint64) doff;
  if (c->bad || text == NULL || lang >= DL_LANG_COUNT || enc > r->in->encodings->len
      || r->number == 0 || !dl_utf8_valid ((const char *) text, len))
    {
      r->done = TRUE;
      return dl_index_damaged (error, r->seg->name, _ ("bad line in a block"));
    }
  r->left--;
  line->text = (const char *) text;
  line->len = len;
  line->number = r->number;
  line->offset = r->offset;
  line->encoding = enc == 0 ? NULL : r->in->encodings->pdata[enc - 1];
  line->lang = (DlLang) lang;
  line->gap = r->gap;
  line->block = r->next_block - 1;
  line->at = r->at++;
  r->gap = FALSE;
  return TRUE;
}

/* Whether @n lines (@texts, @lens), taken from the start (@step 1) or the
 * end (-1), hold @cols columns before the first that @test takes. */
static gboolean
holds_side (const guint8 **texts, const gsize *lens, gsize n, int step, guint64 cols,
            DlIndexLineTest test, gpointer user_data)
{
  guint64 seen = 0;
  for (gsize k = 0; k < n && seen < cols; k++)
    {
      gsize j = step > 0 ? k : n - 1 - k;
      if (test ((const char *) texts[j], lens[j], user_data))
        return FALSE;
      seen += dl_index_line_cols ((const char *) texts[j], lens[j]);
    }
  return TRUE;
}

gboolean
dl_index_lines_edges (DlIndexLines *r, guint64 b, guint64 before, guint64 after,
                      DlIndexLineTest test, gpointer user_data, gboolean *holds_before,
                      gboolean *holds_after, GError **error)
{
  g_return_val_if_fail (b < r->in->n_blocks, FALSE);
  /* Between blocks: what the reader gives next is kept. */
  g_return_val_if_fail (r->left == 0 && r->c.p == r->c.end, FALSE);
  const Block *blk = &g_array_index (r->seg->blocks, Block, r->in->first_block + b);
  guint64 number = r->number, offset = r->offset;
  if (!load_block (r, blk, error))
    return FALSE;
  /* The block is walked apart: the reader is as it was, but for the
   * block it holds. */
  DlCursor walk = r->c, *c = &walk;
  r->c = (DlCursor){ NULL, NULL, FALSE };
  r->left = 0;
  r->number = number;
  r->offset = offset;
  /* A line's record takes four bytes at least. */
  if (blk->lines > r->block->len / 4)
    return dl_index_damaged (error, r->seg->name, _ ("bad block"));
  /* Where each line's text lies: the records are walked, their texts
   * neither checked nor copied. */
  g_autofree const guint8 **texts = g_new (const guint8 *, MAX (blk->lines, 1));
  g_autofree gsize *lens = g_new (gsize, MAX (blk->lines, 1));
  for (guint64 k = 0; k < blk->lines; k++)
    {
      dl_get_zigzag (c);
      dl_get_zigzag (c);
      guint64 len = dl_get_varint (c);
      dl_get_bytes (c, 1);
      texts[k] = dl_get_bytes (c, len);
      lens[k] = (gsize) len;
      if (c->bad || texts[k] == NULL)
        return dl_index_damaged (error, r->seg->name, _ ("bad line in a block"));
    }
  if (c->p != c->end)
    return dl_index_damaged (error, r->seg->name, _ ("bad block"));
  *holds_before = holds_side (texts, lens, blk->lines, 1, before, test, user_data);
  *holds_after = holds_side (texts, lens, blk->lines, -1, after, test, user_data);
  return TRUE;
}

/* Checks input @i's words: every page and chunk, each block they name
 * exists. */
static gboolean
verify_words (DlIndex *idx, guint i, guint64 *entries, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, &local);
  if (w == NULL && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (w == NULL)
    return TRUE;
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (DlIndexMark));
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint64 k = 0; k < dl_index_words_size (w, l); k++)
      {
        DlIndexMark m = { .lang = l, .k = k };
        g_array_append_val (marks, m);
        /* Among the inputs of its form, if they are listed. */
        guint64 id = dl_index_words_lexicon_id (w, l, k, error);
        gboolean listed, held;
        if (id == G_MAXUINT64 || !held_by (w, l, id, &listed, &held, error))
          return FALSE;
        if (listed && !held)
          return dl_index_damaged (error, w->seg->name, _ ("bad lexicon"));
        entries[l] += listed;
      }
  g_autofree guint8 *blocks = g_malloc0 (MAX (w->in->n_blocks, 1));
  return dl_index_words_mark (w, (DlIndexMark *) (gpointer) marks->data, marks->len, blocks, NULL,
                              error);
}

gboolean
dl_index_input_has_tokens (const DlIndex *idx, guint i)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const GArray *tokens = g_array_index (idx->inputs, Input, i).tokens;
  return tokens != NULL && tokens->len > 0;
}

gboolean
dl_index_block_tokens (DlIndex *idx, guint i, guint64 b, ZSTD_DCtx *dctx, GByteArray *out,
                       GError **error)
{
  g_return_val_if_fail (dl_index_input_has_tokens (idx, i), FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  g_return_val_if_fail (b < in->tokens->len, FALSE);
  const Segment *seg = idx->segments->pdata[in->segment];
  return read_frame (seg, &g_array_index (in->tokens, Block, b), dctx, out,
                     _ ("bad checksum of a block's tokens"), error);
}

void
dl_index_tokens_init (DlIndexTokens *t)
{
  t->langs = g_array_new (FALSE, FALSE, sizeof (guint8));
  t->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->words = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
dl_index_tokens_clear (DlIndexTokens *t)
{
  g_clear_pointer (&t->langs, g_array_unref);
  g_clear_pointer (&t->starts, g_array_unref);
  g_clear_pointer (&t->words, g_array_unref);
}

gboolean
dl_index_tokens_decode (const guint8 *data, gsize len, DlIndexTokens *t)
{
  DlCursor c = dl_cursor_of (data, len);
  guint64 lines = dl_get_varint (&c);
  if (c.bad || lines > len)
    return FALSE;
  /* Each language's words of the block, then the tokens: no more of
   * either than bytes. */
  g_array_set_size (t->words, (guint) len);
  g_array_set_size (t->langs, (guint) lines);
  g_array_set_size (t->starts, (guint) lines + 1);
  guint32 *words = (guint32 *) (gpointer) t->words->data;
  guint8 *langs = (guint8 *) t->langs->data;
  guint32 *starts = (guint32 *) (gpointer) t->starts->data;
  guint32 first[DL_LANG_COUNT + 1], n_words = 0;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint64 n = dl_get_varint (&c), word = 0;
      if (c.bad || n > (guint64) (c.end - c.p))
        return FALSE;
      first[l] = n_words;
      for (guint64 k = 0; k < n; k++)
        {
          guint64 gap = dl_get_varint (&c);
          if (c.bad || (k > 0 && gap == 0) || gap > G_MAXUINT32 - word)
            return FALSE;
          word += gap;
          words[n_words++] = (guint32) word;
        }
    }
  first[DL_LANG_COUNT] = n_words;
  guint32 dict_len = n_words;
  for (guint64 k = 0; k < lines; k++)
    {
      guint64 head = dl_get_varint (&c), n = head >> 2;
      guint8 lang = (guint8) (head & 3);
      if (c.bad || lang >= DL_LANG_COUNT || n > (guint64) (c.end - c.p))
        return FALSE;
      langs[k] = lang;
      starts[k] = n_words - dict_len;
      guint32 from = first[lang], size = first[lang + 1] - from;
      for (guint64 j = 0; j < n; j++)
        {
          guint64 place = dl_get_varint (&c);
          if (c.bad || place >= size)
            return FALSE;
          words[n_words++] = words[from + (guint32) place];
        }
    }
  if (c.p != c.end)
    return FALSE;
  starts[lines] = n_words - dict_len;
  memmove (words, words + dict_len, (gsize) (n_words - dict_len) * sizeof (guint32));
  g_array_set_size (t->words, n_words - dict_len);
  return TRUE;
}

/* Checks the tokens of input @i's blocks against its lines (as many in
 * each block), the tokens its blocks count of each language and its
 * words (each token a word of its line's language). */
static gboolean
verify_tokens (DlIndex *idx, guint i, GError **error)
{
  const Input *in = &g_array_index (idx->inputs, Input, i);
  const Segment *seg = idx->segments->pdata[in->segment];
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, error);
  if (w == NULL || !dl_index_words_load (w, error))
    return FALSE;
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, i, error);
  if (r == NULL)
    return FALSE;
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  g_autoptr (GByteArray) frame = g_byte_array_new ();
  const Block *blocks = &g_array_index (seg->blocks, Block, in->first_block);
  DlIndexTokens t;
  dl_index_tokens_init (&t);
  gboolean ok = TRUE;
  for (guint64 b = 0; ok && b < in->n_blocks; b++)
    {
      if (!dl_index_block_tokens (idx, i, b, dctx, frame, error))
        {
          dl_index_tokens_clear (&t);
          return FALSE;
        }
      ok = dl_index_tokens_decode (frame->data, frame->len, &t) && t.langs->len == blocks[b].lines;
      guint64 by_lang[DL_LANG_COUNT] = { 0 };
      for (guint k = 0; ok && k < t.langs->len; k++)
        {
          DlIndexLine line;
          if (!dl_index_lines_next (r, &line, error))
            {
              dl_index_tokens_clear (&t);
              return FALSE;
            }
          guint8 lang = g_array_index (t.langs, guint8, k);
          guint32 from = g_array_index (t.starts, guint32, k);
          guint32 to = g_array_index (t.starts, guint32, k + 1);
          guint64 size = dl_index_words_has (w, lang) ? dl_index_words_size (w, lang) : 0;
          ok = lang == line.lang;
          for (guint32 j = from; ok && j < to; j++)
            ok = g_array_index (t.words, guint32, j) < size;
          by_lang[lang] += to - from;
        }
      for (int l = 0; ok && l < DL_LANG_COUNT; l++)
        {
          guint64 counted = 0;
          for (int kind = 0; kind < DL_TOKEN_KINDS; kind++)
            counted += blocks[b].tokens[l][kind];
          ok = counted == by_lang[l];
        }
    }
  dl_index_tokens_clear (&t);
  if (!ok)
    return dl_index_damaged (error, seg->name, _ ("bad tokens of a block"));
  return TRUE;
}

gboolean
dl_index_verify (DlIndex *idx, GError **error)
{
  /* Per segment and language, its inputs' entries. */
  g_autofree guint64 *entries = g_new0 (guint64, (gsize) idx->segments->len * DL_LANG_COUNT);
  for (guint i = 0; i < idx->inputs->len; i++)
    {
      const Input *in = &g_array_index (idx->inputs, Input, i);
      if (in->at_open)
        continue;
      g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, i, error);
      if (r == NULL)
        return FALSE;
      DlIndexLine line;
      guint64 lines = 0, bytes = 0, by_lang[DL_LANG_COUNT] = { 0 };
      g_autoptr (GError) local = NULL;
      while (dl_index_lines_next (r, &line, &local))
        {
          lines++;
          bytes += line.len;
          by_lang[line.lang]++;
        }
      if (local != NULL && (!in->failed || local->code == DL_ERROR_INDEX))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_autoptr (GByteArray) counts = g_byte_array_new ();
      DlIndexTerms terms;
      dl_index_terms_init (&terms);
      gboolean counts_ok
          = !in->has_counts || dl_index_input_counts (idx, i, in->variant, counts, &terms, error);
      dl_index_terms_clear (&terms);
      if (!counts_ok)
        return FALSE;
      if (!verify_words (idx, i, &entries[(gsize) in->segment * DL_LANG_COUNT], error))
        return FALSE;
      if (dl_index_input_has_tokens (idx, i) && !verify_tokens (idx, i, error))
        return FALSE;
      if (lines != in->lines || bytes != in->text_bytes || by_lang[0] != in->by_lang[0]
          || by_lang[1] != in->by_lang[1] || by_lang[2] != in->by_lang[2])
        {
          const Segment *seg = idx->segments->pdata[in->segment];
          return dl_index_damaged (error, seg->name,
                                   _ ("its lines are not the ones its table counts"));
        }
    }
  /* Every page of every lexicon, in order, those no input's words name
   * too, and the inputs of its forms: each listed an input's entry (as
   * above), as many as the entries of the forms listed. */
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (Form));
  for (guint s = 0; s < idx->segments->len; s++)
    {
      const Segment *seg = idx->segments->pdata[s];
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          guint64 held = 0;
          for (guint p = 0; p < seg->lex[l].pages->len; p++)
            {
              const Holders *h = holders_page (seg, l, p, dctx, buf, error);
              if (h == NULL || lex_page (seg, l, p, dctx, buf, scratch, error) == NULL)
                return FALSE;
              held += h->starts[g_array_index (seg->lex[l].pages, LexPage, p).n];
            }
          if (held != entries[(gsize) s * DL_LANG_COUNT + l])
            return dl_index_damaged (error, seg->name, _ ("bad lexicon"));
        }
    }
  return TRUE;
}

/* ---- Building ---- */

/* A piece's frames compressed and stored on a thread of their own, in
 * order, while the piece's thread goes on: over one large input zstd was
 * an eighth of the build, all of it on the thread that reads. The blocks
 * while the input is read, then the frames of its end (postings, pages,
 * counts, directory) while its words are merged: the end of a large
 * input is one thread's work, and its frames were a tenth of it. While
 * it runs, the packer alone touches the piece's blocks, chunks, pages,
 * frames, stored bytes and compressor. */
typedef struct {
  GThread *thread;
  GAsyncQueue *todo;  /* PackJob, then the Packer itself: the end */
  GAsyncQueue *spare; /* GByteArray: buffers the piece fills */
  gint errsv;         /* the first failure's errno, or 0 */
} Packer;

typedef struct {
  GByteArray *raw;
  Block meta;   /* a block's lines, tokens and columns */
  GArray *into; /* Block: where its frame is listed (blocks, chunks, pages), */
  Block *one;   /* or NULL and this is it (the counts', the directory's) */
} PackJob;

/* A page of an input's table of words as its builder gave it
 * (DlWordsPage), kept until the index's builder numbers its forms in the
 * segment's lexicon (dl_index_builder_add). */
typedef struct {
  DlLang lang;
  guint64 n, at;     /* entries; where the first one's gaps begin */
  gsize offset, len; /* in DlIndexPiece.raw_pages */
} RawPage;

struct _DlIndexPiece {
  char *path;
  gint64 size;
  guint64 lines, text_bytes, by_lang[DL_LANG_COUNT];
  GPtrArray *encodings; /* interned */
  GByteArray *raw;      /* the block being filled */
  guint64 raw_lines;
  guint64 number, offset; /* of the block's last line */
  GArray *blocks;         /* Block, offsets from the piece's start */
  guint32 n_blocks;       /* blocks closed, stored or not yet */
  Packer *packer;         /* or NULL: blocks stored on the piece's thread */
  guint64 stored;         /* compressed bytes so far */
  DlSpill *frames;
  ZSTD_CCtx *cctx;
  GByteArray *packed;
  gboolean failed, at_open;
  guint code;
  char *message;
  GByteArray *notes;
  guint64 n_notes;
  DlIndexCountsSave save_counts; /* or NULL */
  gpointer save_data;
  guint32 variant;
  Block counts_frame;
  gsize block_target;
  guint64 raw_tokens[DL_LANG_COUNT][DL_TOKEN_KINDS], raw_cols; /* of the block being filled */
  /* Its words (dl_index_piece_token). */
  guint tokenized; /* languages, 1 << DlLang; 0: no words */
  DlWordsBuild *words;
  DlWordsTerm term;
  gpointer term_data;
  DlNormalizer *norm;
  GByteArray *postings;  /* the gaps not yet in a chunk */
  GArray *chunks;        /* Block: the chunks of the postings */
  guint64 postings_len;  /* their bytes */
  GByteArray *raw_pages; /* the words' table as it came, one page after another */
  GArray *pages;         /* RawPage: its pages */
  gboolean keep_tokens;  /* dl_index_piece_keep_tokens */
  GArray *tokens;        /* Block: each block's tokens, after the postings */
};

static gboolean packer_stop (DlIndexPiece *p);

void
dl_index_piece_set_counts (DlIndexPiece *p, guint32 variant, DlIndexCountsSave save,
                           gpointer user_data)
{
  p->save_counts = save;
  p->save_data = user_data;
  p->variant = variant;
}

void
dl_index_piece_note (DlIndexPiece *p, DlDiagLevel level, gboolean about_file, guint64 line,
                     const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  dl_put_varint (p->notes, level);
  dl_put_varint (p->notes, about_file != FALSE);
  dl_put_varint (p->notes, line);
  dl_put_string (p->notes, valid);
  p->n_notes++;
}

DlIndexPiece *
dl_index_piece_new (const char *path, gint64 size)
{
  DlIndexPiece *p = g_new0 (DlIndexPiece, 1);
  p->path = g_strdup (path);
  p->size = size;
  p->encodings = g_ptr_array_new ();
  p->raw = g_byte_array_sized_new (BLOCK_TARGET + 4096);
  p->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  /* For the tests: small blocks make a small corpus many, and a piece's
   * frames may go to its temporary file from the first. */
  gsize memory = (gsize) dl_env_number ("DERLEM_INDEX_PIECE_MEMORY", PIECE_MEMORY, PIECE_MEMORY);
  p->block_target = (gsize) dl_env_number ("DERLEM_INDEX_BLOCK_BYTES", BLOCK_TARGET, BLOCK_TARGET);
  p->frames = dl_spill_new (memory);
  p->packed = g_byte_array_new ();
  p->notes = g_byte_array_new ();
  p->postings = g_byte_array_new ();
  p->chunks = g_array_new (FALSE, FALSE, sizeof (Block));
  p->raw_pages = g_byte_array_new ();
  p->pages = g_array_new (FALSE, FALSE, sizeof (RawPage));
  p->tokens = g_array_new (FALSE, FALSE, sizeof (Block));
  return p;
}

void
dl_index_piece_free (DlIndexPiece *p)
{
  if (p == NULL)
    return;
  packer_stop (p);
  g_free (p->path);
  g_free (p->message);
  g_ptr_array_unref (p->encodings);
  g_byte_array_unref (p->raw);
  g_array_unref (p->blocks);
  dl_spill_free (p->frames);
  ZSTD_freeCCtx (p->cctx);
  g_byte_array_unref (p->packed);
  g_byte_array_unref (p->notes);
  dl_words_build_free (p->words);
  g_byte_array_unref (p->postings);
  g_array_unref (p->chunks);
  g_byte_array_unref (p->raw_pages);
  g_array_unref (p->pages);
  g_array_unref (p->tokens);
  g_free (p);
}

/* Compresses @len bytes of @data into the piece's next frame, described
 * in *@blk (its lines not set). FALSE as dl_index_piece_add. */
static gboolean
pack_frame (DlIndexPiece *p, const guint8 *data, gsize len, Block *blk)
{
  if (p->cctx == NULL)
    p->cctx = ZSTD_createCCtx ();
  g_byte_array_set_size (p->packed, (guint) ZSTD_compressBound (len));
  size_t n = ZSTD_compressCCtx (p->cctx, p->packed->data, p->packed->len, data, len, ZSTD_LEVEL);
  if (ZSTD_isError (n))
    {
      errno = ENOMEM;
      return FALSE;
    }
  *blk = (Block){
    .offset = p->stored, .clen = n, .rlen = len, .crc = dl_crc32 (p->packed->data, n)
  };
  p->stored += n;
  return dl_spill_append (p->frames, p->packed->data, n);
}

/* Compresses @len bytes of @raw into the piece's frames, described by
 * @meta but for where it is stored, and lists it in @into, or in *@one.
 * FALSE as dl_index_piece_add. */
static gboolean
store_frame (DlIndexPiece *p, const guint8 *raw, gsize len, const Block *meta, GArray *into,
             Block *one)
{
  Block blk;
  if (!pack_frame (p, raw, len, &blk))
    return FALSE;
  blk.lines = meta->lines;
  memcpy (blk.tokens, meta->tokens, sizeof blk.tokens);
  blk.cols = meta->cols;
  if (into != NULL)
    g_array_append_val (into, blk);
  else
    *one = blk;
  return TRUE;
}

static gpointer
packer_run (gpointer data)
{
  DlIndexPiece *p = data;
  Packer *pk = p->packer;
  gpointer item;
  while ((item = g_async_queue_pop (pk->todo)) != pk)
    {
      PackJob *job = item;
      if (g_atomic_int_get (&pk->errsv) == 0
          && !store_frame (p, job->raw->data, job->raw->len, &job->meta, job->into, job->one))
        g_atomic_int_set (&pk->errsv, dl_errno_failed ());
      g_byte_array_set_size (job->raw, 0);
      g_async_queue_push (pk->spare, job->raw);
      g_free (job);
    }
  return NULL;
}

/* Starts the piece's packer, with @spare buffers besides the piece's own;
 * without a thread the blocks are stored by the piece's thread. */
static void
packer_start (DlIndexPiece *p, guint spare)
{
  Packer *pk = g_new0 (Packer, 1);
  pk->todo = g_async_queue_new ();
  pk->spare = g_async_queue_new_full ((GDestroyNotify) g_byte_array_unref);
  for (guint i = 0; i < spare; i++)
    g_async_queue_push (pk->spare, g_byte_array_sized_new ((guint) p->block_target + 4096));
  p->packer = pk;
  pk->thread = g_thread_try_new ("derlem packer", packer_run, p, NULL);
  if (pk->thread == NULL)
    {
      p->packer = NULL;
      g_async_queue_unref (pk->todo);
      g_async_queue_unref (pk->spare);
      g_free (pk);
    }
}

/* Waits for the blocks given to the packer to be stored, and stops it.
 * FALSE with errno if one could not be. */
static gboolean
packer_stop (DlIndexPiece *p)
{
  Packer *pk = p->packer;
  if (pk == NULL)
    return TRUE;
  g_async_queue_push (pk->todo, pk);
  g_thread_join (pk->thread);
  p->packer = NULL;
  int errsv = pk->errsv;
  g_async_queue_unref (pk->todo);
  g_async_queue_unref (pk->spare);
  g_free (pk);
  errno = errsv;
  return errsv == 0;
}

/* Hands @job to the packer: FALSE with errno if it failed already. */
static gboolean
packer_give (DlIndexPiece *p, PackJob *job)
{
  int errsv = g_atomic_int_get (&p->packer->errsv);
  if (errsv != 0)
    {
      g_byte_array_set_size (job->raw, 0);
      g_async_queue_push (p->packer->spare, job->raw);
      g_free (job);
      errno = errsv;
      return FALSE;
    }
  g_async_queue_push (p->packer->todo, job);
  return TRUE;
}

/* Stores @len bytes of @data as the piece's next frame, listed in @into
 * or in *@one: by the packer if it runs (a copy), else here. */
static gboolean
put_frame (DlIndexPiece *p, const guint8 *data, gsize len, GArray *into, Block *one)
{
  static const Block none = { 0 };
  if (p->packer == NULL)
    return store_frame (p, data, len, &none, into, one);
  PackJob *job = g_new0 (PackJob, 1);
  job->raw = g_async_queue_pop (p->packer->spare);
  g_byte_array_append (job->raw, data, (guint) len);
  job->into = into;
  job->one = one;
  // cppcheck-suppress memleak ; the queue holds job, packer_run frees it
  return packer_give (p, job);
}

/* Packs the postings gathered into the piece's next chunk. */
static gboolean
flush_postings (DlIndexPiece *p)
{
  gboolean ok = put_frame (p, p->postings->data, p->postings->len, p->chunks, NULL);
  g_byte_array_set_size (p->postings, 0);
  return ok;
}

/* Closes the block being filled: compressed into the piece's frames, by
 * the packer if more are to come. */
static gboolean
flush_block (DlIndexPiece *p, gboolean more)
{
  if (p->raw_lines == 0)
    return TRUE;
  Block meta = { .lines = p->raw_lines, .cols = p->raw_cols };
  memcpy (meta.tokens, p->raw_tokens, sizeof meta.tokens);
  /* A small input is one of many read at once, on every core: its
   * blocks are compressed where they are filled, in its thread's cache
   * (a packer each made the build of 199 files of the 100 MB corpus 4 %
   * slower). */
  if (more && p->packer == NULL
      && (p->size < 0 || (guint64) p->size >= PACKER_BLOCKS * p->block_target))
    packer_start (p, 2);
  gboolean ok;
  if (p->packer != NULL)
    {
      PackJob *job = g_new0 (PackJob, 1);
      job->raw = p->raw;
      job->meta = meta;
      job->into = p->blocks;
      p->raw = g_async_queue_pop (p->packer->spare);
      // cppcheck-suppress memleak ; the queue holds job, packer_run frees it
      ok = packer_give (p, job);
    }
  else
    {
      ok = store_frame (p, p->raw->data, p->raw->len, &meta, p->blocks, NULL);
      g_byte_array_set_size (p->raw, 0);
    }
  p->n_blocks++;
  p->raw_lines = 0;
  memset (p->raw_tokens, 0, sizeof p->raw_tokens);
  p->raw_cols = 0;
  p->number = p->offset = 0;
  return ok;
}

/* Its ASCII bytes + 1: each takes one column once shown (a control
 * character as a space), so they are at most the line's columns, and 1
 * for its break. */
guint64
dl_index_line_cols (const char *text, gsize len)
{
  guint64 n = 1;
  for (gsize i = 0; i < len; i++)
    n += (guchar) text[i] < 0x80;
  return n;
}

gboolean
dl_index_piece_add (DlIndexPiece *p, const DlIndexLine *line)
{
  /* A full block is closed before the next line, not after its last:
   * that line's tokens (dl_index_piece_token) come after it. */
  if (p->raw->len >= p->block_target && !flush_block (p, TRUE))
    return FALSE;
  guint enc = 0;
  if (line->encoding != NULL)
    {
      const char *name = g_intern_string (line->encoding);
      while (enc < p->encodings->len && p->encodings->pdata[enc] != name)
        enc++;
      if (enc == p->encodings->len)
        {
          if (enc == MAX_ENCODINGS)
            {
              errno = EINVAL;
              return FALSE;
            }
          g_ptr_array_add (p->encodings, (gpointer) name);
        }
      enc++;
    }
  dl_put_zigzag (p->raw, (gint64) (line->number - p->number));
  dl_put_zigzag (p->raw, (gint64) (line->offset - p->offset));
  dl_put_varint (p->raw, line->len);
  guint8 flags = (guint8) ((guint) line->lang | enc << 2);
  g_byte_array_append (p->raw, &flags, 1);
  g_byte_array_append (p->raw, (const guint8 *) line->text, (guint) line->len);
  p->number = line->number;
  p->offset = line->offset;
  p->raw_lines++;
  p->lines++;
  p->text_bytes += line->len;
  p->by_lang[line->lang]++;
  p->raw_cols += dl_index_line_cols (line->text, line->len);
  return TRUE;
}

void
dl_index_piece_tokenized (DlIndexPiece *p, const gboolean langs[DL_LANG_COUNT], DlWordsTerm term,
                          gpointer term_data, DlNormalizer *norm)
{
  p->tokenized = 0;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    p->tokenized |= langs[l] ? 1u << l : 0;
  p->term = term;
  p->term_data = term_data;
  p->norm = norm;
  if (p->tokenized != 0 && p->words == NULL)
    p->words = dl_words_build_new ();
  if (p->words != NULL && p->keep_tokens)
    dl_words_build_keep_tokens (p->words);
}

void
dl_index_piece_keep_tokens (DlIndexPiece *p)
{
  p->keep_tokens = TRUE;
  if (p->words != NULL)
    dl_words_build_keep_tokens (p->words);
}

gboolean
dl_index_piece_line_end (DlIndexPiece *p, DlLang lang)
{
  if (!p->keep_tokens || !(p->tokenized & (1u << lang)))
    return TRUE;
  return dl_words_build_line (p->words, lang, p->n_blocks);
}

gboolean
dl_index_piece_forms (DlIndexPiece *p, DlLang lang, const guint32 *forms, guint n)
{
  p->raw_tokens[lang][DL_TOKEN_WORD] += n;
  if (!(p->tokenized & (1u << lang)))
    return TRUE;
  return dl_words_build_forms (p->words, lang, forms, n, p->n_blocks);
}

gboolean
dl_index_piece_token (DlIndexPiece *p, DlLang lang, DlTokenKind kind, guint32 form,
                      const char *text, gsize len)
{
  p->raw_tokens[lang][kind]++;
  if (!(p->tokenized & (1u << lang)))
    return TRUE;
  return dl_words_build_token (p->words, lang, form, text, len, p->n_blocks);
}

/* Keeps a page of the words' table (DlWordsPage) as it is, for the
 * builder: the segment's lexicon numbers the forms, and the input's
 * table is written with their numbers at the commit. */
static gboolean
put_page (DlLang lang, const char *first, gsize first_len, guint n, guint64 at, const guint8 *data,
          gsize len, gpointer user_data)
{
  DlIndexPiece *p = user_data;
  (void) first;
  (void) first_len;
  RawPage pg = { lang, n, at, p->raw_pages->len, len };
  if ((guint64) p->raw_pages->len + len > G_MAXUINT32)
    {
      errno = EFBIG;
      return FALSE;
    }
  g_byte_array_append (p->raw_pages, data, (guint) len);
  g_array_append_val (p->pages, pg);
  return TRUE;
}

/* Takes a block's tokens (DlWordsTokens): a frame of their own. */
static gboolean
put_tokens (guint32 block, const guint8 *data, gsize len, gpointer user_data)
{
  DlIndexPiece *p = user_data;
  (void) block;
  return put_frame (p, data, len, p->tokens, NULL);
}

/* Takes @len bytes of the postings (DlWordsOut), packing each full chunk. */
static gboolean
put_postings (const guint8 *data, gsize len, gpointer user_data)
{
  DlIndexPiece *p = user_data;
  while (len > 0)
    {
      gsize n = MIN (len, POSTINGS_CHUNK - p->postings->len);
      g_byte_array_append (p->postings, data, (guint) n);
      data += n;
      len -= n;
      if (p->postings->len == POSTINGS_CHUNK && !flush_postings (p))
        return FALSE;
    }
  return TRUE;
}

/* The counts' frame: byte(1 with words, 0 without) varint(bytes) the
 * counts; with words, in their words' order and then per language
 * varint(forms) and their words as gaps (varint), so that the counts need
 * not spell them (dl_index_input_counts). @form_words: the word of each
 * form. NULL with errno if a form has no word or it is too large. */
static GByteArray *
counts_frame (DlIndexPiece *p, GArray *const form_words[DL_LANG_COUNT])
{
  gboolean words = p->tokenized != 0, bad = FALSE;
  GArray *order[DL_LANG_COUNT] = { NULL };
  g_autoptr (GByteArray) maps = g_byte_array_new ();
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const GArray *w = form_words[l];
      const guint32 *word = (const guint32 *) (gpointer) w->data;
      order[l] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), w->len);
      g_array_set_size (order[l], w->len);
      guint32 *by_word = (guint32 *) (gpointer) order[l]->data;
      /* The forms by word, then by form: counted, one pass each way (a
       * sort of pairs was a tenth of a large input's end). */
      guint32 n_words = 0;
      for (guint32 f = 0; f < w->len && !bad; f++)
        {
          /* A form no token had, which the words cannot spell. */
          bad = word[f] == G_MAXUINT32;
          n_words = MAX (n_words, word[f] + 1);
        }
      if (bad)
        break;
      g_autofree guint32 *start = g_new0 (guint32, (gsize) n_words + 1);
      for (guint32 f = 0; f < w->len; f++)
        start[word[f] + 1]++;
      for (guint32 k = 0; k < n_words; k++)
        start[k + 1] += start[k];
      for (guint32 f = 0; f < w->len; f++)
        by_word[start[word[f]]++] = f;
      dl_put_varint (maps, w->len);
      guint32 prev = 0;
      for (guint32 k = 0; k < w->len; k++)
        {
          dl_put_varint (maps, word[by_word[k]] - prev);
          prev = word[by_word[k]];
        }
    }
  g_autoptr (GByteArray) counts = g_byte_array_new ();
  if (!bad)
    p->save_counts (words ? (const GArray *const *) order : NULL, counts, p->save_data);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    if (order[l] != NULL)
      g_array_unref (order[l]);
  if (bad)
    {
      errno = EINVAL;
      return NULL;
    }
  g_autoptr (GByteArray) frame = g_byte_array_sized_new (counts->len + maps->len + 16);
  dl_put_varint (frame, words);
  dl_put_varint (frame, counts->len);
  g_byte_array_append (frame, counts->data, counts->len);
  if (words)
    g_byte_array_append (frame, maps->data, maps->len);
  if (frame->len > TOC_MAX)
    {
      errno = EFBIG;
      return NULL;
    }
  return g_steal_pointer (&frame);
}

/* The counts' frame of a large input made on a thread of its own while
 * its words are merged: once they are numbered, nothing the rest of the
 * end does changes it (the counter and the words' numbers are only
 * read), and it was a tenth of the end, on the one thread that worked. */
typedef struct {
  DlIndexPiece *p;
  GArray **form_words;
  GThread *thread;   /* or NULL: made where the end is */
  GByteArray *frame; /* once made; NULL if it failed, with errsv */
  int errsv;
} Counting;

static gpointer
counting_run (gpointer data)
{
  Counting *c = data;
  c->frame = counts_frame (c->p, c->form_words);
  c->errsv = c->frame == NULL ? dl_errno_failed () : 0;
  return NULL;
}

/* DlWordsSink's numbered: starts the thread, for an input large enough to
 * have a packer (the small ones are many, read at once on every core). */
static void
counting_start (gpointer user_data)
{
  Counting *c = user_data;
  if (c->p->save_counts != NULL && c->p->packer != NULL)
    c->thread = g_thread_try_new ("derlem counts", counting_run, c, NULL);
}

/* dl_index_piece_end's frames, given to the packer if it runs. */
static gboolean
end_frames (DlIndexPiece *p, const GError *error, gboolean at_open)
{
  if (error != NULL)
    {
      p->failed = TRUE;
      p->at_open = at_open;
      p->code = error->domain == DL_ERROR && error->code != DL_ERROR_INDEX
                        && error->code != DL_ERROR_USAGE
                    ? (guint) error->code
                    : DL_ERROR_IO;
      p->message = g_strdup (error->message);
    }
  if (!flush_block (p, FALSE))
    return FALSE;
  if (p->at_open)
    return TRUE;
  /* After the blocks: the postings' chunks and the table's pages, the
   * counts, then the words' directory. */
  GArray *form_words[DL_LANG_COUNT];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    form_words[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint64 postings_len = 0;
  Counting counting = { p, form_words, NULL, NULL, 0 };
  const DlWordsSink sink = { put_postings, put_page, p, counting_start, &counting };
  gboolean ok
      = p->tokenized == 0
        || (dl_words_build_finish (p->words, p->tokenized, p->term, p->term_data, p->norm, &sink,
                                   &postings_len, form_words)
            && (p->postings->len == 0 || flush_postings (p))
            && (!p->keep_tokens || dl_words_build_tokens (p->words, p->n_blocks, put_tokens, p)));
  int errsv = errno;
  g_clear_pointer (&p->words, dl_words_build_free);
  if (counting.thread != NULL)
    g_thread_join (counting.thread);
  else if (ok && p->save_counts != NULL)
    counting_run (&counting);
  errno = errsv;
  if (ok && p->save_counts != NULL)
    {
      ok = counting.frame != NULL;
      errno = counting.errsv;
      ok = ok && put_frame (p, counting.frame->data, counting.frame->len, NULL, &p->counts_frame);
    }
  if (counting.frame != NULL)
    g_byte_array_unref (counting.frame);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_array_unref (form_words[l]);
  p->postings_len = postings_len;
  return ok;
}

gboolean
dl_index_piece_end (DlIndexPiece *p, const GError *error, gboolean at_open)
{
  gboolean ok = end_frames (p, error, at_open);
  int errsv = errno;
  /* The frames given to the packer are stored once it stops. */
  if (!packer_stop (p))
    return FALSE;
  errno = errsv;
  return ok;
}

struct _DlIndexBuilder {
  char *path;     /* the index */
  char *dir;      /* where the files are written: path, or a new directory */
  gboolean fresh; /* dir is new, renamed to path at the commit */
  char *segment;  /* its name */
  char *seg_tmp;  /* its path while written */
  int fd;
  guint64 written;
  GByteArray *toc_inputs;
  guint64 n_inputs;
  GByteArray *toc_blocks;
  guint64 n_blocks;
  char *meta_name, *meta_tmp;
  guint64 meta_size;
  guint32 meta_crc;
  GPtrArray *kept; /* manifest lines of an index changed that stay (segments) */
  char *kept_meta; /* its metadata table's line, when it stays */
  GPtrArray *keep; /* the names of the files those lines name */
  gboolean committed;
  /* The words of the inputs, numbered as they come (the lexicon is in
   * byte order only once all are in): per input with words, a record
   * (words_record) of its table by those numbers. */
  DlLexicon *forms[DL_LANG_COUNT];
  DlSpill *words;
  GByteArray *record;
  GArray *scratch; /* Form */
  GByteArray *scratch_bytes;
  /* An index's inputs copied (dl_index_builder_copy): for the segment
   * they come from (its serial), per language, the number + 1 among
   * ours of each form of its lexicon, 0 until an input has it. */
  guint64 renumbered;
  guint32 *renumber[DL_LANG_COUNT];
  /* Per language, of each form by our number: how many inputs have it
   * (guint32), for the lists of those inputs (write_holders). */
  GArray *held[DL_LANG_COUNT];
};

static gboolean
io_error (GError **error, const char *path, int errsv)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s: %s", path, g_strerror (errsv));
  return FALSE;
}

static gboolean
write_all (int fd, const void *data, gsize len)
{
  const guint8 *p = data;
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* A name no file of @dir has: @prefix + random hex + @suffix. */
static char *
new_name (const char *dir, const char *prefix, const char *suffix)
{
  for (;;)
    {
      char *name
          = g_strdup_printf ("%s%08x%08x%s", prefix, g_random_int (), g_random_int (), suffix);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return name;
      g_free (name);
    }
}

/* Opens a new temporary file in @dir for @name: its path in *@tmp. */
static int
open_temp (const char *dir, const char *name, char **tmp)
{
  *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  int fd = g_mkstemp_full (*tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0)
    dl_tempfiles_add (*tmp);
  return fd;
}

/* Copies @meta into the build's directory under a temporary name. */
static gboolean
copy_meta (DlIndexBuilder *b, const char *meta, GError **error)
{
  g_autofree char *bytes = NULL;
  gsize n = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (meta, &bytes, &n, &local))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "--meta: %s", local->message);
      return FALSE;
    }
  b->meta_name = new_name (b->dir, "meta-", ".tsv");
  int fd = open_temp (b->dir, b->meta_name, &b->meta_tmp);
  if (fd < 0)
    return io_error (error, b->dir, errno);
  gboolean ok = write_all (fd, bytes, n) && fsync (fd) == 0;
  int errsv = errno;
  close (fd);
  if (!ok)
    return io_error (error, b->meta_tmp, errsv);
  b->meta_size = n;
  b->meta_crc = dl_crc32 (bytes, n);
  return TRUE;
}

static void words_init (DlIndexBuilder *b);

DlIndexBuilder *
dl_index_builder_new (const char *path, const char *meta, GError **error)
{
  g_autoptr (DlIndexBuilder) b = g_new0 (DlIndexBuilder, 1);
  b->fd = -1;
  b->path = g_strdup (path);
  b->toc_inputs = g_byte_array_new ();
  b->toc_blocks = g_byte_array_new ();
  words_init (b);
  struct stat st;
  if (g_stat (path, &st) == 0)
    {
      g_autoptr (GDir) dir = S_ISDIR (st.st_mode) ? g_dir_open (path, 0, NULL) : NULL;
      if (dir == NULL || (!dl_index_is_index (path) && g_dir_read_name (dir) != NULL))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: derlem index build -o NAME.dlx */
                       _ ("%s exists and is not a derlem index; it is left as it is"), path);
          return NULL;
        }
      b->dir = g_strdup (path);
    }
  else
    {
      g_autofree char *parent = g_path_get_dirname (path);
      g_autofree char *base = g_path_get_basename (path);
      b->dir = g_strdup_printf ("%s/.%s.XXXXXX", parent, base);
      if (g_mkdtemp (b->dir) == NULL)
        return io_error (error, path, errno), NULL;
      b->fresh = TRUE;
      dl_tempfiles_add (b->dir);
    }
  b->segment = new_name (b->dir, "seg-", ".dls");
  b->fd = open_temp (b->dir, b->segment, &b->seg_tmp);
  if (b->fd < 0)
    return io_error (error, b->dir, errno), NULL;
  if (meta != NULL && !copy_meta (b, meta, error))
    return NULL;
  return g_steal_pointer (&b);
}

DlIndexBuilder *
dl_index_builder_change (const DlIndex *idx, gboolean keep_segments, const char *meta,
                         GError **error)
{
  g_autoptr (DlIndexBuilder) b = g_new0 (DlIndexBuilder, 1);
  b->fd = -1;
  b->path = g_strdup (idx->path);
  b->dir = g_strdup (idx->path);
  b->toc_inputs = g_byte_array_new ();
  b->toc_blocks = g_byte_array_new ();
  words_init (b);
  b->kept = g_ptr_array_new_with_free_func (g_free);
  b->keep = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; keep_segments && k < idx->segments->len; k++)
    {
      const Segment *seg = idx->segments->pdata[k];
      g_ptr_array_add (b->kept, g_strdup_printf ("segment %s %" G_GSIZE_FORMAT " %08x\n", seg->name,
                                                 seg->size, seg->trailer_crc));
      g_ptr_array_add (b->keep, g_strdup (seg->name));
    }
  if (meta == NULL && idx->meta_path != NULL)
    {
      g_autofree char *bytes = NULL;
      gsize n = 0;
      g_autoptr (GError) local = NULL;
      if (!g_file_get_contents (idx->meta_path, &bytes, &n, &local))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", local->message);
          return NULL;
        }
      g_autofree char *name = g_path_get_basename (idx->meta_path);
      b->kept_meta
          = g_strdup_printf ("meta %s %" G_GSIZE_FORMAT " %08x\n", name, n, dl_crc32 (bytes, n));
      g_ptr_array_add (b->keep, g_steal_pointer (&name));
    }
  b->segment = new_name (b->dir, "seg-", ".dls");
  b->fd = open_temp (b->dir, b->segment, &b->seg_tmp);
  if (b->fd < 0)
    return io_error (error, b->dir, errno), NULL;
  if (meta != NULL && !copy_meta (b, meta, error))
    return NULL;
  return g_steal_pointer (&b);
}

/* ---- The segment's words ---- */

/* Starts @b's words: the inputs' forms numbered as they come, their
 * records kept in memory up to the pieces' limit, then in a file. */
static void
words_init (DlIndexBuilder *b)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      b->forms[l] = dl_lexicon_new ();
      b->held[l] = g_array_new (FALSE, TRUE, sizeof (guint32));
    }
  gsize memory = (gsize) dl_env_number ("DERLEM_INDEX_PIECE_MEMORY", WORDS_MEMORY, WORDS_MEMORY);
  b->words = dl_spill_new (memory);
  b->record = g_byte_array_new ();
  b->scratch = g_array_new (FALSE, FALSE, sizeof (Form));
  b->scratch_bytes = g_byte_array_new ();
}

/* A record of an input's words (words_record): varint(the input's number
 * in the segment) varint(languages) varint(postings' bytes)
 * varint(blocks), then per language varint(forms)
 * varint(where the first one's gaps begin) and per form varint(its
 * number in b->forms) varint(blocks) varint(bytes of their gaps). */
static void
record_start (DlIndexBuilder *b, guint langs, guint64 postings_len, guint64 n_blocks)
{
  g_byte_array_set_size (b->record, 0);
  dl_put_varint (b->record, b->n_inputs - 1); /* put_input's, before */
  dl_put_varint (b->record, langs);
  dl_put_varint (b->record, postings_len);
  dl_put_varint (b->record, n_blocks);
}

/* Forms numbered at once: their lookups' cache misses overlap. */
#define RECORD_BATCH 32

/* One more input has form @id (our number) of @lang. */
static inline void
hold (DlIndexBuilder *b, DlLang lang, guint32 id)
{
  GArray *held = b->held[lang];
  if (id >= held->len)
    g_array_set_size (held, MAX (id + 1, held->len * 2));
  g_array_index (held, guint32, id)++;
}

/* Numbers the @n forms of @lang at @forms among the segment's and adds
 * their entries to the record. FALSE (EINVAL) for a form with a NUL. */
static gboolean
record_forms (DlIndexBuilder *b, DlLang lang, const Form *forms, guint n)
{
  DlLexiconKey keys[RECORD_BATCH];
  for (guint from = 0; from < n; from += RECORD_BATCH)
    {
      guint m = MIN (n - from, RECORD_BATCH);
      for (guint k = 0; k < m; k++)
        {
          const Form *f = &forms[from + k];
          if (memchr (f->form, 0, (gsize) f->len) != NULL)
            {
              errno = EINVAL;
              return FALSE;
            }
          keys[k] = (DlLexiconKey){ (const char *) f->form, (gsize) f->len, 0 };
        }
      dl_lexicon_prefetch (b->forms[lang], keys, m);
      guint8 *q = dl_put_room (b->record, (gsize) m * 3 * DL_VARINT_MAX);
      for (guint k = 0; k < m; k++)
        {
          guint32 id = dl_lexicon_intern_key (b->forms[lang], &keys[k], NULL);
          hold (b, lang, id);
          q = dl_varint_encode (q, id);
          q = dl_varint_encode (q, forms[from + k].n);
          q = dl_varint_encode (q, forms[from + k].bytes);
        }
      dl_put_end (b->record, q);
    }
  return TRUE;
}

/* Keeps the record. FALSE with errno if it could not be. */
static gboolean
record_end (DlIndexBuilder *b)
{
  g_autoptr (GByteArray) head = g_byte_array_new ();
  dl_put_varint (head, b->record->len);
  return dl_spill_append (b->words, head->data, head->len)
         && dl_spill_append (b->words, b->record->data, b->record->len);
}

/* Records the words of piece @p, from the pages of its table. FALSE with
 * errno. */
static gboolean
record_piece (DlIndexBuilder *b, const DlIndexPiece *p)
{
  record_start (b, p->tokenized, p->postings_len, p->blocks->len);
  const RawPage *pages = (const RawPage *) (gconstpointer) p->pages->data;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (!(p->tokenized & (1u << l)))
        continue;
      guint64 n = 0, at = G_MAXUINT64;
      for (guint k = 0; k < p->pages->len; k++)
        if (pages[k].lang == (DlLang) l)
          {
            n += pages[k].n;
            at = MIN (at, pages[k].at);
          }
      dl_put_varint (b->record, n);
      dl_put_varint (b->record, n > 0 ? at : 0);
      for (guint k = 0; k < p->pages->len; k++)
        {
          const RawPage *pg = &pages[k];
          if (pg->lang != (DlLang) l)
            continue;
          PageBounds bounds = { pg->n, NULL, 0, TRUE, pg->at, p->postings_len, p->blocks->len };
          if (!decode_page (p->raw_pages->data + pg->offset, pg->len, &bounds, b->scratch,
                            b->scratch_bytes))
            {
              errno = EINVAL;
              return FALSE;
            }
          if (!record_forms (b, l, (const Form *) (gconstpointer) b->scratch->data,
                             b->scratch->len))
            return FALSE;
        }
    }
  return record_end (b);
}

/* Adds the entries of @lang's table in @w to the record, numbered among
 * the segment's: a form of @w's lexicon is spelled and looked up the
 * first time an input copied has it (RECORD_BATCH at once), and after
 * that its number gives ours. FALSE with @error. */
static gboolean
record_entries (DlIndexBuilder *b, DlIndexWords *w, DlLang lang, GError **error)
{
  const Segment *seg = w->seg;
  if (b->renumbered != seg->serial)
    {
      for (int l = 0; l < DL_LANG_COUNT; l++)
        g_clear_pointer (&b->renumber[l], g_free);
      b->renumbered = seg->serial;
    }
  if (seg->lex[lang].size > G_MAXUINT32)
    return dl_index_damaged (error, seg->name, _ ("bad lexicon"));
  if (b->renumber[lang] == NULL)
    b->renumber[lang] = dl_new0_huge (sizeof (guint32), MAX (seg->lex[lang].size, 1));
  guint32 *renumber = b->renumber[lang];
  for (guint p = 0; p < w->pages[lang]->len; p++)
    {
      if (!load_page (w, lang, p, error))
        return FALSE;
      const Entry *entries = (const Entry *) (gconstpointer) w->entries->data;
      guint n = w->entries->len;
      for (guint from = 0; from < n; from += RECORD_BATCH)
        {
          guint m = MIN (n - from, RECORD_BATCH), n_fresh = 0;
          const Entry *e = entries + from;
          DlLexiconKey keys[RECORD_BATCH];
          guint fresh[RECORD_BATCH] = { 0 };
          for (guint k = 0; k < m; k++)
            if (renumber[e[k].id] == 0)
              {
                gsize len;
                const char *form = lex_form (w, lang, e[k].id, &len, error);
                if (form == NULL)
                  return FALSE;
                if (memchr (form, 0, len) != NULL)
                  return dl_index_damaged (error, seg->name, _ ("bad lexicon"));
                keys[n_fresh] = (DlLexiconKey){ form, len, 0 };
                fresh[n_fresh++] = k;
              }
          if (n_fresh > 0)
            dl_lexicon_prefetch (b->forms[lang], keys, n_fresh);
          for (guint j = 0; j < n_fresh; j++)
            renumber[e[fresh[j]].id] = dl_lexicon_intern_key (b->forms[lang], &keys[j], NULL) + 1;
          guint8 *q = dl_put_room (b->record, (gsize) m * 3 * DL_VARINT_MAX);
          for (guint k = 0; k < m; k++)
            {
              hold (b, lang, renumber[e[k].id] - 1);
              q = dl_varint_encode (q, renumber[e[k].id] - 1);
              q = dl_varint_encode (q, e[k].n);
              q = dl_varint_encode (q, e[k].bytes);
            }
          dl_put_end (b->record, q);
        }
    }
  return TRUE;
}

/* Records the words of input @i of @idx, read through its segment's
 * lexicon. FALSE with @error. */
static gboolean
record_input (DlIndexBuilder *b, DlIndex *idx, guint i, GError **error)
{
  const Input *in = &g_array_index (idx->inputs, Input, i);
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, error);
  if (w == NULL)
    return FALSE;
  record_start (b, w->langs, w->postings_len, in->n_blocks);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (!dl_index_words_has (w, l))
        continue;
      guint64 n = dl_index_words_size (w, l), at = 0;
      if (n > 0)
        {
          const Entry *e = entry_at (w, l, 0, error);
          if (e == NULL)
            return FALSE;
          at = e->at;
        }
      dl_put_varint (b->record, n);
      dl_put_varint (b->record, at);
      if (n > 0 && !record_entries (b, w, l, error))
        return FALSE;
    }
  if (!record_end (b))
    return io_error (error, b->seg_tmp, dl_errno_failed ());
  return TRUE;
}

/* What the commit writes the words with. The inputs' tables are made
 * on the commit's thread and compressed and written on another, which
 * alone touches the file, the compressor, @frames and @toc meanwhile. */
typedef struct {
  DlIndexBuilder *b;
  ZSTD_CCtx *cctx;
  GByteArray *packed, *page, *dir, *pdir;
  GArray *frames;               /* Block: an input's pages */
  guint32 *rank[DL_LANG_COUNT]; /* each form's number in the lexicon */
  guint32 size[DL_LANG_COUNT];
  GArray *lex_n[DL_LANG_COUNT]; /* guint32: the forms of each page */
  /* The inputs that have each form listed: by the form's number in the
   * lexicon, where its inputs go next in @holders (then where they end),
   * each input's as its table is written; NOT_LISTED for the others. */
  guint64 *fill[DL_LANG_COUNT];
  guint32 *holders[DL_LANG_COUNT];
  guint64 n_holders[DL_LANG_COUNT];
  GByteArray *toc;    /* the lexicon's pages, then each input's */
  gboolean ok;        /* what the commit's thread did went well, */
  int ok_errsv;       /* or why not */
  GThread *thread;    /* the writer, or NULL: the frames written at once */
  GAsyncQueue *todo;  /* TableFrame, then the Writing itself: the end */
  GAsyncQueue *spare; /* GByteArray: buffers of frames written */
  guint buffers;      /* made so far */
  gint errsv;         /* the writer's first failure's errno, or 0 */
} Writing;

/* A frame of an input's table of words for the writer: a page, or the
 * table's directory, its last. */
typedef struct {
  GByteArray *raw;
  gboolean dir;
} TableFrame;

/* The buffers of frames the writer may be behind by. */
#define TABLE_BUFFERS 8

/* Compresses @len bytes of @data into the segment's next frame, @f. */
static gboolean
write_frame (Writing *wr, const guint8 *data, gsize len, Block *f)
{
  g_byte_array_set_size (wr->packed, (guint) ZSTD_compressBound (len));
  size_t n = ZSTD_compressCCtx (wr->cctx, wr->packed->data, wr->packed->len, data, len, ZSTD_LEVEL);
  if (ZSTD_isError (n))
    {
      errno = ENOMEM;
      return FALSE;
    }
  *f = (Block){
    .offset = wr->b->written, .clen = n, .rlen = len, .crc = dl_crc32 (wr->packed->data, n)
  };
  if (!write_all (wr->b->fd, wr->packed->data, n))
    return FALSE;
  wr->b->written += n;
  return TRUE;
}

/* A page of a lexicon made by lex_make. */
typedef struct {
  Block frame; /* its offset from the start of the language's pages */
  guint32 n;   /* forms */
  const char *first;
  guint32 first_len;
} LexOut;

/* One language's lexicon, made on a thread of its own: the languages'
 * are made at once (the commit is one thread's work otherwise). */
typedef struct {
  const DlLexicon *forms; /* the segment's, as numbered when they came */
  GThread *thread;
  guint32 *rank;      /* each one's number in the lexicon */
  GByteArray *packed; /* its pages, compressed, one after another */
  GArray *pages;      /* LexOut */
  gboolean ok;
} LexMaking;

/* Sorts the forms (lex_make's) in byte order and packs them in pages,
 * front-coded. */
static gpointer
lex_make (gpointer data)
{
  LexMaking *m = data;
  guint32 n = dl_lexicon_size (m->forms);
  g_autofree DlWordsSortee *all = g_new (DlWordsSortee, MAX (n, 1));
  for (guint32 id = 0; id < n; id++)
    {
      const char *text = dl_lexicon_string (m->forms, id);
      gsize len = dl_lexicon_length (m->forms, id);
      all[id] = (DlWordsSortee){ dl_words_prefix (text, len), text, (guint32) len, id };
    }
  {
    g_autofree DlWordsSortee *tmp = g_new (DlWordsSortee, MAX (n, 1));
    dl_words_sort (all, tmp, n);
  }
  m->rank = g_new (guint32, MAX (n, 1));
  g_autoptr (ZSTD_CCtx) cctx = ZSTD_createCCtx ();
  g_autoptr (GByteArray) page = g_byte_array_new ();
  guint32 first = 0;
  m->ok = TRUE;
  for (guint32 r = 0; r < n && m->ok; r++)
    {
      const DlWordsSortee *s = &all[r];
      m->rank[s->key] = r;
      const DlWordsSortee *prev = r > first ? &all[r - 1] : NULL;
      dl_words_front_code (page, prev != NULL ? prev->text : NULL, prev != NULL ? prev->len : 0,
                           s->text, s->len);
      if (page->len < LEX_PAGE && r + 1 < n)
        continue;
      guint at = m->packed->len;
      guint8 *q = dl_put_room (m->packed, ZSTD_compressBound (page->len));
      size_t c = ZSTD_compressCCtx (cctx, q, ZSTD_compressBound (page->len), page->data, page->len,
                                    ZSTD_LEVEL);
      m->ok = !ZSTD_isError (c);
      if (!m->ok)
        break;
      dl_put_end (m->packed, q + c);
      LexOut out = { { .offset = at, .clen = c, .rlen = page->len, .crc = dl_crc32 (q, c) },
                     r + 1 - first,
                     all[first].text,
                     all[first].len };
      g_array_append_val (m->pages, out);
      first = r + 1;
      g_byte_array_set_size (page, 0);
    }
  return NULL;
}

/* Sorts each language's forms into the segment's lexicon and writes its
 * pages, listed in wr->toc; each form's number in wr->rank. FALSE with
 * errno. */
static gboolean
write_lexicon (Writing *wr)
{
  DlIndexBuilder *b = wr->b;
  LexMaking making[DL_LANG_COUNT];
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LexMaking *m = &making[l];
      *m = (LexMaking){
        b->forms[l], NULL, NULL, g_byte_array_new (), g_array_new (FALSE, FALSE, sizeof (LexOut)),
        FALSE
      };
      if (l > 0)
        m->thread = g_thread_try_new ("derlem lexicon", lex_make, m, NULL);
    }
  lex_make (&making[0]);
  gboolean ok = TRUE;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LexMaking *m = &making[l];
      if (m->thread != NULL)
        g_thread_join (m->thread);
      else if (l > 0)
        lex_make (m);
      wr->size[l] = dl_lexicon_size (m->forms);
      wr->rank[l] = m->rank;
      guint64 base = b->written;
      if (ok && (!m->ok || !write_all (b->fd, m->packed->data, m->packed->len)))
        {
          ok = FALSE;
          if (!m->ok)
            errno = ENOMEM;
        }
      b->written += m->packed->len;
      dl_put_varint (wr->toc, wr->size[l]);
      dl_put_varint (wr->toc, m->pages->len);
      for (guint k = 0; k < m->pages->len; k++)
        {
          const LexOut *out = &g_array_index (m->pages, LexOut, k);
          put_frame_toc (wr->toc, &out->frame, base);
          g_array_append_val (wr->lex_n[l], out->n);
          dl_put_varint (wr->toc, out->n);
          dl_put_varint (wr->toc, out->first_len);
          g_byte_array_append (wr->toc, (const guint8 *) out->first, out->first_len);
        }
      g_byte_array_unref (m->packed);
      g_array_unref (m->pages);
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_clear_pointer (&b->forms[l], dl_lexicon_free);
  return ok;
}

/* Compresses and writes @job's frame and lists it: a page among its
 * input's, or its directory in the table of contents, after which its
 * pages. */
static void
write_table_frame (Writing *wr, const TableFrame *job)
{
  Block f;
  if (g_atomic_int_get (&wr->errsv) != 0)
    return;
  if (!write_frame (wr, job->raw->data, job->raw->len, &f))
    g_atomic_int_set (&wr->errsv, dl_errno_failed ());
  else if (!job->dir)
    g_array_append_val (wr->frames, f);
  else
    {
      put_frame_toc (wr->toc, &f, 0);
      put_frames (wr->toc, wr->frames, 0);
      g_array_set_size (wr->frames, 0);
    }
}

static gpointer
tables_run (gpointer data)
{
  Writing *wr = data;
  gpointer item;
  while ((item = g_async_queue_pop (wr->todo)) != wr)
    {
      TableFrame *job = item;
      write_table_frame (wr, job);
      g_byte_array_set_size (job->raw, 0);
      g_async_queue_push (wr->spare, job->raw);
      g_free (job);
    }
  return NULL;
}

/* Hands the frame in *@buf to the writer (or writes it), and puts an
 * empty buffer there: FALSE with errno if writing failed already. */
static gboolean
hand_frame (Writing *wr, GByteArray **buf, gboolean dir)
{
  int errsv = g_atomic_int_get (&wr->errsv);
  if (wr->thread == NULL || errsv != 0)
    {
      TableFrame job = { *buf, dir };
      write_table_frame (wr, &job);
      g_byte_array_set_size (*buf, 0);
      errno = g_atomic_int_get (&wr->errsv);
      return errno == 0;
    }
  TableFrame *job = g_new (TableFrame, 1);
  *job = (TableFrame){ *buf, dir };
  g_async_queue_push (wr->todo, job);
  *buf = g_async_queue_try_pop (wr->spare);
  if (*buf == NULL && wr->buffers < TABLE_BUFFERS)
    {
      wr->buffers++;
      *buf = g_byte_array_new ();
    }
  if (*buf == NULL)
    *buf = g_async_queue_pop (wr->spare);
  // cppcheck-suppress memleak ; the queue holds job, tables_run frees it
  return TRUE;
}

/* Writes the table of words of the input whose record (words_record) is
 * @data (@len bytes): its forms by their numbers in the lexicon, as gaps,
 * in pages; then its directory (per language its pages: entries, where
 * their gaps begin, their first form). FALSE with errno. */
static gboolean
write_table (Writing *wr, const guint8 *data, gsize len)
{
  DlCursor c = dl_cursor_of (data, len);
  guint64 input = dl_get_varint (&c);
  guint langs = (guint) dl_get_varint (&c);
  guint64 postings_len = dl_get_varint (&c);
  dl_get_varint (&c); /* the blocks */
  if (input > G_MAXUINT32)
    c.bad = TRUE;
  g_byte_array_set_size (wr->dir, 0);
  dl_put_varint (wr->dir, langs);
  dl_put_varint (wr->dir, postings_len);
  for (int l = 0; l < DL_LANG_COUNT && !c.bad; l++)
    {
      if (!(langs & (1u << l)))
        continue;
      guint64 n = dl_get_varint (&c), at = dl_get_varint (&c), n_pages = 0;
      guint64 prev = 0, first_id = 0, page_at = 0, page_n = 0;
      g_byte_array_set_size (wr->pdir, 0);
      g_byte_array_set_size (wr->page, 0);
      guint64 batch[RECORD_BATCH][3];
      guint m = 0, next = 0;
      for (guint64 k = 0; k < n && !c.bad; k++)
        {
          /* The entries a batch at a time, their numbers fetched at once
           * (a cache miss each, at random in the numbers of millions). */
          if (next == m)
            {
              m = (guint) MIN (n - k, RECORD_BATCH);
              next = 0;
              for (guint j = 0; j < m; j++)
                {
                  for (guint v = 0; v < 3; v++)
                    batch[j][v] = dl_get_varint (&c);
                  if (batch[j][0] >= wr->size[l])
                    c.bad = TRUE;
                  else
                    DL_PREFETCH (&wr->rank[l][batch[j][0]]);
                }
              if (c.bad)
                break;
              /* Then their numbers in the lexicon, and where their
               * inputs are listed (as far apart). */
              for (guint j = 0; j < m; j++)
                {
                  batch[j][0] = wr->rank[l][batch[j][0]];
                  DL_PREFETCH (&wr->fill[l][batch[j][0]]);
                }
            }
          guint64 id = batch[next][0], blocks = batch[next][1], bytes = batch[next][2];
          next++;
          if (wr->fill[l][id] == NOT_LISTED)
            ;
          else if (wr->fill[l][id] < wr->n_holders[l])
            wr->holders[l][wr->fill[l][id]++] = (guint32) input;
          else
            {
              c.bad = TRUE;
              break;
            }
          if (page_n == 0)
            {
              first_id = prev = id;
              page_at = at;
            }
          /* The input's forms come in byte order: so do their numbers. */
          else if (id <= prev)
            c.bad = TRUE;
          guint8 *q = dl_put_room (wr->page, 3 * DL_VARINT_MAX);
          q = dl_varint_encode (q, id - prev);
          q = dl_varint_encode (q, blocks);
          dl_put_end (wr->page, dl_varint_encode (q, bytes));
          prev = id;
          at += bytes;
          page_n++;
          if (wr->page->len < IDS_PAGE && k + 1 < n)
            continue;
          if (!hand_frame (wr, &wr->page, FALSE))
            return FALSE;
          dl_put_varint (wr->pdir, page_n);
          dl_put_varint (wr->pdir, page_at);
          dl_put_varint (wr->pdir, first_id);
          n_pages++;
          page_n = 0;
        }
      dl_put_varint (wr->dir, n_pages);
      g_byte_array_append (wr->dir, wr->pdir->data, wr->pdir->len);
    }
  if (c.bad || c.p != c.end)
    {
      errno = EINVAL;
      return FALSE;
    }
  return hand_frame (wr, &wr->dir, TRUE);
}

/* Makes room for the inputs of each form of the lexicon listed
 * (wr->holders), from how many inputs had each (b->held, which goes). */
static void
holders_init (Writing *wr)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint32 n = wr->size[l];
      GArray *held = wr->b->held[l];
      guint64 *fill = wr->fill[l] = g_new (guint64, MAX (n, 1));
      for (guint32 id = 0; id < n; id++)
        fill[wr->rank[l][id]] = id < held->len ? g_array_index (held, guint32, id) : 0;
      guint64 total = 0;
      for (guint32 r = 0; r < n; r++)
        {
          guint64 count = fill[r];
          fill[r] = count <= wr->b->n_inputs / HOLDERS_SHARE ? total : NOT_LISTED;
          total += fill[r] != NOT_LISTED ? count : 0;
        }
      wr->n_holders[l] = total;
      wr->holders[l] = dl_new_huge (sizeof (guint32), MAX (total, 1));
      g_clear_pointer (&wr->b->held[l], g_array_unref);
    }
}

/* Writes, per lexicon page, the inputs that have each of its forms
 * (wr->holders, all tables written): varint(how many) and their numbers
 * in the segment as gaps from -1, or 0 for a form not listed (more than
 * HOLDERS_SHARE's), in a frame listed in the table of contents. FALSE
 * with errno. */
static gboolean
write_holders (Writing *wr)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const guint64 *end = wr->fill[l];
      const guint32 *holders = wr->holders[l];
      guint32 r = 0;
      guint64 listed_end = 0; /* where the last form listed ends */
      for (guint k = 0; k < wr->lex_n[l]->len; k++)
        {
          g_byte_array_set_size (wr->page, 0);
          guint32 n = g_array_index (wr->lex_n[l], guint32, k);
          for (guint32 j = 0; j < n; j++, r++)
            {
              guint64 from = listed_end, to = end[r] != NOT_LISTED ? end[r] : listed_end;
              listed_end = to;
              guint8 *q = dl_put_room (wr->page, (gsize) (to - from + 1) * DL_VARINT_MAX);
              q = dl_varint_encode (q, to - from);
              gint64 prev = -1;
              for (guint64 e = from; e < to; e++)
                {
                  q = dl_varint_encode (q, (guint64) ((gint64) holders[e] - prev));
                  prev = holders[e];
                }
              dl_put_end (wr->page, q);
            }
          if (wr->page->len > HOLDERS_PAGE_MAX)
            {
              errno = EFBIG;
              return FALSE;
            }
          Block f;
          if (!write_frame (wr, wr->page->data, wr->page->len, &f))
            return FALSE;
          put_frame_toc (wr->toc, &f, 0);
        }
    }
  return TRUE;
}

/* Takes whole records of inputs' words (DlSpillTake) and writes their
 * tables. */
static gsize
take_records (const guint8 *data, gsize len, gpointer user_data)
{
  Writing *wr = user_data;
  gsize used = 0;
  while (used < len)
    {
      DlCursor c = { data + used, data + len, FALSE };
      guint64 n = dl_get_varint (&c);
      if (c.bad || n > (guint64) (c.end - c.p))
        break;
      if (wr->ok && !write_table (wr, c.p, (gsize) n))
        {
          wr->ok = FALSE;
          wr->ok_errsv = dl_errno_failed ();
        }
      used = (gsize) (c.p - data) + (gsize) n;
    }
  return used;
}

/* Writes the segment's lexicon and its inputs' tables of words, listed
 * in @toc. */
static gboolean
write_words (DlIndexBuilder *b, GByteArray *toc, GError **error)
{
  Writing wr = { .b = b,
                 .cctx = ZSTD_createCCtx (),
                 .packed = g_byte_array_new (),
                 .page = g_byte_array_new (),
                 .dir = g_byte_array_new (),
                 .pdir = g_byte_array_new (),
                 .frames = g_array_new (FALSE, FALSE, sizeof (Block)),
                 .toc = toc,
                 .ok = TRUE,
                 .todo = g_async_queue_new (),
                 .spare = g_async_queue_new_full ((GDestroyNotify) g_byte_array_unref) };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    wr.lex_n[l] = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean ok = write_lexicon (&wr);
  int errsv = ok ? 0 : dl_errno_failed ();
  if (ok)
    {
      holders_init (&wr);
      wr.thread = g_thread_try_new ("derlem tables", tables_run, &wr, NULL);
      gboolean replayed = dl_spill_replay (b->words, take_records, &wr);
      int replay_errsv = replayed ? 0 : dl_errno_failed ();
      if (wr.thread != NULL)
        {
          g_async_queue_push (wr.todo, &wr);
          g_thread_join (wr.thread);
        }
      ok = replayed && wr.ok && wr.errsv == 0;
      errsv = !replayed ? replay_errsv : !wr.ok ? wr.ok_errsv : wr.errsv;
      if (ok && !write_holders (&wr))
        {
          ok = FALSE;
          errsv = dl_errno_failed ();
        }
    }
  g_async_queue_unref (wr.todo);
  g_async_queue_unref (wr.spare);
  ZSTD_freeCCtx (wr.cctx);
  g_byte_array_unref (wr.packed);
  g_byte_array_unref (wr.page);
  g_byte_array_unref (wr.dir);
  g_byte_array_unref (wr.pdir);
  g_array_unref (wr.frames);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      g_free (wr.rank[l]);
      g_array_unref (wr.lex_n[l]);
      g_free (wr.fill[l]);
      g_free (wr.holders[l]);
    }
  if (!ok)
    return io_error (error, b->seg_tmp, errsv);
  return TRUE;
}

typedef struct {
  int fd;
  gboolean ok;
  int errsv;
} Copying;

static gsize
copy_frames (const guint8 *data, gsize len, gpointer user_data)
{
  Copying *cp = user_data;
  if (cp->ok && !write_all (cp->fd, data, len))
    {
      cp->ok = FALSE;
      cp->errsv = errno;
    }
  return len;
}

/* Lists input @in in the segment's table of contents: its @n blocks and
 * its counts at their offsets less @from (where its frames began in the
 * file they come from) plus what the segment holds before them. */
static void
put_input (DlIndexBuilder *b, const Input *in, const Block *blocks, guint64 n, guint64 from)
{
  GByteArray *t = b->toc_inputs;
  guint64 shift = b->written - from;
  dl_put_string (t, in->path);
  dl_put_varint (t, in->size < 0 ? 0 : (guint64) in->size + 1);
  dl_put_varint (t, in->lines);
  dl_put_varint (t, in->text_bytes);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    dl_put_varint (t, in->by_lang[l]);
  dl_put_varint (t, b->n_blocks);
  dl_put_varint (t, n);
  dl_put_varint (t, in->encodings->len);
  for (guint e = 0; e < in->encodings->len; e++)
    dl_put_string (t, in->encodings->pdata[e]);
  dl_put_varint (t, in->failed ? (guint64) in->code + 1 : 0);
  dl_put_string (t, in->message);
  dl_put_varint (t, in->at_open);
  dl_put_varint (t, in->n_notes);
  dl_put_varint (t, in->notes->len);
  g_byte_array_append (t, in->notes->data, in->notes->len);
  dl_put_varint (t, in->has_counts ? 1 : 0);
  if (in->has_counts)
    {
      dl_put_varint (t, in->variant);
      dl_put_varint (t, in->counts.offset + shift);
      dl_put_varint (t, in->counts.clen);
      dl_put_varint (t, in->counts.rlen);
      dl_put_varint (t, in->counts.crc);
    }
  dl_put_varint (t, in->has_words ? 1 : 0);
  if (in->has_words)
    {
      dl_put_varint (t, in->words_langs);
      put_frames (t, in->chunks, shift);
    }
  static const GArray none = { NULL, 0 };
  put_frames (t, in->tokens != NULL ? in->tokens : &none, shift);
  b->n_inputs++;
  for (guint64 k = 0; k < n; k++)
    {
      dl_put_varint (b->toc_blocks, blocks[k].offset + shift);
      dl_put_varint (b->toc_blocks, blocks[k].clen);
      dl_put_varint (b->toc_blocks, blocks[k].rlen);
      dl_put_varint (b->toc_blocks, blocks[k].crc);
      dl_put_varint (b->toc_blocks, blocks[k].lines);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        for (int kind = 0; kind < DL_TOKEN_KINDS; kind++)
          dl_put_varint (b->toc_blocks, blocks[k].tokens[l][kind]);
      dl_put_varint (b->toc_blocks, blocks[k].cols);
    }
  b->n_blocks += n;
}

gboolean
dl_index_builder_copy (DlIndexBuilder *b, DlIndex *idx, guint i, GError **error)
{
  g_return_val_if_fail (i < idx->inputs->len, FALSE);
  const Input *in = &g_array_index (idx->inputs, Input, i);
  const Segment *seg = idx->segments->pdata[in->segment];
  const Block *blocks = &g_array_index (seg->blocks, Block, in->first_block);
  /* Its frames follow one another (parse_toc checked). */
  g_autoptr (GPtrArray) frames = input_frames (in, blocks);
  guint64 from = 0, to = 0;
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  for (guint k = 0; k < frames->len; k++)
    {
      const Block *f = frames->pdata[k];
      g_byte_array_set_size (buf, (guint) MAX (f->clen, 1));
      if (!read_at (seg, f->offset, f->clen, buf->data, error))
        return FALSE;
      if (dl_crc32 (buf->data, f->clen) != f->crc)
        return dl_index_damaged (error, seg->name, _ ("bad checksum of a block"));
      if (!write_all (b->fd, buf->data, f->clen))
        return io_error (error, b->seg_tmp, errno);
      from = k == 0 ? f->offset : from;
      to = f->offset + f->clen;
    }
  put_input (b, in, blocks, in->n_blocks, from);
  b->written += to - from;
  return !in->has_words || record_input (b, idx, i, error);
}

gboolean
dl_index_builder_add (DlIndexBuilder *b, DlIndexPiece *p, GError **error)
{
  Copying cp = { b->fd, TRUE, 0 };
  if (!dl_spill_replay (p->frames, copy_frames, &cp))
    return io_error (error, p->path, errno ? errno : EIO);
  if (!cp.ok)
    return io_error (error, b->seg_tmp, cp.errsv);
  const Input in = { .path = p->path,
                     .size = p->size,
                     .lines = p->lines,
                     .text_bytes = p->text_bytes,
                     .by_lang = { p->by_lang[0], p->by_lang[1], p->by_lang[2] },
                     .encodings = p->encodings,
                     .failed = p->failed,
                     .at_open = p->at_open,
                     .code = p->code,
                     .message = p->message,
                     .notes = p->notes,
                     .n_notes = p->n_notes,
                     .has_counts = p->save_counts != NULL && !p->at_open,
                     .variant = p->variant,
                     .counts = p->counts_frame,
                     .has_words = p->tokenized != 0 && !p->at_open,
                     .words_langs = p->tokenized,
                     .chunks = p->chunks,
                     .tokens = p->tokenized != 0 && !p->at_open ? p->tokens : NULL };
  put_input (b, &in, (const Block *) (gpointer) p->blocks->data, p->blocks->len, 0);
  b->written += p->stored;
  if (in.has_words && !record_piece (b, p))
    return io_error (error, b->seg_tmp, dl_errno_failed ());
  return TRUE;
}

/* Writes the segment's table of contents and trailer: the trailer's CRC
 * in *@crc. */
static gboolean
finish_segment (DlIndexBuilder *b, guint32 *crc, GError **error)
{
  g_autoptr (GByteArray) words = g_byte_array_new ();
  if (!write_words (b, words, error))
    return FALSE;
  g_autoptr (GByteArray) toc = g_byte_array_new ();
  dl_put_varint (toc, b->n_inputs);
  g_byte_array_append (toc, b->toc_inputs->data, b->toc_inputs->len);
  dl_put_varint (toc, b->n_blocks);
  g_byte_array_append (toc, b->toc_blocks->data, b->toc_blocks->len);
  g_byte_array_append (toc, words->data, words->len);
  if (toc->len > TOC_MAX)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("too many inputs for one index"));
      return FALSE;
    }
  g_autoptr (ZSTD_CCtx) cctx = ZSTD_createCCtx ();
  g_autoptr (GByteArray) packed = g_byte_array_sized_new ((guint) ZSTD_compressBound (toc->len));
  g_byte_array_set_size (packed, (guint) ZSTD_compressBound (toc->len));
  size_t n = ZSTD_compressCCtx (cctx, packed->data, packed->len, toc->data, toc->len, ZSTD_LEVEL);
  if (ZSTD_isError (n))
    return io_error (error, b->seg_tmp, ENOMEM);
  guint8 t[TRAILER_SIZE];
  memcpy (t, TRAILER_MAGIC, 8);
  dl_put_le (t + 8, DL_INDEX_VERSION, 4);
  dl_put_le (t + 12, dl_crc32 (packed->data, n), 4);
  dl_put_le (t + 16, b->written, 8);
  dl_put_le (t + 24, n, 8);
  dl_put_le (t + 32, toc->len, 4);
  *crc = dl_crc32 (t, 36);
  dl_put_le (t + 36, *crc, 4);
  if (!write_all (b->fd, packed->data, n) || !write_all (b->fd, t, sizeof t) || fsync (b->fd) != 0)
    return io_error (error, b->seg_tmp, errno);
  b->written += n + sizeof t;
  int fd = b->fd;
  b->fd = -1;
  if (close (fd) != 0)
    return io_error (error, b->seg_tmp, errno);
  return TRUE;
}

/* Renames the temporary file @tmp (registered) to @name in @dir. */
static gboolean
put_in_place (const char *dir, char **tmp, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  if (g_rename (*tmp, path) != 0)
    return io_error (error, path, errno);
  dl_tempfiles_forget (*tmp);
  g_clear_pointer (tmp, g_free);
  return TRUE;
}

static gboolean
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  gboolean ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Removes the files of @dir an older build left: segments and tables the
 * manifest no longer names, temporary files. */
static void
remove_old (DlIndexBuilder *b)
{
  g_autoptr (GDir) dir = g_dir_open (b->dir, 0, NULL);
  const char *name;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean ours = strcmp (name, b->segment) == 0
                      || (b->meta_name != NULL && strcmp (name, b->meta_name) == 0);
      for (guint k = 0; b->keep != NULL && k < b->keep->len && !ours; k++)
        ours = strcmp (name, b->keep->pdata[k]) == 0;
      gboolean kind = g_str_has_prefix (name, "seg-") || g_str_has_prefix (name, "meta-")
                      || g_str_has_prefix (name, ".seg-") || g_str_has_prefix (name, ".meta-")
                      || g_str_has_prefix (name, "." DL_INDEX_MANIFEST ".");
      if (!ours && kind)
        {
          g_autofree char *path = g_build_filename (b->dir, name, NULL);
          g_unlink (path);
        }
    }
}

gboolean
dl_index_builder_commit (DlIndexBuilder *b, GError **error)
{
  guint32 crc = 0;
  if (!finish_segment (b, &crc, error) || !put_in_place (b->dir, &b->seg_tmp, b->segment, error))
    return FALSE;
  if (b->meta_tmp != NULL && !put_in_place (b->dir, &b->meta_tmp, b->meta_name, error))
    return FALSE;
  GString *m = g_string_new ("derlem-index ");
  g_string_append_printf (m, "%d\n", DL_INDEX_VERSION);
  for (guint k = 0; b->kept != NULL && k < b->kept->len; k++)
    g_string_append (m, b->kept->pdata[k]);
  g_string_append_printf (m, "segment %s %" G_GUINT64_FORMAT " %08x\n", b->segment, b->written,
                          crc);
  if (b->meta_name != NULL)
    g_string_append_printf (m, "meta %s %" G_GUINT64_FORMAT " %08x\n", b->meta_name, b->meta_size,
                            b->meta_crc);
  else if (b->kept_meta != NULL)
    g_string_append (m, b->kept_meta);
  g_string_append_printf (m, "end %08x\n", dl_crc32 (m->str, m->len));
  g_autofree char *text = g_string_free (m, FALSE);
  g_autofree char *tmp = NULL;
  int fd = open_temp (b->dir, DL_INDEX_MANIFEST, &tmp);
  if (fd < 0)
    return io_error (error, b->dir, errno);
  gboolean ok = write_all (fd, text, strlen (text)) && fsync (fd) == 0;
  int errsv = errno;
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      errsv = errno;
    }
  if (!ok)
    {
      g_unlink (tmp);
      dl_tempfiles_forget (tmp);
      return io_error (error, tmp, errsv);
    }
  if (!put_in_place (b->dir, &tmp, DL_INDEX_MANIFEST, error))
    return FALSE;
  sync_dir (b->dir);
  if (b->fresh)
    {
      if (g_rename (b->dir, b->path) != 0)
        {
          int e = errno;
          return io_error (error, b->path, e == ENOTEMPTY || e == EEXIST ? EEXIST : e);
        }
      dl_tempfiles_forget (b->dir);
      g_free (b->dir);
      b->dir = g_strdup (b->path);
      b->fresh = FALSE;
      g_autofree char *parent = g_path_get_dirname (b->path);
      sync_dir (parent);
    }
  b->committed = TRUE;
  remove_old (b);
  return TRUE;
}

/* Removes @name from the build's directory. */
static void
remove_file (DlIndexBuilder *b, const char *name)
{
  if (name == NULL)
    return;
  g_autofree char *path = g_build_filename (b->dir, name, NULL);
  g_unlink (path);
}

static void
forget_temp (char *tmp)
{
  if (tmp == NULL)
    return;
  g_unlink (tmp);
  dl_tempfiles_forget (tmp);
}

void
dl_index_builder_free (DlIndexBuilder *b)
{
  if (b == NULL)
    return;
  if (b->fd >= 0)
    close (b->fd);
  forget_temp (b->seg_tmp);
  forget_temp (b->meta_tmp);
  if (!b->committed && b->dir != NULL)
    {
      /* What was put in place but not named by a manifest goes. */
      if (b->seg_tmp == NULL)
        remove_file (b, b->segment);
      if (b->meta_tmp == NULL)
        remove_file (b, b->meta_name);
      if (b->fresh)
        {
          remove_file (b, DL_INDEX_MANIFEST);
          g_rmdir (b->dir);
          dl_tempfiles_forget (b->dir);
        }
    }
  g_free (b->path);
  g_free (b->dir);
  g_free (b->segment);
  g_free (b->seg_tmp);
  g_free (b->meta_name);
  g_free (b->meta_tmp);
  g_byte_array_unref (b->toc_inputs);
  g_byte_array_unref (b->toc_blocks);
  if (b->kept != NULL)
    g_ptr_array_unref (b->kept);
  if (b->keep != NULL)
    g_ptr_array_unref (b->keep);
  g_free (b->kept_meta);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      dl_lexicon_free (b->forms[l]);
      g_free (b->renumber[l]);
      if (b->held[l] != NULL)
        g_array_unref (b->held[l]);
    }
  dl_spill_free (b->words);
  g_byte_array_unref (b->record);
  g_array_unref (b->scratch);
  g_byte_array_unref (b->scratch_bytes);
  g_free (b);
}
