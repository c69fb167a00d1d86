/* lemma.c — lemmas from hunspell's dictionaries, Turkish morphotactics and
 * the corpus's vocabulary. A Turkish word's readings (morph-tr.h) are kept
 * when the dictionary or the corpus knows their root; among them wins the
 * root that most of the vocabulary's words read to (a family), so that the
 * corpus itself settles what the dictionary leaves open. English takes
 * hunspell's affix stems, a few suffix rules checked against the dictionary
 * and a table of irregular forms. Every dictionary answer is cached. */
#include "config.h"

#include "lemma.h"

#include <string.h>

#include <hunspell.h>

#include "error.h"
#include "i18n.h"
#include "morph-tr.h"
#include "normalize.h"
#include "stem.h"

/* One hunspell dictionary and its answers so far. */
/* A dictionary, found when the lemmatizer is made and loaded when first
 * used: a run over Turkish alone never reads the English one (loading
 * tr_TR takes about half a second). */
typedef struct {
  char *aff, *dic;
  Hunhandle *handle;
  GHashTable *spelled; /* word → GINT_TO_POINTER (1 known, 2 unknown) */
} Dict;

/* What the lemmatizer knows of the vocabulary it was last given: for each
 * root, the number of its words that read to it (a Turkish family). */
typedef struct {
  const DlLexicon *terms;
  guint32 size;
  GHashTable *family[2]; /* root → guint64 tokens of its words that read
                            to it as a noun [0], as a verb [1] */
} Vocab;

struct _DlLemmatizer {
  Dict dict[DL_LANG_COUNT];
  Vocab vocab[DL_LANG_COUNT];
};

static const struct {
  DlLang lang;
  const char *name;
  const char *package;
} dictionaries[] = {
  { DL_LANG_TR, "tr_TR", "hunspell-tr" },
  { DL_LANG_EN, "en_US", "hunspell-en-us" },
};

/* The directories searched, in order: DERLEM_DICPATH alone when it is set
 * (so that a test or a user can pin it), otherwise DICPATH and then the
 * system's. */
static GPtrArray *
search_path (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *value = g_getenv (DL_DICPATH_ENV);
  gboolean pinned = value != NULL;
  if (!pinned)
    value = g_getenv ("DICPATH");
  if (value != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (value, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }
  if (!pinned)
    {
      g_ptr_array_add (dirs, g_strdup ("/usr/share/hunspell"));
      g_ptr_array_add (dirs, g_strdup ("/usr/share/myspell/dicts"));
    }
  return dirs;
}

static gboolean
dict_open (Dict *d, const char *name, const char *package, GError **error)
{
  g_autoptr (GPtrArray) dirs = search_path ();
  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *base = g_build_filename (dirs->pdata[i], name, NULL);
      g_autofree char *aff = g_strconcat (base, ".aff", NULL);
      g_autofree char *dic = g_strconcat (base, ".dic", NULL);
      if (!g_file_test (aff, G_FILE_TEST_IS_REGULAR) || !g_file_test (dic, G_FILE_TEST_IS_REGULAR))
        continue;
      d->aff = g_steal_pointer (&aff);
      d->dic = g_steal_pointer (&dic);
      d->spelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      return TRUE;
    }
  g_ptr_array_add (dirs, NULL);
  g_autofree char *where = g_strjoinv (", ", (char **) dirs->pdata);
  g_set_error (error, DL_ERROR, DL_ERROR_DATA,
               /* Translators: %s: a dictionary name (tr_TR), the Debian package
                  that provides it, the directories looked in. */
               _ ("hunspell dictionary %s not found (install the package %s, or name its "
                  "directory in %s); looked in %s"),
               name, package, DL_DICPATH_ENV, where);
  return FALSE;
}

