/* fuzz-tokenizer.c — libFuzzer harness of tokenizer.h, sentences.h,
 * normalize.h, stem.h and units.h on valid UTF-8: the bytes after the first,
 * invalid ones replaced by U+FFFD as the reader replaces them (decode.h),
 * split into lines at LF. The first byte: bit 0 the lines as they are
 * (else in NFC, as the reader gives them), bit 1 NUL bytes kept (text
 * decoded from UTF-16 may have them), bit 2 the text counted (counter.h)
 * and its stem units made, as Turkish or, with bit 3, English.
 *
 * Tokens must lie in their line in order, whole characters, none empty,
 * the same (and the same kinds and sentence starts) as a tokenizer's made
 * without the fast path (fastpath.h); sentence starts inside the line,
 * ascending; each token's folded forms the same as a normalizer's made
 * without the fast path, and like its apostrophes and stems valid UTF-8;
 * every counted term in the unit that lists it, which dl_units_find finds
 * again. */
#include "config.h"

#include <string.h>

#include "counter.h"
#include "decode.h"
#include "fastpath.h"
#include "fuzz.h"
#include "normalize.h"
#include "sentences.h"
#include "stem.h"
#include "tokenizer.h"
#include "units.h"

typedef struct {
  DlTokenizer *tok, *tok_icu; /* with the fast path, without it */
  DlSentences *sent;
  DlNormalizer *norm, *norm_icu;
  DlStemmer *stem;
  GString *form, *form_icu, *stemmed;
} Tools;

static void
tools_clear (Tools *t)
{
  dl_tokenizer_free (t->tok);
  dl_tokenizer_free (t->tok_icu);
  dl_sentences_free (t->sent);
  dl_normalizer_free (t->norm);
  dl_normalizer_free (t->norm_icu);
  dl_stemmer_free (t->stem);
  g_string_free (t->form, TRUE);
  g_string_free (t->form_icu, TRUE);
  g_string_free (t->stemmed, TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tools, tools_clear)

/* TRUE if @at is the start of a character of @text (or its end). */
static gboolean
char_start (const char *text, gsize len, gsize at)
{
  return at == len || ((guchar) text[at] & 0xC0) != 0x80;
}

/* The forms of the token @w (@len bytes) for every language. */
static void
check_forms (Tools *t, const char *w, gsize len)
{
  (void) dl_is_capitalized (w, len);
  gssize apos = dl_apostrophe_find (w, len);
  FUZZ_CHECK (apos < 0 || dl_apostrophe_kind (w + apos, w + len) >= 0, "an apostrophe");
  dl_normalize_apostrophes (w, len, t->form);
  fuzz_check_utf8 (t->form->str, t->form->len, TRUE, "apostrophes");
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      dl_normalizer_fold (t->norm, l, w, len, t->form);
      fuzz_check_utf8 (t->form->str, t->form->len, TRUE, "folded");
      dl_normalizer_fold (t->norm_icu, l, w, len, t->form_icu);
      FUZZ_CHECK (g_string_equal (t->form, t->form_icu), "the fast path folds as ICU");
      if (l == DL_LANG_OTHER)
        continue;
      FUZZ_CHECK (dl_stem_proper_base (l, t->form->str, t->form->len) <= t->form->len,
                  "proper base");
      for (int proper = 0; proper < 2; proper++)
        {
          dl_stemmer_stem (t->stem, l, t->form->str, t->form->len, proper, t->stemmed);
          fuzz_check_utf8 (t->stemmed->str, t->stemmed->len, TRUE, "stem");
        }
    }
}

static void
check_line (Tools *t, const char *text, gsize len)
{
  guint n, n_icu;
  const DlToken *tokens = dl_tokenizer_line (t->tok, text, len, &n, NULL);
  FUZZ_CHECK (tokens != NULL, "tokenized");
  const DlToken *icu = dl_tokenizer_line (t->tok_icu, text, len, &n_icu, NULL);
  FUZZ_CHECK (icu != NULL && n_icu == n, "the fast path tokenizes as ICU");
  for (guint i = 0; i < n; i++)
    FUZZ_CHECK (icu[i].offset == tokens[i].offset && icu[i].len == tokens[i].len
                    && icu[i].kind == tokens[i].kind
                    && icu[i].sentence_start == tokens[i].sentence_start,
                "the fast path tokenizes as ICU");
  gsize end = 0;
  for (guint i = 0; i < n; i++)
    {
      const DlToken *k = &tokens[i];
      FUZZ_CHECK (k->offset >= end && k->len > 0 && k->offset + k->len <= len, "token in line");
      FUZZ_CHECK (char_start (text, len, k->offset) && char_start (text, len, k->offset + k->len),
                  "whole characters");
      FUZZ_CHECK (k->kind < DL_TOKEN_KINDS && dl_token_kind_name (k->kind) != NULL, "a kind");
      end = k->offset + k->len;
      check_forms (t, text + k->offset, k->len);
    }
  gboolean ends;
  const gsize *starts = dl_sentences_line (t->sent, text, len, &n, &ends, NULL);
  FUZZ_CHECK (starts != NULL, "sentences");
  for (guint i = 0; i < n; i++)
    FUZZ_CHECK (starts[i] > (i > 0 ? starts[i - 1] : 0) && starts[i] < len
                    && char_start (text, len, starts[i]),
                "sentence starts");
}

