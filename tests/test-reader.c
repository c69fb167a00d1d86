/* test-reader.c — reading lines: line ends, BOM, legacy encodings, UTF-16,
 * stray bytes, binary files, NFC, streams and huge lines. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "decode.h"
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
  DlInput input = { (char *) path, is_stdin, NULL, 0, NULL, 0, NULL };
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

/* A line longer than DL_READER_MAX_LINE comes in pieces cut after a space,
 * all numbered as the line, with one note; from a file and from a pipe. */
static void
test_huge_line_is_read_in_pieces (void)
{
  gsize n = 5u << 20;
  g_autofree char *bytes = g_malloc (n + 8);
  for (gsize i = 0; i < n; i++)
    bytes[i] = "kelime "[i % 7];
  memcpy (bytes + n, "\nson", 4);
  char *path = dl_test_temp_file ("h.txt", bytes, n + 4);
  Captured c = captured_new ();
  g_autoptr (DlDiag) diag = dl_diag_new (capture, &c);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlReader) r = dl_reader_open (&input, NULL, diag, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlLine line;
  /* The last space at or before 4 MiB: 4 MiB is 4194304 = 7 * 599186 + 2. */
  gsize first = (gsize) 7 * 599186;
  CU_ASSERT_TRUE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL (line.len, first);
  CU_ASSERT_EQUAL (line.number, 1);
  CU_ASSERT_EQUAL (line.offset, 0);
  CU_ASSERT_EQUAL (line.text[line.len - 1], ' ');
  CU_ASSERT_TRUE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL (line.len, n - first);
  CU_ASSERT_EQUAL (line.number, 1);
  CU_ASSERT_EQUAL (line.offset, first);
  CU_ASSERT_TRUE (memcmp (line.text, bytes + first, n - first) == 0);
  CU_ASSERT_TRUE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL (line.len, 3);
  CU_ASSERT_EQUAL (line.number, 2);
  CU_ASSERT_EQUAL (line.offset, n + 1);
  CU_ASSERT_FALSE (dl_reader_next (r, &line, NULL));
  CU_ASSERT_EQUAL_FATAL (c.messages->len, 1);
  CU_ASSERT_TRUE (strstr (c.messages->pdata[0], "0|") == c.messages->pdata[0]);
  CU_ASSERT_TRUE (strstr (c.messages->pdata[0], "|1|a line longer than 4 MiB") != NULL);
  g_ptr_array_unref (c.messages);
  dl_test_temp_remove (path);

  c = captured_new ();
  g_autofree char *got = read_via_stdin (bytes, n + 4, &c);
  /* n bytes, '|' between the pieces and before "son". */
  CU_ASSERT_EQUAL (strlen (got), n + 5);
  g_ptr_array_unref (c.messages);
}

/* A line of characters that take two and three bytes is cut at a character
 * boundary when it has no space. */
static void
test_huge_line_cut_between_characters (void)
{
  gsize n = (5u << 20) / 3 * 3;
  g_autofree char *bytes = g_malloc (n);
  for (gsize i = 0; i < n; i += 3)
    memcpy (bytes + i, "\xE2\x82\xAC", 3); /* € */
  Captured c = captured_new ();
  g_autofree char *got = read_via_stdin (bytes, n, &c);
  CU_ASSERT_TRUE (g_utf8_validate (got, -1, NULL));
  CU_ASSERT_EQUAL (strlen (got), n + 1);
  const char *bar = strchr (got, '|');
  CU_ASSERT_PTR_NOT_NULL_FATAL (bar);
  CU_ASSERT_EQUAL ((gsize) (bar - got) % 3, 0);
  CU_ASSERT_TRUE ((gsize) (bar - got) <= DL_READER_MAX_LINE);
  g_ptr_array_unref (c.messages);
}

/* Line offsets are bytes of the file whatever its encoding: windows-1254
 * (one byte a letter) and UTF-16 with a BOM (two, four outside the BMP);
 * dl_decode_source_length gives offsets inside a line the same way. */
