/* test-index.c — an index written and read back (index.h): every field of
 * every line, how an input's reading ended, and a damaged index refused:
 * every byte flipped, every cut, another version, no index at all. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "index.h"
#include "parts.h"
#include "tempfiles.h"
#include "tests.h"
#include "varint.h"

#include <zlib.h>
#include <zstd.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZSTD_DCtx, ZSTD_freeDCtx)

/* One input of a test index: @n lines, made by line_of. */
typedef struct {
  const char *path;
  guint n;
  gint64 size;
  int fail;         /* -1: read to its end; else the DlError its reading ended with */
  gboolean at_open; /* with fail: it could not be opened (no lines) */
} Spec;

/* Line @k of input @i: its text (g_free), number, offset, encoding, lang. */
static char *
line_of (guint i, guint k, DlIndexLine *line)
{
  /* Lengths from 0 to ~1,000 bytes, some non-ASCII, so that blocks fill. */
  GString *t = g_string_new (NULL);
  g_string_append_printf (t, "input %u line %u ışık İĞDE iğde ", i, k);
  for (guint r = 0; r < (k * 37 + i) % 90; r++)
    g_string_append (t, "söz ");
  line->len = t->len;
  line->number = 1 + (guint64) k * 2 + (k % 5 == 0 ? 7 : 0) * k; /* gaps, some long */
  line->offset = (guint64) k * 1000 + i;
  line->encoding = k % 7 == 3 ? "windows-1254" : (k % 11 == 4 ? "UTF-16LE" : NULL);
  line->lang = (DlLang) ((k + i) % DL_LANG_COUNT);
  line->text = t->str;
  line->gap = FALSE;
  return g_string_free (t, FALSE);
}

/* Removes the test's directory @dir and all in it. */
static void
remove_dir (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  CU_ASSERT_EQUAL (system (cmd), 0);
}

static const Spec specs[] = {
  { "a/first.txt", 40, 4000, -1, FALSE },
  { "big.txt", 3000, 3000000, -1, FALSE }, /* several blocks */
  { "binary.bin", 0, 10, DL_ERROR_BINARY, TRUE },
  { "-", 25, -1, DL_ERROR_IO, FALSE }, /* standard input that failed at line 26 */
  { "empty.txt", 0, 0, -1, FALSE },
};

/* The test's counter: it numbers one form, "söz" (DlWordsTerm). */
static const char *
test_term (DlLang lang, guint32 form, gsize *len, gpointer user_data)
{
  (void) lang;
  (void) user_data;
  CU_ASSERT_EQUAL (form, 0);
  *len = strlen ("söz");
  return "söz";
}

/* Saves the counts @user_data (a string) as they are, in any order. */
static void
save_text (const GArray *const *order, GByteArray *out, gpointer user_data)
{
  (void) order;
  g_byte_array_append (out, user_data, (guint) strlen (user_data));
}

/* Gives @p the tokens of @line: its words between spaces, "söz" by the
 * counter's number. */
static void
add_tokens (DlIndexPiece *p, const DlIndexLine *line)
{
  g_autofree char *text = g_strndup (line->text, line->len);
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  for (guint w = 0; words[w] != NULL; w++)
    {
      if (words[w][0] == '\0')
        continue;
      if (strcmp (words[w], "söz") == 0)
        {
          const guint32 form = 0;
          CU_ASSERT_TRUE (dl_index_piece_forms (p, line->lang, &form, 1));
        }
      else
        CU_ASSERT_TRUE (dl_index_piece_token (p, line->lang, DL_TOKEN_WORD, G_MAXUINT32, words[w],
                                              strlen (words[w])));
    }
  CU_ASSERT_TRUE (dl_index_piece_line_end (p, line->lang));
}

/* Whether build() keeps each block's tokens. */
static gboolean keep_tokens;

/* Builds the index @path of @specs[0..@n), with their words. */
static void
build (const char *path, const Spec *sp, guint n, const char *meta)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndexBuilder) b = dl_index_builder_new (path, meta, &error);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  static const gboolean all[DL_LANG_COUNT] = { TRUE, TRUE, TRUE };
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DlIndexPiece) p = dl_index_piece_new (sp[i].path, sp[i].size);
      dl_index_piece_tokenized (p, all, test_term, NULL, norm);
      if (keep_tokens)
        dl_index_piece_keep_tokens (p);
      for (guint k = 0; k < sp[i].n; k++)
        {
          DlIndexLine line;
          g_autofree char *text = line_of (i, k, &line);
          CU_ASSERT_TRUE (dl_index_piece_add (p, &line));
          add_tokens (p, &line);
        }
      if (i == 0)
        {
          dl_index_piece_note (p, DL_DIAG_NOTE, TRUE, 0, "read as windows-1254");
          dl_index_piece_note (p, DL_DIAG_WARNING, TRUE, 12, "invalid UTF-8 \xff here");
          dl_index_piece_note (p, DL_DIAG_ERROR, FALSE, 0, "about no file");
        }
      /* Counts beside the lines: any bytes, kept as given. */
      g_autofree char *counts = g_strdup_printf ("counts of %u", i);
      if (i % 2 == 0)
        dl_index_piece_set_counts (p, 40 + i, save_text, counts);
      g_autoptr (GError) how = NULL;
      if (sp[i].fail >= 0)
        how = g_error_new (DL_ERROR, sp[i].fail, "ended %u", i);
      CU_ASSERT_TRUE (dl_index_piece_end (p, how, sp[i].at_open));
      CU_ASSERT_TRUE (dl_index_builder_add (b, p, &error));
    }
  CU_ASSERT_TRUE_FATAL (dl_index_builder_commit (b, &error));
}

/* Reads every input of @idx and compares it with @specs: each with a
 * reader of its own, or with @shared reopened for it. */
static void
check_lines_through (DlIndex *idx, const Spec *sp, guint n, DlIndexLines *shared)
{
  CU_ASSERT_EQUAL_FATAL (dl_index_n_inputs (idx), n);
  for (guint i = 0; i < n; i++)
    {
      DL_ASSERT_STR_EQ (dl_index_input_path (idx, i), sp[i].path);
      CU_ASSERT_EQUAL (dl_index_input_size (idx, i), sp[i].size);
      g_autoptr (GError) error = NULL;
      g_autoptr (DlIndexLines) own = NULL;
      DlIndexLines *r = shared;
      if (shared == NULL)
        r = own = dl_index_lines_open (idx, i, &error);
      else if (!dl_index_lines_reopen (shared, idx, i, &error))
        r = NULL;
      if (sp[i].at_open)
        {
          CU_ASSERT_PTR_NULL (r);
          CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, sp[i].fail));
          g_autofree char *msg = g_strdup_printf ("ended %u", i);
          DL_ASSERT_STR_EQ (error != NULL ? error->message : NULL, msg);
          continue;
        }
      CU_ASSERT_PTR_NOT_NULL_FATAL (r);
      DlIndexLine got;
      guint k = 0;
      while (dl_index_lines_next (r, &got, &error))
        {
          DlIndexLine want;
          g_autofree char *text = line_of (i, k, &want);
          CU_ASSERT_EQUAL (got.len, want.len);
          CU_ASSERT (got.len == want.len && memcmp (got.text, want.text, want.len) == 0);
          CU_ASSERT_EQUAL (got.number, want.number);
          CU_ASSERT_EQUAL (got.offset, want.offset);
          CU_ASSERT_EQUAL (got.lang, want.lang);
          /* Interned: the stream compares encodings by pointer. */
          CU_ASSERT_PTR_EQUAL (got.encoding,
                               want.encoding ? g_intern_string (want.encoding) : NULL);
          k++;
        }
      CU_ASSERT_EQUAL (k, sp[i].n);
      g_autoptr (GByteArray) counts = g_byte_array_new ();
      g_autoptr (GError) cerr = NULL;
      CU_ASSERT_FALSE (dl_index_input_counts (idx, i, 41 + i, counts, NULL, &cerr));
      CU_ASSERT_PTR_NULL (cerr);
      gboolean has = dl_index_input_counts (idx, i, 40 + i, counts, NULL, &cerr);
      CU_ASSERT_EQUAL (has, i % 2 == 0);
      CU_ASSERT_PTR_NULL (cerr);
      if (has)
        {
          g_autofree char *want = g_strdup_printf ("counts of %u", i);
          CU_ASSERT (counts->len == strlen (want) && memcmp (counts->data, want, counts->len) == 0);
        }
      g_clear_error (&error);
      CU_ASSERT_EQUAL (dl_index_input_ended (idx, i, &error), sp[i].fail < 0);
      if (sp[i].fail >= 0)
        {
          CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, sp[i].fail));
        }
      else
        {
          CU_ASSERT_PTR_NULL (error);
        }
      /* And it stays at its end. */
      g_clear_error (&error);
      CU_ASSERT_FALSE (dl_index_lines_next (r, &got, &error));
    }
}

static void
check_lines (DlIndex *idx, const Spec *sp, guint n)
{
  check_lines_through (idx, sp, n, NULL);
}

static void
collect (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  g_string_append_printf (user_data, "%d %s %" G_GUINT64_FORMAT " %s|", (int) level,
                          file != NULL ? file : "-", line, message);
}

