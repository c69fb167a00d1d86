/* test-parts.c — a file read in parts by worker threads (parts.h) gives
 * what one thread reading it gives: the reader's lines, numbers, offsets
 * and diagnostics; the stream's languages, tokens, sentence starts and
 * counts, with borders everywhere (parts of a few bytes), language
 * switches and sentences across them; a read that fails in a later part,
 * and a file left before its end. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "counter.h"
#include "error.h"
#include "parts.h"
#include "progress.h"
#include "document.h"
#include "stream.h"
#include "tests.h"

static void
capture (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  g_string_append_printf (user_data, "%d|%s|%" G_GUINT64_FORMAT "|%s\n", level, file, line,
                          message);
}

/* The bundled corpus, with what makes reading hard put in: every kind of
 * line end, invalid bytes in several places, a NUL, blank lines and lines
 * of numbers (other) between the languages. */
static GString *
hard_text (void)
{
  static const char *const files[]
      = { "commentary-tr-karabag-2023.txt", "commentary-en-karabakh-liberation.txt",
          "article-tr-azerbaycan-denge-politikasi.txt" };
  GString *text = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (TEST_SRCDIR, "corpus", files[i], NULL);
      g_autofree char *bytes = NULL;
      gsize len;
      CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &bytes, &len, NULL));
      g_string_append_len (text, bytes, (gssize) len);
      g_string_append (text, "\r\n\r\n12 34 56\rSavaş bitti.\xFF Barış\r\r\nThe end.\x80\n\n");
      g_string_append_len (text, "a\0b\n", 4);
      /* A line without tokens passes a sentence start on. */
      g_string_append (text, "Savaş bitti.\n— — —\nbarış geldi ve herkes sevindi\n");
    }
  return text;
}

/* The reader's lines of @path, one thread, as "NUMBER@OFFSET[b]:TEXT"
 * lines and their evidence, with the diagnostics in @said (or nowhere). */
static char *
whole_lines (const char *path, GString *said)
{
  DlInput input = { (char *) path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlDiag) diag = said != NULL ? dl_diag_new (capture, said) : NULL;
  g_autoptr (DlReader) r = dl_reader_open (&input, NULL, diag, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  GString *out = g_string_new (NULL);
  DlLine line;
  while (dl_reader_next (r, &line, NULL))
    {
      gboolean blank = dl_line_is_blank (line.text, line.len);
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT "%s:%.*s",
                              line.number, line.offset, blank ? "b" : "", (int) line.len,
                              line.text);
      if (!blank)
        {
          DlLangEvidence ev;
          dl_langid_score (line.text, line.len, &ev);
          g_string_append_printf (out, " %d %.3f %.3f", ev.other, ev.tr, ev.en);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The same through a part reader of @parts (diagnostics in @said, or
 * nowhere); NULL if the file was not cut. */
static char *
part_lines (DlParts *parts, const char *path, GString *said)
{
  DlInput input = { (char *) path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlDiag) diag = said != NULL ? dl_diag_new (capture, said) : NULL;
  DlReader *r = dl_reader_open (&input, NULL, diag, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPartReader) pr
      = dl_part_reader_new (parts, r, &input, FALSE, DL_LANG_TR, NULL, diag, NULL, &error);
  CU_ASSERT_PTR_NULL (error);
  if (pr == NULL)
    {
      dl_reader_free (r);
      return NULL;
    }
  GString *out = g_string_new (NULL);
  DlPartLine pl;
  while (dl_part_reader_next (pr, &pl, &error))
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT "%s:%.*s",
                              pl.line.number, pl.line.offset, pl.blank ? "b" : "",
                              (int) pl.line.len, pl.line.text);
      if (!pl.blank)
        g_string_append_printf (out, " %d %.3f %.3f", pl.evidence.other, pl.evidence.tr,
                                pl.evidence.en);
      g_string_append_c (out, '\n');
      CU_ASSERT_PTR_NULL (pl.prepared);
    }
  CU_ASSERT_PTR_NULL (error);
  return g_string_free (out, FALSE);
}

static void
test_parts_give_the_readers_lines (void)
{
  g_autoptr (GString) text = hard_text ();
  char *path = dl_test_temp_file ("hard.txt", text->str, (gssize) text->len);
  g_autoptr (GString) said = g_string_new (NULL);
  g_autofree char *whole = whole_lines (path, said);
  /* The file has invalid bytes in several parts, and says so once. */
  const char *warning = strstr (said->str, "invalid UTF-8");
  CU_ASSERT_TRUE (warning != NULL && strstr (warning + 1, "invalid UTF-8") == NULL);
  static const guint64 sizes[] = { 1, 7, 100, 4096, 30000 };
  for (guint threads = 2; threads <= 3; threads++)
    for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autoptr (DlParts) parts = dl_parts_new (threads);
        dl_parts_set_size (parts, sizes[i]);
        g_autoptr (GString) said_parts = g_string_new (NULL);
        g_autofree char *got = part_lines (parts, path, said_parts);
        g_autofree char *label
            = g_strdup_printf ("%u threads, parts of %" G_GUINT64_FORMAT, threads, sizes[i]);
        DL_ASSERT_TRUE_FOR (label, got != NULL);
        DL_ASSERT_STR_EQ_FOR (label, got, whole);
        DL_ASSERT_STR_EQ_FOR (label, said_parts->str, said->str);
      }
  dl_test_temp_remove (path);
}

