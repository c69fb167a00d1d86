/* test-stream.c — the token stream on a small mixed Turkish and English
 * text (lines, languages, byte offsets, kinds, skipped languages, counter
 * form ids, ICU sentence starts), inputs that fail at open, and a read error
 * in the middle of an input, which every consumer must report even when
 * given no GError. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "colloc.h"
#include "concord.h"
#include "counter.h"
#include "error.h"
#include "ngrams.h"
#include "stream.h"
#include "tests.h"

/* Lines 1 and 5 are Turkish, 2 and 6 English, 3 blank, 4 numbers only
 * (other). Byte offsets: ğ ı ş ü are 2 bytes, ’ is 3. */
static const char MIXED[] = "Dağlık Karabağ’da savaş 1994’te bitti. Barış geldi.\n"
                            "The war ended in 1994. Peace talks began.\n"
                            "\n"
                            "12345 67890 2024\n"
                            "Barış görüşmeleri www.example.org adresinde sürdü\n"
                            "the talks went on\n";

/* One line as "NUMBER@OFFSET LANG" then, for a tokenized line, '|' if it
 * starts an ICU sentence, ':' and its tokens as TEXT@OFFSET and a kind
 * letter (w n u e), then '^' for the tokenizer's sentence start, '|' for an
 * ICU sentence start, '-' if it does not count, #FORM with a form id. */
static void
render_line (const DlStreamLine *line, GString *out)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT " %s", line->number,
                          line->offset, dl_lang_code (line->lang));
  if (!line->tokenized)
    {
      CU_ASSERT_EQUAL (line->n_tokens, 0);
      g_string_append_c (out, '\n');
      return;
    }
  g_string_append (out, line->icu_start ? "|:" : ":");
  for (guint i = 0; i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      g_string_append_printf (out, " %.*s@%zu%c", (int) t->len, line->text + t->offset, t->offset,
                              "wnue"[t->kind]);
      if (t->sentence_start)
        g_string_append_c (out, '^');
      if (t->icu_start)
        g_string_append_c (out, '|');
      if (!t->counts)
        g_string_append_c (out, '-');
      if (t->form != DL_STREAM_NO_FORM)
        g_string_append_printf (out, "#%u", t->form);
    }
  g_string_append_c (out, '\n');
}

/* Streams @text (a file, language detected) with @opts, into @counter if
 * not NULL, and renders its lines. */