static void
test_offsets_are_bytes_of_the_file (void)
{
  const char *legacy = "Az\xFD"
                       "z a\xF0"
                       "a\xE7\r\n\xDD"
                       "stanbul\n";
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (legacy, strlen (legacy), TRUE, &c);
  CU_ASSERT_STRING_EQUAL (got, "1@0:Azız ağaç|2@11:İstanbul");
  CU_ASSERT_EQUAL (dl_decode_source_length ("windows-1254", "Azız ağ", strlen ("Azız ağ")), 7);
  g_ptr_array_unref (c.messages);

  const char *utf8 = "Bağ \xF0\x9F\x98\x80 x\r\nİŞ\n";
  gsize n;
  g_autofree char *le = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (le);
  g_autofree char *with_bom = g_malloc (n + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, le, n);
  c = captured_new ();
  g_autofree char *got16 = read_bytes (with_bom, n + 2, TRUE, &c);
  /* BOM 2, "Bağ " 8, the emoji 4, " x" 4, CRLF 4: line 2 at 22. */
  CU_ASSERT_STRING_EQUAL (got16, "1@2:Bağ \xF0\x9F\x98\x80 x|2@22:İŞ");
  CU_ASSERT_EQUAL (dl_decode_source_length ("UTF-16LE", "Bağ \xF0\x9F\x98\x80", 9), 12);
  CU_ASSERT_EQUAL (dl_decode_source_length ("UTF-32BE", "Bağ", 4), 12);
  CU_ASSERT_EQUAL (dl_decode_source_length (NULL, "Bağ", 4), 4);
  CU_ASSERT_EQUAL (dl_decode_source_length ("Shift_JIS",
                                            "\xE6\x97\xA5"
                                            "a",
                                            4),
                   3);
  g_ptr_array_unref (c.messages);
}

/* Invalid UTF-16 (a lone surrogate) warns once with its byte offset, as
 * invalid UTF-8 does, and is read as U+FFFD. */
static void
test_invalid_utf16_warns (void)
{
  /* BOM, "ab\n", a lone low surrogate, "c". */
  static const char bytes[] = "\xFF\xFE"
                              "a\0b\0\n\0"
                              "\x00\xDC"
                              "c\0";
  Captured c = captured_new ();
  g_autofree char *got = read_bytes (bytes, sizeof bytes - 1, TRUE, &c);
  CU_ASSERT_STRING_EQUAL (got, "1@2:ab|2@8:\xEF\xBF\xBD"
                               "c");
  gboolean warned = FALSE;
  for (guint i = 0; i < c.messages->len; i++)
    {
      const char *m = c.messages->pdata[i];
      if (g_str_has_prefix (m, "1|"))
        {
          warned = TRUE;
          CU_ASSERT_PTR_NOT_NULL (strstr (m, "|2|"));
          CU_ASSERT_PTR_NOT_NULL (strstr (m, "UTF-16LE"));
          CU_ASSERT_PTR_NOT_NULL (strstr (m, "offset 8;"));
        }
    }
  CU_ASSERT_TRUE (warned);
  g_ptr_array_unref (c.messages);
}

/* A stream that turns into NUL bytes after its first chunk (text, then
 * /dev/zero) stops there with an error: the text before it stands. */
static void
test_stream_binary_after_first_chunk (void)
{
  gsize n = 3u << 20;
  g_autofree char *bytes = g_malloc0 (n);
  for (gsize i = 0; i < (1u << 20) + 100; i++)
    bytes[i] = i % 10 == 9 ? '\n' : 'a';
  int fds[2];
  CU_ASSERT_FATAL (pipe (fds) == 0);
  int saved = dup (STDIN_FILENO);
  dup2 (fds[0], STDIN_FILENO);
  close (fds[0]);
  Writer w = { fds[1], bytes, n };
  GThread *t = g_thread_new ("writer", write_all, &w);
  Captured c = captured_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *got = read_lines ("-", TRUE, NULL, FALSE, &c, &error);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_BINARY));
  CU_ASSERT_PTR_NOT_NULL (error != NULL ? strstr (error->message, "binary data") : NULL);
  /* The rest is never read: close the pipe, so that the writer stops
   * (EPIPE, SIGPIPE ignored meanwhile). */
  void (*was) (int) = signal (SIGPIPE, SIG_IGN);
  dup2 (saved, STDIN_FILENO);
  close (saved);
  g_thread_join (t);
  signal (SIGPIPE, was);
  g_ptr_array_unref (c.messages);
}