static void
test_lines_come_back (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.dlx", NULL);
  build (path, specs, G_N_ELEMENTS (specs), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  check_lines (idx, specs, G_N_ELEMENTS (specs));
  /* One reader for every input, reopened after it was left in the middle
   * of a block of several of big.txt's, restricted to one of them, and
   * after an input that failed at its opening: the same lines. */
  g_autoptr (DlIndexLines) shared = dl_index_lines_open (idx, 1, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (shared);
  CU_ASSERT_TRUE_FATAL (dl_index_input_blocks (idx, 1) > 2);
  DlIndexLine line;
  for (int k = 0; k < 5; k++)
    CU_ASSERT_TRUE (dl_index_lines_next (shared, &line, &error));
  check_lines_through (idx, specs, G_N_ELEMENTS (specs), shared);
  CU_ASSERT_TRUE (dl_index_lines_reopen (shared, idx, 1, &error));
  const guint64 second[] = { 1, 2 };
  dl_index_lines_restrict (shared, second, 1);
  CU_ASSERT_TRUE (dl_index_lines_next (shared, &line, &error));
  CU_ASSERT_TRUE (line.gap);
  check_lines_through (idx, specs, G_N_ELEMENTS (specs), shared);
  DlIndexInfo info;
  dl_index_info (idx, &info);
  CU_ASSERT_EQUAL (info.inputs, 5);
  CU_ASSERT_EQUAL (info.inputs_failed, 2);
  CU_ASSERT_EQUAL (info.lines, 40 + 3000 + 25);
  CU_ASSERT_EQUAL (info.source_bytes, 4000 + 3000000 + 10);
  CU_ASSERT_TRUE (info.blocks >= 4); /* big.txt's ~1.3 MB in 256 KiB blocks */
  CU_ASSERT_EQUAL (info.lines_by_lang[0] + info.lines_by_lang[1] + info.lines_by_lang[2],
                   info.lines);
  CU_ASSERT_TRUE (dl_index_verify (idx, &error));
  CU_ASSERT_PTR_NULL (dl_index_meta_path (idx));
  /* What reading an input reported comes back, about the file named. */
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (DlDiag) diag = dl_diag_new (collect, notes);
  dl_index_replay_notes (idx, 0, diag, "shown.txt");
  dl_index_replay_notes (idx, 1, diag, "none.txt");
  DL_ASSERT_STR_EQ (notes->str, "0 shown.txt 0 read as windows-1254|"
                                "1 shown.txt 12 invalid UTF-8 \xef\xbf\xbd here|"
                                "2 - 0 about no file|");
  CU_ASSERT_TRUE (dl_index_is_index (path));
  CU_ASSERT_FALSE (dl_index_is_index (dir));
  remove_dir (dir);
}

/* The oracle's key of a form of a language. */
static char *
lang_form (DlLang lang, const char *form, gsize len)
{
  return g_strdup_printf ("%d:%.*s", (int) lang, (int) len, form);
}

/* Checks every input of @idx (made of @n inputs of line_of, in reverse
 * order if @reversed) against the forms of its lines: each form of any
 * input found in those that have it (at its place) and not in the
 * others, and each form as a prefix. */
static void
check_finds (DlIndex *idx, guint n, gboolean reversed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  g_autoptr (GString) folded = g_string_new (NULL);
  /* Per input, lang:form; and every form, once. */
  g_autoptr (GPtrArray) has = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr (GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      guint made = reversed ? n - 1 - i : i;
      GHashTable *forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (has, forms);
      for (guint k = 0; k < 3; k++)
        {
          DlIndexLine line;
          g_autofree char *text = line_of (made, k, &line);
          g_auto (GStrv) words = g_strsplit (text, " ", -1);
          for (guint w = 0; words[w] != NULL; w++)
            if (words[w][0] != '\0')
              {
                dl_normalizer_fold (norm, line.lang, words[w], strlen (words[w]), folded);
                g_hash_table_add (forms, lang_form (line.lang, folded->str, folded->len));
                g_hash_table_add (all, lang_form (line.lang, folded->str, folded->len));
              }
        }
    }
  guint listed = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (w);
      GHashTableIter it;
      gpointer key;
      g_hash_table_iter_init (&it, all);
      while (g_hash_table_iter_next (&it, &key, NULL))
        {
          const char *lf = key;
          DlLang l = (DlLang) (lf[0] - '0');
          const char *form = lf + 2;
          gsize len = strlen (form);
          gboolean want = g_hash_table_contains (has->pdata[i], lf);
          guint64 k = 0, from = 0, to = 0;
          CU_ASSERT_TRUE (dl_index_words_find (w, l, form, len, &k, &error));
          CU_ASSERT_EQUAL (k != G_MAXUINT64, want);
          if (want && k != G_MAXUINT64)
            {
              gsize got_len;
              guint64 blocks;
              const char *got = dl_index_words_form (w, l, k, &got_len, &blocks, &error);
              CU_ASSERT (got != NULL && got_len == len && memcmp (got, form, len) == 0);
            }
          /* As a prefix: the input's forms that start with it. */
          guint starting = 0;
          GHashTableIter mine;
          gpointer other;
          g_hash_table_iter_init (&mine, has->pdata[i]);
          while (g_hash_table_iter_next (&mine, &other, NULL))
            starting += g_str_has_prefix (other, lf);
          CU_ASSERT_TRUE (dl_index_words_prefix (w, l, form, len, FALSE, &from, &to, &error));
          CU_ASSERT_EQUAL (to - from, starting);
          /* The input numbers 3 and up are in one input each. */
          listed += !want && g_ascii_isdigit (form[0]) && len > 1;
        }
    }
  CU_ASSERT_TRUE (listed > n * 20);
  CU_ASSERT_TRUE (dl_index_verify (idx, &error));
}

/* The inputs of a rare form are listed with it in the lexicon (when a
 * form is in a sixteenth of the inputs or fewer), and an input's words
 * are searched by them: forty inputs whose own numbers are their rare
 * forms, found where they are and nowhere else; then copied in reverse
 * order, so that the lists name other inputs. */
static void
test_rare_forms_inputs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.dlx", NULL);
  Spec forty[40];
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (forty); i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("in%u.txt", i));
      forty[i] = (Spec){ names->pdata[i], 3, 300, -1, FALSE };
    }
  build (path, forty, G_N_ELEMENTS (forty), NULL);
  {
    g_autoptr (DlIndex) idx = dl_index_open (path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
    check_finds (idx, G_N_ELEMENTS (forty), FALSE);
    g_autoptr (GError) error = NULL;
    g_autoptr (DlIndexBuilder) b = dl_index_builder_change (idx, FALSE, NULL, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (b);
    for (guint i = G_N_ELEMENTS (forty); i-- > 0;)
      CU_ASSERT_TRUE (dl_index_builder_copy (b, idx, i, &error));
    CU_ASSERT_TRUE (dl_index_builder_commit (b, &error));
  }
  g_autoptr (DlIndex) back = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (back);
  CU_ASSERT_EQUAL (dl_index_n_inputs (back), G_N_ELEMENTS (forty));
  check_finds (back, G_N_ELEMENTS (forty), TRUE);
  remove_dir (dir);
}

/* A worker's words reader goes from input to input, and a run's inputs
 * may be of several indexes: reopened on an input of another index, whose
 * lexicon numbers its forms otherwise, after a search in the first, it
 * finds words and prefixes where a fresh reader of that input does. */
static void
test_words_ranges_per_segment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.dlx", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.dlx", NULL);
  static const Spec a_inputs[] = { { "a.txt", 900, 40000, -1, FALSE } };
  static const Spec b_inputs[] = { { "b.txt", 60, 3000, -1, FALSE } };
  build (path_a, a_inputs, G_N_ELEMENTS (a_inputs), NULL);
  build (path_b, b_inputs, G_N_ELEMENTS (b_inputs), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) a = dl_index_open (path_a, &error);
  g_autoptr (DlIndex) b = dl_index_open (path_b, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  g_autoptr (DlIndexWords) fresh = dl_index_words_open (b, 0, &error);
  g_autoptr (DlIndexWords) w = dl_index_words_open (a, 0, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (fresh);
  CU_ASSERT_PTR_NOT_NULL_FATAL (w);
  CU_ASSERT_TRUE_FATAL (dl_index_words_load (fresh, &error));
  guint tried = 0, differ = 0;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (guint64 k = 0; k < dl_index_words_size (fresh, l); k += 3)
      {
        gsize len;
        guint64 blocks;
        const char *form = dl_index_words_form (fresh, l, k, &len, &blocks, &error);
        CU_ASSERT_PTR_NOT_NULL_FATAL (form);
        g_autofree char *copy = g_strndup (form, len);
        for (int exact = 0; exact < 2; exact++)
          {
            guint64 want_from, want_to, from_a, to_a, from, to;
            CU_ASSERT_TRUE (dl_index_words_reopen (w, a, 0));
            CU_ASSERT_TRUE (dl_index_words_prefix (w, l, copy, len, exact, &from_a, &to_a, &error));
            CU_ASSERT_TRUE (dl_index_words_reopen (w, b, 0));
            CU_ASSERT_TRUE (dl_index_words_prefix (w, l, copy, len, exact, &from, &to, &error));
            CU_ASSERT_TRUE (
                dl_index_words_prefix (fresh, l, copy, len, exact, &want_from, &want_to, &error));
            differ += from != want_from || to != want_to;
            CU_ASSERT_TRUE (want_from < want_to);
            tried++;
          }
      }
  DL_ASSERT_INT_EQ (differ, 0);
  CU_ASSERT_TRUE (tried > 50);
  remove_dir (dir);
}

/* Each folded form's blocks as the words keep them: one line a block (so
 * that a line's number is its block's), the pairs written in many runs,
 * against what the lines hold. */
/* The tokens of input @i of @idx, block by block, are the words of the
 * lines line_of gives, in order: each line's, folded. */
static void
check_tokens (DlIndex *idx, guint i, guint made_as, guint n_lines, DlNormalizer *norm)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (w);
  CU_ASSERT_TRUE_FATAL (dl_index_words_load (w, &error));
  g_autoptr (ZSTD_DCtx) dctx = ZSTD_createDCtx ();
  g_autoptr (GByteArray) frame = g_byte_array_new ();
  g_autoptr (GString) folded = g_string_new (NULL);
  /* The lines read back say their block and place in it. */
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, i, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlIndexTokens t;
  dl_index_tokens_init (&t);
  guint k = 0, tokens = 0;
  for (guint64 b = 0; b < dl_index_input_blocks (idx, i); b++)
    {
      CU_ASSERT_TRUE_FATAL (dl_index_block_tokens (idx, i, b, dctx, frame, &error));
      CU_ASSERT_TRUE_FATAL (dl_index_tokens_decode (frame->data, frame->len, &t));
      CU_ASSERT (t.langs->len > 0); /* no block is empty */
      for (guint j = 0; j < t.langs->len; j++, k++)
        {
          DlIndexLine line, read;
          CU_ASSERT_TRUE_FATAL (dl_index_lines_next (r, &read, &error));
          CU_ASSERT_EQUAL (read.block, b);
          CU_ASSERT_EQUAL (read.at, j);
          g_autofree char *text = line_of (made_as, k, &line);
          CU_ASSERT_EQUAL (g_array_index (t.langs, guint8, j), line.lang);
          g_auto (GStrv) words = g_strsplit (text, " ", -1);
          guint32 at = g_array_index (t.starts, guint32, j);
          guint32 to = g_array_index (t.starts, guint32, j + 1);
          for (guint x = 0; words[x] != NULL; x++)
            {
              if (words[x][0] == '\0')
                continue;
              CU_ASSERT_FATAL (at < to);
              guint32 word = g_array_index (t.words, guint32, at++);
              gsize len = 0;
              guint64 blocks = 0;
              const char *form
                  = word < dl_index_words_size (w, line.lang)
                        ? dl_index_words_form (w, line.lang, word, &len, &blocks, &error)
                        : NULL;
              dl_normalizer_fold (norm, line.lang, words[x], strlen (words[x]), folded);
              CU_ASSERT (form != NULL && len == folded->len
                         && memcmp (form, folded->str, len) == 0);
              tokens++;
            }
          CU_ASSERT_EQUAL (at, to);
        }
    }
  dl_index_tokens_clear (&t);
  CU_ASSERT_EQUAL (k, n_lines);
  CU_ASSERT (tokens > n_lines);
}

