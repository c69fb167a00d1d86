/* test-cli-profile.c — `derlem profile`: a text's bands counted by hand
 * against a hand-made reference list, the bundled corpus as the default
 * reference, stems finding their band, the HTML view (escaped, every word
 * in its band's class, drawn in Chromium), usage errors. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "tests.h"

#define DATA "tests/data/profile/"
#define PROFILE "$DERLEM profile --assume-lang en --bands " DATA "ref.tsv --band-size 2 "

static void
test_profile_bands_by_hand (void)
{
  /* ref.tsv ranks the war peace river mill; bands of 2 ranks: the war (2),
   * peace river (4), mill (6). text.txt: the ×4, war, and, peace, of, mill,
   * zebra, b ×2 (of <b> and </b>), end: 13 tokens, 9 types. Band 2: the
   * war, 5 tokens (38.46 %), 2 types (22.22 %); 4: peace; 6: mill; off the
   * list: and of zebra b b end, 6 tokens (46.15 %), 5 types (55.56 %). */
  CliRun r = cli_run (PROFILE "--format tsv " DATA "text.txt", NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, "lang\tband\ttokens\tpct_tokens\ttypes\tpct_types\n"
                           "en\t2\t5\t38.46\t2\t22.22\n"
                           "en\t4\t1\t7.69\t1\t11.11\n"
                           "en\t6\t1\t7.69\t1\t11.11\n"
                           "en\toff-list\t6\t46.15\t5\t55.56\n");
  cli_run_clear (&r);
  /* For people: the heading, and the off-list words, most frequent first. */
  r = cli_run (PROFILE "--lang en " DATA "text.txt", NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "en: 13 tokens, 9 types; the reference ranks 5 words\n");
  DL_ASSERT_STR_CONTAINS (r.out, "off the list: b (2), and (1), end (1), of (1), zebra (1)\n");
  cli_run_clear (&r);
  /* A long list of off-list words is wrapped at 78 columns. */
  r = cli_run ("printf 'Quixotic zephyrs bamboozle flabbergasted curmudgeons whilst obstreperous "
               "nincompoops discombobulate lackadaisical ragamuffins.\\n' | " PROFILE "-",
               NULL);
  DL_ASSERT_STR_CONTAINS (
      r.out, "off the list: bamboozle (1), curmudgeons (1), discombobulate (1),\n"
             "  flabbergasted (1), lackadaisical (1), nincompoops (1), obstreperous (1),\n"
             "  quixotic (1), ragamuffins (1), whilst (1), zephyrs (1)\n");
  cli_run_clear (&r);
  /* A list saved in another order is ranked by frequency again. */
  r = cli_run ("(head -n 1 " DATA "ref.tsv; tail -n +2 " DATA
               "ref.tsv | sort -k 3) > ref-alpha.tsv "
               "&& $DERLEM profile --assume-lang en --bands ref-alpha.tsv --band-size 2 "
               "--format tsv " DATA "text.txt | cut -f 2,3; rm -f ref-alpha.tsv",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "band\ttokens\n2\t5\n4\t1\n6\t1\noff-list\t6\n");
  cli_run_clear (&r);
}