DlLemmatizer *
dl_lemmatizer_new (GError **error)
{
  g_autoptr (DlLemmatizer) lem = g_new0 (DlLemmatizer, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (dictionaries); i++)
    if (!dict_open (&lem->dict[dictionaries[i].lang], dictionaries[i].name, dictionaries[i].package,
                    error))
      return NULL;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    for (int k = 0; k < 2; k++)
      lem->vocab[l].family[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return g_steal_pointer (&lem);
}

void
dl_lemmatizer_free (DlLemmatizer *lem)
{
  if (lem == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      if (lem->dict[l].handle != NULL)
        Hunspell_destroy (lem->dict[l].handle);
      g_free (lem->dict[l].aff);
      g_free (lem->dict[l].dic);
      g_clear_pointer (&lem->dict[l].spelled, g_hash_table_unref);
      g_clear_pointer (&lem->vocab[l].family[0], g_hash_table_unref);
      g_clear_pointer (&lem->vocab[l].family[1], g_hash_table_unref);
    }
  g_free (lem);
}

/* Does the dictionary know @word (NUL-terminated)? */
/* The hunspell handle of @d, loaded on first use. */
static Hunhandle *
dict_handle (Dict *d)
{
  if (d->handle == NULL)
    d->handle = Hunspell_create (d->aff, d->dic);
  return d->handle;
}

static gboolean
dict_knows (Dict *d, const char *word)
{
  gpointer known = g_hash_table_lookup (d->spelled, word);
  if (known == NULL)
    {
      known = GINT_TO_POINTER (Hunspell_spell (dict_handle (d), word) ? 1 : 2);
      g_hash_table_insert (d->spelled, g_strdup (word), known);
    }
  return GPOINTER_TO_INT (known) == 1;
}

void
dl_lemmatizer_dictionary_stem (DlLemmatizer *lem, DlLang lang, const char *folded, gsize len,
                               GString *out)
{
  g_string_truncate (out, 0);
  g_string_append_len (out, folded, (gssize) len);
  if (lang != DL_LANG_TR && lang != DL_LANG_EN)
    return;
  Hunhandle *h = dict_handle (&lem->dict[lang]);
  char **stems = NULL;
  int n = Hunspell_stem (h, &stems, out->str);
  if (n > 0)
    {
      g_string_truncate (out, 0);
      g_string_append (out, stems[0]);
    }
  Hunspell_free_list (h, &stems, n);
}

/* Turkish words that inflection would misread (il-e, iç-in, öt-e): the
 * conjunctions, postpositions and adverbs of the grammar, kept whole. */
static const char *const tr_closed[] = {
  "ama",    "ancak",  "artık",   "ayrıca", "az",     "bazen",  "belki", "beri",  "bile",
  "böyle",  "çok",    "çünkü",   "da",     "daha",   "de",     "değil", "diye",  "doğru",
  "dolayı", "eğer",   "elbette", "en",     "evet",   "fakat",  "gene",  "gibi",  "göre",
  "hâlâ",   "hala",   "hayır",   "hem",    "hemen",  "henüz",  "hep",   "hiç",   "için",
  "ile",    "iken",   "ise",     "işte",   "kadar",  "karşın", "ki",    "lakin", "mı",
  "mi",     "mu",     "mü",      "nasıl",  "ne",     "neden",  "önce",  "öte",   "öyle",
  "pek",    "rağmen", "sadece",  "sanki",  "sonra",  "şimdi",  "şöyle", "tabii", "üzere",
  "ve",     "veya",   "ya",      "yahut",  "yalnız", "yani",   "yine",  "zaten",
};

/* The personal and demonstrative pronouns whose stem changes (bana, onu):
 * the lemma, then the stems it takes (NULL-ended); after o, bu, şu a case
 * or plural ending comes with n (onu, bunlar). */
static const char *
tr_pronoun (const char *word)
{
  static const char *const bases[][2] = {
    { "ben", "ben" }, { "ban", "ben" }, { "sen", "sen" }, { "san", "sen" },
    { "on", "o" },    { "bun", "bu" },  { "şun", "şu" },
  };
  static const char *const endings[] = {
    "",      "a",      "i",     "ı",    "u",    "im",  "in",   "un",    "de",
    "da",    "den",    "dan",   "le",   "la",   "lar", "ları", "ların", "lara",
    "larda", "lardan", "larla", "deki", "daki", "ce",  "ca",
  };
  for (gsize b = 0; b < G_N_ELEMENTS (bases); b++)
    if (g_str_has_prefix (word, bases[b][0]))
      for (gsize e = 0; e < G_N_ELEMENTS (endings); e++)
        if (strcmp (word + strlen (bases[b][0]), endings[e]) == 0
            && !(e == 0 && strcmp (bases[b][0], bases[b][1]) != 0))
          return bases[b][1];
  return NULL;
}

static gboolean
in_list (const char *const *list, gsize n, const char *word)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
attested (const DlLexicon *terms, const guint64 *freqs, const char *word)
{
  guint32 id;
  return terms != NULL && dl_lexicon_lookup (terms, word, strlen (word), &id)
         && (freqs == NULL || freqs[id] > 0);
}

/* What is kept of a root's readings: the fewest suffixes, the kinds. */
#define ROOT_INFO(suffixes, kinds) GUINT_TO_POINTER (((suffixes) + 1) | ((guint) (kinds) << 16))
#define ROOT_SUFFIXES(info) ((GPOINTER_TO_UINT (info) & 0xffff) - 1)
#define ROOT_KINDS(info) (GPOINTER_TO_UINT (info) >> 16)

/* The vocabulary a Turkish reading is checked against. */
typedef struct {
  DlLemmatizer *lem;
  const DlLexicon *terms;
  const guint64 *freqs;
  const char *word;
  GHashTable *roots; /* the word's valid roots → ROOT_INFO (suffixes, kinds) */
  GString *scratch;
} Readings;

/* Is @root a verb: does the dictionary or the corpus have its -mak form? */
static gboolean
tr_is_verb (Readings *r, const char *root)
{
  gboolean back = FALSE;
  for (const char *p = root; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 'a' || c == 0x131 || c == 'o' || c == 'u' || c == 0xe2 || c == 0xfb)
        back = TRUE;
      else if (c == 'e' || c == 'i' || c == 0xf6 || c == 0xfc || c == 0xee)
        back = FALSE;
    }
  g_string_assign (r->scratch, root);
  g_string_append (r->scratch, back ? "mak" : "mek");
  return dict_knows (&r->lem->dict[DL_LANG_TR], r->scratch->str)
         || attested (r->terms, r->freqs, r->scratch->str);
}

