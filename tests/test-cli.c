/* test-cli.c — the built ./derlem run as users run it: exit statuses,
 * messages, formats, -o, stdin, the bundled corpus, Turkish help, and
 * `derlem langs` on corpus/ against the hand-labelled gold spans. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tests.h"

#define DERLEM TEST_BUILDDIR "/derlem"

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs a shell command line (derlem is $DERLEM) in the source tree. */
static Run
sh (const char *cmdline, const char *language)
{
  Run r = { -1, NULL, NULL };
  char **env = g_get_environ ();
  env = g_environ_setenv (env, "DERLEM", DERLEM, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "NO_COLOR");
  env = language ? g_environ_setenv (env, "LANGUAGE", language, TRUE)
                 : g_environ_unsetenv (env, "LANGUAGE");
  const char *argv[] = { "/bin/sh", "-c", cmdline, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status;
  if (!g_spawn_sync (TEST_SRCDIR, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &r.out, &r.err,
                     &wait_status, &error))
    {
      CU_FAIL (error->message);
    }
  else
    r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  g_strfreev (env);
  return r;
}

static void
test_version_and_usage_errors (void)
{
  Run r = sh ("$DERLEM --version", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_STRING_EQUAL (r.out, "derlem " PACKAGE_VERSION "\n");
  run_clear (&r);

  r = sh ("$DERLEM", NULL);
  CU_ASSERT_EQUAL (r.status, 2);
  run_clear (&r);

  r = sh ("$DERLEM frobnicate", NULL);
  CU_ASSERT_EQUAL (r.status, 2);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: unknown command 'frobnicate'"));
  run_clear (&r);

  const char *bad[][2] = {
    { "$DERLEM langs --format xml corpus", "--format" },
    { "$DERLEM langs --lang de corpus", "--lang" },
    { "$DERLEM langs --color sometimes corpus", "--color" },
    { "$DERLEM langs --encoding no-such-charset corpus", "no-such-charset" },
    { "$DERLEM langs --threads -3 corpus", "--threads" },
    { "$DERLEM langs --no-such-option corpus", "--no-such-option" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      r = sh (bad[i][0], NULL);
      CU_ASSERT_EQUAL (r.status, 2);
      CU_ASSERT_TRUE (g_str_has_prefix (r.err, "derlem: "));
      CU_ASSERT_PTR_NOT_NULL (strstr (r.err, bad[i][1]));
      CU_ASSERT_STRING_EQUAL (r.out, "");
      run_clear (&r);
    }
}

static void
test_help_in_english_and_turkish (void)
{
  Run r = sh ("$DERLEM --help", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "Usage: derlem COMMAND"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "langs"));
  run_clear (&r);

  r = sh ("$DERLEM help langs", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "file start_line end_line lang"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "--assume-lang"));
  run_clear (&r);

  r = sh ("$DERLEM --help", "tr");
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "Kullanım: derlem KOMUT"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "Komutlar:"));
  run_clear (&r);

  r = sh ("$DERLEM help langs", "tr");
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "Yalnızca bu dili raporla"));
  run_clear (&r);

  r = sh ("$DERLEM langs /nonexistent.txt", "tr");
  CU_ASSERT_EQUAL (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent.txt: "));
  run_clear (&r);
}

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
  Run r = sh ("$DERLEM langs --format tsv --threads 2 corpus", NULL);
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
  CU_ASSERT_EQUAL (total, 2536);
  CU_ASSERT_EQUAL (covered, total);
  CU_ASSERT_TRUE (accuracy >= 0.99);
  run_clear (&r);
}

static void
test_langs_threads_do_not_change_output (void)
{
  Run one = sh ("$DERLEM langs --threads 1 corpus", NULL);
  Run two = sh ("$DERLEM langs --threads 2 --format text corpus", NULL);
  CU_ASSERT_EQUAL (one.status, 0);
  CU_ASSERT_STRING_EQUAL (one.out, two.out);
  CU_ASSERT_PTR_NOT_NULL (strstr (one.out, "corpus/commentary-tr-karabag-2023.txt\n  1-123 "));
  run_clear (&one);
  run_clear (&two);
}

static void
test_langs_formats (void)
{
  Run r = sh ("$DERLEM langs --format csv corpus/commentary-tr-karabag-2023.txt", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "file,start_line,end_line,lang\n"
                                 "corpus/commentary-tr-karabag-2023.txt,1,123,tr\n");
  run_clear (&r);
  r = sh ("$DERLEM langs --format json corpus/commentary-tr-karabag-2023.txt", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "[\n{\"file\":\"corpus/commentary-tr-karabag-2023.txt\","
                                 "\"start_line\":1,\"end_line\":123,\"lang\":\"tr\"}\n]\n");
  run_clear (&r);
  /* A file name needing CSV quotes and JSON escapes. */
  r = sh (
      "d=$(mktemp -d) && printf 'Bu bir deneme cümlesidir ve Türkçedir.\\n' > \"$d/a,\\\"b.txt\" "
      "&& $DERLEM langs --format csv \"$d\" | tail -n 1 | sed \"s|$d/||\"; rm -r \"$d\"",
      NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "\"a,\"\"b.txt\",1,1,tr\n");
  run_clear (&r);
}

static void
test_langs_lang_and_assume_lang (void)
{
  /* --assume-lang skips detection: one span, in the language assumed. */
  Run r = sh ("$DERLEM langs --assume-lang en --format tsv corpus/commentary-tr-karabag-2023.txt",
              NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "file\tstart_line\tend_line\tlang\n"
                                 "corpus/commentary-tr-karabag-2023.txt\t1\t123\ten\n");
  run_clear (&r);
  /* --lang keeps one language's spans: the English abstract only. */
  r = sh ("$DERLEM langs --lang en --format tsv corpus/article-tr-karabag-turk-dunyasi.txt", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "file\tstart_line\tend_line\tlang\n"
                                 "corpus/article-tr-karabag-turk-dunyasi.txt\t57\t141\ten\n");
  run_clear (&r);
}

