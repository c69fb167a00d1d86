/* test-cli-langs.c — `derlem langs`: corpus/ against the hand-labelled
 * gold spans, formats, --lang and --assume-lang, threads. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

/* Per-line labels from langs TSV: "basename:line" -> lang, every line of
 * each span (blank ones too; callers look up non-blank lines only). */
static GHashTable *
labels_from_tsv (const char *tsv, guint *n_spans)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  *n_spans = 0;
  for (guint i = 1; rows[i] != NULL; i++)
    {
      if (rows[i][0] == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) != 4)
        {
          CU_FAIL ("a TSV row without 4 fields");
          continue;
        }
      (*n_spans)++;
      g_autofree char *base = g_path_get_basename (f[0]);
      guint64 start = g_ascii_strtoull (f[1], NULL, 10);
      guint64 end = g_ascii_strtoull (f[2], NULL, 10);
      for (guint64 l = start; l <= end; l++)
        {
          char *key = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, base, l);
          if (g_hash_table_contains (labels, key))
            CU_FAIL ("a line in two spans");
          g_hash_table_insert (labels, key, g_strdup (f[3]));
        }
    }
  return labels;
}

static void
test_langs_corpus_matches_gold (void)
{
  CliRun r = cli_run ("$DERLEM langs --format tsv --threads 2 corpus", NULL);
  CU_ASSERT_EQUAL_FATAL (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "file\tstart_line\tend_line\tlang\n"));
  g_autofree char *gold_tsv = NULL;
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("corpus-langs.tsv"), &gold_tsv, NULL, NULL));
  guint n_out = 0, n_gold = 0;
  g_autoptr (GHashTable) got = labels_from_tsv (r.out, &n_out);
  g_autoptr (GHashTable) gold = labels_from_tsv (gold_tsv, &n_gold);

  /* Every non-blank line of every corpus file is in exactly one span. */
  const char *files[]
      = { "article-tr-azerbaycan-denge-politikasi.txt", "article-tr-karabag-turk-dunyasi.txt",
          "article-tr-turkiye-azerbaycan-guvenlik.txt", "commentary-en-karabakh-liberation.txt",
          "commentary-tr-karabag-2023.txt" };
  guint total = 0, right = 0, covered = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (TEST_SRCDIR, "corpus", files[i], NULL);
      g_autofree char *text = NULL;
      CU_ASSERT_FATAL (g_file_get_contents (path, &text, NULL, NULL));
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (lines[l]));
          if (stripped[0] == '\0')
            continue;
          g_autofree char *key = g_strdup_printf ("%s:%u", files[i], l + 1);
          const char *want = g_hash_table_lookup (gold, key);
          const char *have = g_hash_table_lookup (got, key);
          CU_ASSERT_PTR_NOT_NULL (want);
          total++;
          covered += have != NULL;
          if (want != NULL && have != NULL && strcmp (want, have) == 0)
            right++;
          else if (have != NULL)
            printf ("\n  langs: %s: gold %s, got %s", key, want, have);
        }
    }
  double accuracy = total ? (double) right / total : 0;
  printf ("\n  langs on corpus/: %u/%u non-blank lines right (%.2f%%), %u spans (gold %u)\n", right,
          total, 100 * accuracy, n_out, n_gold);
  DL_ASSERT_INT_EQ (total, 2536);
  DL_ASSERT_INT_EQ (covered, total);
  CU_ASSERT_TRUE (accuracy >= 0.99);
  cli_run_clear (&r);
}

static void
test_langs_threads_do_not_change_output (void)
{
  CliRun one = cli_run ("$DERLEM langs --threads 1 corpus", NULL);
  CliRun two = cli_run ("$DERLEM langs --threads 2 --format text corpus", NULL);
  DL_ASSERT_INT_EQ (one.status, 0);
  DL_ASSERT_STR_EQ (one.out, two.out);
  /* Paths from the inputs' directory, corpus/. */
  DL_ASSERT_STR_CONTAINS (one.out, "\ncommentary-tr-karabag-2023.txt\n  1-123 ");
  cli_run_clear (&one);
  cli_run_clear (&two);
}