static void
keep_reading (const DlMorphReading *m, gpointer data)
{
  Readings *r = data;
  DlMorphKind kinds = 0;
  if (m->suffixes == 0)
    kinds = m->kinds;
  if (m->suffixes > 0 && (m->kinds & DL_MORPH_NOUN))
    {
      /* A short root the dictionary knows (be, ta, ya) is too easily read
       * into a longer word: the corpus must have it too. */
      if (attested (r->terms, r->freqs, m->root)
          || (g_utf8_strlen (m->root, -1) > 2 && dict_knows (&r->lem->dict[DL_LANG_TR], m->root)))
        kinds |= DL_MORPH_NOUN;
    }
  if (m->suffixes > 0 && (m->kinds & DL_MORPH_VERB) && tr_is_verb (r, m->root))
    kinds |= DL_MORPH_VERB;
  if (kinds == 0)
    return;
  gpointer old = g_hash_table_lookup (r->roots, m->root);
  guint suffixes = m->suffixes;
  if (old != NULL)
    kinds |= ROOT_KINDS (old), suffixes = MIN (suffixes, ROOT_SUFFIXES (old));
  g_hash_table_insert (r->roots, g_strdup (m->root), ROOT_INFO (suffixes, kinds));
}

/* The valid roots of @word into r->roots (emptied first). */
static void
tr_roots (Readings *r, const char *word)
{
  g_hash_table_remove_all (r->roots);
  r->word = word;
  dl_morph_tr_readings (word, strlen (word), keep_reading, r);
}

static gsize en_contraction_base (const char *word, gsize len);

/* What stays as it is or loses only a suffix, in either language: a
 * number's digits before an apostrophe (1990'ların → 1990), a Turkish name
 * before it (azerbaycan'ın → azerbaycan), a proper noun. Sets @out and
 * returns TRUE if @word is one of those. */
static gboolean
lemma_fixed (DlLang lang, const char *word, gsize len, gboolean proper, GString *out)
{
  gsize base = len;
  if (len > 0 && g_ascii_isdigit (word[0]))
    {
      gssize a = dl_apostrophe_find (word, len);
      proper = TRUE;
      if (a > 0)
        base = (gsize) a;
    }
  else if (lang == DL_LANG_TR && dl_stem_proper_base (lang, word, len) > 0)
    base = dl_stem_proper_base (lang, word, len), proper = TRUE;
  else if (lang == DL_LANG_EN && proper)
    base = en_contraction_base (word, len);
  if (!proper && lang != DL_LANG_OTHER)
    return FALSE;
  g_string_truncate (out, 0);
  g_string_append_len (out, word, (gssize) base);
  return TRUE;
}