/* @data repaired: invalid bytes U+FFFD, NUL too unless @keep_nul. */
static GString *
repaired (const guint8 *data, gsize len, gboolean keep_nul)
{
  GString *out = g_string_new (NULL);
  const char *p = (const char *) data, *end = p + len;
  while (p <= end)
    {
      const char *nul = keep_nul ? memchr (p, '\0', (gsize) (end - p)) : NULL;
      const char *stop = nul != NULL ? nul : end;
      dl_decode_repair (p, (gsize) (stop - p), out);
      if (nul == NULL)
        break;
      g_string_append_c (out, '\0');
      p = nul + 1;
    }
  return out;
}

/* Counts @text as a document all in @lang, makes its stem units and checks
 * that they hold every term once. */
static void
check_units (Tools *t, const GString *text, DlLang lang)
{
  g_autoptr (FuzzFile) file = fuzz_file_new ((const guint8 *) text->str, text->len, FALSE);
  DlInput input = { (char *) fuzz_file_path (file), FALSE, NULL, 0, NULL, 0, NULL };
  DlDocumentOptions doc = { NULL, TRUE, lang, NULL, NULL, NULL, NULL };
  DlCounterOptions co;
  dl_counter_options_init (&co);
  co.kinds[DL_TOKEN_NUMBER] = TRUE;
  co.track_files = TRUE;
  g_autoptr (DlCounter) all = dl_counter_new (&co);
  g_autoptr (DlCounter) one = dl_counter_new (&co);
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  if (!dl_counter_count_input (one, &input, &doc, diag, NULL))
    return; /* binary, say */
  dl_counter_merge (all, one, 0);
  DlUnitsOptions uo = { DL_UNIT_STEM, t->stem, NULL, NULL, t->norm };
  g_autoptr (DlUnits) units = dl_units_new (all, lang, &uo);
  const DlLexicon *terms = dl_counter_terms (all, lang);
  guint64 term_freq = 0, unit_freq = 0;
  for (guint32 id = 0; id < dl_lexicon_size (terms); id++)
    {
      guint32 u = dl_units_of (units, id), found;
      FUZZ_CHECK (u < dl_units_size (units), "a unit");
      term_freq += dl_counter_freq (all, lang, id);
      guint n;
      const guint32 *of = dl_units_terms (units, u, &n);
      gboolean listed = FALSE;
      for (guint i = 0; i < n && !listed; i++)
        listed = of[i] == id;
      FUZZ_CHECK (listed, "the unit lists its term");
      const char *s = dl_lexicon_string (terms, id);
      FUZZ_CHECK (dl_units_find (units, s, dl_lexicon_length (terms, id), &found) && found == u,
                  "a term finds its unit");
    }
  for (guint32 u = 0; u < dl_units_size (units); u++)
    {
      unit_freq += dl_units_freq (units, u);
      fuzz_check_utf8 (dl_units_key (units, u), strlen (dl_units_key (units, u)), FALSE, "key");
      (void) strlen (dl_units_headword (units, u));
    }
  FUZZ_CHECK (term_freq == unit_freq, "the units count the terms");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  g_auto (Tools) t = { 0 };
  dl_fast_path_set (FALSE);
  t.tok_icu = dl_tokenizer_new (NULL);
  t.norm_icu = dl_normalizer_new (NULL);
  dl_fast_path_set (TRUE);
  t.tok = dl_tokenizer_new (NULL);
  t.sent = dl_sentences_new (NULL);
  t.norm = dl_normalizer_new (NULL);
  t.stem = dl_stemmer_new (NULL);
  t.form = g_string_new (NULL);
  t.form_icu = g_string_new (NULL);
  t.stemmed = g_string_new (NULL);
  FUZZ_CHECK (t.tok != NULL && t.sent != NULL && t.norm != NULL && t.stem != NULL, "tools");
  FUZZ_CHECK (t.tok_icu != NULL && t.norm_icu != NULL, "tools without the fast path");
  g_autoptr (GString) text = repaired (data, size, (how & 2) != 0);
  const char *p = text->str, *end = text->str + text->len;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize len = (gsize) ((nl != NULL ? nl : end) - p);
      g_autofree char *nfc = NULL;
      if (!(how & 1) && memchr (p, '\0', len) == NULL)
        nfc = g_utf8_normalize (p, (gssize) len, G_NORMALIZE_NFC);
      check_line (&t, nfc != NULL ? nfc : p, nfc != NULL ? strlen (nfc) : len);
      p += len + 1;
    }
  if (how & 4)
    check_units (&t, text, (how & 8) ? DL_LANG_EN : DL_LANG_TR);
  return 0;
}
