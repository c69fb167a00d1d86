/* partial.c — partial results on disk. A header (the magic, the version,
 * 0), then frames, each a 24-byte head (tag, CRC-32 of what follows,
 * its size, its size once decompressed) and a zstd frame: the inputs
 * (tag 1, which names the tables that follow), the counts (tag 2,
 * dl_counter_save's bytes), the tables asked (n-grams 3, pairs 4, stats
 * 5, each its module's bytes), then an end (tag 15, no bytes, its own
 * offset as the size decompressed), which the file must end with. */
#include "config.h"

#include "partial.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include "error.h"
#include "i18n.h"
#include "varint.h"

#define FORMAT_VERSION 2
#define HEADER_SIZE 16
#define HEAD_SIZE 24
#define TAG_END 15
#define ZSTD_LEVEL 3
/* The most a frame of inputs takes once decompressed. */
#define INPUTS_MAX ((guint64) 1 << 30)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZSTD_DCtx, ZSTD_freeDCtx)

typedef struct {
  char *path;
  guint notes; /* its notes: notes[first .. first + notes) */
  guint first;
  gboolean failed; /* a note was an error about the input itself */
} Input;

typedef struct {
  guint32 tag, crc;
  guint64 clen, rlen, offset; /* offset: of its bytes, after the head */
} Frame;

struct _DlPartial {
  gint refs;
  char *path;
  guint32 variant;
  guint64 tracking; /* as dl_counter_save writes it: 1 files, 2 counts too */
  GArray *notes;    /* DlPartialNote: the paths' notes first, then the inputs' */
  guint path_notes; /* how many notes are about paths */
  GArray *inputs;   /* Input */
  DlPartialTables tables;
  Frame counts, ngrams, pairs, stats; /* tag 0: not held */
};

/* The errors of reading a partial result do not name it: the caller
 * does (a diagnostic about the file, or a prefix). */
static gboolean
damaged (GError **error, const char *what)
{
  g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
               /* Translators: a partial result (derlem count --save) is damaged;
                  %s says how. */
               _ ("damaged partial result: %s"), what);
  return FALSE;
}

static gboolean
io_error (GError **error, int errsv)
{
  g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", g_strerror (errsv));
  return FALSE;
}

static void
note_clear (gpointer p)
{
  DlPartialNote *n = p;
  g_free (n->file);
  g_free (n->message);
}

static void
input_clear (gpointer p)
{
  g_free (((Input *) p)->path);
}

/* ---- Reading ---- */

/* Reads @len bytes of @fd at @offset into @buf. */
static gboolean
read_at (int fd, guint64 offset, gsize len, guint8 *buf, GError **error)
{
  for (gsize got = 0; got < len;)
    {
      gssize n = pread (fd, buf + got, len - got, (off_t) (offset + got));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return io_error (error, errno);
      if (n == 0)
        return damaged (error, _ ("cut short"));
      got += (gsize) n;
    }
  return TRUE;
}

static int
open_file (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    io_error (error, errno);
  return fd;
}

/* Reads the head of the frame at @at into @f. */
static gboolean
read_head (int fd, guint64 at, Frame *f, GError **error)
{
  guint8 h[HEAD_SIZE];
  if (!read_at (fd, at, HEAD_SIZE, h, error))
    return FALSE;
  f->tag = (guint32) dl_get_le (h, 4);
  f->crc = (guint32) dl_get_le (h + 4, 4);
  f->clen = dl_get_le (h + 8, 8);
  f->rlen = dl_get_le (h + 16, 8);
  f->offset = at + HEAD_SIZE;
  return TRUE;
}

/* Reads and decompresses the bytes of @f into a new buffer of f->rlen
 * bytes (g_free), checking its CRC. NULL with @error. */