static void
test_bad_inputs_are_reported_and_the_rest_done (void)
{
  /* A missing path, a binary file and an empty file beside a good one. */
  Run r = sh ("d=$(mktemp -d) && printf '%%PDF-1.4\\n\\0\\0\\0' > $d/a.txt && : > $d/b.txt && "
              "cp corpus/commentary-tr-karabag-2023.txt $d/c.txt && "
              "$DERLEM langs --format tsv /nonexistent $d; echo \"status=$?\"; rm -r $d",
              NULL);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent: No such file or directory\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "/a.txt: binary file (PDF), skipped\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "/b.txt: empty file\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "/c.txt\t1\t123\ttr\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "status=1\n"));
  run_clear (&r);

  /* Invalid bytes: a warning naming file, line and offset; exit status 1. */
  r = sh ("d=$(mktemp -d) && printf 'Bu satır Türkçedir ve doğrudur.\\nBu satırda \\377 var.\\n' "
          "> $d/x.txt && $DERLEM langs --format tsv $d/x.txt; echo \"status=$?\"; rm -r $d",
          NULL);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "/x.txt:2: invalid UTF-8 at byte offset 48"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "\t1\t2\ttr\nstatus=1\n"));
  run_clear (&r);
}

static void
test_output_file_is_atomic (void)
{
  Run r = sh ("d=$(mktemp -d) && $DERLEM langs --format tsv -o $d/out.tsv "
              "corpus/commentary-tr-karabag-2023.txt && cat $d/out.tsv && ls -A $d; rm -r $d",
              NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_STRING_EQUAL (r.out, "file\tstart_line\tend_line\tlang\n"
                                 "corpus/commentary-tr-karabag-2023.txt\t1\t123\ttr\n"
                                 "out.tsv\n");
  run_clear (&r);

  r = sh ("$DERLEM langs -o /nonexistent-dir/out.tsv corpus", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: cannot write /nonexistent-dir/out.tsv"));
  run_clear (&r);

  r = sh ("$DERLEM langs corpus > /dev/full", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "No space left on device"));
  run_clear (&r);
}

static void
test_stdin_and_bundled_corpus (void)
{
  Run r = sh ("$DERLEM langs --format tsv < corpus/commentary-tr-karabag-2023.txt", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_STRING_EQUAL (r.out, "file\tstart_line\tend_line\tlang\n-\t1\t123\ttr\n");
  run_clear (&r);

  r = sh ("cat corpus/commentary-tr-karabag-2023.txt | $DERLEM langs --format tsv -", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "file\tstart_line\tend_line\tlang\n-\t1\t123\ttr\n");
  run_clear (&r);

  r = sh ("$DERLEM langs --format tsv < /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "bundled sample corpus"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "corpus/commentary-tr-karabag-2023.txt\t1\t123\ttr\n"));
  run_clear (&r);
}

static void
test_windows_1254_file_is_decoded (void)
{
  /* "Işık ağır" and more, in windows-1254, after a long English abstract. */
  Run r = sh ("d=$(mktemp -d) && i=0; while [ $i -lt 150 ]; do "
              "echo 'This paper examines how the war changed the foreign policy of the region.'; "
              "i=$((i+1)); done > $d/x.txt && "
              "printf 'Bu \\347al\\375\\376mada sava\\376\\375n sonu\\347lar\\375 '"
              "'\\374zerinde duruldu\\360u g\\366r\\374l\\374r.\\n' >> $d/x.txt && "
              "$DERLEM langs --format tsv $d/x.txt; rm -r $d",
              NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "windows-1254"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "\t1\t150\ten\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "\t151\t151\ttr\n"));
  run_clear (&r);
}

/* The row of @item in @lang of a freq TSV, as "rank freq per_million range
 * [forms]", or NULL. */
static char *
freq_row (const char *tsv, const char *lang, const char *item)
{
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) >= 6 && strcmp (f[0], lang) == 0 && strcmp (f[2], item) == 0)
        {
          g_autofree char *rest = g_strjoinv (" ", f + 3);
          return g_strdup_printf ("%s %s", f[1], rest);
        }
    }
  return NULL;
}

static void
check_row (const char *tsv, const char *lang, const char *item, const char *expected)
{
  g_autofree char *got = freq_row (tsv, lang, item);
  if (got == NULL || strcmp (got, expected) != 0)
    fprintf (stderr, "\n  %s %s: got %s, expected %s\n", lang, item, got ? got : "(none)",
             expected);
  CU_ASSERT_STRING_EQUAL (got ? got : "", expected);
}

/* The same without the rank. */
static void
check_row_norank (const char *tsv, const char *lang, const char *item, const char *expected)
{
  g_autofree char *got = freq_row (tsv, lang, item);
  const char *rest = got != NULL ? strchr (got, ' ') : NULL;
  if (rest == NULL || strcmp (rest + 1, expected) != 0)
    fprintf (stderr, "\n  %s %s: got %s, expected %s\n", lang, item, got ? got : "(none)",
             expected);
  CU_ASSERT_STRING_EQUAL (rest ? rest + 1 : "", expected);
}

static void
test_freq_fixture_counted_by_hand (void)
{
  /* tests/data/freq: two files, Turkish and English lines, İ/I, three
   * apostrophes, numbers, a URL and an address, counted by hand. */
  g_autofree char *expected = NULL;
  CU_ASSERT_FATAL (
      g_file_get_contents (TEST_DATA ("freq/expected-form.tsv"), &expected, NULL, NULL));
  Run r = sh ("$DERLEM freq --format tsv --threads 2 tests/data/freq", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_STRING_EQUAL (r.out, expected);
  run_clear (&r);

  r = sh ("$DERLEM freq tests/data/freq | grep tokens", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "tr: 116 tokens, 85 types\nen: 77 tokens, 44 types\n");
  run_clear (&r);
  /* 19.09.2023, 1990’ların and 2020'de are numbers; the URL and the address
   * come in with --urls. */
  r = sh ("$DERLEM freq --numbers --urls --lang tr --format tsv tests/data/freq", NULL);
  /* 17 items occur twice or more; then the hapaxes, digits first. */
  check_row (r.out, "tr", "19.09.2023", "18 1 8264.46 1");
  check_row (r.out, "tr", "1990’ların", "19 1 8264.46 1");
  check_row (r.out, "tr", "2020'de", "20 1 8264.46 1");
  check_row_norank (r.out, "tr", "https://www.karabag.org.tr/rapor", "1 8264.46 1");
  check_row_norank (r.out, "tr", "bilgi@karabag.org.tr", "1 8264.46 1");
  CU_ASSERT_PTR_NULL (strstr (r.out, "\nen\t"));
  run_clear (&r);
  r = sh ("$DERLEM freq --numbers --urls --lang tr tests/data/freq | head -n 1", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "tr: 121 tokens, 90 types\n");
  run_clear (&r);
  /* --case keep counts exact forms. */
  r = sh ("$DERLEM freq --case keep --format tsv tests/data/freq", NULL);
  check_row_norank (r.out, "tr", "İSTANBUL", "1 8620.69 1");
  check_row_norank (r.out, "tr", "İstanbul", "1 8620.69 1");
  check_row_norank (r.out, "tr", "istanbul", "1 8620.69 1");
  check_row_norank (r.out, "tr", "IRAK", "1 8620.69 1");
  check_row_norank (r.out, "tr", "Irak", "2 17241.38 2");
  check_row_norank (r.out, "en", "It", "1 12987.01 1");
  check_row_norank (r.out, "en", "it", "1 12987.01 1");
  run_clear (&r);
}

static void
test_freq_corpus_counts (void)
{
  /* Counts checked against an independent count (a regular expression
   * tokenizer with Turkish-aware lower-casing over the lines langs labels
   * tr or en). */
  Run r = sh ("$DERLEM freq --format tsv corpus", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "lang\trank\titem\tfreq\tper_million\trange\n"));
  check_row (r.out, "tr", "ve", "1 694 33061.79 4");
  check_row (r.out, "tr", "bir", "2 344 16387.98 4");
  check_row (r.out, "tr", "azerbaycan", "4 316 15054.07 4");
  check_row (r.out, "tr", "türkiye", "6 174 8289.27 4");
  check_row (r.out, "tr", "azerbaycan’ın", "9 148 7050.64 4");
  check_row (r.out, "tr", "karabağ", "10 147 7003.00 4");
  check_row (r.out, "en", "the", "1 371 77050.88 4");
  check_row (r.out, "en", "of", "2 194 40290.76 4");
  check_row (r.out, "en", "it", "6 100 20768.43 4");
  check_row (r.out, "en", "azerbaijan", "9 69 14330.22 4");
  check_row_norank (r.out, "en", "azerbaijan's", "20 4153.69 3");
  run_clear (&r);

  /* Stems: the name and its suffixed forms under one stem (316 + 148 + 75 + ...). */
  r = sh ("$DERLEM freq --unit stem --format tsv corpus", NULL);
  check_row (r.out, "tr", "azerbaycan",
             "2 606 28869.52 4 azerbaycan (316), azerbaycan’ın (148), azerbaycan’a (75), "
             "azerbaycan’ı (25), azerbaycan’da (19)");
  check_row (r.out, "tr", "savaş",
             "29 84 4001.72 4 savaş (35), savaşın (17), savaşa (9), savaşta (8), savaşının (5)");
  check_row (r.out, "en", "azerbaijan", "7 89 18483.90 4 azerbaijan (69), azerbaijan's (20)");
  CU_ASSERT_PTR_NULL (strstr (r.out, "\tazerbayca\t"));
  run_clear (&r);

  /* The same whatever the number of threads. */
  Run one = sh ("$DERLEM freq --unit stem --threads 1 corpus", NULL);
  Run two = sh ("$DERLEM freq --unit stem --threads 2 corpus", NULL);
  CU_ASSERT_STRING_EQUAL (one.out, two.out);
  run_clear (&one);
  run_clear (&two);
}

static void
test_freq_orders_and_filters (void)
{
  Run r = sh ("$DERLEM freq --sort alpha --lang tr --format tsv tests/data/freq | cut -f 3", NULL);
  /* Turkish order: b < c < ç < d, ı < i, s < ş < t. */
  const char *order[] = { "bütün",     "çatışma",  "daha",      "ırak",    "istanbul",
                          "işbirliği", "itibaren", "sürecinin", "şekilde", "takip" };
  const char *at = r.out;
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *needle = g_strdup_printf ("\n%s\n", order[i]);
      const char *p = strstr (at, needle);
      if (p == NULL)
        fprintf (stderr, "\n  %s out of order\n", order[i]);
      CU_ASSERT_PTR_NOT_NULL_FATAL (p);
      at = p + 1;
    }
  run_clear (&r);

  r = sh ("$DERLEM freq --sort atergo --lang tr --min-freq 2 --format tsv tests/data/freq "
          "| cut -f 2,3 | tr '\\t\\n' ': '",
          NULL);
  /* By the reversed words in Turkish order (ad eli ev ğabarak ısamlo ışavas
   * ikedeglöb iney karı kilnevüg lubnatsi nacyabreza nı’nacyabreza nın'aysur
   * niçi rib şırab); ranks travel with their items. */
  CU_ASSERT_STRING_EQUAL (r.out, "rank:item 10:da 13:ile 1:ve 14:karabağ 15:olması 16:savaşı "
                                 "9:bölgedeki 17:yeni 4:ırak 11:güvenlik 5:istanbul "
                                 "2:azerbaycan 7:azerbaycan’ın 6:rusya'nın 12:için 3:bir "
                                 "8:barış ");
  run_clear (&r);

  r = sh ("$DERLEM freq --top 3 --lang en --format csv tests/data/freq", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "lang,rank,item,freq,per_million,range\n"
                                 "en,1,the,15,194805.19,2\n"
                                 "en,2,in,7,90909.09,2\n"
                                 "en,3,region,4,51948.05,2\n");
  run_clear (&r);
  r = sh ("$DERLEM freq --top 1 --format json tests/data/freq", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "[\n{\"lang\":\"tr\",\"rank\":1,\"item\":\"ve\",\"freq\":11,"
                                 "\"per_million\":94827.59,\"range\":2},\n"
                                 "{\"lang\":\"en\",\"rank\":1,\"item\":\"the\",\"freq\":15,"
                                 "\"per_million\":194805.19,\"range\":2}\n]\n");
  run_clear (&r);
  r = sh ("$DERLEM freq --min-range 2 --lang tr --format tsv tests/data/freq | wc -l", NULL);
  /* The header and the 14 Turkish items of expected-form.tsv with range 2. */
  CU_ASSERT_STRING_EQUAL (r.out, "15\n");
  run_clear (&r);

  /* The default stoplist drops function words. */
  r = sh ("$DERLEM freq --stoplist default --top 3 --format tsv corpus | cut -f 1,3", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "lang\titem\ntr\tazerbaycan\ntr\taskeri\ntr\ttürkiye\n"
                                 "en\tazerbaijan\nen\tarmenia\nen\tkarabakh\n");
  run_clear (&r);
}