/* Tokens decoded: good ones, and every malformed one refused. */
static void
test_tokens_decode (void)
{
  DlIndexTokens t;
  dl_index_tokens_init (&t);
  /* Two lines: one of DL_LANG_OTHER (0) "5 9 5", one of DL_LANG_TR (1)
   * "2"; the block's words: other's {5, 9}, tr's {2}, en's none. */
  static const guint8 good[] = { 2, 2, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0 };
  CU_ASSERT_TRUE_FATAL (dl_index_tokens_decode (good, sizeof good, &t));
  CU_ASSERT_EQUAL (t.langs->len, 2);
  CU_ASSERT_EQUAL (g_array_index (t.langs, guint8, 0), DL_LANG_OTHER);
  CU_ASSERT_EQUAL (g_array_index (t.langs, guint8, 1), DL_LANG_TR);
  CU_ASSERT_EQUAL (t.starts->len, 3);
  CU_ASSERT_EQUAL (g_array_index (t.starts, guint32, 1), 3);
  CU_ASSERT_EQUAL (g_array_index (t.starts, guint32, 2), 4);
  static const guint32 want[] = { 5, 9, 5, 2 };
  CU_ASSERT_EQUAL_FATAL (t.words->len, 4);
  CU_ASSERT (memcmp (t.words->data, want, sizeof want) == 0);
  static const struct {
    guint8 bytes[16];
    gsize len;
  } bad[] = {
    { { 2, 2, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0 }, 12 },    /* cut */
    { { 2, 2, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 2, 1 << 2 | 1, 0 }, 13 },    /* place past other's */
    { { 2, 2, 5, 0, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0 }, 13 },    /* a word twice */
    { { 2, 2, 5, 4, 1, 2, 0, 3 << 2 | 3, 0, 1, 0, 1 << 2 | 1, 0 }, 13 },    /* language 3 */
    { { 2, 2, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0, 0 }, 14 }, /* a byte more */
    { { 3, 2, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0 }, 13 },    /* a line more */
    { { 2, 9, 5, 4, 1, 2, 0, 3 << 2 | 0, 0, 1, 0, 1 << 2 | 1, 0 }, 13 },    /* words cut */
    { { 2, 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0 }, 11 },             /* a word too large */
  };
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      CU_ASSERT_FALSE (dl_index_tokens_decode (bad[k].bytes, bad[k].len, &t));
      if (dl_index_tokens_decode (bad[k].bytes, bad[k].len, &t))
        printf ("bad %u accepted\n", k);
    }
  CU_ASSERT_FALSE (dl_index_tokens_decode (NULL, 0, &t));
  dl_index_tokens_clear (&t);
}

/* Each block's tokens, kept: the words of its lines in order, across
 * blocks of a line and of many, records written out to a file, an input
 * removed and the rest copied; none when not kept. */
