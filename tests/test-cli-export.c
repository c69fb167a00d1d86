/* test-cli-export.c — `derlem export`: the VRT's structure on corpus/ and
 * a hostile fixture (vrt-check.h), exact token lines, fold, stem and lemma
 * against what freq counts, --meta, --lang, --threads, usage errors. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "tests.h"
#include "vrt-check.h"

#define CORPUS_CMD "$DERLEM export --meta corpus/MANIFEST.tsv corpus"

/* Runs @cmdline, asserts exit 0 and well-formed VRT; the output (g_free). */
static char *
export_ok (const char *cmdline, guint *tokens)
{
  CliRun r = cli_run (cmdline, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.err, "");
  g_autoptr (GString) why = g_string_new (NULL);
  gboolean ok = vrt_check (r.out, why, tokens);
  DL_ASSERT_TRUE_FOR (why->str, ok);
  char *out = g_steal_pointer (&r.out);
  cli_run_clear (&r);
  return out;
}

/* The checker itself: it must refuse what breaks each rule. */
static void
test_export_checker_refuses_broken_vrt (void)
{
  static const char *const bad[] = {
    "<text id=\"a\">\n<s lang=\"tr\">\nx\tx\tx\tx\ttr\n</s>\n",         /* text open */
    "<text id=\"a\">\n<s lang=\"tr\">\nx\tx\tx\ttr\n</s>\n</text>\n",   /* 4 fields */
    "<text id=\"a\">\n<s lang=\"tr\">\nx\t\tx\tx\ttr\n</s>\n</text>\n", /* empty field */
    "<text id=\"a\">\n<s lang=\"tr\">\n</s>\n</text>\n",                /* empty s */
    "<text id=\"a\">\n<s lang=\"tr\">\na<b\tx\tx\tx\ttr\n</s>\n</text>\n",
    "<text id=\"a\">\n<s lang=\"tr\">\na&#39;b\tx\tx\tx\ttr\n</s>\n</text>\n", /* CWB: no &# */
    "<text id=\"a\">\n<s lang=\"tr\">\nx\tx\tx\tx\ten\n</s>\n</text>\n",       /* lang */
    "<s lang=\"tr\">\nx\tx\tx\tx\ttr\n</s>\n",                                 /* s outside text */
    "<text id=\"a>\n<s lang=\"tr\">\nx\tx\tx\tx\ttr\n</s>\n</text>\n",         /* bad attribute */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    DL_ASSERT_TRUE_FOR (bad[i], !vrt_check (bad[i], NULL, NULL));
  const char *good = "<!-- h -->\n<text id=\"a&amp;\">\n<s lang=\"tr\">\nx&apos;\tx\tx\tx\ttr\n"
                     "</s>\n</text>\n";
  guint n = 0;
  CU_ASSERT_TRUE (vrt_check (good, NULL, &n));
  DL_ASSERT_INT_EQ (n, 1);
}

/* corpus/: well-formed, a <text> a file with the MANIFEST's columns. */
static void
test_export_corpus_structure (void)
{
  guint tokens = 0;
  g_autofree char *out = export_ok (CORPUS_CMD " --threads 1", &tokens);
  CU_ASSERT_TRUE (g_str_has_prefix (
      out, "<!-- derlem VRT: p-attributes word fold stem lemma lang; cwb-encode -xsB -c utf8 "
           "-P fold -P stem -P lemma -P lang -S text:0+id+file+title+kind+languages+source "
           "-S s:0+lang -->\n"));
  CU_ASSERT_TRUE (tokens > 20000);
  guint texts = 0;
  for (const char *p = out; (p = strstr (p, "\n<text ")) != NULL; p++)
    texts++;
  DL_ASSERT_INT_EQ (texts, 5);
  DL_ASSERT_STR_CONTAINS (
      out, "\n<text id=\"corpus/commentary-tr-karabag-2023.txt\" "
           "file=\"corpus/commentary-tr-karabag-2023.txt\" "
           "title=\"[Azerbaycan’ın Eylül 2023 Karabağ operasyonu üzerine yorum]\" "
           "kind=\"commentary\" languages=\"tr\" source=\"not stated\">\n<s lang=\"tr\">\n");
  /* The first sentence of an article: a heading line, ended by the
     abbreviation-free "II." sentence break of ICU. */
  DL_ASSERT_STR_CONTAINS (out, "<s lang=\"tr\">\nAZERBAYCAN’IN\tazerbaycan’ın\tazerbaycan\t"
                               "azerbaycan\ttr\nDENGE\tdenge\tdenge\tdenge\ttr\n");
  /* A number keeps its digits as stem and lemma. */
  DL_ASSERT_STR_CONTAINS (out, "\n1990’ların\t1990’ların\t1990\t1990\ttr\n");
}

#define FIXTURE                                                                                          \
  "Azerbaycan’ın başkenti Bakü'dür ve İstanbul’a her gün uçaklar kalkıyor, IRAK da öyle.\n" \
  "The war over the region began in 1992 and the occupation lasted for years.\n"                         \
  "a<b & \"c\" 'd' https://example.org/?a=1&b=<2>\n"                                                     \
  "\"Tekstilpark\"ı için 2.000 kişi çalıştı.\n"                                                   \
  "Καλημέρα κόσμε, τι κάνεις σήμερα;\n"

/* A small hostile fixture, every token line exact. The oracle: the
 * tokenizer's rules (DESIGN §2: '<' and '&' separate, a closing quote +
 * suffix is one word, a URL one token), Turkish folding (İ → i, I → ı),
 * Snowball stems, the lemmatizer's readings, and XML's five entities. */
static void
test_export_hostile_fixture_exact (void)
{
  g_autofree char *path = dl_test_temp_file ("h.txt", FIXTURE, -1);
  g_autofree char *cmd = g_strdup_printf ("cd \"$(dirname '%s')\" && $DERLEM export h.txt", path);
  g_autofree char *out = export_ok (cmd, NULL);
  const char *expected
      = "<!-- derlem VRT: p-attributes word fold stem lemma lang; cwb-encode -xsB -c utf8 "
        "-P fold -P stem -P lemma -P lang -S text:0+id+file -S s:0+lang -->\n"
        "<text id=\"h.txt\" file=\"h.txt\">\n"
        "<s lang=\"tr\">\n"
        "Azerbaycan’ın\tazerbaycan’ın\tazerbaycan\tazerbaycan\ttr\n"
        "başkenti\tbaşkenti\tbaşke\tbaşkenti\ttr\n"
        "Bakü&apos;dür\tbakü&apos;dür\tbakü\tbakü\ttr\n"
        "ve\tve\tve\tve\ttr\n"
        "İstanbul’a\tistanbul’a\tistanbul\tistanbul\ttr\n"
        "her\ther\ther\ther\ttr\n"
        "gün\tgün\tgün\tgün\ttr\n"
        "uçaklar\tuçaklar\tuçak\tuçaklar\ttr\n"
        "kalkıyor\tkalkıyor\tkalkıyor\tkalkıyor\ttr\n"
        "IRAK\tırak\tırak\tırak\ttr\n"
        "da\tda\tda\tda\ttr\n"
        "öyle\töyle\tö\töyle\ttr\n"
        "</s>\n"
        "<s lang=\"en\">\n"
        "The\tthe\tthe\tthe\ten\n"
        "war\twar\twar\twar\ten\n"
        "over\tover\tover\tover\ten\n"
        "the\tthe\tthe\tthe\ten\n"
        "region\tregion\tregion\tregion\ten\n"
        "began\tbegan\tbegan\tbegin\ten\n"
        "in\tin\tin\tin\ten\n"
        "1992\t1992\t1992\t1992\ten\n"
        "and\tand\tand\tand\ten\n"
        "the\tthe\tthe\tthe\ten\n"
        "occupation\toccupation\toccup\toccupation\ten\n"
        "lasted\tlasted\tlast\tlast\ten\n"
        "for\tfor\tfor\tfor\ten\n"
        "years\tyears\tyear\tyear\ten\n"
        "</s>\n"
        "<s lang=\"en\">\n"
        "a\ta\ta\ta\ten\n"
        "b\tb\tb\tb\ten\n"
        "c\tc\tc\tc\ten\n"
        "d\td\td\td\ten\n"
        "https://example.org/?a=1&amp;b=\thttps://example.org/?a=1&amp;b=\t__UNDEF__\t__UNDEF__"
        "\ten\n"
        "</s>\n"
        "<s lang=\"en\">\n"
        "2\t2\t2\t2\ten\n"
        "</s>\n"
        "<s lang=\"tr\">\n"
        "Tekstilpark&quot;ı\ttekstilpark&quot;ı\ttekstilpark\ttekstilpark\ttr\n"
        "için\tiçin\tiç\tiçin\ttr\n"
        "2.000\t2.000\t2.000\t2.000\ttr\n"
        "kişi\tkişi\tkiş\tkişi\ttr\n"
        "çalıştı\tçalıştı\tçalış\tçalıştı\ttr\n"
        "</s>\n"
        "<s lang=\"other\">\n"
        "Καλημέρα\tκαλημέρα\t__UNDEF__\t__UNDEF__\tother\n"
        "κόσμε\tκόσμε\t__UNDEF__\t__UNDEF__\tother\n"
        "τι\tτι\t__UNDEF__\t__UNDEF__\tother\n"
        "κάνεις\tκάνεισ\t__UNDEF__\t__UNDEF__\tother\n"
        "σήμερα\tσήμερα\t__UNDEF__\t__UNDEF__\tother\n"
        "</s>\n"
        "</text>\n";
  DL_ASSERT_STR_EQ (out, expected);
  dl_test_temp_remove (g_steal_pointer (&path));
}

/* Field @field (0-based) of the token lines of @vrt whose lang is tr or
 * en and whose stem is a unit's (not a URL's or an address's), counted
 * per "lang\tvalue"; numbers (a word starting with a digit) only if
 * @numbers. */
static GHashTable *
vrt_counts (const char *vrt, int field, gboolean numbers)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) lines = g_strsplit (vrt, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      if (**l == '<' || **l == '\0')
        continue;
      g_auto (GStrv) f = g_strsplit (*l, "\t", -1);
      if (g_strv_length (f) != 5 || strcmp (f[4], "other") == 0 || strcmp (f[2], "__UNDEF__") == 0
          || (!numbers && g_ascii_isdigit (f[0][0])))
        continue;
      char *key = g_strdup_printf ("%s\t%s", f[4], f[field]);
      gpointer old = g_hash_table_lookup (counts, key);
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
    }
  return counts;
}