static char *
stream_text (const char *text, const DlStreamOptions *opts, DlCounter *counter)
{
  char *path = dl_test_temp_file ("mixed.txt", text, -1);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_OTHER, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (opts, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  CU_ASSERT_TRUE_FATAL (dl_stream_open (s, &input, &doc, NULL, counter, &error));
  GString *out = g_string_new (NULL);
  const DlStreamLine *line;
  while (dl_stream_next (s, &line, &error) && line != NULL)
    {
      CU_ASSERT_STRING_EQUAL (line->path, path);
      render_line (line, out);
    }
  CU_ASSERT_PTR_NULL (error);
  /* Past the end: the end again. */
  DlStreamLine sentinel = { 0 };
  line = &sentinel;
  CU_ASSERT_TRUE (dl_stream_next (s, &line, &error));
  CU_ASSERT_PTR_NULL (line);
  dl_test_temp_remove (path);
  return g_string_free (out, FALSE);
}

static void
test_stream_lines_languages_and_tokens (void)
{
  DlStreamOptions o = { { FALSE, TRUE, TRUE }, { TRUE, FALSE, FALSE, FALSE }, FALSE, FALSE };
  g_autofree char *got = stream_text (MIXED, &o, NULL);
  /* Line 3 is blank (not given); line 4 is other (not tokenized). */
  DL_ASSERT_STR_EQ (got, "1@0 tr: Dağlık@0w^ Karabağ’da@9w savaş@23w 1994’te@30n- bitti@40w"
                         " Barış@47w^ geldi@55w\n"
                         "2@62 en: The@0w^ war@4w ended@8w in@14w 1994@17n- Peace@23w^ talks@29w"
                         " began@35w\n"
                         "4@105 other\n"
                         "5@122 tr: Barış@0w^ görüşmeleri@8w www.example.org@23u- adresinde@39w"
                         " sürdü@49w\n"
                         "6@179 en: the@0w^ talks@4w went@10w on@15w\n");

  /* Every language tokenized; numbers and URLs count too. */
  DlStreamOptions all = { { TRUE, TRUE, TRUE }, { TRUE, TRUE, TRUE, FALSE }, FALSE, FALSE };
  g_autofree char *got_all = stream_text (MIXED, &all, NULL);
  DL_ASSERT_STR_EQ (got_all, "1@0 tr: Dağlık@0w^ Karabağ’da@9w savaş@23w 1994’te@30n bitti@40w"
                             " Barış@47w^ geldi@55w\n"
                             "2@62 en: The@0w^ war@4w ended@8w in@14w 1994@17n Peace@23w^ talks@29w"
                             " began@35w\n"
                             "4@105 other: 12345@0n^ 67890@6n 2024@12n\n"
                             /* A change of language starts a sentence. */
                             "5@122 tr: Barış@0w^ görüşmeleri@8w www.example.org@23u adresinde@39w"
                             " sürdü@49w\n"
                             "6@179 en: the@0w^ talks@4w went@10w on@15w\n");
}

/* Lines read without their tokens, then tokenized apart, last line first:
 * the tokens dl_stream_next gives, but for sentence starts. */
static void
test_stream_lazy_lines_tokenized_apart (void)
{
  DlStreamOptions all = { { TRUE, TRUE, TRUE }, { TRUE, TRUE, FALSE, FALSE }, FALSE, FALSE };
  g_autofree char *full = stream_text (MIXED, &all, NULL);

  char *path = dl_test_temp_file ("mixed.txt", MIXED, -1);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_OTHER, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (&all, &error);
  /* A line without tokens tokenized first: no tokens, no failure. */
  guint none = 1;
  CU_ASSERT_PTR_NOT_NULL (
      dl_stream_tokenize (s, DL_LANG_TR, "— :D", strlen ("— :D"), &none, &error));
  CU_ASSERT_EQUAL (none, 0);
  CU_ASSERT_TRUE_FATAL (dl_stream_open (s, &input, &doc, NULL, NULL, &error));
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const DlStreamLine *line;
  gboolean has_tokens = TRUE;
  while (dl_stream_next_lazy (s, &line, &has_tokens, &error) && line != NULL)
    {
      CU_ASSERT_FALSE (has_tokens);
      CU_ASSERT_EQUAL (line->n_tokens, 0);
      DlStreamLine *copy = g_malloc (sizeof *copy + line->len);
      *copy = *line;
      copy->text = memcpy (copy + 1, line->text, line->len);
      g_ptr_array_add (lines, copy);
    }
  CU_ASSERT_PTR_NULL (error);
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  for (guint i = lines->len; i-- > 0;)
    {
      DlStreamLine *l = lines->pdata[i];
      l->tokens = dl_stream_tokenize (s, l->lang, l->text, l->len, &l->n_tokens, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (l->tokens);
      GString *one = g_string_new (NULL);
      render_line (l, one);
      g_ptr_array_insert (shown, 0, g_string_free (one, FALSE));
    }
  g_ptr_array_add (shown, NULL);
  g_autofree char *got = g_strjoinv ("", (char **) shown->pdata);
  g_ptr_array_remove_index (shown, shown->len - 1);
  g_auto (GStrv) a = g_strsplit (got, "^", -1), b = g_strsplit (full, "^", -1);
  g_autofree char *got_plain = g_strjoinv ("", a), *expected = g_strjoinv ("", b);
  DL_ASSERT_STR_EQ (got_plain, expected);
  CU_ASSERT_PTR_NOT_NULL (strstr (got, "savaş@23w"));
  dl_test_temp_remove (path);
}

/* A line of a language not tokenized still comes out (consumers end their
 * windows there), and the sentence the tokenizer was in ends with it; a
 * change of language starts a sentence whether the line before was
 * tokenized or not, so the starts of one language's tokens are the same
 * whichever languages are tokenized. */
static void
test_stream_skipped_language_lines (void)
{
  const char *text = "Barış görüşmeleri www.example.org adresinde sürdü\n"
                     "the talks went on and on\n"
                     "ve yeni bir anlaşma imzalandı\n";
  DlStreamOptions both = { { FALSE, TRUE, TRUE }, { TRUE, FALSE, FALSE, FALSE }, FALSE, FALSE };
  g_autofree char *got = stream_text (text, &both, NULL);
  DL_ASSERT_STR_EQ (got, "1@0 tr: Barış@0w^ görüşmeleri@8w www.example.org@23u- adresinde@39w"
                         " sürdü@49w\n"
                         "2@57 en: the@0w^ talks@4w went@10w on@15w and@18w on@22w\n"
                         "3@82 tr: ve@0w^ yeni@3w bir@8w anlaşma@12w imzalandı@21w\n");

  DlStreamOptions tr = { { FALSE, TRUE, FALSE }, { TRUE, FALSE, FALSE, FALSE }, FALSE, FALSE };
  g_autofree char *got_tr = stream_text (text, &tr, NULL);
  DL_ASSERT_STR_EQ (got_tr, "1@0 tr: Barış@0w^ görüşmeleri@8w www.example.org@23u- adresinde@39w"
                            " sürdü@49w\n"
                            "2@57 en\n"
                            "3@82 tr: ve@0w^ yeni@3w bir@8w anlaşma@12w imzalandı@21w\n");
}

/* Each counted token gets the id of its form as written in this input, per
 * language, in order of first sight; the counter ends the input with the
 * stream. */
static void
test_stream_counter_form_ids (void)
{
  DlCounterOptions co;
  dl_counter_options_init (&co);
  DlStreamOptions o;
  dl_stream_options_for_counter (&o, &co, FALSE);
  g_autoptr (DlCounter) c = dl_counter_new (&co);
  g_autofree char *got = stream_text (MIXED, &o, c);
  DL_ASSERT_STR_EQ (got,
                    "1@0 tr: Dağlık@0w^#0 Karabağ’da@9w#1 savaş@23w#2 1994’te@30n- bitti@40w#3"
                    " Barış@47w^#4 geldi@55w#5\n"
                    "2@62 en: The@0w^#0 war@4w#1 ended@8w#2 in@14w#3 1994@17n- Peace@23w^#4"
                    " talks@29w#5 began@35w#6\n"
                    "4@105 other\n"
                    "5@122 tr: Barış@0w^#4 görüşmeleri@8w#6 www.example.org@23u- adresinde@39w#7"
                    " sürdü@49w#8\n"
                    "6@179 en: the@0w^#7 talks@4w#5 went@10w#8 on@15w#9\n");
  /* Ended: the forms are folded into their terms. */
  static const struct {
    DlLang lang;
    guint32 form;
    const char *term;
  } terms[] = {
    { DL_LANG_TR, 0, "dağlık" }, { DL_LANG_TR, 4, "barış" }, { DL_LANG_TR, 8, "sürdü" },
    { DL_LANG_EN, 0, "the" },    { DL_LANG_EN, 7, "the" },   { DL_LANG_EN, 9, "on" },
  };
  CU_ASSERT_EQUAL (dl_counter_input_forms (c, DL_LANG_TR), 9);
  CU_ASSERT_EQUAL (dl_counter_input_forms (c, DL_LANG_EN), 10);
  CU_ASSERT_EQUAL (dl_counter_input_forms (c, DL_LANG_OTHER), 0);
  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      gsize len;
      const char *t = dl_counter_input_term (c, terms[i].lang, terms[i].form, &len);
      CU_ASSERT_EQUAL (len, strlen (terms[i].term));
      CU_ASSERT_NSTRING_EQUAL (t, terms[i].term, len);
    }
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_TR), 10);
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_EN), 11);
}