static void
test_tokens_come_back (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (norm);
  static const Spec three[] = {
    { "one.txt", 300, 10000, -1, FALSE },
    { "two.txt", 7, 300, DL_ERROR_ENCODING, FALSE },
    { "three.txt", 40, 900, -1, FALSE },
  };
  static const char *const block_bytes[] = { "1", "5000", NULL };
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("t%u.dlx", round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      keep_tokens = round < 2;
      if (round < 2)
        g_setenv ("DERLEM_INDEX_BLOCK_BYTES", block_bytes[round], TRUE);
      g_setenv ("DERLEM_WORDS_RUN_PAIRS", round == 0 ? "7" : "100000", TRUE);
      build (path, three, G_N_ELEMENTS (three), NULL);
      keep_tokens = FALSE;
      g_unsetenv ("DERLEM_INDEX_BLOCK_BYTES");
      g_unsetenv ("DERLEM_WORDS_RUN_PAIRS");
      g_autoptr (GError) error = NULL;
      g_autoptr (DlIndex) idx = dl_index_open (path, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
      CU_ASSERT_TRUE (dl_index_verify (idx, &error));
      for (guint i = 0; i < G_N_ELEMENTS (three); i++)
        {
          CU_ASSERT_EQUAL (dl_index_input_has_tokens (idx, i), round < 2);
          if (round < 2)
            check_tokens (idx, i, i, three[i].n, norm);
        }
      if (round != 1)
        continue;
      /* The first input taken out: the others' tokens copied as stored. */
      g_autoptr (DlIndexBuilder) b = dl_index_builder_change (idx, FALSE, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (b);
      for (guint i = 1; i < G_N_ELEMENTS (three); i++)
        CU_ASSERT_TRUE (dl_index_builder_copy (b, idx, i, &error));
      CU_ASSERT_TRUE_FATAL (dl_index_builder_commit (b, &error));
      g_autoptr (DlIndex) after = dl_index_open (path, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (after);
      CU_ASSERT_TRUE (dl_index_verify (after, &error));
      CU_ASSERT_EQUAL_FATAL (dl_index_n_inputs (after), 2);
      for (guint i = 0; i < 2; i++)
        {
          CU_ASSERT_TRUE (dl_index_input_has_tokens (after, i));
          check_tokens (after, i, i + 1, three[i + 1].n, norm);
        }
    }
  remove_dir (dir);
}

static void
test_words_come_back (void)
{
  g_setenv ("DERLEM_INDEX_BLOCK_BYTES", "1", TRUE);
  g_setenv ("DERLEM_WORDS_RUN_PAIRS", "7", TRUE);
  /* Pages of a few forms: searches cross them. */
  g_setenv ("DERLEM_WORDS_PAGE_BYTES", "64", TRUE);
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.dlx", NULL);
  static const Spec two[] = {
    { "one.txt", 300, 10000, -1, FALSE },
    { "two.txt", 7, 300, DL_ERROR_ENCODING, FALSE },
  };
  build (path, two, G_N_ELEMENTS (two), NULL);
  g_unsetenv ("DERLEM_INDEX_BLOCK_BYTES");
  g_unsetenv ("DERLEM_WORDS_RUN_PAIRS");
  g_unsetenv ("DERLEM_WORDS_PAGE_BYTES");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  g_autoptr (DlNormalizer) norm = dl_normalizer_new (&error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  CU_ASSERT_TRUE (dl_index_verify (idx, &error));
  /* Every input's forms, each once: the segment's lexicon. */
  g_autoptr (GHashTable) lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint64 lexicon_size[DL_LANG_COUNT] = { 0 };
  guint others = 0;
  for (guint i = 0; i < G_N_ELEMENTS (two); i++)
    {
      CU_ASSERT_EQUAL (dl_index_input_blocks (idx, i), two[i].n);
      /* The oracle: lang:form -> the lines (blocks) holding it. */
      g_autoptr (GHashTable) oracle
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
      g_autoptr (GString) folded = g_string_new (NULL);
      guint per_lang[DL_LANG_COUNT] = { 0 };
      for (guint k = 0; k < two[i].n; k++)
        {
          DlIndexLine line;
          g_autofree char *text = line_of (i, k, &line);
          g_auto (GStrv) words = g_strsplit (text, " ", -1);
          for (guint w = 0; words[w] != NULL; w++)
            {
              if (words[w][0] == '\0')
                continue;
              dl_normalizer_fold (norm, line.lang, words[w], strlen (words[w]), folded);
              char *key = lang_form (line.lang, folded->str, folded->len);
              GArray *blocks = g_hash_table_lookup (oracle, key);
              if (blocks == NULL)
                {
                  blocks = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (oracle, g_strdup (key), blocks);
                  per_lang[line.lang]++;
                }
              if (blocks->len == 0 || g_array_index (blocks, guint, blocks->len - 1) != k)
                g_array_append_val (blocks, k);
              if (g_hash_table_add (lexicon, g_strdup (key)))
                lexicon_size[line.lang]++;
              g_free (key);
            }
        }
      g_autoptr (DlIndexWords) w = dl_index_words_open (idx, i, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (w);
      g_autofree guint8 *marks = g_malloc0 (two[i].n);
      guint64 seen = 0;
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          CU_ASSERT_TRUE (dl_index_words_has (w, l));
          CU_ASSERT_EQUAL (dl_index_words_size (w, l), per_lang[l]);
          g_autofree char *prev = NULL;
          for (guint64 k = 0; k < dl_index_words_size (w, l); k++)
            {
              gsize len;
              guint64 count;
              const char *form = dl_index_words_form (w, l, k, &len, &count, &error);
              CU_ASSERT_PTR_NOT_NULL_FATAL (form);
              g_autofree char *key = lang_form (l, form, len);
              g_autofree char *copy = g_strndup (form, len);
              /* In byte order (strcmp's, for forms without NUL). */
              CU_ASSERT_TRUE (prev == NULL || strcmp (prev, copy) < 0);
              GArray *blocks = g_hash_table_lookup (oracle, key);
              CU_ASSERT_PTR_NOT_NULL_FATAL (blocks);
              CU_ASSERT_EQUAL (count, blocks->len);
              memset (marks, 0, two[i].n);
              DlIndexMark m = { .lang = l, .k = k };
              guint64 added = 0;
              CU_ASSERT_TRUE (dl_index_words_mark (w, &m, 1, marks, &added, &error));
              CU_ASSERT_EQUAL (added, blocks->len);
              guint marked = 0, matched = 0;
              for (guint b = 0; b < two[i].n; b++)
                marked += marks[b];
              for (guint j = 0; j < blocks->len; j++)
                matched += marks[g_array_index (blocks, guint, j)];
              CU_ASSERT_EQUAL (marked, blocks->len);
              CU_ASSERT_EQUAL (matched, blocks->len);
              guint64 found;
              CU_ASSERT_TRUE (dl_index_words_find (w, l, copy, len, &found, &error));
              CU_ASSERT_EQUAL (found, k);
              /* Seeking it, and what comes right after it (no form has
               * U+0001): k, then k + 1. */
              gboolean is;
              CU_ASSERT_TRUE (dl_index_words_seek (w, l, copy, len, &found, &is, &error));
              CU_ASSERT_EQUAL (found, k);
              CU_ASSERT_TRUE (is);
              g_autofree char *after = g_strdup_printf ("%s\x01", copy);
              CU_ASSERT_TRUE (dl_index_words_seek (w, l, after, len + 1, &found, &is, &error));
              CU_ASSERT_EQUAL (found, k + 1);
              CU_ASSERT_FALSE (is);
              /* As a word, itself; as a prefix, the forms that start
               * with it (this one and those right after it). */
              guint64 from = 0, to = 0, starting = 0;
              CU_ASSERT_TRUE (dl_index_words_prefix (w, l, copy, len, TRUE, &from, &to, &error));
              CU_ASSERT_EQUAL (from, k);
              CU_ASSERT_EQUAL (to, k + 1);
              CU_ASSERT_TRUE (dl_index_words_prefix (w, l, copy, len, FALSE, &from, &to, &error));
              for (guint64 j = k; j < dl_index_words_size (w, l); j++)
                {
                  gsize other_len;
                  guint64 other_count;
                  const char *other
                      = dl_index_words_form (w, l, j, &other_len, &other_count, &error);
                  CU_ASSERT_PTR_NOT_NULL_FATAL (other);
                  if (other_len < len || memcmp (other, copy, len) != 0)
                    break;
                  starting++;
                }
              CU_ASSERT_EQUAL (from, k);
              CU_ASSERT_EQUAL (to, k + starting);
              g_free (prev);
              prev = g_steal_pointer (&copy);
              seen++;
            }
          guint64 none;
          CU_ASSERT_TRUE (dl_index_words_find (w, l, "zzz-none", 8, &none, &error));
          CU_ASSERT_EQUAL (none, G_MAXUINT64);
          CU_ASSERT_TRUE (dl_index_words_find (w, l, "", 0, &none, &error));
          CU_ASSERT_EQUAL (none, G_MAXUINT64);
          /* No form of the lexicon starts with it. */
          guint64 from = 1, to = 0;
          CU_ASSERT_TRUE (dl_index_words_prefix (w, l, "zzz-none", 8, FALSE, &from, &to, &error));
          CU_ASSERT_EQUAL (from, to);
          /* Before every form, after every form. */
          gboolean is = TRUE;
          CU_ASSERT_TRUE (dl_index_words_seek (w, l, "", 0, &none, &is, &error));
          CU_ASSERT_EQUAL (none, 0);
          CU_ASSERT_FALSE (is);
          CU_ASSERT_TRUE (dl_index_words_seek (w, l, "\xf4\x8f\xbf\xbf", 4, &none, &is, &error));
          CU_ASSERT_EQUAL (none, dl_index_words_size (w, l));
          CU_ASSERT_FALSE (is);
        }
      CU_ASSERT_EQUAL (seen, g_hash_table_size (oracle));
      CU_ASSERT_TRUE (seen > (i == 0 ? 100u : 10u));
      /* A form of the lexicon, not of this input's (another input's
       * line number): not found, and sought where it would be. */
      for (guint k = 0; k < two[1 - i].n; k += 97)
        {
          g_autofree char *form = g_strdup_printf ("%u", k);
          DlLang l = (DlLang) ((k + 1 - i) % DL_LANG_COUNT);
          g_autofree char *key = lang_form (l, form, strlen (form));
          if (g_hash_table_contains (oracle, key) || !g_hash_table_contains (lexicon, key))
            continue;
          others++;
          guint64 where = 0, found = 0, below = 0;
          gboolean is = TRUE;
          CU_ASSERT_TRUE (dl_index_words_find (w, l, form, strlen (form), &found, &error));
          CU_ASSERT_EQUAL (found, G_MAXUINT64);
          guint64 from = 1, to = 0;
          CU_ASSERT_TRUE (
              dl_index_words_prefix (w, l, form, strlen (form), TRUE, &from, &to, &error));
          CU_ASSERT_EQUAL (from, to);
          CU_ASSERT_TRUE (dl_index_words_seek (w, l, form, strlen (form), &where, &is, &error));
          CU_ASSERT_FALSE (is);
          for (guint64 j = 0; j < dl_index_words_size (w, l); j++)
            {
              gsize len;
              guint64 count;
              const char *other = dl_index_words_form (w, l, j, &len, &count, &error);
              CU_ASSERT_PTR_NOT_NULL_FATAL (other);
              int c = memcmp (other, form, MIN (len, strlen (form)));
              below += c < 0 || (c == 0 && len < strlen (form));
            }
          CU_ASSERT_EQUAL (where, below);
        }
    }
  CU_ASSERT_EQUAL (others, 4); /* 0 (of Turkish lines), 97, 194 and 291 */
  DlIndexInfo info;
  dl_index_info (idx, &info);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    CU_ASSERT_EQUAL (info.forms[l], lexicon_size[l]);
  CU_ASSERT_TRUE (info.forms[0] + info.forms[1] + info.forms[2] < 12000);
  /* A form both inputs have is one number of the lexicon; a memo of it
   * stays from one input to the other, for its owner alone. */
  {
    g_autoptr (DlIndexWords) w = dl_index_words_open (idx, 0, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (w);
    guint64 k0, k1;
    CU_ASSERT_TRUE (dl_index_words_find (w, DL_LANG_TR, "söz", strlen ("söz"), &k0, &error));
    CU_ASSERT_NOT_EQUAL_FATAL (k0, G_MAXUINT64);
    guint64 id = dl_index_words_lexicon_id (w, DL_LANG_TR, k0, &error);
    CU_ASSERT_TRUE_FATAL (id < info.forms[DL_LANG_TR]);
    static const int owner = 0, other = 0;
    guint8 *memo = dl_index_words_memo (w, DL_LANG_TR, &owner);
    CU_ASSERT_EQUAL (memo[id], 0);
    memo[id] = 7;
    CU_ASSERT_TRUE (dl_index_words_reopen (w, idx, 1));
    CU_ASSERT_TRUE (dl_index_words_find (w, DL_LANG_TR, "söz", strlen ("söz"), &k1, &error));
    CU_ASSERT_EQUAL (dl_index_words_lexicon_id (w, DL_LANG_TR, k1, &error), id);
    CU_ASSERT_EQUAL (dl_index_words_memo (w, DL_LANG_TR, &owner)[id], 7);
    CU_ASSERT_EQUAL (dl_index_words_memo (w, DL_LANG_TR, &other)[id], 0);
    CU_ASSERT_EQUAL (dl_index_words_memo (w, DL_LANG_TR, &owner)[id], 0);
  }
  /* One reader pointed at input 1, 0, 1 in turn gives what a reader of
   * each gives: sizes, and each form found again where it is. */
  g_autoptr (DlIndexWords) again = dl_index_words_open (idx, 1, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (again);
  static const guint order[] = { 1, 0, 1 };
  for (gsize o = 0; o < G_N_ELEMENTS (order); o++)
    {
      CU_ASSERT_TRUE (o == 0 || dl_index_words_reopen (again, idx, order[o]));
      CU_ASSERT_TRUE (dl_index_words_load (again, &error));
      g_autoptr (DlIndexWords) fresh = dl_index_words_open (idx, order[o], &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (fresh);
      for (int l = 0; l < DL_LANG_COUNT; l++)
        {
          guint64 n = dl_index_words_size (fresh, l);
          CU_ASSERT_EQUAL (dl_index_words_size (again, l), n);
          CU_ASSERT_TRUE (n > 0);
          for (guint64 k = 0; k < n; k += 1 + n / 7)
            {
              gsize len, len2;
              guint64 blocks, blocks2, found;
              const char *form = dl_index_words_form (fresh, l, k, &len, &blocks, &error);
              CU_ASSERT_PTR_NOT_NULL_FATAL (form);
              g_autofree char *copy = g_strndup (form, len);
              const char *form2 = dl_index_words_form (again, l, k, &len2, &blocks2, &error);
              CU_ASSERT_PTR_NOT_NULL_FATAL (form2);
              CU_ASSERT_TRUE (len2 == len && memcmp (form2, copy, len) == 0);
              CU_ASSERT_EQUAL (blocks2, blocks);
              CU_ASSERT_TRUE (dl_index_words_find (again, l, copy, len, &found, &error));
              CU_ASSERT_EQUAL (found, k);
            }
        }
      /* The first page (frame 0) read last: the next input's is not it. */
      gsize len;
      guint64 blocks;
      CU_ASSERT_PTR_NOT_NULL (dl_index_words_form (again, 0, 0, &len, &blocks, &error));
    }
  remove_dir (dir);
}

/* The blocks read around marked ones: enough tokens and columns on each
 * side, counted whole blocks at a time, and overlapping ones merged. */
static void
test_ranges_hold_what_is_needed (void)
{
  g_setenv ("DERLEM_INDEX_BLOCK_BYTES", "1", TRUE);
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.dlx", NULL);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (DlIndexBuilder) b = dl_index_builder_new (path, NULL, &error);
    g_autoptr (DlIndexPiece) p = dl_index_piece_new ("r.txt", 200);
    /* Twenty blocks of one line: "w w w", three tokens and 5 + 1 columns;
     * line 15 is "ışık" (one token, one ASCII byte + 1: two columns at
     * least, though it shows four). */
    for (guint k = 0; k < 20; k++)
      {
        const char *text = k == 15 ? "ışık" : "w w w";
        DlIndexLine line = { text, strlen (text), k + 1, k * 6, NULL, DL_LANG_EN, FALSE, 0, 0 };
        CU_ASSERT_TRUE (dl_index_piece_add (p, &line));
        for (guint t = 0; t < (k == 15 ? 1u : 3u); t++)
          CU_ASSERT_TRUE (dl_index_piece_token (p, DL_LANG_EN, DL_TOKEN_WORD, G_MAXUINT32, "w", 1));
      }
    CU_ASSERT_TRUE (dl_index_piece_end (p, NULL, FALSE));
    CU_ASSERT_TRUE (dl_index_builder_add (b, p, &error));
    CU_ASSERT_TRUE (dl_index_builder_commit (b, &error));
  }
  g_unsetenv ("DERLEM_INDEX_BLOCK_BYTES");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  CU_ASSERT_EQUAL_FATAL (dl_index_input_blocks (idx, 0), 20);
  static const struct {
    guint marked[3];
    DlIndexNeed before, after;
    guint64 want[6]; /* pairs, 0 0 past the last */
  } cases[] = {
    /* A phrase's 2 tokens fill block 9, then 3 tokens and 10 columns
     * take 8 and 7; after, nothing: the next block. */
    { { 10, 99, 99 }, { 2, 3, 10, 0 }, { 0, 0, 0, 0 }, { 7, 12, 0, 0, 0, 0 } },
    /* Overlapping ones merged; the input's ends. */
    { { 10, 13, 99 }, { 2, 3, 10, 0 }, { 0, 0, 0, 0 }, { 7, 15, 0, 0, 0, 0 } },
    { { 0, 19, 99 }, { 0, 1, 1, 0 }, { 0, 1, 1, 0 }, { 0, 2, 18, 20, 0, 0 } },
    /* Block 15's two columns are not enough for 3: 16 too. */
    { { 14, 99, 99 }, { 0, 0, 0, 0 }, { 0, 0, 3, 0 }, { 13, 17, 0, 0, 0, 0 } },
    /* Apart: two ranges. */
    { { 2, 17, 99 }, { 0, 3, 0, 0 }, { 0, 3, 0, 0 }, { 1, 4, 16, 19, 0, 0 } },
    /* More than the input holds: all of it. */
    { { 5, 99, 99 }, { 100, 0, 0, 0 }, { 0, 0, 1000, 0 }, { 0, 20, 0, 0, 0, 0 } },
    /* Only numbers count, and there are none: to the input's start. */
    { { 10, 99, 99 }, { 0, 1, 0, 1u << DL_TOKEN_NUMBER }, { 0, 0, 0, 0 }, { 0, 12, 0, 0, 0, 0 } },
    /* Only words: as every kind. */
    { { 10, 99, 99 }, { 2, 3, 10, 1u << DL_TOKEN_WORD }, { 0, 0, 0, 0 }, { 7, 12, 0, 0, 0, 0 } },
  };
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint8 marks[20] = { 0 };
      for (guint j = 0; j < 3; j++)
        if (cases[c].marked[j] < 20)
          marks[cases[c].marked[j]] = 1;
      dl_index_input_ranges (idx, 0, marks, &cases[c].before, &cases[c].after, ranges);
      guint n = 0;
      while (n < 6 && (cases[c].want[n] != 0 || cases[c].want[n + 1] != 0))
        n += 2;
      DL_ASSERT_INT_EQ (ranges->len, n);
      for (guint j = 0; j < MIN (n, ranges->len); j++)
        DL_ASSERT_INT_EQ (g_array_index (ranges, guint64, j), cases[c].want[j]);
    }
  remove_dir (dir);
}

/* A page of words as the build writes them: per entry "SHARED REST
 * BLOCKS BYTES" (REST its own bytes, a word), space-separated, entries
 * separated by '|'. */
static GByteArray *
page_of (const char *spec)
{
  GByteArray *b = g_byte_array_new ();
  g_auto (GStrv) entries = g_strsplit (spec, "|", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (entries[i], " ", -1);
      g_assert (g_strv_length (f) == 4);
      dl_put_varint (b, g_ascii_strtoull (f[0], NULL, 10));
      dl_put_varint (b, strlen (f[1]));
      g_byte_array_append (b, (const guint8 *) f[1], (guint) strlen (f[1]));
      dl_put_varint (b, g_ascii_strtoull (f[2], NULL, 10));
      dl_put_varint (b, g_ascii_strtoull (f[3], NULL, 10));
    }
  return b;
}

/* The page @spec decoded with @n entries from @first, postings of 100
 * bytes, 10 blocks: its entries "FORM BLOCKS AT BYTES" joined by '|', or
 * NULL if it is refused. */
static char *
decoded (const char *spec, guint64 n, const char *first)
{
  g_autoptr (GByteArray) page = page_of (spec);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  if (!dl_index_words_decode_page (page->data, page->len, n, first, strlen (first), 100, 10, forms))
    {
      CU_ASSERT_EQUAL (forms->len, 0);
      return NULL;
    }
  g_ptr_array_add (forms, NULL);
  return g_strjoinv ("|", (char **) forms->pdata);
}

/* Every page a reader loads is checked entry by entry: its checksum
 * guards against damage, these against an index made to mislead. */
static void
test_pages_are_checked (void)
{
  g_autofree char *good = decoded ("0 ab 1 1|2 c 2 3|0 b 1 5", 3, "ab");
  CU_ASSERT_STRING_EQUAL (good, "ab 1 0 1|abc 2 1 3|b 1 4 5");
  /* Sharing fewer bytes than it could is still in order. */
  g_autofree char *loose = decoded ("0 ab 1 1|0 abc 1 1", 2, "ab");
  CU_ASSERT_STRING_EQUAL (loose, "ab 1 0 1|abc 1 1 1");
  static const struct {
    const char *spec;
    guint64 n;
    const char *first;
  } bad[] = {
    { "0 b 1 1|0 a 1 1", 2, "b" },     /* out of order */
    { "0 ab 1 1|1 a 1 1", 2, "ab" },   /* "aa" after "ab" */
    { "0 abc 1 1|2 b 1 1", 2, "abc" }, /* "abb" after "abc" */
    { "0 ab 1 1|0 ab 1 1", 2, "ab" },  /* the same form twice */
    { "0 ab 1 1", 1, "aa" },           /* not the directory's first */
    { "1 ab 1 1", 1, "ab" },           /* the first shares bytes */
    { "0 ab 1 1|3 c 1 1", 2, "ab" },   /* shares more than there is */
    { "0 ab 0 1", 1, "ab" },           /* no blocks */
    { "0 ab 2 1", 1, "ab" },           /* two blocks in one byte */
    { "0 ab 11 20", 1, "ab" },         /* more blocks than the input */
    { "0 ab 1 60|0 b 1 41", 2, "ab" }, /* gaps past the postings */
    { "0 ab 1 1|0 b 1 1", 1, "ab" },   /* bytes after the last */
    { "0 ab 1 1|0 b 1 1", 3, "ab" },   /* fewer entries than said */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *got = decoded (bad[i].spec, bad[i].n, bad[i].first);
      if (got != NULL)
        g_printerr ("page %s gave %s\n", bad[i].spec, got);
      CU_ASSERT_PTR_NULL (got);
    }
}

/* The page of an input's table @spec (entries "GAP BLOCKS BYTES" joined
 * by '|') decoded with @n entries from form @first, before form 50,
 * postings of 100 bytes, 10 blocks: its entries "NUMBER BLOCKS AT BYTES"
 * joined by '|', or NULL if it is refused. */
static char *
decoded_ids (const char *spec, guint64 n, guint64 first)
{
  g_autoptr (GByteArray) page = g_byte_array_new ();
  g_auto (GStrv) entries = g_strsplit (spec, "|", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (entries[i], " ", -1);
      g_assert (g_strv_length (f) == 3);
      for (guint j = 0; j < 3; j++)
        dl_put_varint (page, g_ascii_strtoull (f[j], NULL, 10));
    }
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  if (!dl_index_words_decode_ids (page->data, page->len, n, first, 50, 100, 10, got))
    {
      CU_ASSERT_EQUAL (got->len, 0);
      return NULL;
    }
  g_ptr_array_add (got, NULL);
  return g_strjoinv ("|", (char **) got->pdata);
}

/* An input's table names forms of the lexicon by number: each page from
 * its directory's first, in order, before the next page's first. */
static void
test_tables_are_checked (void)
{
  g_autofree char *good = decoded_ids ("0 1 1|3 2 3|39 1 5", 3, 7);
  CU_ASSERT_STRING_EQUAL (good, "7 1 0 1|10 2 1 3|49 1 4 5");
  static const struct {
    const char *spec;
    guint64 n, first;
  } bad[] = {
    { "1 1 1", 1, 7 },         /* the first is not the directory's */
    { "0 1 1|0 1 1", 2, 7 },   /* the same form twice */
    { "0 1 1|43 1 1", 2, 7 },  /* the next page's first */
    { "0 1 1", 1, 50 },        /* the first is the next page's */
    { "0 0 1", 1, 7 },         /* no blocks */
    { "0 2 1", 1, 7 },         /* two blocks in one byte */
    { "0 11 20", 1, 7 },       /* more blocks than the input */
    { "0 1 60|1 1 41", 2, 7 }, /* gaps past the postings */
    { "0 1 1|1 1 1", 1, 7 },   /* bytes after the last */
    { "0 1 1|1 1 1", 3, 7 },   /* fewer entries than said */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *got = decoded_ids (bad[i].spec, bad[i].n, bad[i].first);
      if (got != NULL)
        g_printerr ("table %s gave %s\n", bad[i].spec, got);
      CU_ASSERT_PTR_NULL (got);
    }
}

/* g_ptr_array_sort's order of strings (it passes pointers to them). */
static gint
by_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The files of the index @path, sorted: the manifest, then the segments
 * and the table. */
static GPtrArray *
files_of (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, by_name);
  return names;
}

/* A segment cut while an index is open (another program's doing): its
 * lines and words that are gone are an error, never a crash (the
 * segments are read, not mapped). */
static void
test_cut_while_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.dlx", NULL);
  build (path, specs, G_N_ELEMENTS (specs), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  g_autoptr (GPtrArray) files = files_of (path);
  const char *segment = files->pdata[1];
  CU_ASSERT_TRUE (g_str_has_suffix (segment, ".dls"));
  CU_ASSERT_EQUAL (truncate (segment, 1000), 0);
  /* big.txt's blocks are past the cut. */
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, 1, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlIndexLine line;
  guint n = 0;
  while (dl_index_lines_next (r, &line, &error))
    n++;
  CU_ASSERT_TRUE (n < specs[1].n);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_clear_error (&error);
  g_autoptr (DlIndexWords) w = dl_index_words_open (idx, 1, &error);
  CU_ASSERT_PTR_NULL (w);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_clear_error (&error);
  CU_ASSERT_FALSE (dl_index_verify (idx, &error));
  remove_dir (dir);
}

/* TRUE if the index @path opens, and verifies, and reads back as @specs. */
static gboolean
accepted (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  if (idx == NULL)
    {
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_INDEX)
                      || g_error_matches (error, DL_ERROR, DL_ERROR_IO));
      return FALSE;
    }
  gboolean ok = dl_index_verify (idx, &error);
  if (!ok)
    {
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_INDEX));
    }
  return ok;
}