/* A FIFO with no writer reads as empty at once (it must not hang). */
static void
test_fifo_without_writer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "f.txt", NULL);
  CU_ASSERT_FATAL (mkfifo (fifo, 0600) == 0);
  Captured c = captured_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *got = read_lines (fifo, FALSE, NULL, FALSE, &c, &error);
  CU_ASSERT_STRING_EQUAL (got, "");
  CU_ASSERT_PTR_NULL (error);
  g_ptr_array_unref (c.messages);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* A file cut short while it is read is read as far as it goes (a
 * memory-mapped read died of SIGBUS). */
static void
test_file_shrinking_while_read (void)
{
  gsize n = 8u << 20;
  g_autofree char *bytes = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    bytes[i] = i % 50 == 49 ? '\n' : 'a';
  char *path = dl_test_temp_file ("s.txt", bytes, n);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlReader) r = dl_reader_open (&input, NULL, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlLine line;
  guint64 lines = 0;
  gsize bytes_read = 0;
  while (dl_reader_next (r, &line, NULL))
    {
      if (++lines == 10)
        CU_ASSERT_FATAL (truncate (path, 1u << 20) == 0);
      for (gsize i = 0; i < line.len; i++)
        bytes_read += line.text[i] == 'a';
    }
  /* The first chunk (1 MiB) was read before the cut; a little after it may
   * have been too, never the 8 MiB. */
  CU_ASSERT_TRUE (lines >= (1u << 20) / 50 && lines < n / 50);
  CU_ASSERT_TRUE (bytes_read < n);
  dl_test_temp_remove (path);
}

/* ---- Parts of a file (dl_reader_split) ---- */

/* Reads @path (in @enc, NULL: detected) cut in parts of about @size bytes, the parts in order, as
 * read_lines does with positions; NULL if it was not cut. *@n_parts: how
 * many. Every part but the first starts after a line feed. */
static char *
read_parts (const char *path, const DlEncoding *enc, guint64 size, guint *n_parts)
{
  DlInput input = { (char *) path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlReader) r = dl_reader_open (&input, enc, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) parts = dl_reader_split (r, size, &error);
  CU_ASSERT_PTR_NULL (error);
  *n_parts = parts != NULL ? parts->len : 0;
  if (parts == NULL)
    return NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &bytes, &len, NULL));
  g_autoptr (GString) all = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      const DlReaderPart *part = &g_array_index (parts, DlReaderPart, i);
      if (i > 0)
        {
          CU_ASSERT_TRUE (part->start < len && bytes[part->start - 1] == '\n');
          CU_ASSERT_EQUAL (g_array_index (parts, DlReaderPart, i - 1).end, part->start);
        }
      CU_ASSERT_EQUAL (part->end == G_MAXUINT64, i + 1 == parts->len);
      g_autoptr (DlReader) p
          = i == 0 ? NULL : dl_reader_open_part (&input, part, NULL, NULL, NULL, &error);
      DlReader *from = i == 0 ? r : p;
      CU_ASSERT_PTR_NOT_NULL_FATAL (from);
      DlLine line;
      while (dl_reader_next (from, &line, &error))
        {
          if (all->len > 0)
            g_string_append_c (all, '|');
          g_string_append_printf (all, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT ":", line.number,
                                  line.offset);
          g_string_append_len (all, line.text, line.len);
        }
      CU_ASSERT_PTR_NULL (error);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* Checks that @bytes read in parts of @size gives what it gives whole, in
 * at least @min_parts parts. */