static guint8 *
read_frame (int fd, const Frame *f, GError **error)
{
  /* zstd packs no more than a block of 128 KiB into 4 bytes (an RLE
   * block); more is a forged size, which must not become an allocation. */
  if (f->rlen / 32768 > f->clen + 1 || f->clen > G_MAXSIZE || f->rlen > G_MAXSIZE)
    {
      damaged (error, _ ("bad frame sizes"));
      return NULL;
    }
  g_autofree guint8 *src = g_try_malloc (MAX (f->clen, 1));
  guint8 *out = g_try_malloc (MAX (f->rlen, 1));
  if (src == NULL || out == NULL)
    {
      g_free (out);
      io_error (error, ENOMEM);
      return NULL;
    }
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  if (!read_at (fd, f->offset, f->clen, src, error))
    {
      g_free (out);
      return NULL;
    }
  if (dl_crc32 (src, f->clen) != f->crc)
    {
      g_free (out);
      damaged (error, _ ("bad checksum"));
      return NULL;
    }
  if (ZSTD_getFrameContentSize (src, f->clen) != f->rlen
      || ZSTD_decompressDCtx (dctx, out, f->rlen, src, f->clen) != f->rlen)
    {
      g_free (out);
      damaged (error, _ ("bad frame"));
      return NULL;
    }
  return out;
}

/* A string of valid UTF-8 without NUL (newly allocated), or NULL. */
static char *
get_text (DlCursor *cur)
{
  char *s = dl_get_string (cur);
  if (s != NULL && !g_utf8_validate (s, -1, NULL))
    {
      g_free (s);
      cur->bad = TRUE;
      return NULL;
    }
  return s;
}

/* Reads a note into @p->notes. */
static gboolean
get_note (DlPartial *p, DlCursor *cur)
{
  DlPartialNote n = { DL_DIAG_NOTE, NULL, 0, NULL };
  guint64 level = dl_get_varint (cur), has_file = dl_get_varint (cur);
  if (level > DL_DIAG_ERROR || has_file > 1)
    return FALSE;
  n.level = (DlDiagLevel) level;
  if (has_file && (n.file = get_text (cur)) == NULL)
    return FALSE;
  n.line = dl_get_varint (cur);
  if ((n.message = get_text (cur)) == NULL)
    {
      g_free (n.file);
      return FALSE;
    }
  g_array_append_val (p->notes, n);
  return !cur->bad;
}

/* The inputs' frame: variant, tracking, the paths' notes (how many, then
 * each), the inputs (how many, then each: its path, its notes). */
static gboolean
parse_inputs (DlPartial *p, const guint8 *data, gsize len)
{
  DlCursor cur = dl_cursor_of (data, len);
  guint64 variant = dl_get_varint (&cur), tracking = dl_get_varint (&cur);
  DlCounterOptions decoded;
  dl_counter_options_from_variant (&decoded, (guint32) variant);
  if (variant > G_MAXUINT32 || dl_counter_variant (&decoded) != variant
      || (tracking != 0 && tracking != 1 && tracking != 3))
    return FALSE;
  p->variant = (guint32) variant;
  p->tracking = tracking;
  guint64 min_n = dl_get_varint (&cur), max_n = dl_get_varint (&cur);
  guint64 files = dl_get_varint (&cur);
  guint64 window = dl_get_varint (&cur), stats = dl_get_varint (&cur);
  if ((min_n != 0 || max_n != 0 || files != 0)
      && (min_n < DL_NGRAM_MIN || min_n > max_n || max_n > DL_NGRAM_MAX || files > 1))
    return FALSE;
  if (window > DL_COLLOC_WINDOW_MAX || stats > 1)
    return FALSE;
  p->tables = (DlPartialTables){ (guint) min_n, (guint) max_n, (gboolean) files, (guint) window,
                                 (gboolean) stats };
  guint64 n = dl_get_varint (&cur);
  if (n > len)
    return FALSE;
  for (guint64 i = 0; i < n; i++)
    if (!get_note (p, &cur))
      return FALSE;
  p->path_notes = p->notes->len;
  guint64 inputs = dl_get_varint (&cur);
  if (inputs > len)
    return FALSE;
  for (guint64 i = 0; i < inputs; i++)
    {
      Input in = { get_text (&cur), 0, p->notes->len, FALSE };
      if (in.path == NULL)
        return FALSE;
      g_array_append_val (p->inputs, in);
      n = dl_get_varint (&cur);
      if (n > len)
        return FALSE;
      for (guint64 k = 0; k < n; k++)
        {
          if (!get_note (p, &cur))
            return FALSE;
          const DlPartialNote *note = &g_array_index (p->notes, DlPartialNote, p->notes->len - 1);
          if (note->level == DL_DIAG_ERROR && note->line == 0)
            g_array_index (p->inputs, Input, i).failed = TRUE;
        }
      g_array_index (p->inputs, Input, i).notes = (guint) n;
    }
  return !cur.bad && cur.p == cur.end;
}

