/* test-lemma.c — lemmas (lemma.c, morph-tr.c): Turkish verbs to their root,
 * consonant alternation, function words kept, proper nouns and numbers,
 * English inflection, readings settled by the vocabulary, and the error of
 * a missing dictionary. Oracle: Turkish and English grammar (UD Turkish
 * writes a verb's lemma as its root without -mak: olduğu → ol). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "error.h"
#include "lemma.h"
#include "tests.h"

typedef struct {
  const char *word;
  guint64 freq;
} Entry;

/* A vocabulary of @entries (NULL-ended) into @terms; returns the counts. */
static guint64 *
vocabulary (const Entry *entries, DlLexicon *terms)
{
  guint n = 0;
  while (entries[n].word != NULL)
    n++;
  guint64 *freqs = g_new0 (guint64, n + 1);
  for (guint i = 0; i < n; i++)
    freqs[dl_lexicon_intern (terms, entries[i].word, strlen (entries[i].word), NULL)]
        += entries[i].freq;
  return freqs;
}

/* Every word of @entries whose expected lemma is given (NULL-ended table of
 * word, lemma) maps to it, through the map and one word at a time. */
static void
check_lemmas (DlLemmatizer *lem, DlLang lang, const Entry *entries, const char *const (*cases)[2])
{
  g_autoptr (DlLexicon) terms = dl_lexicon_new ();
  g_autofree guint64 *freqs = vocabulary (entries, terms);
  g_autoptr (DlLexicon) lemmas = dl_lexicon_new ();
  g_autofree guint32 *map = dl_lemmatizer_map (lem, lang, terms, freqs, NULL, lemmas);
  g_autoptr (GString) one = g_string_new (NULL);
  for (guint i = 0; cases[i][0] != NULL; i++)
    {
      guint32 id;
      CU_ASSERT_FATAL (dl_lexicon_lookup (terms, cases[i][0], strlen (cases[i][0]), &id));
      DL_ASSERT_STR_EQ_FOR (cases[i][0], dl_lexicon_string (lemmas, map[id]), cases[i][1]);
      dl_lemmatizer_lemma (lem, lang, terms, freqs, cases[i][0], strlen (cases[i][0]), FALSE, one);
      DL_ASSERT_STR_EQ_FOR (cases[i][0], one->str, cases[i][1]);
    }
}

