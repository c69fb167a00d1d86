/* test-progress.c — the counters of a pass over the inputs: totals known
 * from regular files only, bytes added from many threads, and the reader's
 * count of bytes consumed (mapped UTF-8, a converted legacy file, a
 * stream), which must come to the input's size exactly. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "progress.h"
#include "reader.h"
#include "tests.h"

static void
test_progress_total_of_regular_files (void)
{
  char *a = dl_test_temp_file ("a.txt", "abc\n", -1);
  char *b = dl_test_temp_file ("b.txt", "Işık\nsatır\n", -1); /* 14 bytes */
  DlInput ia = { a, FALSE, NULL, 0, NULL, 0, NULL }, ib = { b, FALSE, NULL, 0, NULL, 0, NULL },
          in = { (char *) "-", TRUE, NULL, 0, NULL, 0, NULL };
  g_autoptr (GPtrArray) inputs = g_ptr_array_new ();
  g_ptr_array_add (inputs, &ia);
  g_ptr_array_add (inputs, &ib);
  g_autoptr (DlProgress) p = dl_progress_new ();
  dl_progress_begin (p, inputs);
  DlProgressState s;
  dl_progress_get (p, &s);
  DL_ASSERT_INT_EQ (s.total, 4 + 14);
  DL_ASSERT_INT_EQ (s.inputs, 2);
  DL_ASSERT_INT_EQ (s.bytes, 0);
  dl_progress_add_bytes (p, 5);
  dl_progress_input_done (p);
  dl_progress_get (p, &s);
  DL_ASSERT_INT_EQ (s.bytes, 5);
  DL_ASSERT_INT_EQ (s.inputs_done, 1);

  /* Standard input's size is not known: nor is the total. A new pass
   * starts from zero. */
  g_ptr_array_add (inputs, &in);
  dl_progress_begin (p, inputs);
  dl_progress_get (p, &s);
  DL_ASSERT_INT_EQ (s.total, 0);
  DL_ASSERT_INT_EQ (s.inputs, 3);
  DL_ASSERT_INT_EQ (s.bytes, 0);
  DL_ASSERT_INT_EQ (s.inputs_done, 0);
  DL_ASSERT_INT_EQ (dl_input_size (&in), -1);
  dl_test_temp_remove (a);
  dl_test_temp_remove (b);
}

static gpointer
add_many (gpointer data)
{
  for (int i = 0; i < 10000; i++)
    dl_progress_add_bytes (data, 3);
  return NULL;
}

static void
test_progress_threads_add_up (void)
{
  g_autoptr (DlProgress) p = dl_progress_new ();
  GThread *threads[4];
  for (int t = 0; t < 4; t++)
    threads[t] = g_thread_new ("adder", add_many, p);
  for (int t = 0; t < 4; t++)
    g_thread_join (threads[t]);
  DlProgressState s;
  dl_progress_get (p, &s);
  DL_ASSERT_INT_EQ (s.bytes, 4 * 10000 * 3);
}

/* Reads @input to its end with @enc; returns the bytes it counted. */
static guint64
bytes_counted (const DlInput *input, const DlEncoding *enc)
{
  g_autoptr (DlProgress) p = dl_progress_new ();
  g_autoptr (GError) error = NULL;
  DlReader *r = dl_reader_open (input, enc, NULL, p, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (r);
  DlLine line;
  guint64 lines = 0;
  while (dl_reader_next (r, &line, &error))
    lines++;
  CU_ASSERT_PTR_NULL (error);
  CU_ASSERT (lines > 0);
  dl_reader_free (r); /* counts what is left */
  DlProgressState s;
  dl_progress_get (p, &s);
  return s.bytes;
}

/* Lines enough for several progress steps (256 KiB) and read chunks. */
static GString *
big_text (const char *line)
{
  GString *s = g_string_new ("\xEF\xBB\xBF");
  while (s->len < 3 * 1024 * 1024)
    g_string_append (s, line);
  return s;
}

static void
test_progress_reader_counts_a_mapped_file (void)
{
  g_autoptr (GString) text = big_text ("Işık satır\r\n");
  char *path = dl_test_temp_file ("big.txt", text->str, (gssize) text->len);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DL_ASSERT_INT_EQ (bytes_counted (&input, NULL), text->len);
  DL_ASSERT_INT_EQ (dl_input_size (&input), text->len);
  dl_test_temp_remove (path);

  /* windows-1254: bytes of the file, not of its UTF-8 decoding. */
  g_autoptr (GString) legacy = g_string_new (NULL);
  while (legacy->len < 2 * 1024 * 1024 + 17)
    g_string_append (legacy, "I\xFE\xFDk sat\xFDr\n");
  path = dl_test_temp_file ("legacy.txt", legacy->str, (gssize) legacy->len);
  input.path = path;
  DlEncoding enc;
  CU_ASSERT_FATAL (dl_decode_named ("windows-1254", &enc, NULL));
  DL_ASSERT_INT_EQ (bytes_counted (&input, &enc), legacy->len);
  DL_ASSERT_INT_EQ (bytes_counted (&input, NULL), legacy->len);
  dl_test_temp_remove (path);
}

typedef struct {
  int fd;
  const GString *text;
} Feeder;

static gpointer
feed (gpointer data)
{
  Feeder *f = data;
  gsize done = 0;
  while (done < f->text->len)
    {
      ssize_t n = write (f->fd, f->text->str + done, MIN (f->text->len - done, 65536));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (f->fd);
  return NULL;
}

static void
test_progress_reader_counts_a_stream (void)
{
  /* A pipe on standard input: its size is unknown, its bytes still
   * count. */
  g_autoptr (GString) text = big_text ("satır\n");
  int fds[2];
  CU_ASSERT_FATAL (pipe (fds) == 0);
  int saved = dup (STDIN_FILENO);
  dup2 (fds[0], STDIN_FILENO);
  close (fds[0]);
  Feeder f = { fds[1], text };
  GThread *t = g_thread_new ("feeder", feed, &f);
  DlInput input = { (char *) "-", TRUE, NULL, 0, NULL, 0, NULL };
  DL_ASSERT_INT_EQ (dl_input_size (&input), -1);
  DL_ASSERT_INT_EQ (bytes_counted (&input, NULL), text->len);
  g_thread_join (t);
  dup2 (saved, STDIN_FILENO);
  close (saved);
}

void
test_progress_suite (void)
{
  CU_pSuite s = CU_add_suite ("progress", NULL, NULL);
  CU_add_test (s, "progress_total_of_regular_files", test_progress_total_of_regular_files);
  CU_add_test (s, "progress_threads_add_up", test_progress_threads_add_up);
  CU_add_test (s, "progress_reader_counts_a_mapped_file",
               test_progress_reader_counts_a_mapped_file);
  CU_add_test (s, "progress_reader_counts_a_stream", test_progress_reader_counts_a_stream);
}