/* The terms of the counted tokens of @text's lines, a line of them each,
 * read with a counter: lazily, each line tokenized apart as it comes
 * (the second, fourth, ... alone if @odd), or at once if not @lazy. The
 * counter's tokens into @tokens. */
static char *
counted_terms (const char *text, gboolean lazy, gboolean odd, guint64 tokens[DL_LANG_COUNT])
{
  DlCounterOptions co;
  dl_counter_options_init (&co);
  DlStreamOptions o;
  dl_stream_options_for_counter (&o, &co, FALSE);
  g_autoptr (DlCounter) c = dl_counter_new (&co);
  char *path = dl_test_temp_file ("counted.txt", text, -1);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_OTHER, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (&o, &error);
  CU_ASSERT_TRUE_FATAL (dl_stream_open (s, &input, &doc, NULL, c, &error));
  /* Per line: its language, then its counted tokens' forms. */
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const DlStreamLine *line;
  gboolean has_tokens;
  for (guint i = 0;; i++)
    {
      gboolean ok = lazy ? dl_stream_next_lazy (s, &line, &has_tokens, &error)
                         : dl_stream_next (s, &line, &error);
      CU_ASSERT_TRUE_FATAL (ok);
      if (line == NULL)
        break;
      GArray *forms = g_array_new (FALSE, FALSE, sizeof (guint32));
      guint32 lang = line->tokenized ? line->lang : DL_LANG_COUNT;
      g_array_append_val (forms, lang);
      g_ptr_array_add (lines, forms);
      const DlStreamToken *tok = line->tokens;
      guint n = line->n_tokens;
      if (lazy)
        {
          CU_ASSERT_EQUAL (n, 0);
          if (lang == DL_LANG_COUNT || (odd && i % 2 == 0))
            continue;
          g_autofree char *copy = g_strndup (line->text, line->len);
          tok = dl_stream_tokenize (s, (DlLang) lang, copy, line->len, &n, &error);
          CU_ASSERT_PTR_NOT_NULL_FATAL (tok);
        }
      for (guint k = 0; k < n; k++)
        if (tok[k].counts)
          g_array_append_val (forms, tok[k].form);
    }
  /* The input has ended: the forms are folded into their terms. */
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const GArray *forms = lines->pdata[i];
      guint32 lang = g_array_index (forms, guint32, 0);
      for (guint k = 1; k < forms->len; k++)
        {
          gsize len;
          const char *term
              = dl_counter_input_term (c, (DlLang) lang, g_array_index (forms, guint32, k), &len);
          g_string_append_printf (out, "%s%.*s", k > 1 ? " " : "", (int) len, term);
        }
      g_string_append_c (out, '\n');
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    tokens[l] = dl_counter_tokens (c, (DlLang) l);
  dl_test_temp_remove (path);
  return g_string_free (out, FALSE);
}