/* Counts, for every root, the words of @terms that read to it. */
static void
tr_families (DlLemmatizer *lem, const DlLexicon *terms, const guint64 *freqs,
             const gboolean *proper, Readings *r)
{
  Vocab *v = &lem->vocab[DL_LANG_TR];
  g_hash_table_remove_all (v->family[0]);
  g_hash_table_remove_all (v->family[1]);
  v->terms = terms;
  v->size = dl_lexicon_size (terms);
  g_autoptr (GString) scratch = g_string_new (NULL);
  for (guint32 id = 0; id < v->size; id++)
    {
      const char *word = dl_lexicon_string (terms, id);
      /* A conjunction is no verb's family (de is not demek's, da not
       * damak's): it would outweigh every reading of de-, da-. */
      if ((freqs != NULL && freqs[id] == 0) || in_list (tr_closed, G_N_ELEMENTS (tr_closed), word)
          || lemma_fixed (DL_LANG_TR, word, dl_lexicon_length (terms, id),
                          proper != NULL && proper[id], scratch))
        continue;
      tr_roots (r, word);
      GHashTableIter it;
      gpointer root, info;
      g_hash_table_iter_init (&it, r->roots);
      while (g_hash_table_iter_next (&it, &root, &info))
        for (int k = 0; k < 2; k++)
          if (ROOT_KINDS (info) & (1u << k))
            {
              guint64 *n = g_hash_table_lookup (v->family[k], root);
              if (n == NULL)
                g_hash_table_insert (v->family[k], g_strdup (root), n = g_new0 (guint64, 1));
              *n += freqs != NULL ? freqs[id] : 1;
            }
    }
}

/* How much larger a root's family must be than the word's own when the
 * dictionary has the word itself (yer, not ye-r; kadın, not kad-ın). */
#define TR_KNOWN_WORD_FACTOR 2

/* The tokens of the words that read to @root as one of @kinds. */
static guint64
family_of (const Vocab *v, const char *root, guint kinds)
{
  guint64 best = 0;
  for (int k = 0; k < 2; k++)
    if (kinds & (1u << k))
      {
        const guint64 *f = g_hash_table_lookup (v->family[k], root);
        if (f != NULL && *f > best)
          best = *f;
      }
  return best;
}

/* The Turkish lemma of @word (not fixed): its root with the largest
 * family; on a tie the one read with fewer suffixes. A word the dictionary
 * knows keeps itself unless a root's family is TR_KNOWN_WORD_FACTOR times
 * its own. */
static void
tr_lemma (DlLemmatizer *lem, Readings *r, const char *word, GString *out)
{
  g_string_assign (out, word);
  if (in_list (tr_closed, G_N_ELEMENTS (tr_closed), word))
    return;
  const char *pronoun = tr_pronoun (word);
  if (pronoun != NULL)
    {
      g_string_assign (out, pronoun);
      return;
    }
  tr_roots (r, word);
  const Vocab *v = &lem->vocab[DL_LANG_TR];
  guint64 own = family_of (v, word, DL_MORPH_NOUN | DL_MORPH_VERB);
  if (own == 0 || !dict_knows (&lem->dict[DL_LANG_TR], word))
    own = 0;
  guint64 best_family = 0;
  guint best_suffixes = G_MAXUINT;
  GHashTableIter it;
  gpointer root, info;
  g_hash_table_iter_init (&it, r->roots);
  while (g_hash_table_iter_next (&it, &root, &info))
    {
      guint64 f = family_of (v, root, ROOT_KINDS (info));
      guint s = ROOT_SUFFIXES (info);
      if (s > 0 && f < own * TR_KNOWN_WORD_FACTOR)
        continue;
      if (f > best_family || (f == best_family && s < best_suffixes)
          || (f == best_family && s == best_suffixes && strcmp (root, out->str) < 0))
        {
          best_family = f, best_suffixes = s;
          g_string_assign (out, root);
        }
    }
}

/* English forms that no suffix rule reaches: irregular verbs, plurals and
 * the object forms of the personal pronouns, each with its lemma. */