static const Spec small[] = {
  { "one.txt", 12, 500, -1, FALSE },
  { "two.txt", 3, 90, DL_ERROR_ENCODING, FALSE },
};

/* Every byte of every file flipped, one at a time: never accepted, never
 * read out of bounds (the suite runs under AddressSanitizer). */
static void
test_every_flipped_byte_is_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.dlx", NULL);
  g_autofree char *meta = g_build_filename (dir, "meta.tsv", NULL);
  CU_ASSERT_TRUE (g_file_set_contents (meta, "file\tkind\none.txt\tx\n", -1, NULL));
  keep_tokens = TRUE; /* and the blocks' tokens */
  build (path, small, G_N_ELEMENTS (small), meta);
  keep_tokens = FALSE;
  CU_ASSERT_TRUE_FATAL (accepted (path));
  g_autoptr (GPtrArray) files = files_of (path);
  CU_ASSERT_EQUAL (files->len, 3); /* manifest, segment, table */
  guint tried = 0, refused = 0;
  for (guint f = 0; f < files->len; f++)
    {
      const char *file = files->pdata[f];
      g_autofree char *bytes = NULL;
      gsize len = 0;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (file, &bytes, &len, NULL));
      for (gsize at = 0; at < len; at++)
        for (guint x = 0; x < 2; x++)
          {
            guint8 old = (guint8) bytes[at];
            bytes[at] = (char) (old ^ (x == 0 ? 0x01 : 0xff));
            CU_ASSERT_TRUE_FATAL (g_file_set_contents (file, bytes, (gssize) len, NULL));
            tried++;
            if (!accepted (path))
              refused++;
            else
              printf ("%s: byte %zu ^ %d accepted\n", file, at, x == 0 ? 1 : 0xff);
            bytes[at] = (char) old;
          }
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (file, bytes, (gssize) len, NULL));
    }
  CU_ASSERT_TRUE (tried > 1000);
  CU_ASSERT_EQUAL (refused, tried);
  CU_ASSERT_TRUE (accepted (path));
  remove_dir (dir);
}

