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
  if (!g_spawn_sync (TEST_SRCDIR, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &r.out, &r.err, &wait_status, &error))
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
  const char *files[] = { "article-tr-azerbaycan-denge-politikasi.txt",
                          "article-tr-karabag-turk-dunyasi.txt",
                          "article-tr-turkiye-azerbaycan-guvenlik.txt",
                          "commentary-en-karabakh-liberation.txt",
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
  printf ("\n  langs on corpus/: %u/%u non-blank lines right (%.2f%%), %u spans (gold %u)\n",
          right, total, 100 * accuracy, n_out, n_gold);
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
  r = sh ("d=$(mktemp -d) && printf 'Bu bir deneme cümlesidir ve Türkçedir.\\n' > \"$d/a,\\\"b.txt\" "
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
  CU_ASSERT_FATAL (g_file_get_contents (TEST_DATA ("freq/expected-form.tsv"), &expected, NULL,
                                        NULL));
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
  const char *order[] = { "bütün", "çatışma", "daha", "ırak", "istanbul", "işbirliği",
                          "itibaren", "sürecinin", "şekilde", "takip" };
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
          "| cut -f 2,3 | tr '\\t\\n' ': '", NULL);
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
  const char *bad[] = { "--sort size", "--top -1", "--min-freq x", "--unit stem --case keep",
                        "--stoplist /nonexistent/list.txt", "--format html", "--forms -2" };
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
              "| grep -c '^tr'", NULL);
  CU_ASSERT_STRING_EQUAL (r.out, "59\n"); /* a.txt's Turkish types, counted by hand */
  CU_ASSERT_PTR_NOT_NULL (strstr (r.err, "derlem: /nonexistent.txt"));
  run_clear (&r);
  r = sh ("$DERLEM freq tests/data/freq/a.txt /nonexistent.txt > /dev/null", NULL);
  CU_ASSERT_EQUAL (r.status, 1);
  run_clear (&r);
  /* A 3 MB line without a space: cut into 1 MiB tokens, shown shortened in
   * text, whole in TSV. */
  r = sh ("d=$(mktemp -d) && head -c 3000000 /dev/zero | tr '\\0' a > \"$d/long.txt\" && "
          "$DERLEM freq --assume-lang en \"$d\" | awk '{ print length($0) }' | sort -n | tail -n 1 && "
          "$DERLEM freq --assume-lang en --format tsv \"$d\" | awk -F '\t' 'NR > 1 { print length($3), $4 }'; "
          "rm -r \"$d\"", NULL);
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
  CU_add_test (s, "bad_inputs_are_reported_and_the_rest_done", test_bad_inputs_are_reported_and_the_rest_done);
  CU_add_test (s, "output_file_is_atomic", test_output_file_is_atomic);
  CU_add_test (s, "stdin_and_bundled_corpus", test_stdin_and_bundled_corpus);
  CU_add_test (s, "windows_1254_file_is_decoded", test_windows_1254_file_is_decoded);
  CU_add_test (s, "freq_fixture_counted_by_hand", test_freq_fixture_counted_by_hand);
  CU_add_test (s, "freq_corpus_counts", test_freq_corpus_counts);
  CU_add_test (s, "freq_orders_and_filters", test_freq_orders_and_filters);
  CU_add_test (s, "freq_usage_errors", test_freq_usage_errors);
  CU_add_test (s, "freq_bundled_corpus_top_20", test_freq_bundled_corpus_top_20);
}