/* Reads the head of the frame @tag at *@at into @f, moving *@at past it. */
static gboolean
next_head (int fd, guint32 tag, guint64 *at, guint64 size, Frame *f, GError **error)
{
  if (!read_head (fd, *at, f, error))
    return FALSE;
  if (f->tag != tag || f->offset > size || f->clen > size - f->offset)
    return damaged (error, _ ("bad frame sizes"));
  *at = f->offset + f->clen;
  return TRUE;
}

/* Reads the heads of the counts and of the tables the inputs' frame
 * named, from @at in the file of @size bytes, and the end's into @end. */
static gboolean
read_heads (DlPartial *p, int fd, guint64 at, guint64 size, Frame *end, GError **error)
{
  const DlPartialTables *t = &p->tables;
  return next_head (fd, DL_PARTIAL_COUNTS, &at, size, &p->counts, error)
         && (t->max_n == 0 || next_head (fd, DL_PARTIAL_NGRAMS, &at, size, &p->ngrams, error))
         && (t->window == 0 || next_head (fd, DL_PARTIAL_PAIRS, &at, size, &p->pairs, error))
         && (!t->stats || next_head (fd, DL_PARTIAL_STATS, &at, size, &p->stats, error))
         && read_head (fd, at, end, error);
}

gboolean
dl_partial_is_partial (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return FALSE;
  struct stat st;
  char magic[DL_PARTIAL_MAGIC_LEN];
  gboolean yes = fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
                 && pread (fd, magic, sizeof magic, 0) == (gssize) sizeof magic
                 && memcmp (magic, DL_PARTIAL_MAGIC, sizeof magic) == 0;
  close (fd);
  return yes;
}

DlPartial *
dl_partial_open (const char *path, GError **error)
{
  g_autoptr (DlPartial) p = g_new0 (DlPartial, 1);
  p->refs = 1;
  p->path = g_strdup (path);
  p->notes = g_array_new (FALSE, FALSE, sizeof (DlPartialNote));
  g_array_set_clear_func (p->notes, note_clear);
  p->inputs = g_array_new (FALSE, FALSE, sizeof (Input));
  g_array_set_clear_func (p->inputs, input_clear);
  int fd = open_file (path, error);
  if (fd < 0)
    return NULL;
  struct stat st;
  guint8 h[HEADER_SIZE];
  Frame inputs, end;
  g_autofree guint8 *data = NULL;
  gboolean ok = FALSE;
  if (fstat (fd, &st) != 0)
    io_error (error, errno);
  else if (!read_at (fd, 0, HEADER_SIZE, h, error))
    ;
  else if (memcmp (h, DL_PARTIAL_MAGIC, DL_PARTIAL_MAGIC_LEN) != 0)
    damaged (error, _ ("not a partial result"));
  else if (dl_get_le (h + 8, 4) != FORMAT_VERSION)
    g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
                 /* Translators: %u are version numbers. */
                 _ ("a partial result of version %u, which this derlem cannot read (it reads "
                    "version %u): count it again"),
                 (guint) dl_get_le (h + 8, 4), (guint) FORMAT_VERSION);
  else if (dl_get_le (h + 12, 4) != 0)
    damaged (error, _ ("bad header"));
  else if (!read_head (fd, HEADER_SIZE, &inputs, error))
    ;
  else if (inputs.tag != DL_PARTIAL_INPUTS || inputs.rlen > INPUTS_MAX
           || inputs.clen > (guint64) st.st_size - inputs.offset)
    damaged (error, _ ("bad frame sizes"));
  else if ((data = read_frame (fd, &inputs, error)) == NULL)
    ;
  else if (!parse_inputs (p, data, inputs.rlen))
    damaged (error, _ ("bad list of inputs"));
  else if (!read_heads (p, fd, inputs.offset + inputs.clen, (guint64) st.st_size, &end, error))
    ;
  else if (end.tag != TAG_END || end.clen != 0 || end.rlen != end.offset - HEAD_SIZE
           || end.crc != dl_crc32 (h, HEADER_SIZE) || end.offset != (guint64) st.st_size)
    damaged (error, _ ("bad end"));
  else
    ok = TRUE;
  close (fd);
  return ok ? g_steal_pointer (&p) : NULL;
}