static DlLemmatizer *
lemmatizer (void)
{
  g_autoptr (GError) error = NULL;
  DlLemmatizer *lem = dl_lemmatizer_new (&error);
  if (lem == NULL)
    fprintf (stderr, "\n  %s", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (lem);
  return lem;
}

static void
test_lemma_turkish (void)
{
  g_autoptr (DlLemmatizer) lem = lemmatizer ();
  static const Entry vocab[] = {
    { "olduğu", 5 },     { "olan", 8 },   { "olur", 3 },        { "olmak", 2 },
    { "oldu", 4 },       { "öyle", 3 },   { "önce", 6 },        { "öte", 1 },
    { "ön", 2 },         { "önünde", 2 }, { "insan", 7 },       { "insanlar", 3 },
    { "ile", 20 },       { "il", 2 },     { "ağaç", 2 },        { "ağacı", 1 },
    { "ağaçlar", 2 },    { "kitap", 3 },  { "kitabı", 1 },      { "kitaplar", 1 },
    { "renk", 2 },       { "rengi", 1 },  { "renkler", 1 },     { "gidiyor", 2 },
    { "gitti", 2 },      { "gitmek", 1 }, { "başlıyorlar", 1 }, { "başladı", 2 },
    { "evlerinden", 1 }, { "ev", 3 },     { "bunları", 1 },     { "bu", 9 },
    { NULL, 0 },
  };
  static const char *const cases[][2] = {
    /* verbs: participles, tenses to the root without -mak */
    { "olduğu", "ol" },
    { "olan", "ol" },
    { "olur", "ol" },
    { "başlıyorlar", "başla" },
    /* function words that inflection would misread (ö-yle, ön-ce, öt-e, il-e) */
    { "öyle", "öyle" },
    { "önce", "önce" },
    { "öte", "öte" },
    { "insan", "insan" },
    { "ile", "ile" },
    /* consonant alternation: ç/c, p/b, k/g, t/d */
    { "ağacı", "ağaç" },
    { "kitabı", "kitap" },
    { "rengi", "renk" },
    { "gidiyor", "git" },
    /* case and possessive chains; a pronoun's n */
    { "evlerinden", "ev" },
    { "önünde", "ön" },
    { "bunları", "bu" },
    { NULL, NULL },
  };
  check_lemmas (lem, DL_LANG_TR, vocab, cases);
}

static void
test_lemma_english (void)
{
  g_autoptr (DlLemmatizer) lem = lemmatizer ();
  static const Entry vocab[] = {
    { "policy", 2 },  { "policies", 3 }, { "military", 2 }, { "went", 1 },      { "was", 5 },
    { "stopped", 1 }, { "studies", 1 },  { "really", 2 },   { "recommend", 1 }, { "us", 2 },
    { "don't", 2 },   { "walking", 1 },  { NULL, 0 },
  };
  static const char *const cases[][2] = {
    { "policies", "policy" },
    { "policy", "policy" },
    { "military", "military" },
    { "went", "go" },
    { "was", "be" },
    { "stopped", "stop" },
    { "studies", "study" },
    { "walking", "walk" },
    { "don't", "do" },
    /* derivations are not inflections: not real, commend, u */
    { "really", "really" },
    { "recommend", "recommend" },
    { "us", "we" },
    { NULL, NULL },
  };
  check_lemmas (lem, DL_LANG_EN, vocab, cases);
}

static void
test_lemma_proper_and_numbers (void)
{
  g_autoptr (DlLemmatizer) lem = lemmatizer ();
  g_autoptr (DlLexicon) terms = dl_lexicon_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  static const struct {
    DlLang lang;
    const char *word;
    gboolean proper;
    const char *lemma;
  } table[] = {
    { DL_LANG_TR, "azerbaycan'ın", FALSE, "azerbaycan" },
    { DL_LANG_TR, "azerbaycan", TRUE, "azerbaycan" },
    /* a name the corpus shows stays whole, though -an reads as a participle */
    { DL_LANG_TR, "ayhan", TRUE, "ayhan" },
    { DL_LANG_TR, "1990'ların", FALSE, "1990" },
    { DL_LANG_EN, "1990's", FALSE, "1990" },
    { DL_LANG_EN, "azerbaijan's", TRUE, "azerbaijan" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    {
      dl_lemmatizer_lemma (lem, table[i].lang, terms, NULL, table[i].word, strlen (table[i].word),
                           table[i].proper, out);
      DL_ASSERT_STR_EQ_FOR (table[i].word, out->str, table[i].lemma);
    }
}

/* yazar is a writer or "writes": the vocabulary decides. */
static void
test_lemma_attested_reading (void)
{
  g_autoptr (DlLemmatizer) lem = lemmatizer ();
  static const Entry verbs[] = {
    { "yazar", 1 }, { "yazmak", 5 }, { "yazdı", 5 }, { "yazıyor", 5 }, { NULL, 0 },
  };
  static const Entry nouns[] = {
    { "yazar", 5 }, { "yazarlar", 3 }, { "yazarın", 3 }, { "yazdı", 1 }, { NULL, 0 },
  };
  static const char *const as_verb[][2] = { { "yazar", "yaz" }, { NULL, NULL } };
  static const char *const as_noun[][2] = { { "yazar", "yazar" }, { NULL, NULL } };
  check_lemmas (lem, DL_LANG_TR, verbs, as_verb);
  check_lemmas (lem, DL_LANG_TR, nouns, as_noun);
}

/* A conjunction is no family: de (and) 145 times in corpus/ made denizi
 * read as de- (to say) + -n-iz-i rather than deniz + -i, and dayalı as
 * da-. */
static void
test_lemma_conjunctions_make_no_family (void)
{
  g_autoptr (DlLemmatizer) lem = lemmatizer ();
  static const Entry vocab[] = {
    { "de", 145 },  { "da", 153 }, { "deniz", 3 },    { "denizi", 1 }, { "dayalı", 5 },
    { "demek", 3 }, { "dedi", 3 }, { "demiştir", 2 }, { NULL, 0 },
  };
  static const char *const cases[][2] = {
    { "denizi", "deniz" }, { "dayalı", "dayalı" }, { "demiştir", "de" },
    { "de", "de" },        { NULL, NULL },
  };
  check_lemmas (lem, DL_LANG_TR, vocab, cases);
}

static void
test_lemma_missing_dictionary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-lemma-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *old = g_strdup (g_getenv (DL_DICPATH_ENV));
  g_setenv (DL_DICPATH_ENV, dir, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlLemmatizer) lem = dl_lemmatizer_new (&error);
  if (old != NULL)
    g_setenv (DL_DICPATH_ENV, old, TRUE);
  else
    g_unsetenv (DL_DICPATH_ENV);
  g_rmdir (dir);
  CU_ASSERT_PTR_NULL (lem);
  CU_ASSERT_TRUE_FATAL (g_error_matches (error, DL_ERROR, DL_ERROR_DATA));
  DL_ASSERT_STR_CONTAINS (error->message, "tr_TR");
  DL_ASSERT_STR_CONTAINS (error->message, "hunspell-tr");
  DL_ASSERT_STR_CONTAINS (error->message, dir);
}

void
test_lemma_suite (void)
{
  CU_pSuite s = CU_add_suite ("lemma", NULL, NULL);
  CU_add_test (s, "turkish", test_lemma_turkish);
  CU_add_test (s, "english", test_lemma_english);
  CU_add_test (s, "proper_and_numbers", test_lemma_proper_and_numbers);
  CU_add_test (s, "attested_reading", test_lemma_attested_reading);
  CU_add_test (s, "conjunctions_make_no_family", test_lemma_conjunctions_make_no_family);
  CU_add_test (s, "missing_dictionary", test_lemma_missing_dictionary);
}