/* What the stream gives of @path: each line as "NUMBER@OFFSET LANG", ICU
 * sentence start, its tokens with offsets, kinds, sentence starts and form
 * ids; then the counter's forms. @parts NULL: one thread. */
static char *
stream_lines (const char *path, DlParts *parts, const DlStreamOptions *opts, gboolean assume,
              gboolean count)
{
  DlInput input = { (char *) path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, assume, DL_LANG_TR, NULL, parts, NULL, NULL };
  DlCounterOptions copts;
  dl_counter_options_init (&copts);
  memcpy (copts.langs, opts->langs, sizeof copts.langs);
  memcpy (copts.kinds, opts->kinds, sizeof copts.kinds);
  g_autoptr (DlCounter) counter = count ? dl_counter_new (&copts) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (opts, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_TRUE_FATAL (dl_stream_open (s, &input, &doc, NULL, counter, &error));
  GString *out = g_string_new (NULL);
  const DlStreamLine *line;
  while (dl_stream_next (s, &line, &error) && line != NULL)
    {
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT " %s%s", line->number,
                              line->offset, dl_lang_code (line->lang), line->icu_start ? "|" : "");
      for (guint i = 0; line->tokenized && i < line->n_tokens; i++)
        {
          const DlStreamToken *t = &line->tokens[i];
          g_string_append_printf (out, " %.*s@%zu%c%s%s%s#%d", (int) t->len, line->text + t->offset,
                                  t->offset, "wnue"[t->kind], t -> sentence_start ? "^" : "",
                                  t->icu_start ? "|" : "", t->counts ? "" : "-", (int) t->form);
        }
      g_string_append_c (out, '\n');
    }
  CU_ASSERT_PTR_NULL (error);
  return g_string_free (out, FALSE);
}

static void
test_stream_in_parts_is_the_stream (void)
{
  g_autoptr (GString) text = hard_text ();
  char *path = dl_test_temp_file ("hard.txt", text->str, (gssize) text->len);
  DlStreamOptions all
      = { .langs = { TRUE, TRUE, TRUE }, .kinds = { TRUE, TRUE, TRUE, TRUE }, .sentences = TRUE };
  /* Turkish only: the English lines between reset the sentence starts. */
  DlStreamOptions tr = { .langs = { [DL_LANG_TR] = TRUE },
                         .kinds = { [DL_TOKEN_WORD] = TRUE, [DL_TOKEN_NUMBER] = TRUE },
                         .sentences = TRUE };
  DlStreamOptions en = { .langs = { [DL_LANG_EN] = TRUE }, .kinds = { [DL_TOKEN_WORD] = TRUE } };
  DlStreamOptions other
      = { .langs = { [DL_LANG_OTHER] = TRUE }, .kinds = { [DL_TOKEN_NUMBER] = TRUE } };
  const struct {
    const char *name;
    const DlStreamOptions *opts;
    gboolean assume, count;
  } cases[] = { { "all, counted", &all, FALSE, TRUE },
                { "tr, counted", &tr, FALSE, TRUE },
                { "en, not counted", &en, FALSE, FALSE },
                { "other", &other, FALSE, TRUE },
                { "assumed tr", &tr, TRUE, TRUE } };
  static const guint64 sizes[] = { 1, 100, 3000, 30000 };
  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *whole
          = stream_lines (path, NULL, cases[c].opts, cases[c].assume, cases[c].count);
      /* Every non-blank line, and tokens in some. */
      const char *p = whole;
      guint lines = 0;
      while ((p = strchr (p, '\n')) != NULL)
        p++, lines++;
      CU_ASSERT_TRUE (lines > 500 && strstr (whole, "^") != NULL);
      for (guint threads = 2; threads <= 3; threads++)
        for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
          {
            g_autoptr (DlParts) parts = dl_parts_new (threads);
            dl_parts_set_size (parts, sizes[i]);
            g_autofree char *got
                = stream_lines (path, parts, cases[c].opts, cases[c].assume, cases[c].count);
            g_autofree char *label = g_strdup_printf ("%s: %u threads, parts of %" G_GUINT64_FORMAT,
                                                      cases[c].name, threads, sizes[i]);
            DL_ASSERT_STR_EQ_FOR (label, got, whole);
          }
    }
  dl_test_temp_remove (path);
}

