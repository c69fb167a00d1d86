/* test-cli-common.c — the built ./derlem run as users run it, for what
 * every command shares: exit statuses, usage errors, --help in English and
 * Turkish, bad inputs, -o, stdin and the bundled corpus, encodings, the
 * same output with --no-fast-path. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"

static void
test_version_and_usage_errors (void)
{
  CliRun r = cli_run ("$DERLEM --version", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "derlem " PACKAGE_VERSION "\n");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM", NULL);
  DL_ASSERT_INT_EQ (r.status, 2);
  cli_run_clear (&r);

  r = cli_run ("$DERLEM frobnicate", NULL);
  DL_ASSERT_INT_EQ (r.status, 2);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: unknown command 'frobnicate'");
  cli_run_clear (&r);

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
      r = cli_run_usage_error (bad[i][0], bad[i][1]);
      DL_ASSERT_TRUE_FOR (bad[i][0], g_str_has_prefix (r.err, "derlem: "));
      cli_run_clear (&r);
    }
}

static void
test_help_in_english_and_turkish (void)
{
  CliRun r = cli_run ("$DERLEM --help", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "Usage: derlem COMMAND");
  DL_ASSERT_STR_CONTAINS (r.out, "langs");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM help langs", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "file start_line end_line lang");
  DL_ASSERT_STR_CONTAINS (r.out, "--assume-lang");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM --help", "tr");
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "Kullanım: derlem KOMUT");
  DL_ASSERT_STR_CONTAINS (r.out, "Komutlar:");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM help langs", "tr");
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.out, "Yalnızca bu dili raporla");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM langs /nonexistent.txt", "tr");
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent.txt: ");
  cli_run_clear (&r);
}

static void
test_bad_inputs_are_reported_and_the_rest_done (void)
{
  /* A missing path, a binary file and an empty file beside a good one. */
  CliRun r
      = cli_run ("d=$(mktemp -d) && printf '%%PDF-1.4\\n\\0\\0\\0' > $d/a.txt && : > $d/b.txt && "
                 "cp corpus/commentary-tr-karabag-2023.txt $d/c.txt && "
                 "$DERLEM langs --format tsv /nonexistent $d; echo \"status=$?\"; rm -r $d",
                 NULL);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: /nonexistent: No such file or directory\n");
  DL_ASSERT_STR_CONTAINS (r.err, "/a.txt: binary file (PDF), skipped\n");
  DL_ASSERT_STR_CONTAINS (r.err, "/b.txt: empty file\n");
  DL_ASSERT_STR_CONTAINS (r.out, "/c.txt\t1\t123\ttr\n");
  DL_ASSERT_STR_CONTAINS (r.out, "status=1\n");
  cli_run_clear (&r);

  /* Invalid bytes: a warning naming file, line and offset; exit status 1. */
  r = cli_run (
      "d=$(mktemp -d) && printf 'Bu satır Türkçedir ve doğrudur.\\nBu satırda \\377 var.\\n' "
      "> $d/x.txt && $DERLEM langs --format tsv $d/x.txt; echo \"status=$?\"; rm -r $d",
      NULL);
  DL_ASSERT_STR_CONTAINS (r.err, "/x.txt:2: invalid UTF-8 at byte offset 48");
  DL_ASSERT_STR_CONTAINS (r.out, "\t1\t2\ttr\nstatus=1\n");
  cli_run_clear (&r);
}

static void
test_output_file_is_atomic (void)
{
  CliRun r
      = cli_run ("d=$(mktemp -d) && $DERLEM langs --format tsv -o $d/out.tsv "
                 "corpus/commentary-tr-karabag-2023.txt && cat $d/out.tsv && ls -A $d; rm -r $d",
                 NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n"
                           "corpus/commentary-tr-karabag-2023.txt\t1\t123\ttr\n"
                           "out.tsv\n");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM langs -o /nonexistent-dir/out.tsv corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: cannot write /nonexistent-dir/out.tsv");
  cli_run_clear (&r);

  r = cli_run ("$DERLEM langs corpus > /dev/full", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "No space left on device");
  cli_run_clear (&r);
}