DlPartial *
dl_partial_ref (DlPartial *p)
{
  g_atomic_int_inc (&p->refs);
  return p;
}

void
dl_partial_unref (DlPartial *p)
{
  if (p == NULL || !g_atomic_int_dec_and_test (&p->refs))
    return;
  g_free (p->path);
  g_array_unref (p->notes);
  g_array_unref (p->inputs);
  g_free (p);
}

const char *
dl_partial_path (const DlPartial *p)
{
  return p->path;
}

guint
dl_partial_n_inputs (const DlPartial *p)
{
  return p->inputs->len;
}

const char *
dl_partial_input_path (const DlPartial *p, guint i)
{
  return g_array_index (p->inputs, Input, i).path;
}

guint
dl_partial_failures (const DlPartial *p)
{
  guint n = 0;
  for (guint k = 0; k < p->path_notes; k++)
    n += g_array_index (p->notes, DlPartialNote, k).level == DL_DIAG_ERROR;
  for (guint i = 0; i < p->inputs->len; i++)
    n += g_array_index (p->inputs, Input, i).failed;
  return n;
}

static void
replay (const DlPartial *p, guint first, guint n, const DlDiag *diag)
{
  for (guint k = first; k < first + n; k++)
    {
      const DlPartialNote *note = &g_array_index (p->notes, DlPartialNote, k);
      dl_diag_report (diag, note->level, note->file, note->line, "%s", note->message);
    }
}

void
dl_partial_replay_paths (const DlPartial *p, const DlDiag *diag)
{
  replay (p, 0, p->path_notes, diag);
}

void
dl_partial_replay (const DlPartial *p, guint i, const DlDiag *diag)
{
  const Input *in = &g_array_index (p->inputs, Input, i);
  replay (p, in->first, in->notes, diag);
}

guint32
dl_partial_variant (const DlPartial *p)
{
  return p->variant;
}

gboolean
dl_partial_has_files (const DlPartial *p)
{
  return (p->tracking & 1) != 0;
}

gboolean
dl_partial_has_counts (const DlPartial *p)
{
  return (p->tracking & 2) != 0;
}

const DlPartialTables *
dl_partial_tables (const DlPartial *p)
{
  return &p->tables;
}

/* Checks that @p holds the tables @need: FALSE with @error naming the
 * option of count that saves them. */
static gboolean
check_tables (const DlPartial *p, const DlPartialTables *need, GError **error)
{
  const DlPartialTables *has = &p->tables;
  g_autofree char *what = NULL;
  if (need->max_n > 0
      && (has->max_n == 0 || need->min_n < has->min_n || need->max_n > has->max_n
          || (need->ngram_files && !has->ngram_files)))
    what = need->min_n == need->max_n
               ? g_strdup_printf ("--ngrams %u%s", need->max_n,
                                  need->ngram_files ? " --ngram-files" : "")
               : g_strdup_printf ("--ngrams %u-%u%s", need->min_n, need->max_n,
                                  need->ngram_files ? " --ngram-files" : "");
  else if (need->window > 0 && need->window != has->window)
    what = g_strdup_printf ("--pairs %u", need->window);
  else if (need->stats && !has->stats)
    what = g_strdup ("--stats");
  if (what == NULL)
    return TRUE;
  g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
               /* Translators: %s is a file, then an option of derlem count. */
               _ ("%s: counted without what this run reads: count it again with derlem count "
                  "%s"),
               p->path, what);
  return FALSE;
}