/* A part that cannot be opened ends the input there, with the error; the
 * lines before stand. A part reader left early stops its workers. */
static void
test_part_that_fails_and_early_end (void)
{
  g_autoptr (GString) text = hard_text ();
  char *path = dl_test_temp_file ("gone.txt", text->str, (gssize) text->len);
  g_autofree char *whole = whole_lines (path, NULL);
  g_autoptr (DlParts) parts = dl_parts_new (2);
  dl_parts_set_size (parts, 100);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlReader *r = dl_reader_open (&input, NULL, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  g_autoptr (DlPartReader) pr
      = dl_part_reader_new (parts, r, &input, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pr);
  /* The parts given to workers before this may be read; no later one. */
  CU_ASSERT_EQUAL (g_unlink (path), 0);
  g_autoptr (GError) error = NULL;
  DlPartLine pl;
  guint n = 0;
  g_autoptr (GString) got = g_string_new (NULL);
  while (dl_part_reader_next (pr, &pl, &error))
    {
      n++;
      g_string_append_printf (got, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT "%s:%.*s",
                              pl.line.number, pl.line.offset, pl.blank ? "b" : "",
                              (int) pl.line.len, pl.line.text);
    }
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  CU_ASSERT_TRUE (n > 0);
  CU_ASSERT_FALSE (dl_part_reader_next (pr, &pl, NULL));
  g_clear_pointer (&pr, dl_part_reader_free);

  /* Left after a few lines: the workers stop, nothing leaks. */
  CU_ASSERT_TRUE_FATAL (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  r = dl_reader_open (&input, NULL, NULL, NULL, NULL);
  pr = dl_part_reader_new (parts, r, &input, FALSE, DL_LANG_TR, NULL, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pr);
  for (int i = 0; i < 5; i++)
    CU_ASSERT_TRUE (dl_part_reader_next (pr, &pl, NULL));
  dl_test_temp_remove (path);
}

/* The bytes the readers of the parts count for --progress are the file's,
 * once: parts of the size in use, and small ones. */
static void
test_progress_counts_every_byte_once (void)
{
  g_autoptr (GString) text = hard_text ();
  gsize small = text->len;
  while (text->len < 5 * DL_PARTS_SIZE / 2)
    g_string_append_len (text, text->str, (gssize) small);
  char *path = dl_test_temp_file ("progress.txt", text->str, (gssize) text->len);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  static const guint64 sizes[] = { DL_PARTS_SIZE, 100 };
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (DlParts) parts = dl_parts_new (2);
      dl_parts_set_size (parts, sizes[i]);
      DlProgress *progress = dl_progress_new ();
      DlDocumentOptions options = { NULL, FALSE, DL_LANG_TR, progress, parts, NULL, NULL };
      g_autoptr (DlDocument) doc = dl_document_open (&input, &options, NULL, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
      DlDocLine line;
      guint n = 0;
      while (dl_document_next (doc, &line, NULL))
        n++;
      g_clear_pointer (&doc, dl_document_free);
      DlProgressState state;
      dl_progress_get (progress, &state);
      DL_ASSERT_INT_EQ_FOR (i == 0 ? "1 MiB parts" : "100-byte parts", state.bytes, text->len);
      CU_ASSERT_TRUE (n > 1000);
      dl_progress_free (progress);
    }
  dl_test_temp_remove (path);
}

/* Parts of empty lines only (found by fuzzing: a part with no text). */
static void
test_parts_of_empty_lines (void)
{
  g_autoptr (GString) text = g_string_new ("Savaş bitti.\n");
  for (int i = 0; i < 300; i++)
    g_string_append (text, i % 3 ? "\n" : "\r\n");
  g_string_append (text, "The war is over.\n");
  char *path = dl_test_temp_file ("empty.txt", text->str, (gssize) text->len);
  g_autofree char *whole = whole_lines (path, NULL);
  g_autoptr (DlParts) parts = dl_parts_new (2);
  dl_parts_set_size (parts, 5);
  g_autofree char *got = part_lines (parts, path, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  DL_ASSERT_STR_EQ (got, whole);
  dl_test_temp_remove (path);
}

void
test_parts_suite (void)
{
  CU_pSuite s = CU_add_suite ("parts", NULL, NULL);
  CU_add_test (s, "parts_give_the_readers_lines", test_parts_give_the_readers_lines);
  CU_add_test (s, "stream_in_parts_is_the_stream", test_stream_in_parts_is_the_stream);
  CU_add_test (s, "part_that_fails_and_early_end", test_part_that_fails_and_early_end);
  CU_add_test (s, "progress_counts_every_byte_once", test_progress_counts_every_byte_once);
  CU_add_test (s, "parts_of_empty_lines", test_parts_of_empty_lines);
}