static const char *const en_irregular[][2] = {
  { "am", "be" },         { "are", "be" },
  { "is", "be" },         { "was", "be" },
  { "were", "be" },       { "been", "be" },
  { "being", "be" },      { "has", "have" },
  { "had", "have" },      { "having", "have" },
  { "does", "do" },       { "did", "do" },
  { "done", "do" },       { "doing", "do" },
  { "goes", "go" },       { "went", "go" },
  { "gone", "go" },       { "said", "say" },
  { "made", "make" },     { "got", "get" },
  { "gotten", "get" },    { "knew", "know" },
  { "known", "know" },    { "thought", "think" },
  { "took", "take" },     { "taken", "take" },
  { "saw", "see" },       { "seen", "see" },
  { "came", "come" },     { "gave", "give" },
  { "given", "give" },    { "found", "find" },
  { "told", "tell" },     { "felt", "feel" },
  { "became", "become" }, { "left", "leave" },
  { "meant", "mean" },    { "kept", "keep" },
  { "began", "begin" },   { "begun", "begin" },
  { "ran", "run" },       { "wrote", "write" },
  { "written", "write" }, { "brought", "bring" },
  { "bought", "buy" },    { "sat", "sit" },
  { "stood", "stand" },   { "lost", "lose" },
  { "paid", "pay" },      { "met", "meet" },
  { "led", "lead" },      { "understood", "understand" },
  { "spoke", "speak" },   { "spoken", "speak" },
  { "spent", "spend" },   { "grew", "grow" },
  { "grown", "grow" },    { "won", "win" },
  { "taught", "teach" },  { "sent", "send" },
  { "built", "build" },   { "fell", "fall" },
  { "fallen", "fall" },   { "ate", "eat" },
  { "eaten", "eat" },     { "drove", "drive" },
  { "driven", "drive" },  { "broke", "break" },
  { "broken", "break" },  { "chose", "choose" },
  { "chosen", "choose" }, { "wore", "wear" },
  { "worn", "wear" },     { "sold", "sell" },
  { "held", "hold" },     { "heard", "hear" },
  { "forgot", "forget" }, { "forgotten", "forget" },
  { "caught", "catch" },  { "fought", "fight" },
  { "threw", "throw" },   { "thrown", "throw" },
  { "drew", "draw" },     { "drawn", "draw" },
  { "flew", "fly" },      { "flown", "fly" },
  { "hid", "hide" },      { "hidden", "hide" },
  { "rode", "ride" },     { "ridden", "ride" },
  { "rose", "rise" },     { "risen", "rise" },
  { "shook", "shake" },   { "shaken", "shake" },
  { "sang", "sing" },     { "sung", "sing" },
  { "slept", "sleep" },   { "stole", "steal" },
  { "stolen", "steal" },  { "swam", "swim" },
  { "woke", "wake" },     { "woken", "wake" },
  { "froze", "freeze" },  { "frozen", "freeze" },
  { "fed", "feed" },      { "laid", "lay" },
  { "lent", "lend" },     { "shot", "shoot" },
  { "stuck", "stick" },   { "struck", "strike" },
  { "swore", "swear" },   { "sworn", "swear" },
  { "tore", "tear" },     { "torn", "tear" },
  { "dealt", "deal" },    { "sought", "seek" },
  { "slid", "slide" },    { "children", "child" },
  { "men", "man" },       { "women", "woman" },
  { "feet", "foot" },     { "teeth", "tooth" },
  { "mice", "mouse" },    { "me", "i" },
  { "him", "he" },        { "us", "we" },
  { "them", "they" },
};

/* The contraction's own word: don't → do, won't → will, they're → they. */
static gsize
en_contraction_base (const char *word, gsize len)
{
  gssize a = dl_apostrophe_find (word, len);
  if (a <= 0)
    return len;
  if ((gsize) a + 2 == len && word[a + 1] == 't' && a >= 2 && word[a - 1] == 'n')
    {
      if (a == 3 && strncmp (word, "can", 3) == 0) /* can't */
        return 3;
      return (gsize) a - 1;
    }
  return (gsize) a;
}

static gboolean
en_known (DlLemmatizer *lem, const char *word)
{
  return dict_knows (&lem->dict[DL_LANG_EN], word);
}

/* Suffix rules where hunspell gives no stem: -ies, -es, -s, -ied, -ed,
 * -ing with a doubled consonant or a lost e; the base must be a word the
 * dictionary or the corpus knows. */