/* Every file cut at every length: refused. */
static void
test_every_cut_is_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.dlx", NULL);
  keep_tokens = TRUE;
  build (path, small, G_N_ELEMENTS (small), NULL);
  keep_tokens = FALSE;
  g_autoptr (GPtrArray) files = files_of (path);
  guint tried = 0, refused = 0;
  for (guint f = 0; f < files->len; f++)
    {
      const char *file = files->pdata[f];
      g_autofree char *bytes = NULL;
      gsize len = 0;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (file, &bytes, &len, NULL));
      for (gsize cut = 0; cut < len; cut++)
        {
          CU_ASSERT_TRUE_FATAL (g_file_set_contents (file, bytes, (gssize) cut, NULL));
          tried++;
          refused += !accepted (path);
        }
      CU_ASSERT_TRUE_FATAL (g_file_set_contents (file, bytes, (gssize) len, NULL));
    }
  CU_ASSERT_TRUE (tried > 500);
  CU_ASSERT_EQUAL (refused, tried);
  /* A missing segment too. */
  CU_ASSERT_EQUAL (g_unlink (files->pdata[1]), 0);
  CU_ASSERT_FALSE (accepted (path));
  remove_dir (dir);
}

/* Another format's index, and what is no index, are refused by name. */
static void
test_other_versions_are_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *manifest = g_build_filename (dir, DL_INDEX_MANIFEST, NULL);
  static const struct {
    const char *text, *message;
  } cases[] = {
    { "derlem-index 1\nsegment seg-1.dls 10 00000000\nend 00000000\n",
      "is an index of format 1; this derlem reads formats 5 to 6" },
    { "derlem-index 2\nsegment seg-1.dls 10 00000000\nend 00000000\n",
      "is an index of format 2; this derlem reads formats 5 to 6: build it again" },
    { "derlem-index 3\nsegment seg-1.dls 10 00000000\nend 00000000\n",
      "is an index of format 3; this derlem reads formats 5 to 6: build it again" },
    { "derlem-index 4\nsegment seg-1.dls 10 00000000\nend 00000000\n",
      "is an index of format 4; this derlem reads formats 5 to 6: build it again" },
    { "derlem-index 7\nsegment seg-1.dls 10 00000000\nend 00000000\n",
      "is an index of format 7; this derlem reads formats 5 to 6" },
    { "derlem-index 999999999999999999999\n", "bad version line" },
    { "PK\3\4 a zip file\n", "is not a derlem index" },
    { "", "is not a derlem index" },
    { "derlem-index 5\n", "cut short" },
    { "derlem-index 5\nsegment ../../etc/passwd 10 00000000\nend 00000000\n", "bad checksum" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CU_ASSERT_TRUE (g_file_set_contents (manifest, cases[i].text, -1, NULL));
      g_autoptr (GError) error = NULL;
      g_autoptr (DlIndex) idx = dl_index_open (dir, &error);
      CU_ASSERT_PTR_NULL (idx);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_INDEX));
      if (error != NULL && strstr (error->message, cases[i].message) == NULL)
        printf ("case %u: %s\n", i, error->message);
      CU_ASSERT (error != NULL && strstr (error->message, cases[i].message) != NULL);
    }
  /* A name outside the index, with a good checksum, is still refused. */
  const char *body = "derlem-index 5\nsegment ../x.dls 10 00000000\n";
  g_autofree char *text = g_strdup_printf ("%send %08x\n", body,
                                           (guint) crc32 (0, (const guint8 *) body, strlen (body)));
  CU_ASSERT_TRUE (g_file_set_contents (manifest, text, -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (dir, &error);
  CU_ASSERT_PTR_NULL (idx);
  CU_ASSERT (error != NULL && strstr (error->message, "bad line") != NULL);
  remove_dir (dir);
}

typedef struct {
  DlIndex *idx;
  const char *path;
} Reader;

static gpointer
read_all (gpointer p)
{
  Reader *r = p;
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr (DlIndex) own = r->idx == NULL ? dl_index_open (r->path, NULL) : NULL;
      DlIndex *idx = r->idx != NULL ? r->idx : own;
      if (idx == NULL)
        return GINT_TO_POINTER (FALSE);
      for (guint i = 0; i < dl_index_n_inputs (idx); i++)
        {
          g_autoptr (DlIndexLines) lines = dl_index_lines_open (idx, i, NULL);
          DlIndexLine line;
          while (lines != NULL && dl_index_lines_next (lines, &line, NULL))
            ;
        }
    }
  return GINT_TO_POINTER (TRUE);
}