static void
test_freq_usage_errors (void)
{
  const char *bad[] = { "--sort size",
                        "--top -1",
                        "--min-freq x",
                        "--unit stem --case keep",
                        "--stoplist /nonexistent/list.txt",
                        "--forms -2" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM freq %s corpus", bad[i]);
      Run r = sh (cmd, NULL);
      if (r.status != 2)
        fprintf (stderr, "\n  %s: status %d\n", bad[i], r.status);
      CU_ASSERT_EQUAL (r.status, 2);
      CU_ASSERT_TRUE (g_str_has_prefix (r.err, "derlem: "));
      CU_ASSERT_STRING_EQUAL (r.out, "");
      run_clear (&r);
    }
  /* A bad input is reported, the rest is counted, the status says so. */
  Run r = sh ("$DERLEM freq --format tsv --lang tr tests/data/freq/a.txt /nonexistent.txt "
              "| grep -c '^tr'",
              NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "59\n"); /* a.txt's Turkish types, counted by hand */
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent.txt"));
  run_clear (&r);
  r = sh ("$DERLEM freq tests/data/freq/a.txt /nonexistent.txt > /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  run_clear (&r);
  /* A 3 MB line without a space: cut into 1 MiB tokens, shown shortened in
   * text, whole in TSV. */
  r = sh (
      "d=$(mktemp -d) && head -c 3000000 /dev/zero | tr '\\0' a > \"$d/long.txt\" && "
      "$DERLEM freq --assume-lang en \"$d\" | awk '{ print length($0) }' | sort -n | tail -n 1 && "
      "$DERLEM freq --assume-lang en --format tsv \"$d\" | awk -F '\t' 'NR > 1 { print length($3), "
      "$4 }'; "
      "rm -r \"$d\"",
      NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "101\n1048576 2\n902848 1\n");
  CU_ASSERT_EQUAL (r.status, 0);
  run_clear (&r);
}

static void
test_freq_bundled_corpus_top_20 (void)
{
  /* What the README's set-up command ends with. */
  Run r = sh ("$DERLEM freq --top 20 < /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "bundled sample corpus"));
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "tr: 20991 tokens, 6317 types\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "\n\nen: 4815 tokens, 1167 types\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "\n    20  "));
  CU_ASSERT_PTR_NULL (strstr (r.out, "\n    21  "));
  run_clear (&r);
  r = sh ("$DERLEM freq --top 1 --lang en corpus/commentary-en-karabakh-liberation.txt", "tr");
  CU_ASSERT_STRING_EQUAL (r.out, "en: 2917 belirteç, 792 tür\n"
                                 "  sıra  öğe     sıklık     milyonda  yaygınlık\n"
                                 "     1  the        207     70963.32          1\n");
  run_clear (&r);
  r = sh ("$DERLEM freq --top 20 < /dev/null | wc -l", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "45\n");
  run_clear (&r);
}