gboolean
dl_partial_check_options (const DlPartial *p, const DlCounterOptions *opts,
                          const DlPartialTables *need, GError **error)
{
  const char *what = NULL;
  DlCounterOptions saved;
  dl_counter_options_from_variant (&saved, p->variant);
  if (saved.casing != opts->casing)
    what = "--case";
  else if (saved.kinds[DL_TOKEN_NUMBER] != opts->kinds[DL_TOKEN_NUMBER])
    what = "--numbers";
  else if (memcmp (saved.kinds, opts->kinds, sizeof saved.kinds) != 0)
    what = "--urls";
  for (int l = 0; what == NULL && l < DL_LANG_COUNT; l++)
    if (opts->langs[l] && !saved.langs[l])
      what = "--lang";
  if (what != NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
                   /* Translators: %s is a file, then an option (--case, --lang...). */
                   _ ("%s: counted with another %s than this run's: count it again with the "
                      "options of the runs that read it"),
                   p->path, what);
      return FALSE;
    }
  if ((opts->track_files || opts->track_counts) && !dl_partial_has_files (p))
    what = "--unit";
  else if (opts->track_counts && !dl_partial_has_counts (p))
    what = "--dispersion";
  if (what != NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_COUNTS,
                   /* Translators: %s is a file, then an option. */
                   _ ("%s: counted without what %s needs: count it again with derlem count "
                      "--dispersion"),
                   p->path, what);
      return FALSE;
    }
  return need == NULL || check_tables (p, need, error);
}

/* Reads the frames @a and (unless NULL) @b of @p into *@da and *@db
 * (g_free). FALSE with @error. */
static gboolean
read_frames (const DlPartial *p, const Frame *a, guint8 **da, const Frame *b, guint8 **db,
             GError **error)
{
  int fd = open_file (p->path, error);
  if (fd < 0)
    return FALSE;
  *da = read_frame (fd, a, error);
  if (*da != NULL && b != NULL)
    *db = read_frame (fd, b, error);
  close (fd);
  return *da != NULL && (b == NULL || *db != NULL);
}

/* Ends a load: @ok, or @error (damaged if the bytes did not read) with
 * @p's path before it. */
static gboolean
loaded (const DlPartial *p, gboolean read, gboolean ok, GError **error)
{
  if (read && !ok)
    damaged (error, _ ("bad counts"));
  if (!ok)
    g_prefix_error (error, "%s: ", p->path);
  return ok;
}

gboolean
dl_partial_load_counter (const DlPartial *p, DlCounter *c, GError **error)
{
  if (!dl_partial_check_options (p, dl_counter_options (c), NULL, error))
    return FALSE;
  g_autofree guint8 *data = NULL;
  gboolean read = read_frames (p, &p->counts, &data, NULL, NULL, error);
  return loaded (p, read, read && dl_counter_load (c, data, p->counts.rlen), error);
}

gboolean
dl_partial_load_ngrams (const DlPartial *p, DlNgramCounts *c, GError **error)
{
  const DlNgramOptions *o = dl_ngram_counts_options (c);
  const DlPartialTables need = { o->min_n, o->max_n, o->track_files, 0, FALSE };
  if (!dl_partial_check_options (p, &o->counter, &need, error))
    return FALSE;
  g_autofree guint8 *counts = NULL, *tables = NULL;
  gboolean read = read_frames (p, &p->counts, &counts, &p->ngrams, &tables, error);
  return loaded (p, read,
                 read
                     && dl_ngram_counts_load (c, counts, p->counts.rlen, tables, p->ngrams.rlen,
                                              p->inputs->len),
                 error);
}

gboolean
dl_partial_load_pairs (const DlPartial *p, DlCollocCounts *c, GError **error)
{
  const DlPartialTables need = { 0, 0, FALSE, dl_colloc_counts_window (c), FALSE };
  if (!dl_partial_check_options (p, dl_counter_options (dl_colloc_counts_counter (c)), &need,
                                 error))
    return FALSE;
  g_autofree guint8 *counts = NULL, *pairs = NULL;
  gboolean read = read_frames (p, &p->counts, &counts, &p->pairs, &pairs, error);
  return loaded (p, read,
                 read
                     && dl_colloc_counts_load (c, counts, p->counts.rlen, pairs, p->pairs.rlen,
                                               p->inputs->len),
                 error);
}