static void
check_parts (const char *bytes, gsize len, guint64 size, guint min_parts)
{
  char *path = dl_test_temp_file ("parts.txt", bytes, len);
  Captured c = captured_new ();
  g_autofree char *whole = read_lines (path, FALSE, NULL, TRUE, &c, NULL);
  guint n = 0;
  g_autofree char *parts = read_parts (path, NULL, size, &n);
  CU_ASSERT_TRUE (n >= min_parts);
  CU_ASSERT_PTR_NOT_NULL_FATAL (whole);
  CU_ASSERT_PTR_NOT_NULL_FATAL (parts);
  CU_ASSERT_STRING_EQUAL (parts, whole);
  g_ptr_array_unref (c.messages);
  dl_test_temp_remove (path);
}

static void
test_parts_read_like_the_whole (void)
{
  /* Every kind of line end, blank lines, a Turkish letter, no final end. */
  static const char unit[] = "Savaş\nbaşladı\r\n\r\nbir\rsatır\n\rİki\r\r\nson";
  g_autoptr (GString) text = g_string_new (NULL);
  for (int i = 0; i < 12; i++)
    g_string_append (text, unit);
  static const guint64 sizes[] = { 1, 2, 3, 5, 8, 13, 40, 100 };
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    check_parts (text->str, text->len, sizes[i], 2);
  /* With a UTF-8 byte order mark, whose bytes the offsets count. */
  g_string_prepend (text, "\xEF\xBB\xBF");
  check_parts (text->str, text->len, 7, 2);
}

/* Where the reader's 1 MiB reads meet: a CRLF and a lone CR across the
 * border, and a Turkish letter split by it. */
static void
test_parts_across_read_borders (void)
{
  gsize n = (3u << 20) + 100, mib = 1u << 20;
  g_autofree char *bytes = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    bytes[i] = (i % 61 == 60) ? '\n' : "abc def "[i % 8];
  memcpy (bytes + mib - 1, "\r\n", 2);
  memcpy (bytes + 2 * mib - 1, "\rx", 2);
  memcpy (bytes + 3 * mib - 1, "\xC4\xB1", 2); /* ı */
  const guint64 sizes[] = { 4096, 1000003, mib - 1, mib };
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    check_parts (bytes, n, sizes[i], 3);
}

/* A line longer than DL_READER_MAX_LINE is read in pieces in a part as in
 * the whole file, with one note; a line too long to hold in a part keeps
 * the file whole. */