static gboolean
en_rules (DlLemmatizer *lem, const DlLexicon *terms, const guint64 *freqs, const char *w, gsize len,
          GString *out)
{
  static const struct {
    const char *suffix, *add;
    gsize drop_double; /* the base's last letter was doubled */
  } rules[] = {
    { "ies", "y", 0 }, { "es", "", 0 }, { "s", "", 0 },   { "ied", "y", 0 }, { "ed", "", 1 },
    { "ed", "", 0 },   { "d", "", 0 },  { "ing", "", 1 }, { "ing", "e", 0 }, { "ing", "", 0 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      gsize sl = strlen (rules[i].suffix);
      if (len < sl + 3 || strcmp (w + len - sl, rules[i].suffix) != 0)
        continue;
      gsize base = len - sl;
      if (rules[i].drop_double && (w[base - 1] != w[base - 2] || strchr ("aeiou", w[base - 1])))
        continue;
      g_string_truncate (out, 0);
      g_string_append_len (out, w, (gssize) (base - rules[i].drop_double));
      g_string_append (out, rules[i].add);
      if (en_known (lem, out->str) || attested (terms, freqs, out->str))
        return TRUE;
    }
  return FALSE;
}

static void
en_lemma (DlLemmatizer *lem, const DlLexicon *terms, const guint64 *freqs, const char *word,
          gsize len, GString *out)
{
  gsize base = en_contraction_base (word, len);
  g_autofree char *w = g_strndup (word, base);
  for (gsize i = 0; i < G_N_ELEMENTS (en_irregular); i++)
    if (strcmp (w, en_irregular[i][0]) == 0)
      {
        g_string_assign (out, en_irregular[i][1]);
        return;
      }
  g_string_assign (out, w);
  if (base < 4)
    return;
  /* hunspell's stems through the inflections only (plural and third
   * person -s, -ed, -ing: flags S, D, G), not its derivations (-ly, -ment,
   * re-): really is not real, recommend not commend. */
  Hunhandle *h = dict_handle (&lem->dict[DL_LANG_EN]);
  char **analyses = NULL;
  int n = Hunspell_analyze (h, &analyses, w);
  gboolean best = FALSE;
  for (int i = 0; i < n; i++)
    {
      const char *st = strstr (analyses[i], "st:"), *fl = strstr (analyses[i], "fl:");
      if (st == NULL || fl == NULL || strchr ("SDG", fl[3]) == NULL || g_ascii_isalnum (fl[4]))
        continue;
      st += 3;
      gsize sl = strcspn (st, " ");
      if (sl >= 3 && (!best || sl < out->len))
        {
          g_string_truncate (out, 0);
          g_string_append_len (out, st, (gssize) sl);
          best = TRUE;
        }
    }
  Hunspell_free_list (h, &analyses, n);
  if (!best)
    {
      g_autoptr (GString) ruled = g_string_new (NULL);
      if (en_rules (lem, terms, freqs, w, base, ruled))
        g_string_assign (out, ruled->str);
    }
}

static void
lemma_one (DlLemmatizer *lem, DlLang lang, Readings *r, const char *word, gsize len,
           gboolean proper, GString *out)
{
  if (lemma_fixed (lang, word, len, proper, out))
    return;
  if (lang == DL_LANG_TR)
    tr_lemma (lem, r, word, out);
  else
    en_lemma (lem, r->terms, r->freqs, word, len, out);
}

guint32 *
dl_lemmatizer_map (DlLemmatizer *lem, DlLang lang, const DlLexicon *terms, const guint64 *freqs,
                   const gboolean *proper, DlLexicon *lemmas)
{
  g_autoptr (GHashTable) roots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  Readings r = { lem, terms, freqs, NULL, roots, scratch };
  if (lang == DL_LANG_TR)
    tr_families (lem, terms, freqs, proper, &r);
  guint32 n = dl_lexicon_size (terms);
  guint32 *map = g_new (guint32, n + 1);
  g_autoptr (GString) lemma = g_string_new (NULL);
  for (guint32 id = 0; id < n; id++)
    {
      lemma_one (lem, lang, &r, dl_lexicon_string (terms, id), dl_lexicon_length (terms, id),
                 proper != NULL && proper[id], lemma);
      map[id] = dl_lexicon_intern (lemmas, lemma->str, lemma->len, NULL);
    }
  return map;
}

void
dl_lemmatizer_lemma (DlLemmatizer *lem, DlLang lang, const DlLexicon *terms, const guint64 *freqs,
                     const char *folded, gsize len, gboolean proper, GString *out)
{
  g_autoptr (GHashTable) roots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) scratch = g_string_new (NULL);
  Readings r = { lem, terms, freqs, NULL, roots, scratch };
  Vocab *v = &lem->vocab[DL_LANG_TR];
  if (terms == NULL)
    {
      g_hash_table_remove_all (v->family[0]);
      g_hash_table_remove_all (v->family[1]);
      v->terms = NULL;
    }
  else if (lang == DL_LANG_TR && (v->terms != terms || v->size != dl_lexicon_size (terms)))
    tr_families (lem, terms, freqs, NULL, &r);
  g_autofree char *word = g_strndup (folded, len);
  lemma_one (lem, lang, &r, word, len, proper, out);
}