static void
test_profile_bundled_reference (void)
{
  /* By default the bundled corpus ranks the words (its 1167 English forms):
   * the commentary's words by their rank in freq's list of the corpus, the
   * apostrophes of the two lists' headwords made one (an oracle in awk). */
  CliRun want = cli_run (
      "$DERLEM freq --lang en --format tsv corpus > all.tsv && "
      "$DERLEM freq --lang en --format tsv corpus/commentary-en-karabakh-liberation.txt > c.tsv "
      "&& awk -F '\t' 'FNR == 1 { next } { gsub(/’/, \"\\047\", $3) } "
      "NR == FNR { band[$3] = $2 > 1000 ? 2 : 1; next } { t[band[$3]] += $4; n[band[$3]]++ } "
      "END { printf \"en\\t1k\\t%d\\t%d\\nen\\t2k\\t%d\\t%d\\nen\\toff-list\\t0\\t0\\n\", "
      "t[1], n[1], t[2], n[2] }' all.tsv c.tsv; rm -f all.tsv c.tsv",
      NULL);
  CliRun r = cli_run ("$DERLEM profile --lang en --format tsv "
                      "corpus/commentary-en-karabakh-liberation.txt | tail -n +2 | cut -f 1,2,3,5",
                      NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  DL_ASSERT_STR_EQ (r.out, want.out);
  DL_ASSERT_STR_EQ (r.out, "en\t1k\t2816\t691\nen\t2k\t101\t101\nen\toff-list\t0\t0\n");
  cli_run_clear (&want);
  cli_run_clear (&r);
  r = cli_run ("$DERLEM profile --lang en corpus/commentary-en-karabakh-liberation.txt", NULL);
  DL_ASSERT_STR_CONTAINS (r.out, "the reference ranks 1167 words\n");
  cli_run_clear (&r);
  /* Stems: an inflected form finds its stem's band (karabağ'ın, kept whole
     in the reference, by its form). */
  /* --encoding is the text's: the bundled reference is read as it is. */
  r = cli_run ("printf 'Karabağ savaşı ve barış görüşmeleri\\n' | iconv -f utf-8 -t windows-1254 | "
               "$DERLEM profile --encoding windows-1254 --lang tr --format tsv - | cut -f 2,3",
               NULL);
  /* freq's list ranks ve 1, karabağ 10, savaşı 65, barış 204, görüşmeleri 1763. */
  DL_ASSERT_STR_EQ (r.out, "band\ttokens\n1k\t4\n2k\t1\noff-list\t0\n");
  cli_run_clear (&r);
  r = cli_run ("printf 'Karabağ’ın savaşları ve kompozisyonlar.\\n' | $DERLEM profile --unit stem "
               "--assume-lang tr --format tsv - | cut -f 2,3",
               NULL);
  DL_ASSERT_STR_EQ (r.out, "band\ttokens\n1k\t3\noff-list\t1\n");
  cli_run_clear (&r);
}

static void
test_profile_html_view (void)
{
  /* Every counted word in its band's span, the text escaped, a legend; the
   * page nests and Chromium draws the off-list words dark. */
  g_autofree char *dir = g_dir_make_tmp ("derlem-profile-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *html = g_build_filename (dir, "p.html", NULL);
  g_autofree char *png = g_build_filename (dir, "p.png", NULL);
  g_autofree char *cmd = g_strdup_printf (PROFILE "--format html -o '%s' " DATA "text.txt", html);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ (r.status, 0);
  cli_run_clear (&r);
  g_autofree char *page = NULL;
  CU_ASSERT_TRUE_FATAL (g_file_get_contents (html, &page, NULL, NULL));
  DL_ASSERT_STR_CONTAINS (
      page, "<pre class=\"profile\"><span class=\"b1\">The</span> <span class=\"b1\">war</span> "
            "<span class=\"off\">and</span> <span class=\"b1\">the</span> "
            "<span class=\"b2\">peace</span> <span class=\"off\">of</span> "
            "<span class=\"b1\">the</span> <span class=\"b3\">mill</span>. "
            "<span class=\"off\">Zebra</span> &lt;<span class=\"off\">b</span>&gt;&amp;&lt;/"
            "<span class=\"off\">b</span>&gt; <span class=\"b1\">the</span> "
            "<span class=\"off\">end</span>!\n</pre>");
  DL_ASSERT_STR_CONTAINS (page, "<p class=\"legend\"><span class=\"b1\">2</span> "
                                "<span class=\"b2\">4</span> <span class=\"b3\">6</span> "
                                "<span class=\"b4\">beyond 6</span> "
                                "<span class=\"off\">off-list</span> </p>");
  DL_ASSERT_TRUE_FOR ("no script", strstr (page, "<script") == NULL);
  g_autoptr (GError) error = NULL;
  gboolean shot = render_html_png (html, png, 800, 600, &error);
  DL_ASSERT_TRUE_FOR (error != NULL ? error->message : "screenshot", shot);
  g_auto (RenderImage) img = { 0, 0, NULL };
  if (shot && render_png_load (png, &img, &error))
    {
      /* The off-list words' dark background (#555) is drawn. */
      guint dark = 0;
      for (gsize p = 0; p < (gsize) img.width * img.height; p++)
        dark += img.pixels[p * 4] == 0x55 && img.pixels[p * 4 + 1] == 0x55
                && img.pixels[p * 4 + 2] == 0x55;
      DL_ASSERT_TRUE_FOR ("off-list words drawn dark", dark > 300);
    }
  cli_remove_dir (dir);
}

static void
test_profile_usage_errors (void)
{
  CliRun r = cli_run_usage_error ("$DERLEM profile --band-size 0 corpus", "'0' for --band-size");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM profile --bands /nonexistent.tsv corpus", "/nonexistent.tsv");
  cli_run_clear (&r);
  r = cli_run_usage_error ("$DERLEM profile --unit stem --bands " DATA "ref.tsv corpus",
                           "is a list of word forms");
  cli_run_clear (&r);
}

void
test_cli_profile_suite (void)
{
  CU_pSuite s = CU_add_suite ("cli-profile", NULL, NULL);
  CU_add_test (s, "bands by hand", test_profile_bands_by_hand);
  CU_add_test (s, "bundled reference", test_profile_bundled_reference);
  CU_add_test (s, "HTML view", test_profile_html_view);
  CU_add_test (s, "usage errors", test_profile_usage_errors);
}
