/* test-reader.c — reading lines: line ends, BOM, legacy encodings, UTF-16,
 * stray bytes, binary files, NFC, streams and huge lines. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "error.h"
#include "reader.h"
#include "tests.h"

typedef struct {
  GPtrArray *messages; /* "LEVEL|file|line|message" */
} Captured;

static void
capture (DlDiagLevel level, const char *file, guint64 line, const char *message, gpointer user_data)
{
  Captured *c = user_data;
  g_ptr_array_add (c->messages, g_strdup_printf ("%d|%s|%" G_GUINT64_FORMAT "|%s", level,
                                                 file ? file : "", line, message));
}

/* Reads every line of @path; returns them (with a "number@offset:" prefix
 * when @with_pos) joined by '|', and the diagnostics in @c. */
static char *
read_lines (const char *path, gboolean is_stdin, const DlEncoding *enc, gboolean with_pos,
            Captured *c, GError **error)
{
  DlInput input = { (char *) path, is_stdin, NULL };
  g_autoptr (DlDiag) diag = dl_diag_new (capture, c);
  g_autoptr (DlReader) r = dl_reader_open (&input, enc, diag, NULL, error);
  if (r == NULL)
    return NULL;
  g_autoptr (GString) all = g_string_new (NULL);
  DlLine line;
  gboolean first = TRUE;
  while (dl_reader_next (r, &line, error))
    {
      if (!first)
        g_string_append_c (all, '|');
      first = FALSE;
      if (with_pos)
        g_string_append_printf (all, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT ":", line.number,
                                line.offset);
      g_string_append_len (all, line.text, line.len);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static char *
read_bytes (const char *bytes, gsize len, gboolean with_pos, Captured *c)
{
  char *path = dl_test_temp_file ("t.txt", bytes, len);
  g_autoptr (GError) error = NULL;
  char *got = read_lines (path, FALSE, NULL, with_pos, c, &error);
  CU_ASSERT_PTR_NULL (error);
  dl_test_temp_remove (path);
  return got;
}

static Captured
captured_new (void)
{
  Captured c = { g_ptr_array_new_with_free_func (g_free) };
  return c;
}

static void
test_line_ends_lf_crlf_cr (void)
{
  struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "a\nb\n", "1@0:a|2@2:b" },
    { "a\r\nb\r\n", "1@0:a|2@3:b" },
    { "a\rb\rc", "1@0:a|2@2:b|3@4:c" },
    { "a\r\n\r\nb", "1@0:a|2@3:|3@5:b" },
    { "a\n\rb", "1@0:a|2@2:|3@3:b" },
    { "no end", "1@0:no end" },
    { "\n", "1@0:" },
    { "x\n ", "1@0:x|2@2: " },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Captured c = captured_new ();
      g_autofree char *got = read_bytes (cases[i].in, strlen (cases[i].in), TRUE, &c);
      CU_ASSERT_STRING_EQUAL (got, cases[i].out);
      CU_ASSERT_EQUAL (c.messages->len, 0);
      g_ptr_array_unref (c.messages);
    }
}

static void
test_empty_file_has_no_lines (void)
{
  Captured c = captured_new ();
  g_autofree char *got = read_bytes ("", 0, TRUE, &c);
  CU_ASSERT_STRING_EQUAL (got, "");
  g_ptr_array_unref (c.messages);
}

/* An empty file maps to no memory at all: with an encoding to convert
 * from, ICU was handed a NULL source and failed (freq --encoding
 * windows-1254 empty.txt said "ucnv_convertEx failed"). */
static void
test_empty_file_in_a_named_encoding_has_no_lines (void)
{
  static const char *const encodings[] = { "windows-1254", "ISO-8859-9", "UTF-16LE", "UTF-8" };
  for (gsize i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      char *path = dl_test_temp_file ("empty.txt", "", 0);
      DlEncoding enc;
      CU_ASSERT_TRUE_FATAL (dl_decode_named (encodings[i], &enc, NULL));
      Captured c = captured_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *got = read_lines (path, FALSE, &enc, FALSE, &c, &error);
      DL_ASSERT_STR_EQ_FOR (encodings[i], error != NULL ? error->message : NULL, NULL);
      DL_ASSERT_STR_EQ_FOR (encodings[i], got, "");
      g_ptr_array_unref (c.messages);
      dl_test_temp_remove (path);
    }
}