/* freq's TSV counted per "lang\tKEY" (KEY: the item, or the unit column
 * for stems and lemmas), the XML entities of @vrt's values applied. */
static GHashTable *
freq_counts (const char *tsv, gboolean by_unit)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) < 6)
        continue;
      g_autofree char *escaped = g_markup_escape_text (by_unit ? f[6] : f[2], -1);
      /* GLib writes &#39; where export writes &apos;. */
      g_auto (GStrv) parts = g_strsplit (escaped, "&#39;", -1);
      g_autofree char *value = g_strjoinv ("&apos;", parts);
      char *key = g_strdup_printf ("%s\t%s", f[0], value);
      gpointer old = g_hash_table_lookup (counts, key);
      guint64 n = g_ascii_strtoull (f[3], NULL, 10);
      g_hash_table_replace (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + n));
    }
  return counts;
}

/* The same counts in both, or the first difference printed. */
static gboolean
same_counts (GHashTable *a, GHashTable *b, const char *label)
{
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (g_hash_table_lookup (b, k) != v)
      {
        printf ("%s: '%s' %u vs %u\n", label, (const char *) k, GPOINTER_TO_UINT (v),
                GPOINTER_TO_UINT (g_hash_table_lookup (b, k)));
        return FALSE;
      }
  if (g_hash_table_size (a) != g_hash_table_size (b))
    {
      printf ("%s: %u keys vs %u\n", label, g_hash_table_size (a), g_hash_table_size (b));
      return FALSE;
    }
  return TRUE;
}