/* A lazy stream with a counter counts the lines tokenized apart, and
 * those alone: their tokens' forms give the terms a stream that reads
 * every line gives. */
static void
test_stream_lazy_lines_counted (void)
{
  guint64 all[DL_LANG_COUNT], lazy[DL_LANG_COUNT], odd[DL_LANG_COUNT];
  g_autofree char *want = counted_terms (MIXED, FALSE, FALSE, all);
  g_autofree char *got = counted_terms (MIXED, TRUE, FALSE, lazy);
  DL_ASSERT_STR_EQ (got, want);
  DL_ASSERT_STR_EQ (want, "dağlık karabağ'da savaş bitti barış geldi\n"
                          "the war ended in peace talks began\n"
                          "\n"
                          "barış görüşmeleri adresinde sürdü\n"
                          "the talks went on\n");
  for (int l = 0; l < DL_LANG_COUNT; l++)
    CU_ASSERT_EQUAL (lazy[l], all[l]);
  /* The second and the fourth line alone (en, tr). */
  g_autofree char *some = counted_terms (MIXED, TRUE, TRUE, odd);
  DL_ASSERT_STR_EQ (some, "\nthe war ended in peace talks began\n\nbarış görüşmeleri adresinde "
                          "sürdü\n\n");
  CU_ASSERT_EQUAL (odd[DL_LANG_TR], 4);
  CU_ASSERT_EQUAL (odd[DL_LANG_EN], 7);
}

