/* fuzz.c — what the libFuzzer harnesses share (fuzz.h). */
#include "config.h"

#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tokenizer.h"

struct _FuzzFile {
  int fd;       /* the memfd, or the pipe's read end */
  int write_fd; /* the pipe's write end while the writer has it, or -1 */
  GThread *writer;
  const guint8 *data; /* what the writer thread writes (the fuzzer's) */
  gsize len;
  char path[32];
};

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
  signal (SIGPIPE, SIG_IGN);
  return 0;
}

gboolean
fuzz_take_how (const uint8_t **data, size_t *size, guint8 *how)
{
  if (*size < 1)
    return FALSE;
  *how = **data;
  (*data)++, (*size)--;
  return TRUE;
}

/* Writes all of @len bytes to @fd; FALSE if the reader went away first. */
static gboolean
write_all (int fd, const guint8 *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gpointer
writer_thread (gpointer p)
{
  FuzzFile *f = p;
  write_all (f->write_fd, f->data, f->len);
  close (f->write_fd);
  return NULL;
}

/* A pipe holding @data: written now if it fits (after growing the pipe's
 * buffer, up to what the system allows), else by a thread. */
static void
open_pipe (FuzzFile *f, const guint8 *data, gsize len)
{
  int fds[2];
  if (pipe2 (fds, O_CLOEXEC) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  f->fd = fds[0];
  int cap = fcntl (fds[1], F_GETPIPE_SZ);
  if ((gsize) cap < len && len <= (gsize) G_MAXINT)
    {
      int grown = fcntl (fds[1], F_SETPIPE_SZ, (int) len);
      if (grown > 0)
        cap = grown;
    }
  if (len <= (gsize) cap)
    {
      write_all (fds[1], data, len);
      close (fds[1]);
      return;
    }
  f->write_fd = fds[1];
  f->data = data;
  f->len = len;
  f->writer = g_thread_new ("fuzz-writer", writer_thread, f);
}

FuzzFile *
fuzz_file_new (const guint8 *data, gsize len, gboolean pipe)
{
  FuzzFile *f = g_new0 (FuzzFile, 1);
  f->write_fd = -1;
  if (pipe)
    open_pipe (f, data, len);
  else
    {
      f->fd = memfd_create ("fuzz-input", MFD_CLOEXEC);
      if (f->fd < 0 || !write_all (f->fd, data, len))
        g_error ("memfd: %s", g_strerror (errno));
    }
  g_snprintf (f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
  return f;
}

const char *
fuzz_file_path (const FuzzFile *f)
{
  return f->path;
}

void
fuzz_file_free (FuzzFile *f)
{
  if (f == NULL)
    return;
  close (f->fd);
  if (f->writer != NULL)
    g_thread_join (f->writer);
  g_free (f);
}

/* Reads every byte of the message (so ASan sees it) and prints nothing. */
static void
drop_message (DlDiagLevel level, const char *file, guint64 line, const char *message,
              gpointer user_data)
{
  (void) user_data;
  volatile gsize sum = (gsize) level + line + strlen (message) + (file != NULL ? strlen (file) : 0);
  (void) sum;
}

DlDiag *
fuzz_diag_new (void)
{
  return dl_diag_new (drop_message, NULL);
}

void
fuzz_check_utf8 (const char *text, gsize len, gboolean nul_ok, const char *what)
{
  const char *p = text, *end = text + len;
  while (p < end)
    {
      const char *bad;
      if (g_utf8_validate_len (p, (gsize) (end - p), &bad))
        return;
      if (!nul_ok || *bad != '\0')
        g_error ("%s: invalid UTF-8 at byte %" G_GSIZE_FORMAT, what, (gsize) (bad - text));
      p = bad + 1;
    }
}

/* Gives @m the token @text (@len bytes) of @lang; checks the matches. */
static void
match_token (DlMatcher *m, DlQuery *const *queries, guint n, DlLang lang, const char *text,
             gsize len, guint64 fed)
{
  const DlMatch *matches;
  guint n_matches;
  (void) dl_matcher_token (m, lang, text, len, &matches, &n_matches, NULL);
  FUZZ_CHECK (n_matches <= n, "a match per query at most");
  for (guint i = 0; i < n_matches; i++)
    FUZZ_CHECK (
        matches[i].query < n && (i == 0 || matches[i].query > matches[i - 1].query)
            && (dl_query_cql (queries[matches[i].query]) != NULL
                    ? matches[i].length >= 1
                          && matches[i].length <= dl_query_max_tokens (queries[matches[i].query])
                    : matches[i].length == dl_query_length (queries[matches[i].query]))
            && matches[i].length <= fed,
        "a match");
}

/* TRUE if the last token given to @m completed query @q. */
static gboolean
matched (DlMatcher *m, guint q, DlLang lang, const char *text)
{
  const DlMatch *matches;
  guint n_matches;
  (void) dl_matcher_token (m, lang, text, strlen (text), &matches, &n_matches, NULL);
  for (guint i = 0; i < n_matches; i++)
    if (matches[i].query == q)
      return TRUE;
  return FALSE;
}

/* Query @q's terms as tokens: a query of words and patterns matches them
 * (a pattern matches its own text). */
static void
match_own_terms (DlMatcher *m, DlQuery *const *queries, guint q, DlLang lang)
{
  guint len = dl_query_length (queries[q]);
  if (len == 0)
    return; /* CQL: no words of its own */
  gboolean regex = FALSE;
  for (guint i = 0; i < len; i++)
    regex |= dl_query_term_kind (queries[q], i) == DL_TERM_REGEX;
  dl_matcher_reset (m);
  for (guint i = 0; i + 1 < len; i++)
    (void) matched (m, q, lang, dl_query_term_text (queries[q], i));
  gboolean hit = matched (m, q, lang, dl_query_term_text (queries[q], len - 1));
  FUZZ_CHECK (regex || hit, "a query matches its own words");
}

void
fuzz_match (DlQuery *const *queries, guint n, gboolean keep_case)
{
  static const char text[]
      = "İstanbul’da ISTANBUL ıspanak İspanya’nın Dağlık Karabağ savaşı 1990’ların "
        "Nagorno-Karabakh war’s end I’m it's DİYARBAKIR Ankara´nın e-mail user@example.org "
        "https://example.org/x?q=1 #derlem 2.000 10:53 ǅemal ﬁle STRASSE straße Σίσυφος";
  DlQueryOptions options
      = { .unit = DL_UNIT_FORM, .casing = keep_case ? DL_CASE_KEEP : DL_CASE_FOLD };
  g_autoptr (DlMatcher) m = dl_matcher_new (queries, n, &options, NULL);
  FUZZ_CHECK (m != NULL, "a matcher");
  g_autoptr (DlTokenizer) tok = dl_tokenizer_new (NULL);
  guint n_tokens;
  const DlToken *tokens = dl_tokenizer_line (tok, text, strlen (text), &n_tokens, NULL);
  FUZZ_CHECK (tokens != NULL, "tokenized");
  for (int lang = 0; lang < DL_LANG_COUNT; lang++)
    {
      dl_matcher_reset (m);
      for (guint i = 0; i < n_tokens; i++)
        match_token (m, queries, n, lang, text + tokens[i].offset, tokens[i].len, i + 1);
      for (guint q = 0; q < n; q++)
        match_own_terms (m, queries, q, lang);
    }
}

void
fuzz_check_merged_counts (const DlCounter *c, const DlCounterOptions *opts)
{
  g_autoptr (GByteArray) saved = g_byte_array_new ();
  dl_counter_save (c, saved);
  g_autoptr (DlCounter) back = dl_counter_new (opts);
  FUZZ_CHECK (dl_counter_load (back, saved->data, saved->len), "merged counts load back");
  g_autoptr (GByteArray) again = g_byte_array_new ();
  dl_counter_save (back, again);
  FUZZ_CHECK (again->len == saved->len && memcmp (again->data, saved->data, saved->len) == 0,
              "merged counts save the same once loaded");
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      guint64 sum = 0;
      const DlLexicon *terms = dl_counter_terms (back, (DlLang) l);
      for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
        sum += dl_counter_freq (back, (DlLang) l, id);
      FUZZ_CHECK (sum == dl_counter_tokens (back, (DlLang) l),
                  "a language's terms' counts add up to its tokens");
    }
}