static void
test_stdin_and_bundled_corpus (void)
{
  CliRun r = cli_run ("$DERLEM langs --format tsv < corpus/commentary-tr-karabag-2023.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n-\t1\t123\ttr\n");
  cli_run_clear (&r);

  r = cli_run ("cat corpus/commentary-tr-karabag-2023.txt | $DERLEM langs --format tsv -", NULL);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n-\t1\t123\ttr\n");
  cli_run_clear (&r);

  /* No PATH and /dev/null, or a script's empty input: that empty input is
     read, not the bundled corpus (a person's script must not get the
     sample's numbers). */
  r = cli_run ("$DERLEM langs --format tsv < /dev/null", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "file\tstart_line\tend_line\tlang\n");
  DL_ASSERT_STR_CONTAINS (r.err, "-: empty file");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq < /dev/null", NULL);
  DL_ASSERT_STR_EQ (r.out, "tr: 0 tokens, 0 types\n\nen: 0 tokens, 0 types\n");
  cli_run_clear (&r);
  /* At a terminal (script(1) gives one), no PATH means the bundled corpus. */
  r = cli_run ("script -qec '$DERLEM langs --format tsv --progress never' /dev/null | tr -d '\\r'",
               NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "bundled sample corpus");
  DL_ASSERT_STR_CONTAINS (r.out, "corpus/commentary-tr-karabag-2023.txt\t1\t123\ttr\n");
  cli_run_clear (&r);
}

static void
test_windows_1254_file_is_decoded (void)
{
  /* "Işık ağır" and more, in windows-1254, after a long English abstract. */
  CliRun r = cli_run (
      "d=$(mktemp -d) && i=0; while [ $i -lt 150 ]; do "
      "echo 'This paper examines how the war changed the foreign policy of the region.'; "
      "i=$((i+1)); done > $d/x.txt && "
      "printf 'Bu \\347al\\375\\376mada sava\\376\\375n sonu\\347lar\\375 '"
      "'\\374zerinde duruldu\\360u g\\366r\\374l\\374r.\\n' >> $d/x.txt && "
      "$DERLEM langs --format tsv $d/x.txt; rm -r $d",
      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_CONTAINS (r.err, "windows-1254");
  DL_ASSERT_STR_CONTAINS (r.out, "\t1\t150\ten\n");
  DL_ASSERT_STR_CONTAINS (r.out, "\t151\t151\ttr\n");
  cli_run_clear (&r);
}

/* English function words, which no Turkish help text has a reason to hold
 * (option names, their values and the TSV column names, a contract in
 * English, are taken out before looking; "in" and "not" are Turkish too:
 * Ahmet'in, not). */
static const char *const english[]
    = { "the",  "and",  "of",   "to",    "with", "for",  "is",   "are",   "by",   "from",
        "each", "only", "when", "which", "than", "this", "that", "these", "into", "or",
        "an",   "its",  "it",   "be",    "as",   "at",   "if",   "was",   "has",  NULL };

static void
test_turkish_help_has_no_english (void)
{
  static const char *const commands[]
      = { "langs",   "freq",       "kwic",    "colloc",  "ngrams",   "stats",
          "keyness", "dispersion", "profile", "compare", "exercise", NULL };
  for (guint c = 0; commands[c] != NULL; c++)
    {
      /* Option names and their values, and the column lists, out. */
      g_autofree char *cmd = g_strdup_printf (
          "$DERLEM help %s | sed -E '/^TSV sütunları/,/^$/d; s/--?[a-z][a-z-]*(=[^ ]*)?//g; "
          "s/(default|none|auto|always|never|fold|keep|form|stem|lemma|tsv|csv|json|html|"
          "markdown|text|all)([,) ]|$)/\\2/g'",
          commands[c]);
      CliRun r = cli_run (cmd, "tr");
      DL_ASSERT_INT_EQ_FOR (commands[c], r.status, 0);
      g_auto (GStrv) words = g_regex_split_simple ("[^\\p{L}]+", r.out, 0, 0);
      for (guint i = 0; words[i] != NULL; i++)
        if (g_strv_contains (english, words[i]))
          {
            g_autofree char *label = g_strdup_printf ("%s: \"%s\"", commands[c], words[i]);
            DL_ASSERT_TRUE_FOR (label, FALSE);
          }
      cli_run_clear (&r);
    }
}

static void
test_glib_messages_in_derlem_style (void)
{
  /* GLib's parser errors read like derlem's own: lower-case, plain quotes,
   * in Turkish too. */
  CliRun r = cli_run_usage_error ("$DERLEM freq --top x corpus",
                                  "derlem: cannot parse integer value 'x' for --top\n");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM freq --bogus corpus", "derlem: unknown option --bogus\n");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM freq --top x corpus", "tr");
  DL_ASSERT_INT_EQ (r.status, 2);
  DL_ASSERT_STR_CONTAINS (r.err, "'x'");
  DL_ASSERT_TRUE_FOR (r.err, strstr (r.err, "“") == NULL && g_str_has_prefix (r.err, "derlem: "));
  cli_run_clear (&r);
}