/* ---- kwic ---- */

/* The third column (line numbers) of a kwic TSV, joined by spaces. */
static char *
kwic_lines (const char *args)
{
  g_autofree char *cmd = g_strdup_printf (
      "$DERLEM kwic --format tsv %s | tail -n +2 | cut -f3 | tr '\\n' ' '", args);
  Run r = sh (cmd, NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  g_free (r.err);
  return r.out;
}

static void
test_kwic_corpus_hit_counts (void)
{
  /* Counts checked by an independent script over the lines `derlem langs`
   * labels (tokens rebuilt with Python's regex, Turkish folding by hand). */
  static const struct {
    const char *args, *summary;
  } cases[] = {
    { "savaş", "tr: 35 hits, 1667.38 per million tokens, in 3 files\n" },
    { "'savaş*'", "tr: 142 hits, 6764.80 per million tokens, in 4 files\n" },
    { "/^ermeni/", "tr: 252 hits, 12005.15 per million tokens, in 4 files\n" },
    { "'\"Dağlık Karabağ\"'", "tr: 50 hits, 2381.97 per million tokens, in 3 files\n" },
    { "'dağlık karabağ*'", "tr: 57 hits, 2715.45 per million tokens, in 3 files\n" },
    { "\"karabağ'da\"", "tr: 10 hits, 476.39 per million tokens, in 2 files\n" },
    /* Stems: karabağ (147) and its apostrophe forms (42). */
    { "--unit stem Karabağ", "tr: 189 hits, 9003.86 per million tokens, in 4 files\n" },
    { "war", "en: 33 hits, 6853.58 per million tokens, in 4 files\n" },
    { "\"Azerbaijan's\"", "en: 20 hits, 4153.69 per million tokens, in 3 files\n" },
    { "IT", "en: 100 hits, 20768.43 per million tokens, in 4 files\n" },
    /* İstanbul on Turkish lines and on a list of names langid calls other. */
    { "istanbul", "tr: 5 hits, 238.20 per million tokens, in 1 files\n" },
    { "istanbul", "other: 2 hits, " },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic %s corpus | tail -n 4", cases[i].args);
      Run r = sh (cmd, NULL);
      CU_ASSERT_EQUAL (r.status, 0);
      if (strstr (r.out, cases[i].summary) == NULL)
        printf ("\n  kwic %s: got\n%s", cases[i].args, r.out);
      CU_ASSERT_PTR_NOT_NULL (strstr (r.out, cases[i].summary));
      run_clear (&r);
    }
  /* The rows are the hits: as many as the summary says. */
  Run r = sh ("$DERLEM kwic --format tsv '\"dağlık karabağ\"' corpus | tail -n +2 | wc -l", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "50\n");
  run_clear (&r);
  /* 11 of them run across a line break, the node showing it as a space. */
  r = sh ("$DERLEM kwic --format tsv '\"dağlık karabağ\"' "
          "corpus/article-tr-azerbaycan-denge-politikasi.txt "
          "| awk -F '\\t' '$3 == 13 { print $5 }'",
          NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "Dağlık- Karabağ\n");
  run_clear (&r);
  /* position is the node's byte offset in its file. */
  r = sh ("$DERLEM kwic --format tsv --max 1 'karabağ’ın' corpus "
          "| awk -F '\\t' 'NR == 2 { print $2, $7 }' | "
          "{ read f p; tail -c +$((p + 1)) \"$f\" | head -c 14; }",
          NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "Karabağ’ın");
  run_clear (&r);
}

static void
test_kwic_turkish_i_by_line_language (void)
{
  /* One query, folded by each line's rules: ırak finds IRAK and Irak on the
   * Turkish line; istanbul finds İSTANBUL there and ISTANBUL on the English
   * one, where I is i. */
  Run r = sh ("$DERLEM kwic --format tsv ırak tests/data/kwic/mixed.txt | cut -f1,5", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "lang\tnode\ntr\tIrak\ntr\tIRAK\ntr\tIrak\n");
  run_clear (&r);
  r = sh ("$DERLEM kwic --format tsv istanbul tests/data/kwic/mixed.txt | cut -f1,5", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "lang\tnode\ntr\tİSTANBUL\nen\tISTANBUL\n");
  run_clear (&r);
  r = sh ("$DERLEM kwic --format tsv ıstanbul tests/data/kwic/mixed.txt | wc -l", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "1\n");
  run_clear (&r);
  /* --case keep: as written. */
  r = sh ("$DERLEM kwic --format tsv --case keep Irak tests/data/kwic/mixed.txt | cut -f5 | tr "
          "'\\n' ' '",
          NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "node Irak Irak ");
  run_clear (&r);
  /* --lang en: the Turkish line is left out, and its tokens from the count
   * (1 hit in 25 English tokens). */
  r = sh ("$DERLEM kwic --lang en istanbul tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_TRUE (
      g_str_has_suffix (r.out, "\n\nen: 1 hits, 40000.00 per million tokens, in 1 files\n"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "İSTANBUL"));
  run_clear (&r);
}

static void
test_kwic_sort_keys_turkish_collation (void)
{
  /* sort4.txt: every line "w1 w2 w3 su w4 w5 w6", the words from cam çam
   * ılık ilk uzun üzüm; the orders worked out by hand in Turkish order. */
  static const struct {
    const char *key, *lines;
  } cases[] = {
    { "L3", "3 4 1 2 " },
    { "L2", "1 2 3 4 " },
    { "L1", "4 3 2 1 " },
    { "R1", "2 1 4 3 " },
    { "R2", "2 1 3 4 " },
    { "r3", "4 3 1 2 " },
    /* Ties keep corpus order. */
    { "node", "1 2 3 4 " },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *args = g_strdup_printf (
          "--assume-lang tr --sort %s su tests/data/kwic/sort4.txt", cases[i].key);
      g_autofree char *got = kwic_lines (args);
      if (strcmp (got, cases[i].lines) != 0)
        printf ("\n  --sort %s: %s", cases[i].key, got);
      CU_ASSERT_STRING_EQUAL (got, cases[i].lines);
    }
  /* node: the phrase "* su", ılık su < ilk su < uzun su < üzüm su. */
  g_autofree char *node
      = kwic_lines ("--assume-lang tr --sort node '\"* su\"' tests/data/kwic/sort4.txt");
  CU_ASSERT_STRING_EQUAL (node, "4 3 2 1 ");
  /* sort.txt, by R1: ağaç cam çam ılık ilk uzun üzüm zeytin in Turkish;
   * English puts ilk before ılık and üzüm before uzun. */
  g_autofree char *tr = kwic_lines ("--assume-lang tr --sort R1 su tests/data/kwic/sort.txt");
  CU_ASSERT_STRING_EQUAL (tr, "6 2 1 3 4 8 7 5 ");
  g_autofree char *en = kwic_lines ("--assume-lang en --sort R1 su tests/data/kwic/sort.txt");
  CU_ASSERT_STRING_EQUAL (en, "6 2 1 4 3 7 8 5 ");
  /* file then R1; position across two files (byte offsets 7 18 19 ...). */
  Run r = sh ("$DERLEM kwic --assume-lang tr --format tsv --sort file,R1 su "
              "tests/data/kwic/sort4.txt tests/data/kwic/sort.txt | tail -n +2 | "
              "awk -F '\\t' '{ printf \"%s:%s \", substr($2, 17, 5), $3 }'",
              NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "sort4:2 sort4:1 sort4:4 sort4:3 sort.:6 sort.:2 sort.:1 "
                                 "sort.:3 sort.:4 sort.:8 sort.:7 sort.:5 ");
  run_clear (&r);
  r = sh (
      "$DERLEM kwic --assume-lang tr --format tsv --sort position --max 4 su "
      "tests/data/kwic/sort4.txt tests/data/kwic/sort.txt | tail -n +2 | cut -f7 | tr '\\n' ' '",
      NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "7 18 19 31 ");
  run_clear (&r);
  /* A key that is not one. */
  r = sh ("$DERLEM kwic --sort R4 su tests/data/kwic/sort.txt", NULL);
  CU_ASSERT_EQUAL (r.status, 2);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "R4"));
  run_clear (&r);
}