static void
test_parts_and_long_lines (void)
{
  gsize n = (5u << 20) + 200;
  g_autofree char *bytes = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    bytes[i] = "kelime "[i % 7];
  memcpy (bytes + 50, "\nbir\n", 5);
  memcpy (bytes + n - 100, "\nson satır\n", 12);
  char *path = dl_test_temp_file ("long.txt", bytes, n);
  Captured c = captured_new ();
  g_autofree char *whole = read_lines (path, FALSE, NULL, TRUE, &c, NULL);
  CU_ASSERT_EQUAL (c.messages->len, 1); /* the note */
  guint n_parts = 0;
  g_autofree char *parts = read_parts (path, NULL, 16, &n_parts);
  CU_ASSERT_TRUE (n_parts > 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL (parts);
  CU_ASSERT_STRING_EQUAL (parts, whole);
  dl_test_temp_remove (path);
  g_ptr_array_unref (c.messages);

  /* 9 MiB without a line feed: more than a part may hold. */
  n = (9u << 20) + 200;
  g_free (bytes);
  bytes = g_malloc (n);
  for (gsize i = 0; i < n; i++)
    bytes[i] = "kelime "[i % 7];
  memcpy (bytes + 50, "\n", 1);
  memcpy (bytes + n - 100, "\n", 1);
  path = dl_test_temp_file ("longer.txt", bytes, n);
  g_autofree char *none = read_parts (path, NULL, 16, &n_parts);
  CU_ASSERT_PTR_NULL (none);
  dl_test_temp_remove (path);
}

/* A file is not cut where reading it whole would not give the same lines
 * part by part: smaller than two parts, in another encoding, or with
 * binary data after its first read, which stops the reader there. */
static void
test_parts_only_where_they_read_alike (void)
{
  guint n_parts = 9;
  char *path = dl_test_temp_file ("small.txt", "a\nb\nc\n", 6);
  g_autofree char *small = read_parts (path, NULL, 4, &n_parts);
  CU_ASSERT_PTR_NULL (small);
  CU_ASSERT_EQUAL (n_parts, 0);
  dl_test_temp_remove (path);

  /* windows-1254: ş and ı as single bytes. */
  g_autoptr (GString) legacy = g_string_new (NULL);
  for (int i = 0; i < 50; i++)
    g_string_append (legacy, "sava\xFE ba\xFEl\xFD\n");
  path = dl_test_temp_file ("legacy.txt", legacy->str, legacy->len);
  g_autofree char *converted = read_parts (path, NULL, 16, &n_parts);
  CU_ASSERT_PTR_NULL (converted);
  dl_test_temp_remove (path);

  /* --encoding settles UTF-8 without reading on, so each read is judged as
   * it comes: the second is NULs. */
  DlEncoding utf8;
  CU_ASSERT_TRUE_FATAL (dl_decode_named ("UTF-8", &utf8, NULL));
  gsize n = (2u << 20) + 10;
  g_autofree char *bytes = g_malloc0 (n);
  for (gsize i = 0; i < (1u << 20); i++)
    bytes[i] = (i % 50 == 49) ? '\n' : 'a';
  path = dl_test_temp_file ("nuls.txt", bytes, n);
  g_autofree char *binary = read_parts (path, &utf8, 100000, &n_parts);
  CU_ASSERT_PTR_NULL (binary);
  Captured c = captured_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *whole = read_lines (path, FALSE, &utf8, TRUE, &c, &error);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_BINARY));
  /* A first part that alone looks binary in a file that is not (found by
   * fuzzing: a NUL and stray bytes in its first 302 bytes): the first
   * part's reader judged its read, cut at the part's end, as binary data,
   * where the whole file's first read is text. */
  g_autofree char *ctrl_parts
      = read_parts (TEST_DATA ("reader/controls-first-part.txt"), &utf8, 8, &n_parts);
  g_autofree char *ctrl_whole
      = read_lines (TEST_DATA ("reader/controls-first-part.txt"), FALSE, &utf8, TRUE, &c, NULL);
  CU_ASSERT_TRUE (n_parts > 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ctrl_parts);
  CU_ASSERT_PTR_NOT_NULL_FATAL (ctrl_whole);
  CU_ASSERT_STRING_EQUAL (ctrl_parts, ctrl_whole);

  /* The same bytes without the NULs are cut, and read alike. */
  memset (bytes + (1u << 20), 'b', n - (1u << 20));
  g_file_set_contents (path, bytes, (gssize) n, NULL);
  g_autofree char *text = read_parts (path, &utf8, 100000, &n_parts);
  CU_ASSERT_TRUE (n_parts > 2);
  g_autofree char *text_whole = read_lines (path, FALSE, &utf8, TRUE, &c, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_STRING_EQUAL (text, text_whole);
  g_ptr_array_unref (c.messages);
  dl_test_temp_remove (path);
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
  CU_add_test (s, "offsets_are_bytes_of_the_file", test_offsets_are_bytes_of_the_file);
  CU_add_test (s, "invalid_utf16_warns", test_invalid_utf16_warns);
  CU_add_test (s, "stream_binary_after_first_chunk", test_stream_binary_after_first_chunk);
  CU_add_test (s, "fifo_without_writer", test_fifo_without_writer);
  CU_add_test (s, "file_shrinking_while_read", test_file_shrinking_while_read);
  CU_add_test (s, "huge_line_is_read_in_pieces", test_huge_line_is_read_in_pieces);
  CU_add_test (s, "parts_read_like_the_whole", test_parts_read_like_the_whole);
  CU_add_test (s, "parts_across_read_borders", test_parts_across_read_borders);
  CU_add_test (s, "parts_and_long_lines", test_parts_and_long_lines);
  CU_add_test (s, "parts_only_where_they_read_alike", test_parts_only_where_they_read_alike);
  CU_add_test (s, "huge_line_cut_between_characters", test_huge_line_cut_between_characters);
  CU_add_test (s, "blank_lines", test_blank_lines);
}