static void
test_bash_completion (void)
{
  /* data/completion/derlem completes commands, options and their values,
   * and files, from what derlem says of itself. */
  CliRun r = cli_run (
      "bash -c 'source data/completion/derlem; "
      "comp () { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _derlem; "
      "printf \"%s \" \"${COMPREPLY[@]}\" | tr \" \" \"\\n\" | sort | tr \"\\n\" \" \"; echo; }; "
      "comp \"$DERLEM\" co; comp \"$DERLEM\" help d; comp \"$DERLEM\" freq --for; "
      "comp \"$DERLEM\" freq --format \"\"; comp \"$DERLEM\" compare --format \"\"; "
      "comp \"$DERLEM\" freq --format=j; comp \"$DERLEM\" kwic --unit s; "
      "comp \"$DERLEM\" freq corpus/commentary-e; comp \"$DERLEM\" stats --meta corpus/MAN; "
      "comp \"$DERLEM\" exercise --kind \"\"; comp \"$DERLEM\" exercise --bands corpus/MAN; "
      "comp \"$DERLEM\" ex; comp \"$DERLEM\" export --format \"\"; "
      "comp \"$DERLEM\" count --save corpus/MAN'",
      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "colloc compare count \n"
                           "dispersion \n"
                           "--format --forms \n"
                           "csv html json markdown text tsv \n"
                           "html markdown text \n"
                           "--format=json \n"
                           "stem \n"
                           "corpus/commentary-en-karabakh-liberation.txt \n"
                           "corpus/MANIFEST.tsv \n"
                           "choice collocation gapfill order \n"
                           "corpus/MANIFEST.tsv \n"
                           "exercise export \n"
                           "vrt \n"
                           "corpus/MANIFEST.tsv \n");
  cli_run_clear (&r);
}

static void
test_diagnostics_show_names_escaped (void)
{
  /* A binary file whose name holds a line break, an escape sequence that
   * clears a terminal and a byte that is not UTF-8, found in a directory:
   * its diagnostic is one line of UTF-8, the name escaped (issue 16). */
  char *path = dl_test_temp_file ("evil\n\033[2J\xff.txt", "a\0\0\0\0b\0\0\0\0c\0\0\0\0", 15);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *cmdline = g_strdup_printf ("$DERLEM freq --glob '*' '%s'", dir);
  CliRun r = cli_run (cmdline, NULL);
  g_autofree char *expected
      = g_strdup_printf ("derlem: %s/evil\\n\\x1b[2J\\xff.txt: binary file", dir);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, expected);
  CU_ASSERT_PTR_NULL (strchr (r.err, '\033'));
  CU_ASSERT_TRUE (g_utf8_validate (r.err, -1, NULL));
  CU_ASSERT_PTR_NOT_NULL (strchr (r.err, '\n'));
  CU_ASSERT_PTR_NULL (strchr (strchr (r.err, '\n') + 1, '\n')); /* one line */
  cli_run_clear (&r);
  dl_test_temp_remove (path);
}