gboolean
dl_partial_load_stats (const DlPartial *p, DlLexStatsInput *in, GError **error)
{
  const DlPartialTables need = { 0, 0, FALSE, 0, TRUE };
  if (!dl_partial_check_options (p, dl_lexstats_input_options (in), &need, error))
    return FALSE;
  g_autofree guint8 *stats = NULL;
  gboolean read = read_frames (p, &p->stats, &stats, NULL, NULL, error);
  return loaded (p, read, read && dl_lexstats_input_load (in, stats, p->stats.rlen, p->inputs->len),
                 error);
}

/* ---- Writing ---- */

void
dl_partial_list_init (DlPartialList *list)
{
  list->notes = g_array_new (FALSE, FALSE, sizeof (DlPartialNote));
  g_array_set_clear_func (list->notes, note_clear);
  list->inputs = g_ptr_array_new_with_free_func (g_free);
  list->input_notes = g_array_new (FALSE, FALSE, sizeof (DlPartialNote));
  g_array_set_clear_func (list->input_notes, note_clear);
  list->ends = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
dl_partial_list_clear (DlPartialList *list)
{
  g_clear_pointer (&list->notes, g_array_unref);
  g_clear_pointer (&list->inputs, g_ptr_array_unref);
  g_clear_pointer (&list->input_notes, g_array_unref);
  g_clear_pointer (&list->ends, g_array_unref);
}

void
dl_partial_list_note (DlPartialList *list, DlDiagLevel level, const char *file, guint64 line,
                      const char *message)
{
  DlPartialNote n = { level, g_strdup (file), line, g_strdup (message) };
  g_array_append_val (list->input_notes, n);
}

void
dl_partial_list_paths (DlPartialList *list)
{
  g_return_if_fail (list->inputs->len == 0);
  g_array_append_vals (list->notes, list->input_notes->data, list->input_notes->len);
  /* Moved, not copied: their strings are the paths' notes' now. */
  g_array_set_clear_func (list->input_notes, NULL);
  g_array_set_size (list->input_notes, 0);
  g_array_set_clear_func (list->input_notes, note_clear);
}

void
dl_partial_list_input (DlPartialList *list, const char *path)
{
  g_ptr_array_add (list->inputs, g_strdup (path));
  guint end = list->input_notes->len;
  g_array_append_val (list->ends, end);
}

static void
put_note (GByteArray *out, const DlPartialNote *n)
{
  dl_put_varint (out, (guint64) n->level);
  dl_put_varint (out, n->file != NULL);
  if (n->file != NULL)
    dl_put_string (out, n->file);
  dl_put_varint (out, n->line);
  dl_put_string (out, n->message);
}

/* Writes the frame @tag of @data (@len bytes) to @out, adding its size
 * to *@at. */
static gboolean
put_frame (FILE *out, guint32 tag, const guint8 *data, gsize len, guint64 *at, GError **error)
{
  gsize bound = ZSTD_compressBound (len);
  g_autofree guint8 *packed = g_try_malloc (MAX (bound, 1));
  size_t clen = packed == NULL ? 0 : ZSTD_compress (packed, bound, data, len, ZSTD_LEVEL);
  if (packed == NULL || ZSTD_isError (clen))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_IO, _ ("cannot compress: %s"),
                   packed == NULL ? g_strerror (ENOMEM) : ZSTD_getErrorName (clen));
      return FALSE;
    }
  guint8 h[HEAD_SIZE];
  dl_put_le (h, tag, 4);
  dl_put_le (h + 4, dl_crc32 (packed, clen), 4);
  dl_put_le (h + 8, clen, 8);
  dl_put_le (h + 16, len, 8);
  *at += HEAD_SIZE + clen;
  return fwrite (h, 1, HEAD_SIZE, out) == HEAD_SIZE && fwrite (packed, 1, clen, out) == clen;
}