/* Readers at once, of one opened index and each of its own; and a reader
 * keeps the index it opened while a new build replaces it. */
static void
test_readers_at_once_and_replaced (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.dlx", NULL);
  build (path, specs, G_N_ELEMENTS (specs), NULL);
  g_autoptr (DlIndex) idx = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  Reader shared = { idx, path }, own = { NULL, path };
  GThread *t[4];
  for (guint i = 0; i < 4; i++)
    t[i] = g_thread_new ("reader", read_all, i % 2 ? &shared : &own);
  for (guint i = 0; i < 4; i++)
    CU_ASSERT_TRUE (GPOINTER_TO_INT (g_thread_join (t[i])));

  /* Replaced by a build of other inputs: the old files go, the open index
   * reads on. */
  g_autoptr (GPtrArray) before = files_of (path);
  build (path, small, G_N_ELEMENTS (small), NULL);
  g_autoptr (GPtrArray) after = files_of (path);
  CU_ASSERT_EQUAL (after->len, 2);
  for (guint i = 0; i < before->len; i++)
    if (!g_str_has_suffix (before->pdata[i], DL_INDEX_MANIFEST))
      {
        CU_ASSERT_FALSE (g_file_test (before->pdata[i], G_FILE_TEST_EXISTS));
      }
  check_lines (idx, specs, G_N_ELEMENTS (specs));
  g_autoptr (DlIndex) now = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (now);
  check_lines (now, small, G_N_ELEMENTS (small));
  remove_dir (dir);
}

/* A build that stops before its commit leaves nothing: freed, or its
 * temporary files removed as a signal's handler removes them. A path
 * that is no index is never built over. */
static void
test_unfinished_build_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "c.dlx", NULL);
  for (guint how = 0; how < 2; how++)
    {
      g_autoptr (GError) error = NULL;
      DlIndexBuilder *b = dl_index_builder_new (path, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (b);
      g_autoptr (DlIndexPiece) p = dl_index_piece_new ("x.txt", 3);
      DlIndexLine line = { "abc", 3, 1, 0, NULL, DL_LANG_TR, FALSE, 0, 0 };
      CU_ASSERT_TRUE (dl_index_piece_add (p, &line));
      CU_ASSERT_TRUE (dl_index_piece_end (p, NULL, FALSE));
      CU_ASSERT_TRUE (dl_index_builder_add (b, p, &error));
      g_autoptr (GPtrArray) during = files_of (dir);
      CU_ASSERT_EQUAL (during->len, 1); /* the hidden directory being built */
      if (how == 1)
        dl_tempfiles_remove_all (); /* SIGINT */
      dl_index_builder_free (b);
      g_autoptr (GPtrArray) left = files_of (dir);
      CU_ASSERT_EQUAL (left->len, 0);
    }
  /* An existing index stays as it was. */
  build (path, small, G_N_ELEMENTS (small), NULL);
  g_autoptr (GPtrArray) before = files_of (path);
  {
    g_autoptr (DlIndexBuilder) b = dl_index_builder_new (path, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL (b);
  }
  g_autoptr (GPtrArray) after = files_of (path);
  CU_ASSERT_EQUAL (after->len, before->len);
  CU_ASSERT_TRUE (accepted (path));
  /* A directory with other files, and a file, are not built over. */
  g_autofree char *other = g_build_filename (dir, "notes", NULL);
  CU_ASSERT_EQUAL (g_mkdir (other, 0755), 0);
  g_autofree char *inside = g_build_filename (other, "a.txt", NULL);
  CU_ASSERT_TRUE (g_file_set_contents (inside, "keep me", -1, NULL));
  const char *targets[] = { other, inside };
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DlIndexBuilder) b = dl_index_builder_new (targets[i], NULL, &error);
      CU_ASSERT_PTR_NULL (b);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_USAGE));
    }
  g_autofree char *kept = NULL;
  CU_ASSERT_TRUE (g_file_get_contents (inside, &kept, NULL, NULL));
  DL_ASSERT_STR_EQ (kept, "keep me");
  remove_dir (dir);
}

/* A change copies inputs as stored, checked: a damaged one is refused and
 * the index stays as it was; one copied whole reads back the same. */
static void
test_copy_checks_and_keeps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.dlx", NULL);
  build (path, specs, G_N_ELEMENTS (specs), NULL);
  {
    g_autoptr (DlIndex) idx = dl_index_open (path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
    g_autoptr (GError) error = NULL;
    g_autoptr (DlIndexBuilder) b = dl_index_builder_change (idx, FALSE, NULL, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (b);
    /* In reverse order, twice over: any order the caller wants. */
    for (guint i = G_N_ELEMENTS (specs); i-- > 0;)
      CU_ASSERT_TRUE (dl_index_builder_copy (b, idx, i, &error));
    CU_ASSERT_TRUE (dl_index_builder_commit (b, &error));
  }
  g_autoptr (DlIndex) back = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (back);
  CU_ASSERT_EQUAL (dl_index_n_segments (back), 1);
  CU_ASSERT_EQUAL (dl_index_n_inputs (back), G_N_ELEMENTS (specs));
  DL_ASSERT_STR_EQ (dl_index_input_path (back, 0), "empty.txt");
  DL_ASSERT_STR_EQ (dl_index_input_path (back, 4), "a/first.txt");
  CU_ASSERT_TRUE (dl_index_verify (back, NULL));
  /* big.txt, now fourth, has its lines, blocks and counts. */
  g_autoptr (DlIndexLines) r = dl_index_lines_open (back, 3, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlIndexLine got;
  guint k = 0;
  while (dl_index_lines_next (r, &got, NULL))
    {
      DlIndexLine want;
      g_autofree char *text = line_of (1, k++, &want);
      CU_ASSERT (got.len == want.len && memcmp (got.text, want.text, want.len) == 0);
    }
  CU_ASSERT_EQUAL (k, 3000);
  g_autoptr (GByteArray) counts = g_byte_array_new ();
  CU_ASSERT_FALSE (dl_index_input_counts (back, 3, 41, counts, NULL, NULL));
  CU_ASSERT_TRUE (dl_index_input_counts (back, 4, 40, counts, NULL, NULL));

  /* A byte of a block flipped: the index opens, the copy refuses it. */
  g_autoptr (GPtrArray) files = files_of (path);
  const char *seg = files->pdata[1];
  g_autofree char *bytes = NULL;
  gsize len = 0;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (seg, &bytes, &len, NULL));
  CU_ASSERT_TRUE_FATAL (g_str_has_suffix (seg, ".dls"));
  bytes[20] ^= 0x10; /* inside the first block: open reads only the tables */
  CU_ASSERT_TRUE_FATAL (g_file_set_contents (seg, bytes, (gssize) len, NULL));
  g_autoptr (DlIndex) bad = dl_index_open (path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (bad);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndexBuilder) b = dl_index_builder_change (bad, FALSE, NULL, &error);
  gboolean all = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (specs) && all; i++)
    all = dl_index_builder_copy (b, bad, i, &error);
  CU_ASSERT_FALSE (all);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_INDEX));
  g_clear_pointer (&b, dl_index_builder_free);
  g_autoptr (GPtrArray) after = files_of (path);
  CU_ASSERT_EQUAL (after->len, files->len);
  remove_dir (dir);
}

/* What the test's DlPrepare writes for a line: its number and the
 * languages it was offered. */