static void
test_kwic_sample_is_reproducible (void)
{
  Run a = sh ("$DERLEM kwic --format tsv --sample 10 --seed 42 'savaş*' corpus", NULL);
  Run b = sh ("$DERLEM kwic --format tsv --sample 10 --seed 42 --threads 1 'savaş*' corpus", NULL);
  Run c = sh ("$DERLEM kwic --format tsv --sample 10 --seed 43 'savaş*' corpus", NULL);
  Run all = sh ("$DERLEM kwic --format tsv 'savaş*' corpus", NULL);
  CU_ASSERT_STRING_EQUAL (a.out, b.out);
  CU_ASSERT_STRING_NOT_EQUAL (a.out, c.out);
  g_auto (GStrv) rows = g_strsplit (a.out, "\n", -1);
  CU_ASSERT_EQUAL (g_strv_length (rows), 12); /* header, 10 rows, "" */
  /* Every sampled row is a hit, in corpus order. */
  const char *from = all.out;
  for (guint i = 1; i < 11; i++)
    {
      g_autofree char *row = g_strconcat ("\n", rows[i], "\n", NULL);
      const char *at = strstr (from, row);
      CU_ASSERT_PTR_NOT_NULL (at);
      if (at != NULL)
        from = at + 1;
    }
  run_clear (&a);
  run_clear (&b);
  run_clear (&c);
  run_clear (&all);
  /* A sample larger than the hits is all of them. */
  a = sh ("$DERLEM kwic --format tsv --sample 1000 savaş corpus | wc -l", NULL);
  CU_ASSERT_STRING_EQUAL (a.out, "36\n");
  run_clear (&a);
  /* The sample is uniform: over seeds 1..200, each of the 35 hits of savaş
   * is drawn into a sample of 7 about 40 times (7/35 of 200); none is never
   * or always drawn. */
  a = sh (
      "for s in $(seq 1 200); do $DERLEM kwic --format tsv --sample 7 --seed $s savaş corpus "
      "| tail -n +2 | cut -f7; done | sort | uniq -c | awk '{ n++; if ($1 < 15 || $1 > 70) bad++ } "
      "END { print n, bad + 0 }'",
      NULL);
  CU_ASSERT_STRING_EQUAL (a.out, "35 0\n");
  run_clear (&a);
}