gboolean
dl_partial_write_frames (FILE *out, const DlPartialFrame *frames, guint n, GError **error)
{
  guint8 h[HEADER_SIZE];
  memcpy (h, DL_PARTIAL_MAGIC, DL_PARTIAL_MAGIC_LEN);
  dl_put_le (h + 8, FORMAT_VERSION, 4);
  dl_put_le (h + 12, 0, 4);
  gboolean ok = fwrite (h, 1, HEADER_SIZE, out) == HEADER_SIZE;
  guint64 at = HEADER_SIZE;
  for (guint k = 0; ok && k < n; k++)
    ok = put_frame (out, frames[k].tag, frames[k].data, frames[k].len, &at, error);
  if (ok)
    {
      guint8 e[HEAD_SIZE];
      dl_put_le (e, TAG_END, 4);
      dl_put_le (e + 4, dl_crc32 (h, HEADER_SIZE), 4);
      dl_put_le (e + 8, 0, 8);
      dl_put_le (e + 16, at, 8);
      ok = fwrite (e, 1, HEAD_SIZE, out) == HEAD_SIZE;
    }
  if (!ok && error != NULL && *error == NULL)
    {
      int e = errno;
      g_set_error (error, DL_ERROR, DL_ERROR_IO, "%s", g_strerror (e ? e : EIO));
    }
  return ok;
}

/* The inputs' frame: what dl_partial_open's parse_inputs reads. */
static void
put_inputs (GByteArray *out, const DlPartialList *list, const DlPartialCounts *counts)
{
  const DlCounterOptions *opts = dl_counter_options (counts->counter);
  dl_put_varint (out, dl_counter_variant (opts));
  dl_put_varint (out, opts->track_counts ? 3 : opts->track_files ? 1 : 0);
  const DlNgramOptions *ngrams
      = counts->ngrams != NULL ? dl_ngram_counts_options (counts->ngrams) : NULL;
  dl_put_varint (out, ngrams != NULL ? ngrams->min_n : 0);
  dl_put_varint (out, ngrams != NULL ? ngrams->max_n : 0);
  dl_put_varint (out, ngrams != NULL && ngrams->track_files);
  dl_put_varint (out, counts->pairs != NULL ? dl_colloc_counts_window (counts->pairs) : 0);
  dl_put_varint (out, counts->stats != NULL);
  dl_put_varint (out, list->notes->len);
  for (guint k = 0; k < list->notes->len; k++)
    put_note (out, &g_array_index (list->notes, DlPartialNote, k));
  dl_put_varint (out, list->inputs->len);
  for (guint i = 0; i < list->inputs->len; i++)
    {
      dl_put_string (out, list->inputs->pdata[i]);
      guint first = i > 0 ? g_array_index (list->ends, guint, i - 1) : 0;
      guint end = g_array_index (list->ends, guint, i);
      dl_put_varint (out, end - first);
      for (guint k = first; k < end; k++)
        put_note (out, &g_array_index (list->input_notes, DlPartialNote, k));
    }
}

gboolean
dl_partial_write (FILE *out, const DlPartialList *list, const DlPartialCounts *counts,
                  GError **error)
{
  GByteArray *bytes[5] = { NULL };
  DlPartialFrame frames[5];
  guint n = 0;
  bytes[n] = g_byte_array_new ();
  put_inputs (bytes[n], list, counts);
  frames[n++].tag = DL_PARTIAL_INPUTS;
  bytes[n] = g_byte_array_new ();
  dl_counter_save (counts->counter, bytes[n]);
  frames[n++].tag = DL_PARTIAL_COUNTS;
  if (counts->ngrams != NULL)
    {
      bytes[n] = g_byte_array_new ();
      dl_ngram_counts_save (counts->ngrams, bytes[n]);
      frames[n++].tag = DL_PARTIAL_NGRAMS;
    }
  if (counts->pairs != NULL)
    {
      bytes[n] = g_byte_array_new ();
      dl_colloc_counts_save_pairs (counts->pairs, counts->counter, bytes[n]);
      frames[n++].tag = DL_PARTIAL_PAIRS;
    }
  if (counts->stats != NULL)
    {
      bytes[n] = g_byte_array_new ();
      dl_lexstats_total_save (counts->stats, bytes[n]);
      frames[n++].tag = DL_PARTIAL_STATS;
    }
  for (guint k = 0; k < n; k++)
    {
      frames[k].data = bytes[k]->data;
      frames[k].len = bytes[k]->len;
    }
  gboolean ok = dl_partial_write_frames (out, frames, n, error);
  for (guint k = 0; k < n; k++)
    g_byte_array_unref (bytes[k]);
  return ok;
}