static void
test_bom_is_stripped (void)
{
  Captured c = captured_new ();
  g_autofree char *got
      = read_bytes ("\xEF\xBB\xBFÖz\nAbstract", strlen ("\xEF\xBB\xBFÖz\nAbstract"), TRUE, &c);
  CU_ASSERT_STRING_EQUAL (got, "1@3:Öz|2@7:Abstract");
  g_ptr_array_unref (c.messages);
}

/* A windows-1254 file whose first 8 KB and more are English: ICU's detector
 * alone, reading only the start, would call it windows-1252. */
static void
test_windows_1254_after_long_english_abstract (void)
{
  g_autoptr (GString) bytes = g_string_new (NULL);
  while (bytes->len < 9000)
    g_string_append (bytes, "This article examines the foreign policy of Azerbaijan.\n");
  g_string_append (
      bytes, "I\xFE\xFDk, a\xF0\xFDr \xE7\xF6z\xFCm: \xDDSTANBUL, \xDE\xDEK, \xD0\xC7\xD6\xDC\n");
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (bytes->str, bytes->len, FALSE, &c);
  CU_ASSERT_TRUE (g_str_has_suffix (got, "|Işık, ağır çözüm: İSTANBUL, ŞŞK, ĞÇÖÜ"));
  CU_ASSERT_EQUAL (c.messages->len, 1);
  if (c.messages->len == 1)
    {
      const char *m = c.messages->pdata[0];
      CU_ASSERT_TRUE (g_str_has_prefix (m, "0|")); /* a note */
      CU_ASSERT_PTR_NOT_NULL (strstr (m, "windows-1254"));
    }
  g_ptr_array_unref (c.messages);
}

static void
test_utf16_with_bom (void)
{
  const char *utf8 = "Karabağ\r\nİŞGAL\n";
  g_autoptr (GError) error = NULL;
  gsize n;
  g_autofree char *le = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (le);
  g_autofree char *with_bom = g_malloc (n + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, le, n);
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (with_bom, n + 2, FALSE, &c);
  CU_ASSERT_STRING_EQUAL (got, "Karabağ|İŞGAL");
  g_ptr_array_unref (c.messages);

  g_autofree char *be = g_convert (utf8, -1, "UTF-16BE", "UTF-8", NULL, &n, &error);
  g_autofree char *be_bom = g_malloc (n + 2);
  memcpy (be_bom, "\xFE\xFF", 2);
  memcpy (be_bom + 2, be, n);
  c = captured_new ();
  g_autofree char *got_be = read_bytes (be_bom, n + 2, FALSE, &c);
  CU_ASSERT_STRING_EQUAL (got_be, "Karabağ|İŞGAL");
  g_ptr_array_unref (c.messages);
}

static void
test_stray_bytes_become_replacement_with_one_warning (void)
{
  const char *bytes = "Işık ağır\nbir \xFF bayt\nçığ öğür şüphe\niki \xFE\xFF\n";
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (bytes, strlen (bytes), FALSE, &c);
  CU_ASSERT_STRING_EQUAL (got, "Işık ağır|bir \xEF\xBF\xBD bayt|çığ öğür şüphe|"
                               "iki \xEF\xBF\xBD\xEF\xBF\xBD");
  CU_ASSERT_EQUAL_FATAL (c.messages->len, 1);
  const char *m = c.messages->pdata[0];
  CU_ASSERT_TRUE (g_str_has_prefix (m, "1|"));      /* a warning */
  CU_ASSERT_PTR_NOT_NULL (strstr (m, "|2|"));       /* line 2 */
  CU_ASSERT_PTR_NOT_NULL (strstr (m, "offset 18")); /* "Işık ağır\n" is 14 bytes, "bir " 4 */
  g_ptr_array_unref (c.messages);
}

static void
test_binary_files_are_refused (void)
{
  char bin[4096];
  for (gsize i = 0; i < sizeof bin; i++)
    bin[i] = (char) ((i * 2654435761u) >> 13);
  static const char pdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj";
  const char *docs[] = { pdf, bin };
  gsize lens[] = { sizeof pdf - 1, sizeof bin };
  for (gsize i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      char *path = dl_test_temp_file ("b.txt", docs[i], lens[i]);
      Captured c = captured_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *got = read_lines (path, FALSE, NULL, FALSE, &c, &error);
      CU_ASSERT_PTR_NULL (got);
      CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_BINARY));
      g_ptr_array_unref (c.messages);
      dl_test_temp_remove (path);
    }
}

static void
test_missing_and_directory_paths_fail (void)
{
  Captured c = captured_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *got = read_lines ("/nonexistent/derlem.txt", FALSE, NULL, FALSE, &c, &error);
  CU_ASSERT_PTR_NULL (got);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_clear_error (&error);
  g_autofree char *dir = read_lines ("/", FALSE, NULL, FALSE, &c, &error);
  CU_ASSERT_PTR_NULL (dir);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_ptr_array_unref (c.messages);
}