static void
test_kwic_formats_and_outputs (void)
{
  Run r = sh ("$DERLEM kwic --format tsv --max 1 war tests/data/kwic/mixed.txt", NULL);
  /* The context runs across the line break (and the language switch). */
  CU_ASSERT_STRING_EQUAL (r.out, "lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
                                 "en\ttests/data/kwic/mixed.txt\t2\t ve bu olaylar uzun süre "
                                 "konuşuldu. The \twar\t in IRAQ changed the whole region, and "
                                 "I\t165\twar\n");
  run_clear (&r);
  r = sh ("$DERLEM kwic --format csv --width 10 war tests/data/kwic/script.txt", NULL);
  CU_ASSERT_STRING_EQUAL (
      r.out, "lang,file,line,left,node,right,position,query\n"
             "en,tests/data/kwic/script.txt,1,\"pt>alert(\"\"\",war,\" & peace\"\")\",29,war\n"
             "en,tests/data/kwic/script.txt,1,efore the ,war,\" began, an\",63,war\n");
  run_clear (&r);
  r = sh ("$DERLEM kwic --format json --width 5 peace tests/data/kwic/script.txt", NULL);
  CU_ASSERT_STRING_EQUAL (r.out,
                          "[\n{\"lang\":\"en\",\"file\":\"tests/data/kwic/script.txt\",\"line\":1,"
                          "\"left\":\"ar & \",\"node\":\"peace\",\"right\":\"\\\")</s\","
                          "\"position\":35,\"query\":\"peace\"}\n]\n");
  run_clear (&r);
  /* HTML: one page, its style inline, every piece of corpus text escaped. */
  r = sh ("$DERLEM kwic --format html --width 30 war tests/data/kwic/script.txt", NULL);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "<!DOCTYPE html>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "<style>"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "<script"));
  CU_ASSERT_PTR_NULL (strstr (r.out, "<link"));
  CU_ASSERT_PTR_NOT_NULL (
      strstr (r.out, "<td class=\"left\">The page said &lt;script&gt;alert(&quot;</td>"
                     "<td class=\"node\"><mark>war</mark></td>"
                     "<td class=\"right\"> &amp; peace&quot;)&lt;/script&gt; before the</td>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "&#39;quotes&#39;"));
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "</html>\n"));
  run_clear (&r);
  /* Text: right-aligned left context, the node highlighted when asked. */
  r = sh ("$DERLEM kwic --width 12 --color always war tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_TRUE (g_str_has_prefix (
      r.out, "uşuldu. The   \033[1;31mwar\033[0m   in IRAQ cha  en tests/data/kwic/mixed.txt:2\n"));
  run_clear (&r);
  r = sh ("NO_COLOR=1 $DERLEM kwic --width 12 war tests/data/kwic/mixed.txt", NULL);
  CU_ASSERT_PTR_NULL (strstr (r.out, "\033["));
  run_clear (&r);
  /* -o: written whole or not at all; --max cuts, the summary says so. */
  r = sh ("d=$(mktemp -d) && $DERLEM kwic -o \"$d/k.txt\" --max 3 savaş corpus && cat "
          "\"$d/k.txt\"; rm -r \"$d\"",
          NULL);
  CU_ASSERT_TRUE (g_str_has_suffix (r.out, "tr: 35 hits, 1667.38 per million tokens, in 3 files\n"
                                           "en: 0 hits, 0.00 per million tokens, in 0 files\n"
                                           "3 of them shown\n"));
  run_clear (&r);
  /* Threads change nothing: streamed from the worker, or gathered. */
  Run one = sh ("$DERLEM kwic --format tsv --threads 1 --width 20 '/^ermeni/' corpus", NULL);
  Run two = sh ("$DERLEM kwic --format tsv --threads 2 --width 20 '/^ermeni/' corpus", NULL);
  CU_ASSERT_STRING_EQUAL (one.out, two.out);
  run_clear (&one);
  run_clear (&two);
}