static void
test_langs_formats (void)
{
  CliRun r = cli_run ("$DERLEM langs --format csv corpus/commentary-tr-karabag-2023.txt", NULL);
  DL_ASSERT_STR_EQ (r.out, "file,start_line,end_line,lang\n"
                           "corpus/commentary-tr-karabag-2023.txt,1,123,tr\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM langs --format json corpus/commentary-tr-karabag-2023.txt", NULL);
  DL_ASSERT_STR_EQ (r.out, "[\n{\"file\":\"corpus/commentary-tr-karabag-2023.txt\","
                           "\"start_line\":1,\"end_line\":123,\"lang\":\"tr\"}\n]\n");
  cli_run_clear (&r);
  /* A file name needing CSV quotes and JSON escapes. */
  r = cli_run (
      "d=$(mktemp -d) && printf 'Bu bir deneme cümlesidir ve Türkçedir.\\n' > \"$d/a,\\\"b.txt\" "
      "&& $DERLEM langs --format csv \"$d\" | tail -n 1 | sed \"s|$d/||\"; rm -r \"$d\"",
      NULL);
  DL_ASSERT_STR_EQ (r.out, "\"a,\"\"b.txt\",1,1,tr\n");
  cli_run_clear (&r);
}

static void
test_langs_lang_and_assume_lang (void)
{
  /* --assume-lang skips detection: one span, in the language assumed. */
  CliRun r = cli_run (
      "$DERLEM langs --assume-lang en --format tsv corpus/commentary-tr-karabag-2023.txt", NULL);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n"
                           "corpus/commentary-tr-karabag-2023.txt\t1\t123\ten\n");
  cli_run_clear (&r);
  /* --lang keeps one language's spans: the English abstract only. */
  r = cli_run ("$DERLEM langs --lang en --format tsv corpus/article-tr-karabag-turk-dunyasi.txt",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n"
                           "corpus/article-tr-karabag-turk-dunyasi.txt\t57\t141\ten\n");
  cli_run_clear (&r);
}

static void
test_langs_usage_and_output_errors (void)
{
  /* A usage error: exit 2, the message and the hint, nothing written. */
  CliRun r = cli_run ("$DERLEM langs --format xml corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 2);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: invalid value 'xml' for --format (expected one of: "
                                 "text, tsv, csv, json, html, markdown)\n"
                                 "Try 'derlem help langs'.\n");
  DL_ASSERT_STR_EQ (r.out, "");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM langs --lang de corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 2);
  DL_ASSERT_STR_CONTAINS (r.err, "--lang");
  cli_run_clear (&r);
  /* An -o that cannot be written: exit 1, nothing on standard output. */
  r = cli_run ("$DERLEM langs -o /nonexistent/langs.tsv corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: cannot write /nonexistent/langs.tsv");
  DL_ASSERT_STR_EQ (r.out, "");
  cli_run_clear (&r);
}

/* Spans beyond what is kept in memory, with temporary files that cannot
 * grow: exit 1, and the reason is the worker's. */
static void
test_langs_temporary_file_full (void)
{
  g_autofree char *make = cli_make_mixed (60000);
  cli_assert_temporary_file_full (make, "\"$DERLEM\" langs --threads 2 big.txt big2.txt",
                                  "derlem: cannot write a temporary file");
}

void
test_cli_langs_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-langs", NULL, NULL);
  CU_add_test (s, "langs_corpus_matches_gold", test_langs_corpus_matches_gold);
  CU_add_test (s, "langs_threads_do_not_change_output", test_langs_threads_do_not_change_output);
  CU_add_test (s, "langs_formats", test_langs_formats);
  CU_add_test (s, "langs_lang_and_assume_lang", test_langs_lang_and_assume_lang);
  CU_add_test (s, "langs_usage_and_output_errors", test_langs_usage_and_output_errors);
  CU_add_test (s, "langs_temporary_file_full", test_langs_temporary_file_full);
}