/* The differential test: fold, stem and lemma are what freq counts, token
 * for token, over corpus/ (words alone and with numbers). */
static void
test_export_columns_match_freq (void)
{
  g_autofree char *vrt = export_ok ("$DERLEM export corpus", NULL);
  static const struct {
    const char *freq;
    int field;
    gboolean numbers, by_unit;
  } cases[] = {
    { "$DERLEM freq --format tsv corpus", 1, FALSE, FALSE },
    { "$DERLEM freq --format tsv --numbers corpus", 1, TRUE, FALSE },
    { "$DERLEM freq --format tsv --unit stem corpus", 2, FALSE, TRUE },
    { "$DERLEM freq --format tsv --unit stem --numbers corpus", 2, TRUE, TRUE },
    { "$DERLEM freq --format tsv --unit lemma --numbers corpus", 3, TRUE, TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CliRun r = cli_run (cases[i].freq, NULL);
      DL_ASSERT_INT_EQ (r.status, 0);
      g_autoptr (GHashTable) want = freq_counts (r.out, cases[i].by_unit);
      g_autoptr (GHashTable) got = vrt_counts (vrt, cases[i].field, cases[i].numbers);
      CU_ASSERT_TRUE (g_hash_table_size (want) > 1000);
      DL_ASSERT_TRUE_FOR (cases[i].freq, same_counts (got, want, cases[i].freq));
      cli_run_clear (&r);
    }
}

/* --lang en: English tokens only, and all of them; --threads changes
 * nothing. */
static void
test_export_lang_and_threads (void)
{
  g_autofree char *all = export_ok (CORPUS_CMD " --threads 1", NULL);
  g_autofree char *three = export_ok (CORPUS_CMD " --threads 3", NULL);
  CU_ASSERT_TRUE (strcmp (all, three) == 0);
  guint n_en = 0;
  g_autofree char *en = export_ok (CORPUS_CMD " --lang en", &n_en);
  CU_ASSERT_TRUE (n_en > 3000);
  CU_ASSERT_PTR_NULL (strstr (en, "\ttr\n"));
  CU_ASSERT_PTR_NULL (strstr (en, "\tother\n"));
  CU_ASSERT_PTR_NULL (strstr (en, "<s lang=\"tr\">"));
  guint in_all = 0;
  for (const char *p = all; (p = strstr (p, "\ten\n")) != NULL; p++)
    in_all++;
  DL_ASSERT_INT_EQ (n_en, in_all);
}

/* --meta: columns as attributes (names made CWB's), an id column the id,
 * a file the table lacks gets empty values; clashing names refused. */
static void
test_export_meta (void)
{
  g_autofree char *path = dl_test_temp_file ("a.txt", "Bir iki üç dört beş altı yedi.\n", -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  g_file_set_contents (b, "Sekiz dokuz on.\n", -1, NULL);
  g_autofree char *meta = g_build_filename (dir, "m.tsv", NULL);
  g_file_set_contents (meta, "file\tid\tYıl & Ay\t1990s\na.txt\tA1\t2024 <\"x\">\tz\n", -1, NULL);
  g_autofree char *cmd
      = g_strdup_printf ("cd '%s' && $DERLEM export --meta m.tsv a.txt b.txt", dir);
  g_autofree char *out = export_ok (cmd, NULL);
  DL_ASSERT_STR_CONTAINS (out, "-S text:0+id+file+y_l___ay+_1990s -S s:0+lang -->\n");
  DL_ASSERT_STR_CONTAINS (
      out,
      "\n<text id=\"A1\" file=\"a.txt\" y_l___ay=\"2024 &lt;&quot;x&quot;&gt;\" _1990s=\"z\">\n");
  DL_ASSERT_STR_CONTAINS (out, "\n<text id=\"b.txt\" file=\"b.txt\" y_l___ay=\"\" _1990s=\"\">\n");
  g_autofree char *meta2 = g_build_filename (dir, "m2.tsv", NULL);
  g_file_set_contents (meta2, "file\tTitle\ttitle\na.txt\tx\ty\n", -1, NULL);
  g_autofree char *cmd2 = g_strdup_printf ("cd '%s' && $DERLEM export --meta m2.tsv a.txt", dir);
  CliRun r = cli_run_usage_error (cmd2, "--meta column 'title' and 'Title' would both be the "
                                        "text attribute 'title'");
  cli_run_clear (&r);
  g_autofree char *rm = g_strdup_printf ("rm -f '%s' '%s' '%s'", b, meta, meta2);
  r = cli_run (rm, NULL);
  cli_run_clear (&r);
  dl_test_temp_remove (g_steal_pointer (&path));
}

/* Usage errors, a missing input among good ones, -o. */
static void
test_export_errors_and_output (void)
{
  CliRun r = cli_run_usage_error ("$DERLEM export --format tsv corpus",
                                  "invalid value 'tsv' for --format (expected one of: vrt)");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM export --unit stem corpus", "--unit");
  cli_run_clear (&r);
  r = cli_run ("$DERLEM export --format VRT corpus/commentary-tr-karabag-2023.txt "
               "corpus/no-such-file.txt",
               NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "derlem: corpus/no-such-file.txt: No such file or directory");
  CU_ASSERT_TRUE (vrt_check (r.out, NULL, NULL));
  DL_ASSERT_STR_CONTAINS (r.out, "<text id=\"corpus/commentary-tr-karabag-2023.txt\"");
  cli_run_clear (&r);
  g_autofree char *path = dl_test_temp_file ("out.vrt", "old\n", -1);
  g_autofree char *cmd = g_strdup_printf (
      "$DERLEM export -o '%s' corpus/commentary-tr-karabag-2023.txt && cat '%s'", path, path);
  g_autofree char *direct
      = export_ok ("$DERLEM export corpus/commentary-tr-karabag-2023.txt", NULL);
  g_autofree char *written = export_ok (cmd, NULL);
  DL_ASSERT_STR_EQ (written, direct);
  /* Without its dictionaries there are no lemmas: an error of the run. */
  r = cli_run ("DERLEM_DICPATH=/nonexistent $DERLEM export corpus", NULL);
  DL_ASSERT_INT_EQ (r.status, 1);
  DL_ASSERT_STR_CONTAINS (r.err, "hunspell dictionary tr_TR not found");
  cli_run_clear (&r);
  dl_test_temp_remove (g_steal_pointer (&path));
}

/* Verticalized text beyond what is kept in memory, with temporary files
 * that cannot grow: exit 1, and the reason is the worker's. */
static void
test_export_temporary_file_full (void)
{
  g_autofree char *make = cli_make_mixed (8000);
  cli_assert_temporary_file_full (make, "\"$DERLEM\" export --threads 2 big.txt big2.txt",
                                  "derlem: cannot write a temporary file");
}

void
test_cli_export_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-export", NULL, NULL);
  CU_add_test (s, "export_checker_refuses_broken_vrt", test_export_checker_refuses_broken_vrt);
  CU_add_test (s, "export_corpus_structure", test_export_corpus_structure);
  CU_add_test (s, "export_hostile_fixture_exact", test_export_hostile_fixture_exact);
  CU_add_test (s, "export_columns_match_freq", test_export_columns_match_freq);
  CU_add_test (s, "export_lang_and_threads", test_export_lang_and_threads);
  CU_add_test (s, "export_meta", test_export_meta);
  CU_add_test (s, "export_errors_and_output", test_export_errors_and_output);
  CU_add_test (s, "export_temporary_file_full", test_export_temporary_file_full);
}