/* ICU sentence starts: inside a line between counted tokens (the number
 * 1994 before "Peace" does not count), and for a line after one that ended a
 * sentence; a skipped line (4) leaves the state alone, a tokenized line
 * with no sentence end (5) clears it. */
static void
test_stream_icu_sentence_starts (void)
{
  DlStreamOptions o = { { FALSE, TRUE, TRUE }, { TRUE, FALSE, FALSE, FALSE }, TRUE, FALSE };
  g_autofree char *got = stream_text (MIXED, &o, NULL);
  DL_ASSERT_STR_EQ (got, "1@0 tr: Dağlık@0w^ Karabağ’da@9w savaş@23w 1994’te@30n- bitti@40w"
                         " Barış@47w^| geldi@55w\n"
                         "2@62 en|: The@0w^ war@4w ended@8w in@14w 1994@17n- Peace@23w^| talks@29w"
                         " began@35w\n"
                         "4@105 other\n"
                         "5@122 tr|: Barış@0w^ görüşmeleri@8w www.example.org@23u- adresinde@39w"
                         " sürdü@49w\n"
                         "6@179 en: the@0w^ talks@4w went@10w on@15w\n");
}

/* An input that cannot be read fails at open, leaving the counter alone;
 * the stream then has nothing to give. An empty input ends at once. */
