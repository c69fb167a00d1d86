/* fuzz-langid.c — libFuzzer harness of langid.h, as document.h drives it
 * and directly: the bytes after the first are an input file. The first
 * byte: bit 0 --encoding UTF-8 (else detected), bit 1 --assume-lang tr,
 * bit 2 a pipe (else a file), bit 3 a file read in parts too (parts.h, of
 * 1 + 7 × bits 4-7 bytes), which must give the same lines, languages and
 * end. The document must give each non-blank line
 * the reader gives, once, in order, with a language; the smoother, fed the
 * same lines, must never hold more than DL_LANGID_MAX_LAG + 1 of them, give
 * back every one, and do it again for a second document. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "document.h"
#include "error.h"
#include "fuzz.h"
#include "langid.h"
#include "reader.h"

/* Feeds the smoother @lines (GPtrArray of GString, blank ones as blank)
 * as one document, popping as it goes; every line comes back. */
static void
smooth (DlLangid *lid, GPtrArray *lines)
{
  guint pushed = 0, popped = 0;
  DlLang lang;
  for (guint i = 0; i < lines->len; i++)
    {
      const GString *line = lines->pdata[i];
      if (dl_line_is_blank (line->str, line->len))
        {
          dl_langid_push_blank (lid);
          continue;
        }
      DlLangEvidence ev;
      dl_langid_score (line->str, line->len, &ev);
      FUZZ_CHECK (ev.other || (!isnan (ev.tr) && !isnan (ev.en)), "scores are numbers");
      dl_langid_push (lid, &ev);
      pushed++;
      while (dl_langid_pop (lid, &lang))
        {
          FUZZ_CHECK (lang < DL_LANG_COUNT, "a language");
          popped++;
        }
      FUZZ_CHECK (pushed - popped <= DL_LANGID_MAX_LAG + 1, "bounded lag");
    }
  dl_langid_finish (lid);
  while (dl_langid_pop (lid, &lang))
    popped++;
  FUZZ_CHECK (pushed == popped, "every line popped");
}

/* The reader's lines of @path, as GStrings. */
static GPtrArray *
reader_lines (const char *path, const DlEncoding *enc)
{
  GPtrArray *lines = g_ptr_array_new ();
  DlInput input = { (char *) path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlReader) r = dl_reader_open (&input, enc, NULL, NULL, NULL);
  DlLine line;
  while (r != NULL && dl_reader_next (r, &line, NULL))
    g_ptr_array_add (lines, g_string_new_len (line.text, (gssize) line.len));
  return lines;
}

static void
free_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    g_string_free (lines->pdata[i], TRUE);
  g_ptr_array_unref (lines);
}

/* The reader's lines of @path again: the same non-blank ones as the
 * document's (@got), and the smoother fed them directly, twice (two
 * documents). */
static void
compare (const char *path, const DlEncoding *enc, GPtrArray *got)
{
  GPtrArray *lines = reader_lines (path, enc);
  guint k = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      const GString *line = lines->pdata[i];
      if (dl_line_is_blank (line->str, line->len))
        continue;
      const GString *doc_line = k < got->len ? got->pdata[k] : NULL;
      FUZZ_CHECK (doc_line != NULL && g_string_equal (doc_line, line),
                  "the document's lines are the reader's");
      k++;
    }
  FUZZ_CHECK (k == got->len, "as many lines");
  g_autoptr (DlLangid) lid = dl_langid_new ();
  smooth (lid, lines);
  smooth (lid, lines);
  free_lines (lines);
}

/* Every line of @doc as "NUMBER@OFFSET LANG TEXT", and how it ended. */
static GString *
render (DlDocument *doc)
{
  GString *out = g_string_new (NULL);
  DlDocLine dl;
  g_autoptr (GError) error = NULL;
  while (dl_document_next (doc, &dl, &error))
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT " %d %.*s\n",
                            dl.line.number, dl.line.offset, dl.lang, (int) dl.line.len,
                            dl.line.text);
  if (error != NULL)
    g_string_append_printf (out, "error %d\n", error->code);
  return out;
}

/* The file at @path read by one thread and in parts of @size bytes. */
static void
compare_parts (const DlInput *input, const DlDocumentOptions *options, guint64 size)
{
  static DlParts *parts;
  if (parts == NULL)
    parts = dl_parts_new (2);
  dl_parts_set_size (parts, size);
  DlDocumentOptions in_parts = *options;
  in_parts.parts = parts;
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  g_autoptr (DlDocument) one = dl_document_open (input, options, diag, NULL);
  g_autoptr (DlDocument) two = dl_document_open (input, &in_parts, diag, NULL);
  FUZZ_CHECK ((one == NULL) == (two == NULL), "both open or neither");
  if (one == NULL)
    return;
  g_autoptr (GString) a = render (one);
  g_autoptr (GString) b = render (two);
  FUZZ_CHECK (g_string_equal (a, b), "the same lines in parts");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  DlEncoding utf8;
  if (!dl_decode_named ("UTF-8", &utf8, NULL))
    g_error ("no UTF-8 converter");
  DlDocumentOptions options
      = { (how & 1) ? &utf8 : NULL, (how & 2) != 0, DL_LANG_TR, NULL, NULL, NULL, NULL };
  g_autoptr (FuzzFile) file = fuzz_file_new (data, size, (how & 4) != 0);
  DlInput input = { (char *) fuzz_file_path (file), FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DlDocument) doc = dl_document_open (&input, &options, diag, &error);
  if (doc == NULL)
    return 0;
  DlDocLine dl;
  GPtrArray *got = g_ptr_array_new ();
  guint64 last = 0;
  while (dl_document_next (doc, &dl, &error))
    {
      /* Pieces of a line longer than DL_READER_MAX_LINE share its number. */
      FUZZ_CHECK (dl.line.number >= last && dl.line.number > 0, "lines in order");
      FUZZ_CHECK (dl.lang < DL_LANG_COUNT, "a language");
      FUZZ_CHECK (!options.assume || dl.lang == DL_LANG_TR, "the language assumed");
      FUZZ_CHECK (!dl_line_is_blank (dl.line.text, dl.line.len), "not blank");
      last = dl.line.number;
      g_ptr_array_add (got, g_string_new_len (dl.line.text, (gssize) dl.line.len));
    }
  /* To the end, or to binary data met after what decided the encoding
   * (--encoding decides on nothing): then the lines before it only. */
  gboolean binary = g_error_matches (error, DL_ERROR, DL_ERROR_BINARY);
  FUZZ_CHECK (error == NULL || binary, "read to the end or to binary data");
  if (binary)
    {
      free_lines (got);
      if ((how & 0xC) == 8)
        compare_parts (&input, &options, 1 + 7 * (guint64) (how >> 4));
      return 0;
    }
  if (!(how & 4)) /* a pipe is read once */
    compare (input.path, options.encoding, got);
  free_lines (got);
  if ((how & 0xC) == 8)
    compare_parts (&input, &options, 1 + 7 * (guint64) (how >> 4));
  return 0;
}