static void
test_kwic_queries_and_usage_errors (void)
{
  /* Several queries: -e, --queries; a word found by two is one hit. */
  Run r = sh ("d=$(mktemp -d) && printf '# queries\\nwar\\npeace\\n' > \"$d/q\" && "
              "$DERLEM kwic --format tsv --queries \"$d/q\" -e 'war*' tests/data/kwic/script.txt "
              "| cut -f5,8; rm -r \"$d\"",
              NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "node\tquery\nwar\twar*\npeace\tpeace\nwar\twar*\n");
  run_clear (&r);
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "'/x(/'",
      "derlem: query /x(/: bad regular expression at character 4: unbalanced parenthesis\n" },
    { "'\"Dağlık Karabağ'", "unbalanced quote at character 1" },
    { "''", "derlem: empty query\n" },
    { "", "kwic needs a QUERY" },
    { "--width 5 --words 2 war", "give --width or --words, not both" },
    { "--width -1 war", "--width" },
    { "--unit stem --case keep war", "cannot go with --case keep" },
    { "--queries /nonexistent war", "/nonexistent" },
    { "--format xml war", "--format" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM kwic %s%s", cases[i].args,
                                              cases[i].args[0] != '\0' ? " corpus" : "");
      r = sh (cmd, NULL);
      if (r.status != 2 || strstr (r.err, cases[i].message) == NULL)
        printf ("\n  kwic %s: %d %s", cases[i].args, r.status, r.err);
      CU_ASSERT_EQUAL (r.status, 2);
      CU_ASSERT_PTR_NOT_NULL (strstr (r.err, cases[i].message));
      CU_ASSERT_STRING_EQUAL (r.out, "");
      run_clear (&r);
    }
  /* A missing input: the rest is searched, the exit status says so. */
  r = sh ("$DERLEM kwic --format tsv war tests/data/kwic/script.txt /nonexistent.txt | wc -l",
          NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "3\n");
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent.txt"));
  run_clear (&r);
  r = sh ("$DERLEM kwic war tests/data/kwic/script.txt /nonexistent.txt > /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  run_clear (&r);
}

/* ---- colloc, ngrams ---- */

static void
test_colloc_corpus_counts (void)
{
  /* The node count is kwic's (35 savaş), the collocate frequencies freq's,
   * the adjacent pair dağlık karabağ kwic's phrase count (50). */
  Run r = sh ("$DERLEM colloc savaş --lang tr --top 2 corpus", NULL);
  CU_ASSERT_EQUAL (r.status, 0);
  CU_ASSERT_TRUE (g_str_has_prefix (r.out, "tr: savaş occurs 35 times in 20991 tokens\n"));
  run_clear (&r);
  r = sh (
      "$DERLEM colloc savaş --lang tr --format tsv corpus | awk -F '\t' '$2 == \"ermenistan\"' && "
      "$DERLEM freq --lang tr --format tsv corpus | awk -F '\t' '$3 == \"ermenistan\" { print $4 "
      "}'",
      NULL);
  /* Measures from f1 = 35, f2 = 94, N = 20991, S = 10, O11 = 11 by an
   * independent script (the formulas of DESIGN.md §4 in Python). */
  CU_ASSERT_STRING_EQUAL (r.out, "tr\termenistan\t11\t94\t1.5673\t2.8111\t9.7300\t2.8441\t7.5345"
                                 "\t25.2612\t0.1705\t11.4482\t2\t9\n94\n");
  run_clear (&r);
  r = sh (
      "$DERLEM colloc --all --format tsv --lang tr corpus | awk -F '\t' '$2 == \"dağlık karabağ\" "
      "{ print $3, $14, $15, $16 }'; "
      "$DERLEM ngrams -n 2 --format tsv --lang tr corpus | awk -F '\t' '$2 == \"dağlık karabağ\"'",
      NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "50 50 dağlık karabağ\ntr\tdağlık karabağ\t50\t3\n");
  run_clear (&r);
  /* English: war occurs 33 times (kwic's count). */
  r = sh ("$DERLEM colloc war --lang en --top 1 corpus | head -n 1", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "en: war occurs 33 times in 4815 tokens\n");
  run_clear (&r);
}

static void
test_colloc_formats_threads_and_finite_numbers (void)
{
  Run r
      = sh ("$DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 --threads 1 corpus "
            "| md5sum; $DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 --threads 2 "
            "corpus | md5sum",
            NULL);
  g_auto (GStrv) sums = g_strsplit (r.out, "\n", -1);
  CU_ASSERT_STRING_EQUAL (sums[0], sums[1]);
  run_clear (&r);
  /* Every number finite, on every pair of the corpus and every sort. */
  r = sh (
      "$DERLEM colloc --all --format tsv --stoplist none --min-cooc 1 corpus | tail -n +2 | "
      "cut -f3-14 | grep -c -i -E 'nan|inf'; "
      "$DERLEM colloc 'savaş*' --window 10,10 --stoplist none --min-cooc 1 --format tsv corpus | "
      "tail -n +2 | cut -f3-14 | grep -c -i -E 'nan|inf'",
      NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "0\n0\n");
  run_clear (&r);
  /* second: O11 = 6 > f2 = 5 (overlapping windows), the mended table;
   * foreign policy: f1 = 26, f2 = 34, N = 4815, S = 2. Both checked by the
   * independent script. */
  r = sh ("$DERLEM colloc war --lang en --top 1 --format csv corpus; "
          "$DERLEM colloc war --lang en --top 1 --format json corpus; "
          "$DERLEM colloc --all --window 0,2 --lang en --top 1 --sort ll --format tsv corpus",
          NULL);
  CU_ASSERT_STRING_EQUAL (
      r.out,
      "lang,collocate,cooc,freq,expected,mi,mi3,t,z,ll,dice,logdice,left,right\n"
      "en,second,6,5,0.3427,4.1300,9.3000,2.3096,9.6642,32.2696,0.3158,12.3370,5,1\n"
      "[\n{\"lang\":\"en\",\"collocate\":\"second\",\"cooc\":6,\"freq\":5,\"expected\":0.3427,"
      "\"mi\":4.1300,\"mi3\":9.3000,\"t\":2.3096,\"z\":9.6642,\"ll\":32.2696,\"dice\":0.3158,"
      "\"logdice\":12.3370,\"left\":5,\"right\":1}\n]\n"
      "lang\tcollocate\tcooc\tfreq\texpected\tmi\tmi3\tt\tz\tll\tdice\tlogdice\tleft\tright\tfirst"
      "\tsecond\n"
      "en\tforeign policy\t22\t34\t0.3672\t5.9048\t14.8237\t4.6121\t35.7001\t166.1414\t0.7333"
      "\t13.5525\t0\t22\tforeign\tpolicy\n");
  run_clear (&r);
  /* The formulas are in the help. */
  r = sh ("$DERLEM help colloc", NULL);
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "E11 = f1·f2·S / N"));
  CU_ASSERT_PTR_NOT_NULL (strstr (r.out, "counts once for each"));
  run_clear (&r);
}