static void
test_stream_unreadable_inputs_fail_at_open (void)
{
  DlCounterOptions co;
  dl_counter_options_init (&co);
  DlStreamOptions o;
  dl_stream_options_for_counter (&o, &co, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (&o, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s);
  DlDocumentOptions doc = { NULL, FALSE, DL_LANG_OTHER, NULL, NULL, NULL, NULL };
  g_autoptr (DlDiag) diag = dl_diag_new_buffer ();

  static const char binary[] = "PK\003\004\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0kelime\0\0\0\0\0\0";
  char *path = dl_test_temp_file ("b.txt", binary, sizeof binary);
  DlInput input = { path, FALSE, NULL, 0, NULL, 0, NULL };
  g_autoptr (DlCounter) c = dl_counter_new (&co);
  CU_ASSERT_FALSE (dl_stream_open (s, &input, &doc, diag, c, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_BINARY));
  g_clear_error (&error);
  const DlStreamLine *line = NULL;
  CU_ASSERT_TRUE (dl_stream_next (s, &line, &error));
  CU_ASSERT_PTR_NULL (line);
  CU_ASSERT_EQUAL (dl_counter_input_forms (c, DL_LANG_TR), 0);

  DlInput missing = { (char *) TEST_DATA ("no-such-file.txt"), FALSE, NULL, 0, NULL, 0, NULL };
  CU_ASSERT_FALSE (dl_stream_open (s, &missing, &doc, diag, c, NULL));
  CU_ASSERT_FALSE (dl_stream_open (s, &missing, &doc, diag, c, &error));
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  g_clear_error (&error);

  g_assert (g_file_set_contents (path, "", 0, NULL));
  CU_ASSERT_TRUE (dl_stream_open (s, &input, &doc, diag, c, &error));
  CU_ASSERT_TRUE (dl_stream_next (s, &line, &error));
  CU_ASSERT_PTR_NULL (line);
  CU_ASSERT_PTR_NULL (error);
  dl_test_temp_remove (path);
}

/* The text on standard input for a read error: exactly 1 MiB, the stream
 * reader's first chunk, of English lines of 4 words. */
#define PIPE_TEXT_SIZE ((gsize) 1 << 20)
#define PIPE_LINE "the cat sat mat\n"
#define PIPE_LINES (PIPE_TEXT_SIZE / (sizeof PIPE_LINE - 1))

typedef struct {
  int saved; /* standard input before */
  int writer;
} FailingStdin;

/* Puts on standard input a pipe that holds 1 MiB of text and stays open
 * for writing, with reads that do not block: once the text is read, the
 * next read fails (EAGAIN), as a read error in the middle of an input. */
static FailingStdin
failing_stdin_new (void)
{
  int fds[2];
  CU_ASSERT_FATAL (pipe (fds) == 0);
  CU_ASSERT_FATAL (fcntl (fds[1], F_SETPIPE_SZ, (int) PIPE_TEXT_SIZE) >= (int) PIPE_TEXT_SIZE);
  CU_ASSERT_FATAL (fcntl (fds[0], F_SETFL, O_NONBLOCK) == 0);
  CU_ASSERT_FATAL (fcntl (fds[1], F_SETFL, O_NONBLOCK) == 0);
  g_autoptr (GString) text = g_string_sized_new (PIPE_TEXT_SIZE);
  for (gsize i = 0; i < PIPE_LINES; i++)
    g_string_append (text, PIPE_LINE);
  CU_ASSERT_FATAL (text->len == PIPE_TEXT_SIZE);
  CU_ASSERT_FATAL (write (fds[1], text->str, text->len) == (ssize_t) text->len);
  FailingStdin f = { dup (STDIN_FILENO), fds[1] };
  CU_ASSERT_FATAL (dup2 (fds[0], STDIN_FILENO) == STDIN_FILENO);
  close (fds[0]);
  return f;
}

static void
failing_stdin_free (FailingStdin *f)
{
  dup2 (f->saved, STDIN_FILENO);
  close (f->saved);
  close (f->writer);
}

static const DlInput STDIN_INPUT = { (char *) "-", TRUE, NULL, 0, NULL, 0, NULL };
static const DlDocumentOptions ASSUME_EN = { NULL, TRUE, DL_LANG_EN, NULL, NULL, NULL, NULL };

/* dl_stream_next's contract on a read error: the lines before come out,
 * then FALSE with the error, then the end; the counter has the tokens read
 * and is ended. */
static void
test_stream_read_error_mid_input (void)
{
  DlCounterOptions co;
  dl_counter_options_init (&co);
  DlStreamOptions o;
  dl_stream_options_for_counter (&o, &co, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlStream) s = dl_stream_new (&o, &error);
  g_autoptr (DlCounter) c = dl_counter_new (&co);
  FailingStdin f = failing_stdin_new ();
  CU_ASSERT_TRUE_FATAL (dl_stream_open (s, &STDIN_INPUT, &ASSUME_EN, NULL, c, &error));
  const DlStreamLine *line;
  guint64 lines = 0;
  gboolean ok;
  while ((ok = dl_stream_next (s, &line, &error)) && line != NULL)
    lines++;
  failing_stdin_free (&f);
  CU_ASSERT_FALSE (ok);
  CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
  CU_ASSERT_EQUAL (lines, PIPE_LINES);
  g_clear_error (&error);
  CU_ASSERT_TRUE (dl_stream_next (s, &line, &error));
  CU_ASSERT_PTR_NULL (line);
  CU_ASSERT_EQUAL (dl_counter_tokens (c, DL_LANG_EN), 4 * PIPE_LINES);
  CU_ASSERT_EQUAL (dl_counter_input_forms (c, DL_LANG_EN), 4);
}

static void
ignore_hit (const DlConcordHit *hit, gpointer user_data)
{
  (void) hit;
  (*(guint *) user_data)++;
}

/* A consumer's result on the failing standard input: FALSE, and with a
 * GError, DL_ERROR_IO. */
static void
check_failed (gboolean ok, const GError *error, gboolean with_error)
{
  CU_ASSERT_FALSE (ok);
  if (with_error)
    CU_ASSERT_TRUE (g_error_matches (error, DL_ERROR, DL_ERROR_IO));
}

/* Runs every consumer on the failing standard input, with a GError or with
 * none (NULL): each must return FALSE. */
static void
consumers_fail (gboolean with_error)
{
  g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
  g_autoptr (DlQuery) q = dl_query_parse ("cat", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (q);
  DlCounterOptions co;
  dl_counter_options_init (&co);

  g_autoptr (DlCounter) c = dl_counter_new (&co);
  FailingStdin f = failing_stdin_new ();
  gboolean ok = dl_counter_count_input (c, &STDIN_INPUT, &ASSUME_EN, NULL, with_error ? &e1 : NULL);
  failing_stdin_free (&f);
  check_failed (ok, e1, with_error);

  DlCollocOptions cl = { 2, 2, FALSE, { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD }, co };
  g_autoptr (DlColloc) colloc = dl_colloc_new (q, &cl, NULL);
  g_autoptr (DlCollocCounts) cc = dl_colloc_counts_new (&cl);
  f = failing_stdin_new ();
  ok = dl_colloc_input (colloc, &STDIN_INPUT, &ASSUME_EN, NULL, cc, with_error ? &e2 : NULL);
  failing_stdin_free (&f);
  check_failed (ok, e2, with_error);

  DlNgramOptions no = { 2, 3, NULL, { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD }, co, FALSE };
  g_autoptr (DlNgrams) ng = dl_ngrams_new (&no, NULL);
  g_autoptr (DlNgramCounts) nc = dl_ngram_counts_new (&no);
  f = failing_stdin_new ();
  ok = dl_ngrams_input (ng, &STDIN_INPUT, &ASSUME_EN, NULL, nc, with_error ? &e3 : NULL);
  failing_stdin_free (&f);
  check_failed (ok, e3, with_error);

  /* The full pass, then the prefilter with and without token counts. */
  for (int pre = 0; pre < 3; pre++)
    {
      DlConcordOptions ko = { 20, 0, FALSE, FALSE, { TRUE, TRUE, TRUE }, FALSE, pre > 0, pre == 2 };
      DlQueryOptions qo = { .unit = DL_UNIT_FORM, .casing = DL_CASE_FOLD };
      DlQuery *qs[] = { q };
      g_autoptr (DlConcord) k = dl_concord_new (qs, 1, &qo, &ko, NULL);
      DlConcordStats stats = { { 0 }, { 0 } };
      guint hits = 0;
      f = failing_stdin_new ();
      g_clear_error (&e4);
      ok = dl_concord_input (k, &STDIN_INPUT, &ASSUME_EN, NULL, ignore_hit, &hits, &stats,
                             with_error ? &e4 : NULL);
      failing_stdin_free (&f);
      check_failed (ok, e4, with_error);
      /* The hits read before the failure were given. */
      CU_ASSERT_EQUAL (hits, PIPE_LINES);
      CU_ASSERT_EQUAL (stats.tokens[DL_LANG_EN], pre == 2 ? 0 : 4 * PIPE_LINES);
    }
}

/* The bug of the four copies of the loop: they decided failure by
 * `*error != NULL`, so with a NULL error a read error passed for success. */
static void
test_read_error_fails_every_consumer_without_gerror (void)
{
  consumers_fail (FALSE);
  consumers_fail (TRUE);
}

void
test_stream_suite (void)
{
  CU_pSuite s = CU_add_suite ("stream", NULL, NULL);
  CU_add_test (s, "lines_languages_and_tokens", test_stream_lines_languages_and_tokens);
  CU_add_test (s, "skipped_language_lines", test_stream_skipped_language_lines);
  CU_add_test (s, "lazy_lines_tokenized_apart", test_stream_lazy_lines_tokenized_apart);
  CU_add_test (s, "counter_form_ids", test_stream_counter_form_ids);
  CU_add_test (s, "lazy_lines_counted", test_stream_lazy_lines_counted);
  CU_add_test (s, "icu_sentence_starts", test_stream_icu_sentence_starts);
  CU_add_test (s, "unreadable_inputs_fail_at_open", test_stream_unreadable_inputs_fail_at_open);
  CU_add_test (s, "read_error_mid_input", test_stream_read_error_mid_input);
  CU_add_test (s, "read_error_fails_every_consumer_without_a_gerror",
               test_read_error_fails_every_consumer_without_gerror);
}