static void
test_nfd_turkish_becomes_nfc (void)
{
  /* s + U+0327 is ş; I + U+0307 is İ; g + U+0306 is ğ. */
  const char *bytes = "s\xCC\xA7"
                      "ehir I\xCC\x87"
                      "STANBUL ag\xCC\x86"
                      "ac\n";
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (bytes, strlen (bytes), FALSE, &c);
  CU_ASSERT_STRING_EQUAL (got, "şehir İSTANBUL ağac");
  g_ptr_array_unref (c.messages);
}

static void
test_user_encoding_overrides_detection (void)
{
  /* Valid UTF-8 bytes read as ISO-8859-9 because the user says so. */
  const char *bytes = "\xC3\xBC\n";
  char *path = dl_test_temp_file ("e.txt", bytes, strlen (bytes));
  DlEncoding enc;
  CU_ASSERT_TRUE (dl_decode_named ("ISO-8859-9", &enc, NULL));
  Captured c = captured_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *got = read_lines (path, FALSE, &enc, FALSE, &c, &error);
  CU_ASSERT_STRING_EQUAL (got, "Ã¼");
  g_ptr_array_unref (c.messages);
  dl_test_temp_remove (path);
}

typedef struct {
  int fd;
  const char *data;
  gsize len;
} Writer;

static gpointer
write_all (gpointer p)
{
  Writer *w = p;
  gsize done = 0;
  while (done < w->len)
    {
      ssize_t n = write (w->fd, w->data + done, MIN (w->len - done, 65536));
      if (n <= 0)
        break;
      done += n;
    }
  close (w->fd);
  return NULL;
}

/* Reads @bytes through a pipe on standard input (the stream path). */
static char *
read_via_stdin (const char *bytes, gsize len, Captured *c)
{
  int fds[2];
  CU_ASSERT_FATAL (pipe (fds) == 0);
  int saved = dup (STDIN_FILENO);
  dup2 (fds[0], STDIN_FILENO);
  close (fds[0]);
  Writer w = { fds[1], bytes, len };
  GThread *t = g_thread_new ("writer", write_all, &w);
  g_autoptr (GError) error = NULL;
  char *got = read_lines ("-", TRUE, NULL, FALSE, c, &error);
  CU_ASSERT_PTR_NULL (error);
  g_thread_join (t);
  dup2 (saved, STDIN_FILENO);
  close (saved);
  // cppcheck-suppress memleak ; g_thread_join released t (cppcheck 2.10 misses it)
  return got;
}

static void
test_stream_reads_like_a_file (void)
{
  /* Over several chunks, with CRLFs falling across chunk boundaries. */
  g_autoptr (GString) bytes = g_string_new ("\xEF\xBB\xBF");
  g_autoptr (GString) expect = g_string_new (NULL);
  for (int i = 0; i < 200000; i++)
    {
      g_string_append_printf (bytes, "satır %d Işık\r\n", i);
      g_string_append_printf (expect, "%ssatır %d Işık", i ? "|" : "", i);
    }
  Captured c = captured_new ();
  g_autofree char *got = read_via_stdin (bytes->str, bytes->len, &c);
  CU_ASSERT_EQUAL (strlen (got), expect->len);
  CU_ASSERT_STRING_EQUAL (got, expect->str);
  CU_ASSERT_EQUAL (c.messages->len, 0);
  g_ptr_array_unref (c.messages);
}

static void
test_stream_windows_1254_and_stray_bytes (void)
{
  const char *legacy = "Az\xFD"
                       "z Karaba\xF0'\xFDn \xFE"
                       "ehirleri\r\n\xDDstanbul";
  Captured c = captured_new ();
  g_autofree char *got = read_via_stdin (legacy, strlen (legacy), &c);
  CU_ASSERT_STRING_EQUAL (got, "Azız Karabağ'ın şehirleri|İstanbul");
  CU_ASSERT_EQUAL (c.messages->len, 1);
  g_ptr_array_unref (c.messages);

  const char *stray = "çok güzel ağaç\nbir \x80 bayt\n";
  c = captured_new ();
  g_autofree char *got2 = read_via_stdin (stray, strlen (stray), &c);
  CU_ASSERT_STRING_EQUAL (got2, "çok güzel ağaç|bir \xEF\xBF\xBD bayt");
  CU_ASSERT_EQUAL (c.messages->len, 1);
  g_ptr_array_unref (c.messages);
}