static void
test_colloc_ngrams_usage_errors (void)
{
  static const struct {
    const char *args, *message;
  } cases[] = {
    { "colloc < /dev/null", "colloc needs a NODE, or --all" },
    { "colloc --window 0,0 war", "--window takes L,R" },
    { "colloc --window 5 war", "--window takes L,R" },
    { "colloc --window 2,-1 war", "--window takes L,R" },
    { "colloc --window 1001,0 war", "--window takes L,R" },
    { "colloc --window 5, war", "--window takes L,R" },
    { "colloc --all --window 2,2", "its window is 0,R" },
    { "colloc --sort pmi war", "--sort" },
    { "colloc --min-cooc -1 war", "--min-cooc" },
    { "colloc '/x(/'", "bad regular expression" },
    { "colloc --stoplist /nonexistent war", "/nonexistent" },
    { "ngrams -n 1", "-n takes a size N or a range A-B of sizes from 2 to 8" },
    { "ngrams -n 9", "-n takes" },
    { "ngrams -n 4-2", "-n takes" },
    { "ngrams -n 3x", "-n takes" },
    { "ngrams -n 2-", "-n takes" },
    { "ngrams -n 2 --contains 'a b c'", "longer than the n-grams" },
    { "ngrams --min-range -2", "--min-range" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmd = g_strdup_printf ("$DERLEM %s%s", cases[i].args,
                                              strchr (cases[i].args, '<') ? "" : " corpus");
      Run r = sh (cmd, NULL);
      if (r.status != 2 || strstr (r.err, cases[i].message) == NULL)
        printf ("\n  %s: %d %s", cases[i].args, r.status, r.err);
      CU_ASSERT_EQUAL (r.status, 2);
      CU_ASSERT_PTR_NOT_NULL (strstr (r.err, cases[i].message));
      CU_ASSERT_STRING_EQUAL (r.out, "");
      run_clear (&r);
    }
  /* A missing input: the rest is counted, the exit status says so. */
  Run r = sh ("$DERLEM ngrams -n 2 --format tsv tests/data/colloc/english.txt /nonexistent.txt "
              "| head -n 2",
              NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "lang\tngram\tfreq\trange\nen\tthe river\t26\t1\n");
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent.txt"));
  run_clear (&r);
  r = sh ("$DERLEM colloc river tests/data/colloc/english.txt /nonexistent.txt > /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  run_clear (&r);
}

static void
test_ngrams_corpus_filters (void)
{
  /* Lexical bundles of three files or more; clusters around a word. */
  Run r = sh (
      "$DERLEM ngrams -n 3 --min-range 3 --format tsv --lang tr corpus | head -n 3; "
      "$DERLEM ngrams -n 2-3 --contains savaş --top 2 --format tsv --lang tr corpus | tail -n +2; "
      "$DERLEM ngrams -n 3 --threads 1 --format tsv corpus | md5sum; "
      "$DERLEM ngrams -n 3 --threads 2 --format tsv corpus | md5sum",
      NULL);
  g_auto (GStrv) lines = g_strsplit (r.out, "\n", -1);
  CU_ASSERT_STRING_EQUAL (lines[0], "lang\tngram\tfreq\trange");
  CU_ASSERT_STRING_EQUAL (lines[1], "tr\tiki ülke arasındaki\t13\t3");
  CU_ASSERT_STRING_EQUAL (lines[2], "tr\ttürkiye ve azerbaycan\t11\t3");
  CU_ASSERT_PTR_NOT_NULL (strstr (lines[3], "savaş"));
  CU_ASSERT_PTR_NOT_NULL (strstr (lines[4], "savaş"));
  CU_ASSERT_STRING_EQUAL (lines[5], lines[6]);
  run_clear (&r);
}

void
test_cli_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli", NULL, NULL);
  CU_add_test (s, "version_and_usage_errors", test_version_and_usage_errors);
  CU_add_test (s, "help_in_english_and_turkish", test_help_in_english_and_turkish);
  CU_add_test (s, "langs_corpus_matches_gold", test_langs_corpus_matches_gold);
  CU_add_test (s, "langs_threads_do_not_change_output", test_langs_threads_do_not_change_output);
  CU_add_test (s, "langs_formats", test_langs_formats);
  CU_add_test (s, "langs_lang_and_assume_lang", test_langs_lang_and_assume_lang);
  CU_add_test (s, "bad_inputs_are_reported_and_the_rest_done",
               test_bad_inputs_are_reported_and_the_rest_done);
  CU_add_test (s, "output_file_is_atomic", test_output_file_is_atomic);
  CU_add_test (s, "stdin_and_bundled_corpus", test_stdin_and_bundled_corpus);
  CU_add_test (s, "windows_1254_file_is_decoded", test_windows_1254_file_is_decoded);
  CU_add_test (s, "freq_fixture_counted_by_hand", test_freq_fixture_counted_by_hand);
  CU_add_test (s, "freq_corpus_counts", test_freq_corpus_counts);
  CU_add_test (s, "freq_orders_and_filters", test_freq_orders_and_filters);
  CU_add_test (s, "freq_usage_errors", test_freq_usage_errors);
  CU_add_test (s, "freq_bundled_corpus_top_20", test_freq_bundled_corpus_top_20);
  CU_add_test (s, "kwic_corpus_hit_counts", test_kwic_corpus_hit_counts);
  CU_add_test (s, "kwic_turkish_i_by_line_language", test_kwic_turkish_i_by_line_language);
  CU_add_test (s, "kwic_sort_keys_turkish_collation", test_kwic_sort_keys_turkish_collation);
  CU_add_test (s, "kwic_sample_is_reproducible", test_kwic_sample_is_reproducible);
  CU_add_test (s, "kwic_formats_and_outputs", test_kwic_formats_and_outputs);
  CU_add_test (s, "kwic_queries_and_usage_errors", test_kwic_queries_and_usage_errors);
  CU_add_test (s, "colloc_corpus_counts", test_colloc_corpus_counts);
  CU_add_test (s, "colloc_formats_threads_and_finite_numbers",
               test_colloc_formats_threads_and_finite_numbers);
  CU_add_test (s, "colloc_ngrams_usage_errors", test_colloc_ngrams_usage_errors);
  CU_add_test (s, "ngrams_corpus_filters", test_ngrams_corpus_filters);
}