static void
test_double_dash_ends_options (void)
{
  /* After "--" a word starting with '-' is an operand, a PATH or the
   * QUERY; "--" itself is no file and no query (issue 16). */
  char *path = dl_test_temp_file ("-dash.txt", "x -war y\n", -1);
  g_autofree char *dir = g_path_get_dirname (path);
  static const struct {
    const char *args, *out, *err;
    int status;
  } cases[] = {
    { "freq --assume-lang en --format tsv -- -dash.txt",
      "lang\trank\titem\tfreq\tper_million\trange\n"
      "en\t1\twar\t1\t333333.33\t1\nen\t2\tx\t1\t333333.33\t1\nen\t3\ty\t1\t333333.33\t1\n",
      "", 0 },
    { "kwic --assume-lang en --format tsv -- -war -dash.txt",
      "lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
      "en\t-dash.txt\t1\tx -\twar\t y\t3\t-war\n",
      "", 0 },
    { "kwic --assume-lang en --format tsv war -- -dash.txt",
      "lang\tfile\tline\tleft\tnode\tright\tposition\tquery\n"
      "en\t-dash.txt\t1\tx -\twar\t y\t3\twar\n",
      "", 0 },
    /* A second "--" is an operand: a file of that name. */
    { "langs --format tsv -- -dash.txt --",
      "file\tstart_line\tend_line\tlang\n-dash.txt\t1\t1\ten\n",
      "derlem: --: No such file or directory\n", 1 },
    /* Without "--", an option (unknown). */
    { "freq -dash.txt", "", "derlem: unknown option -dash.txt\nTry 'derlem help freq'.\n", 2 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cmdline = g_strdup_printf ("cd '%s' && $DERLEM %s", dir, cases[i].args);
      CliRun r = cli_run (cmdline, NULL);
      DL_ASSERT_INT_EQ_FOR (cases[i].args, r.status, cases[i].status);
      DL_ASSERT_STR_EQ_FOR (cases[i].args, r.out, cases[i].out);
      DL_ASSERT_STR_EQ_FOR (cases[i].args, r.err, cases[i].err);
      cli_run_clear (&r);
    }
  dl_test_temp_remove (path);
}

/* A file of more than two parts (parts.h) is read by several threads: each
 * command gives what one thread gives, byte for byte, messages too. */
static void
test_one_file_read_in_parts_by_threads (void)
{
  char *path = dl_test_corpus_file ("big.txt", 5u << 19, "\r\nbozuk \xFF bayt\r\n\n");
  static const char *const commands[]
      = { "freq --unit stem", "kwic savaş", "colloc savaş", "ngrams -n 3", "langs", "stats",
          "dispersion savaş" };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *one
          = g_strdup_printf ("$DERLEM %s --format tsv --threads 1 '%s'", commands[i], path);
      g_autofree char *three
          = g_strdup_printf ("$DERLEM %s --format tsv --threads 3 '%s'", commands[i], path);
      CliRun a = cli_run (one, NULL), b = cli_run (three, NULL);
      DL_ASSERT_INT_EQ_FOR (commands[i], a.status, 1); /* the invalid bytes */
      DL_ASSERT_INT_EQ_FOR (commands[i], b.status, a.status);
      DL_ASSERT_TRUE_FOR (commands[i], strlen (a.out) > 100);
      DL_ASSERT_STR_EQ_FOR (commands[i], b.out, a.out);
      DL_ASSERT_STR_EQ_FOR (commands[i], b.err, a.err);
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  dl_test_temp_remove (path);
}

/* Lines that take every way through the tokenizer and the normalizer:
 * apostrophes of every kind, Turkish capitals, numbers with suffixes,
 * abbreviations, dates, URLs, e-mail addresses, emoticons, and lines the
 * fast path leaves to ICU (other scripts, combining marks, emoji). */
static const char TRICKY[]
    = "İSTANBUL’UN ve IĞDIR'IN, Azerbaycanʼın ve Ankara´nın 1990’ların TB2’nin yükü.\n"
      "Dr. Ş. Aliyev 10:53'te, 19.09.2023 ve 2020-11-10 tarihinde e-posta gönderdi: "
      "aliyev@example.org, https://example.org/a_b (U.S. ve e.g. gibi) :D <3 #derlem @user\n"
      "The students’ union met on 3,5 km² of ‘Straße’ — “Karabağ Savaşı”na değil… 1_000 x_1\n"
      "İİ Iı ŞşĞğÇçÖöÜü ÂÎÛ ß µm ŉ ǅ × 2\u2009000\u00A0TL 5€ 10₺ l·l a․b\n"
      "Ω-3 yağ 東京 بسم e\xCC\x81te 👍🏽 a\xC2\xAD"
      "b c\xE2\x80\x8D"
      "d İstanbul’da\n"
      "The war ended in 1994; the talks began in Bishkek, and Baku’s army waited.\n";

static void
test_no_fast_path_same_output (void)
{
  /* --no-fast-path changes nothing but the time taken (issue 17). */
  char *path = dl_test_temp_file ("tricky.txt", TRICKY, -1);
  static const char *const commands[] = {
    "langs --format tsv corpus TRICKY",
    "freq --format tsv --numbers corpus TRICKY",
    "freq --format tsv --case keep corpus TRICKY",
    "freq --format tsv --unit stem corpus TRICKY",
    "kwic --format tsv Karabağ corpus TRICKY",
    "kwic --format tsv --unit stem savaş corpus TRICKY",
    "colloc --format tsv --all corpus TRICKY",
    "ngrams -n 3 --format tsv corpus TRICKY",
    "stats --format tsv corpus TRICKY",
    "keyness --format tsv TRICKY corpus/commentary-tr-karabag-2023.txt --ref corpus",
    "dispersion --format tsv savaş corpus TRICKY",
    "profile --format tsv TRICKY corpus/commentary-en-karabakh-liberation.txt",
    "exercise --format tsv --seed 1 savaş corpus TRICKY",
    "compare --format markdown corpus TRICKY",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr (GString) args = g_string_new (commands[i]);
      g_string_replace (args, "TRICKY", path, 0);
      g_autofree char *fast = g_strdup_printf ("$DERLEM %s", args->str);
      g_autofree char *icu = g_strdup_printf ("$DERLEM %s --no-fast-path", args->str);
      CliRun a = cli_run (fast, NULL), b = cli_run (icu, NULL);
      DL_ASSERT_INT_EQ_FOR (icu, a.status, 0);
      DL_ASSERT_INT_EQ_FOR (icu, b.status, 0);
      DL_ASSERT_TRUE_FOR (icu, strlen (a.out) > 100);
      DL_ASSERT_STR_EQ_FOR (icu, b.out, a.out);
      DL_ASSERT_STR_EQ_FOR (icu, b.err, a.err);
      cli_run_clear (&a);
      cli_run_clear (&b);
    }
  dl_test_temp_remove (path);
}

void
test_cli_common_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-common", NULL, NULL);
  CU_add_test (s, "version_and_usage_errors", test_version_and_usage_errors);
  CU_add_test (s, "help_in_english_and_turkish", test_help_in_english_and_turkish);
  CU_add_test (s, "bad_inputs_are_reported_and_the_rest_done",
               test_bad_inputs_are_reported_and_the_rest_done);
  CU_add_test (s, "output_file_is_atomic", test_output_file_is_atomic);
  CU_add_test (s, "stdin_and_bundled_corpus", test_stdin_and_bundled_corpus);
  CU_add_test (s, "bash_completion", test_bash_completion);
  CU_add_test (s, "glib_messages_in_derlem_style", test_glib_messages_in_derlem_style);
  CU_add_test (s, "turkish_help_has_no_english", test_turkish_help_has_no_english);
  CU_add_test (s, "windows_1254_file_is_decoded", test_windows_1254_file_is_decoded);
  CU_add_test (s, "diagnostics_show_names_escaped", test_diagnostics_show_names_escaped);
  CU_add_test (s, "double_dash_ends_options", test_double_dash_ends_options);
  CU_add_test (s, "one_file_read_in_parts_by_threads", test_one_file_read_in_parts_by_threads);
  CU_add_test (s, "no_fast_path_same_output", test_no_fast_path_same_output);
}