typedef struct {
  guint64 number;
  guint32 possible; /* bit per language */
} Prepared;

static gpointer
prepare_begin (gpointer data, GError **error)
{
  (void) error;
  return data;
}

static void
prepare_line (gpointer state, const DlLine *line, const gboolean possible[DL_LANG_COUNT],
              GByteArray *out)
{
  (void) state;
  Prepared p = { line->number, 0 };
  for (int l = 0; l < DL_LANG_COUNT; l++)
    p.possible |= possible[l] ? 1u << l : 0;
  g_byte_array_append (out, (const guint8 *) &p, sizeof p);
}

static void
prepare_end (gpointer data, gpointer state)
{
  (void) data;
  (void) state;
}

/* Reads input @i of @idx in parts of @size bytes, its blocks @ranges (@n
 * pairs, or NULL: all), and compares every line, and how the reading
 * ends, with one reader's: TRUE if the blocks made parts. */
static gboolean
check_parts (DlIndex *idx, guint i, guint64 size, const guint64 *ranges, guint n, gboolean assume)
{
  g_autoptr (DlParts) parts = dl_parts_new (3);
  dl_parts_set_size (parts, size);
  int data = 0;
  DlPrepare prepare = { prepare_begin, prepare_line, prepare_end, &data };
  DlInput input = { .path = (char *) dl_index_input_path (idx, i), .index = idx, .entry = i };
  g_autoptr (DlPartReader) pr
      = dl_part_reader_new_index (parts, &input, ranges, n, assume, DL_LANG_EN, &prepare);
  if (pr == NULL)
    return FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndexLines) r = dl_index_lines_open (idx, i, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  if (ranges != NULL)
    dl_index_lines_restrict (r, ranges, n);
  DlIndexLine want;
  DlPartLine got;
  g_autoptr (GError) got_error = NULL;
  guint lines = 0, gaps = 0;
  gboolean more;
  while ((more = dl_index_lines_next (r, &want, &error)))
    {
      if (!dl_part_reader_next (pr, &got, &got_error))
        break;
      lines++;
      gaps += want.gap;
      CU_ASSERT (got.line.len == want.len && memcmp (got.line.text, want.text, want.len) == 0);
      CU_ASSERT_EQUAL (got.line.number, want.number);
      CU_ASSERT_EQUAL (got.line.offset, want.offset);
      CU_ASSERT_PTR_EQUAL (got.line.encoding, want.encoding);
      CU_ASSERT_EQUAL (got.lang, want.lang);
      CU_ASSERT_EQUAL (got.gap, want.gap);
      CU_ASSERT_FALSE (got.blank);
      CU_ASSERT_PTR_NOT_NULL_FATAL (got.prepared);
      Prepared p;
      memcpy (&p, got.prepared, sizeof p);
      CU_ASSERT_EQUAL (p.number, want.number);
      CU_ASSERT_EQUAL (p.possible, 1u << (assume ? DL_LANG_EN : want.lang));
    }
  CU_ASSERT_FALSE (more);
  CU_ASSERT_FALSE (dl_part_reader_next (pr, &got, &got_error));
  /* The same end: the build's error after the last part only. */
  CU_ASSERT_EQUAL (got_error != NULL, error != NULL);
  if (got_error != NULL && error != NULL)
    {
      CU_ASSERT_TRUE (g_error_matches (got_error, error->domain, error->code));
      DL_ASSERT_STR_EQ (got_error->message, error->message);
    }
  CU_ASSERT (lines > 0 || n > 0);
  CU_ASSERT_EQUAL (gaps > 0, ranges != NULL && (ranges[0] > 0 || n > 1));
  return TRUE;
}

static void
test_lines_in_parts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-index-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.dlx", NULL);
  g_setenv ("DERLEM_INDEX_BLOCK_BYTES", "2000", TRUE);
  build (path, specs, G_N_ELEMENTS (specs), NULL);
  g_unsetenv ("DERLEM_INDEX_BLOCK_BYTES");
  g_autoptr (GError) error = NULL;
  g_autoptr (DlIndex) idx = dl_index_open (path, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (idx);
  guint64 nb = dl_index_input_blocks (idx, 1), ns = dl_index_input_blocks (idx, 3);
  CU_ASSERT_FATAL (nb > 100 && ns >= 2);
  /* big.txt: every block, some blocks, its last; standard input, which
   * failed at the build after its lines. */
  const guint64 some[] = { 1, 3, 5, 6, 8, nb / 2, nb / 2 + 1, nb };
  const guint64 last[] = { nb - 1, nb };
  const guint64 first[] = { 0, 1 };
  const guint64 sizes[] = { 1, 2500, 30000, 1u << 20 };
  guint cut = 0;
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      cut += check_parts (idx, 1, sizes[k], NULL, 0, FALSE);
      cut += check_parts (idx, 1, sizes[k], some, G_N_ELEMENTS (some) / 2, k % 2 == 0);
      cut += check_parts (idx, 3, sizes[k], NULL, 0, k == 0);
      /* One block is never cut. */
      CU_ASSERT_FALSE (check_parts (idx, 1, sizes[k], last, 1, FALSE));
      CU_ASSERT_FALSE (check_parts (idx, 3, sizes[k], first, 1, FALSE));
    }
  /* With no work to prepare, only blocks of sixteen parts' bytes or more
   * are cut: the lines are the same. */
  guint64 text = 0;
  for (guint64 b = 0; b < nb; b++)
    text += dl_index_block_bytes (idx, 1, b);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (DlParts) parts = dl_parts_new (2);
      dl_parts_set_size (parts, k == 0 ? text / 20 : text / 10);
      DlInput input = { .path = (char *) "big.txt", .index = idx, .entry = 1 };
      g_autoptr (DlPartReader) pr
          = dl_part_reader_new_index (parts, &input, NULL, 0, FALSE, DL_LANG_TR, NULL);
      CU_ASSERT_EQUAL (pr != NULL, k == 0);
      DlPartLine got;
      guint lines = 0;
      while (pr != NULL && dl_part_reader_next (pr, &got, &error))
        {
          CU_ASSERT_PTR_NULL (got.prepared);
          lines++;
        }
      CU_ASSERT_PTR_NULL (error);
      CU_ASSERT_EQUAL (lines, k == 0 ? specs[1].n : 0);
    }
  /* big.txt's 366 blocks of about 2 kB are cut but in parts of 1 MiB;
   * standard input's four blocks in parts of 1 byte only (in parts of
   * 2,500 bytes, its short last part goes with the one before). */
  CU_ASSERT_EQUAL (cut, 7);
  remove_dir (dir);
}

/* A cursor over no bytes, as an empty GByteArray has them (its data
 * NULL): reading from it is a read past the end, with no arithmetic on
 * the null pointer (clang's UBSan stopped `derlem index merge` of a
 * shard's index in notes_ok, whose inputs had no notes). */
static void
test_cursor_over_nothing (void)
{
  g_autoptr (GByteArray) empty = g_byte_array_new ();
  DlCursor c = dl_cursor_of (empty->data, empty->len);
  CU_ASSERT_TRUE (c.p == c.end);
  CU_ASSERT_FALSE (c.bad);
  CU_ASSERT_EQUAL (dl_get_varint (&c), 0);
  CU_ASSERT_TRUE (c.bad);
  guint8 bytes[] = { 0x96, 0x01, 0x05 };
  DlCursor d = dl_cursor_of (bytes, sizeof bytes);
  CU_ASSERT_EQUAL (dl_get_varint (&d), 150);
  CU_ASSERT_EQUAL (dl_get_varint (&d), 5);
  CU_ASSERT_FALSE (d.bad);
  CU_ASSERT_TRUE (d.p == d.end);
  CU_ASSERT_EQUAL (dl_get_varint (&d), 0);
  CU_ASSERT_TRUE (d.bad);
}

void
test_index_suite (void)
{
  CU_pSuite s = CU_add_suite ("index", NULL, NULL);
  CU_add_test (s, "lines_come_back", test_lines_come_back);
  CU_add_test (s, "cursor_over_nothing", test_cursor_over_nothing);
  CU_add_test (s, "pages_are_checked", test_pages_are_checked);
  CU_add_test (s, "tables_are_checked", test_tables_are_checked);
  CU_add_test (s, "lines_in_parts", test_lines_in_parts);
  CU_add_test (s, "every_flipped_byte_is_refused", test_every_flipped_byte_is_refused);
  CU_add_test (s, "every_cut_is_refused", test_every_cut_is_refused);
  CU_add_test (s, "other_versions_are_refused", test_other_versions_are_refused);
  CU_add_test (s, "readers_at_once_and_replaced", test_readers_at_once_and_replaced);
  CU_add_test (s, "unfinished_build_leaves_nothing", test_unfinished_build_leaves_nothing);
  CU_add_test (s, "copy_checks_and_keeps", test_copy_checks_and_keeps);
  CU_add_test (s, "words_come_back", test_words_come_back);
  CU_add_test (s, "tokens_come_back", test_tokens_come_back);
  CU_add_test (s, "tokens_decode", test_tokens_decode);
  CU_add_test (s, "words_ranges_per_segment", test_words_ranges_per_segment);
  CU_add_test (s, "rare_forms_inputs", test_rare_forms_inputs);
  CU_add_test (s, "cut_while_open", test_cut_while_open);
  CU_add_test (s, "ranges_hold_what_is_needed", test_ranges_hold_what_is_needed);
}