/* A stream's encoding is decided on its first chunk: a character cut by the
 * chunk's end must not look like invalid UTF-8 (it once made the whole
 * stream windows-1252). */
static void
test_stream_character_across_first_chunk (void)
{
  const gsize cuts[] = { (64u << 10) - 1, (1u << 20) - 1 };
  for (gsize k = 0; k < G_N_ELEMENTS (cuts); k++)
    {
      g_autoptr (GString) bytes = g_string_new (NULL);
      for (gsize i = 0; i < cuts[k]; i++)
        g_string_append_c (bytes, i % 80 == 79 ? '\n' : 'a');
      g_string_append (bytes, "şehir\n");
      Captured c = captured_new ();
      g_autofree char *got = read_via_stdin (bytes->str, bytes->len, &c);
      CU_ASSERT_TRUE (g_str_has_suffix (got, "aşehir"));
      CU_ASSERT_EQUAL (c.messages->len, 0);
      g_ptr_array_unref (c.messages);
    }
}

static void
test_huge_line_is_one_line (void)
{
  gsize n = 5u << 20;
  g_autofree char *bytes = g_malloc (n + 8);
  for (gsize i = 0; i < n; i++)
    bytes[i] = "kelime "[i % 7];
  memcpy (bytes + n, "\nson", 4);
  char *path = dl_test_temp_file ("h.txt", bytes, n + 4);
  DlInput input = { path, FALSE, NULL };
  g_autoptr (DlReader) r = dl_reader_open (&input, NULL, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlLine line;
  CU_ASSERT_TRUE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL (line.len, n);
  CU_ASSERT_TRUE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL (line.len, 3);
  CU_ASSERT_EQUAL (line.number, 2);
  CU_ASSERT_FALSE (dl_reader_next (r, &line, NULL));
  dl_test_temp_remove (path);

  Captured c = captured_new ();
  g_autofree char *got = read_via_stdin (bytes, n + 4, &c);
  CU_ASSERT_EQUAL (strlen (got), n + 4); /* n bytes, '|', "son" */
  g_ptr_array_unref (c.messages);
}

static void
test_blank_lines (void)
{
  CU_ASSERT_TRUE (dl_line_is_blank ("", 0));
  CU_ASSERT_TRUE (dl_line_is_blank (" \t\f ", 4));
  CU_ASSERT_TRUE (dl_line_is_blank ("\xC2\xA0 \xE2\x80\x83", 6)); /* NBSP, em space */
  CU_ASSERT_FALSE (dl_line_is_blank (" x ", 3));
  CU_ASSERT_FALSE (dl_line_is_blank ("\xEF\xBF\xBD", 3));
  CU_ASSERT_FALSE (dl_line_is_blank (" 1", 2));
}

void
test_reader_suite (void)
{
  CU_pSuite s = CU_add_suite ("reader", NULL, NULL);
  CU_add_test (s, "line_ends_lf_crlf_cr", test_line_ends_lf_crlf_cr);
  CU_add_test (s, "empty_file_has_no_lines", test_empty_file_has_no_lines);
  CU_add_test (s, "empty_file_in_a_named_encoding_has_no_lines",
               test_empty_file_in_a_named_encoding_has_no_lines);
  CU_add_test (s, "bom_is_stripped", test_bom_is_stripped);
  CU_add_test (s, "windows_1254_after_long_english_abstract",
               test_windows_1254_after_long_english_abstract);
  CU_add_test (s, "utf16_with_bom", test_utf16_with_bom);
  CU_add_test (s, "stray_bytes_become_replacement_with_one_warning",
               test_stray_bytes_become_replacement_with_one_warning);
  CU_add_test (s, "binary_files_are_refused", test_binary_files_are_refused);
  CU_add_test (s, "missing_and_directory_paths_fail", test_missing_and_directory_paths_fail);
  CU_add_test (s, "nfd_turkish_becomes_nfc", test_nfd_turkish_becomes_nfc);
  CU_add_test (s, "user_encoding_overrides_detection", test_user_encoding_overrides_detection);
  CU_add_test (s, "stream_reads_like_a_file", test_stream_reads_like_a_file);
  CU_add_test (s, "stream_windows_1254_and_stray_bytes", test_stream_windows_1254_and_stray_bytes);
  CU_add_test (s, "stream_character_across_first_chunk", test_stream_character_across_first_chunk);
  CU_add_test (s, "huge_line_is_one_line", test_huge_line_is_one_line);
  CU_add_test (s, "blank_lines", test_blank_lines);
}
