/* counter.c — counting in two steps: per token, only a lookup of the form as
 * written (no case folding); at the end of a file, each distinct form is
 * folded once and its counts moved to its term. */
#include "config.h"

#include "counter.h"

#include <string.h>

#include "decode.h"
#include "error.h"
#include "i18n.h"
#include "index.h"
#include "normalize.h"
#include "prefetch.h"
#include "stem.h"
#include "stream.h"
#include "varint.h"

/* Strings looked up at once (dl_lexicon_prefetch): a line's tokens, a
 * file's terms in a merge. */
#define BATCH 32

/* What is known of one term: one cache line for what a merge touches. */
typedef struct {
  guint64 freq;
  gint64 capitals; /* times written capitalized where a capital is not
                      expected, less the times written without capitals:
                      above 0, the term is taken for a proper noun */
  guint32 range;
  guint32 last_file; /* file + 1 of the last merge that had the term */
} TermStats;

/* The same for a form as written, within one file. */
typedef struct {
  guint64 freq;
  guint64 initial; /* where a capital is expected (DlPlace) */
  guint64 named;   /* inside a multiword name */
} FormStats;

/* How a term with an apostrophe was written. */
typedef struct {
  guint64 uses[DL_APOSTROPHE_KINDS]; /* of each apostrophe */
  const char *shown;                 /* the term with the most used one (in strings), or
                                        NULL for DL_APOSTROPHE */
} Apostrophes;

/* A term of one file, before dl_counter_merge interns it: 32 bytes (a
 * file of a hundred megabytes has a million). */
typedef struct {
  gsize offset; /* its text in pending_text */
  guint64 freq;
  gint64 capitals; /* as TermStats.capitals */
  guint32 len;
  gint32 apostrophe; /* the kind of apostrophe the form used, or -1 */
} Pending;

typedef struct {
  /* Terms (normalized forms), by id. */
  DlLexicon *terms;
  GArray *stats;     /* TermStats */
  GPtrArray *files;  /* GArray of guint32 per term, if track_files or track_counts */
  GPtrArray *counts; /* GArray of guint64 per term, beside files, if track_counts */
  GArray *token_files, *file_tokens; /* guint32 and guint64, if track_counts */
  GHashTable *apos;                  /* id + 1 → Apostrophes, for terms with an apostrophe */
  GStringChunk *strings;
  DlLexicon *proper_bases; /* Turkish forms seen before an apostrophe suffix */
  guint64 tokens;
  /* Per index lexicon merged from (DlIndexTerms.lexicon → GArray of
   * guint32): the id + 1 of the term of each of its numbers, 0 until
   * one is merged. */
  GHashTable *by_number;

  /* The current file's forms as written (worker side only). */
  DlLexicon *surface;
  GArray *forms;   /* FormStats */
  GArray *pending; /* Pending: the file's terms, for dl_counter_merge */
  GString *pending_text;
  /* Read from an index: the number of each pending term in its lexicon
   * (guint32), that lexicon and its size; else NULL. */
  GArray *pending_ids;
  guint64 pending_lexicon, lexicon_size;
} LangCounts;

struct _DlCounter {
  DlCounterOptions opts;
  LangCounts lang[DL_LANG_COUNT];
  gboolean loaded; /* by dl_counter_load: merged counts, which a merge absorbs */
};

void
dl_counter_options_init (DlCounterOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->casing = DL_CASE_FOLD;
  opts->langs[DL_LANG_TR] = opts->langs[DL_LANG_EN] = TRUE;
  opts->kinds[DL_TOKEN_WORD] = TRUE;
}

static void
free_files (gpointer p)
{
  if (p != NULL)
    g_array_unref (p);
}

DlCounter *
dl_counter_new (const DlCounterOptions *opts)
{
  DlCounter *c = g_new0 (DlCounter, 1);
  c->opts = *opts;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      lc->terms = dl_lexicon_new ();
      lc->stats = g_array_new (FALSE, FALSE, sizeof (TermStats));
      lc->apos = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      lc->strings = g_string_chunk_new (4096);
      lc->proper_bases = dl_lexicon_new ();
      lc->by_number = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
      if (opts->track_files || opts->track_counts)
        lc->files = g_ptr_array_new_with_free_func (free_files);
      if (opts->track_counts)
        {
          lc->counts = g_ptr_array_new_with_free_func (free_files);
          lc->token_files = g_array_new (FALSE, FALSE, sizeof (guint32));
          lc->file_tokens = g_array_new (FALSE, FALSE, sizeof (guint64));
        }
    }
  return c;
}

const DlCounterOptions *
dl_counter_options (const DlCounter *c)
{
  return &c->opts;
}

static void
tally_free (LangCounts *lc)
{
  g_clear_pointer (&lc->surface, dl_lexicon_free);
  g_clear_pointer (&lc->forms, g_array_unref);
}

void
dl_counter_free (DlCounter *c)
{
  if (c == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      dl_lexicon_free (lc->terms);
      g_array_unref (lc->stats);
      g_hash_table_unref (lc->apos);
      g_string_chunk_free (lc->strings);
      dl_lexicon_free (lc->proper_bases);
      if (lc->pending != NULL)
        g_array_unref (lc->pending);
      if (lc->pending_text != NULL)
        g_string_free (lc->pending_text, TRUE);
      if (lc->pending_ids != NULL)
        g_array_unref (lc->pending_ids);
      g_hash_table_unref (lc->by_number);
      if (lc->files != NULL)
        g_ptr_array_unref (lc->files);
      if (lc->counts != NULL)
        {
          g_ptr_array_unref (lc->counts);
          g_array_unref (lc->token_files);
          g_array_unref (lc->file_tokens);
        }
      tally_free (lc);
    }
  g_free (c);
}

#define TERM(lc, id) (&g_array_index ((lc)->stats, TermStats, (id)))

/* The id of the term @key (hashed by dl_lexicon_prefetch) in @lc, adding
 * it with zero counts if new. */
static guint32
term_id (LangCounts *lc, const DlLexiconKey *key, gboolean *added)
{
  guint32 id = dl_lexicon_intern_key (lc->terms, key, added);
  if (*added)
    {
      TermStats z = { 0 };
      g_array_append_val (lc->stats, z);
      if (lc->files != NULL)
        g_ptr_array_add (lc->files, NULL);
      if (lc->counts != NULL)
        g_ptr_array_add (lc->counts, NULL);
    }
  return id;
}

/* Adds @n uses of apostrophe @kind to term @id, and shows the term with the
 * apostrophe used most (ties: the lower kind). */
static void
add_apostrophe (LangCounts *lc, guint32 id, int kind, guint64 n)
{
  Apostrophes *a = g_hash_table_lookup (lc->apos, GUINT_TO_POINTER (id + 1));
  if (a == NULL)
    {
      a = g_new0 (Apostrophes, 1);
      g_hash_table_insert (lc->apos, GUINT_TO_POINTER (id + 1), a);
    }
  a->uses[kind] += n;
  guint best = 0;
  for (guint v = 1; v < DL_APOSTROPHE_KINDS; v++)
    if (a->uses[v] > a->uses[best])
      best = v;
  const char *text = dl_apostrophe_text (best);
  if (best == 0)
    a->shown = NULL;
  else if (a->shown == NULL || strstr (a->shown, text) == NULL)
    {
      const char *term = dl_lexicon_string (lc->terms, id);
      GString *d = g_string_sized_new (strlen (term) + 4);
      for (const char *p = term; *p != '\0'; p++)
        if (*p == DL_APOSTROPHE[0])
          g_string_append (d, text);
        else
          g_string_append_c (d, *p);
      a->shown = g_string_chunk_insert (lc->strings, d->str);
      g_string_free (d, TRUE);
    }
}

/* The kind of the first apostrophe in @form, or -1 for none. */
static int
apostrophe_kind (const char *form, gsize len)
{
  gssize a = dl_apostrophe_find (form, len);
  return a < 0 ? -1 : dl_apostrophe_kind (form + a, form + len);
}

void
dl_counter_term (const DlCounter *c, DlNormalizer *norm, DlLang lang, const char *form, gsize len,
                 GString *term)
{
  if (c->opts.casing == DL_CASE_FOLD)
    dl_normalizer_fold (norm, lang, form, len, term);
  else
    dl_normalize_apostrophes (form, len, term);
}

/* Folds the file's forms as written into terms, kept as a list for
 * dl_counter_merge to intern: a term written several ways is listed once
 * per way, which the merge adds up. */
static void
end_file (DlCounter *c, DlLang lang, DlNormalizer *norm)
{
  LangCounts *lc = &c->lang[lang];
  if (lc->surface == NULL)
    return;
  g_autoptr (GString) term = g_string_new (NULL);
  g_autoptr (GString) apos = g_string_new (NULL);
  guint32 n = dl_lexicon_size (lc->surface);
  lc->pending = g_array_sized_new (FALSE, FALSE, sizeof (Pending), n);
  lc->pending_text = g_string_sized_new (n * 8);
  for (guint32 s = 0; s < n; s++)
    {
      const char *form = dl_lexicon_string (lc->surface, s);
      gsize len = dl_lexicon_length (lc->surface, s);
      const FormStats *fs = &g_array_index (lc->forms, FormStats, s);
      Pending p = { lc->pending_text->len, fs->freq, 0, 0, apostrophe_kind (form, len) };
      /* The form with the counting apostrophe: itself, mostly. */
      const char *plain = form;
      gsize plain_len = len;
      if (p.apostrophe >= 0)
        {
          dl_normalize_apostrophes (form, len, apos);
          plain = apos->str;
          plain_len = apos->len;
        }
      dl_counter_term (c, norm, lang, form, len, term);
      if (c->opts.casing == DL_CASE_FOLD)
        {
          if (dl_is_capitalized (form, len))
            p.capitals += (gint64) (fs->freq - fs->initial);
          if (term->len == plain_len && memcmp (term->str, plain, plain_len) == 0)
            p.capitals -= (gint64) fs->freq;
          gsize b = dl_stem_proper_base (lang, term->str, term->len);
          if (b > 0 && fs->freq > fs->named)
            dl_lexicon_intern (lc->proper_bases, term->str, b, NULL);
        }
      p.len = (guint32) term->len;
      g_string_append_len (lc->pending_text, term->str, (gssize) term->len);
      g_array_append_val (lc->pending, p);
    }
  tally_free (lc);
}

void
dl_counter_begin_input (DlCounter *c)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      g_return_if_fail (lc->pending == NULL);
      if (c->opts.langs[l] && lc->surface == NULL)
        {
          lc->surface = dl_lexicon_new ();
          lc->forms = g_array_new (FALSE, FALSE, sizeof (FormStats));
        }
    }
}

void
dl_counter_add_tokens (DlCounter *c, DlLang lang, DlCounterToken *tokens, guint n)
{
  LangCounts *lc = &c->lang[lang];
  g_return_if_fail (lc->surface != NULL);
  DlLexiconKey keys[BATCH];
  for (guint from = 0; from < n; from += BATCH)
    {
      guint k = MIN (n - from, BATCH);
      DlCounterToken *t = tokens + from;
      for (guint i = 0; i < k; i++)
        keys[i] = (DlLexiconKey){ t[i].text, t[i].len, 0 };
      dl_lexicon_prefetch (lc->surface, keys, k);
      for (guint i = 0; i < k; i++)
        {
          gboolean added;
          t[i].form = dl_lexicon_intern_key (lc->surface, &keys[i], &added);
          if (added)
            {
              FormStats z = { 0, 0, 0 };
              g_array_append_val (lc->forms, z);
            }
        }
      FormStats *forms = (FormStats *) (gpointer) lc->forms->data;
      for (guint i = 0; i < k; i++)
        {
          FormStats *fs = &forms[t[i].form];
          fs->freq++;
          fs->initial += t[i].place != 0;
          fs->named += (t[i].place & DL_PLACE_IN_NAME) != 0;
        }
      lc->tokens += k;
    }
}

void
dl_counter_end_input (DlCounter *c, DlNormalizer *norm)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    end_file (c, l, norm);
}

guint32
dl_counter_input_forms (const DlCounter *c, DlLang lang)
{
  const LangCounts *lc = &c->lang[lang];
  if (c->loaded)
    return dl_lexicon_size (lc->terms);
  return lc->pending != NULL ? lc->pending->len : 0;
}

const char *
dl_counter_input_term (const DlCounter *c, DlLang lang, guint32 form, gsize *len)
{
  const LangCounts *lc = &c->lang[lang];
  if (c->loaded)
    {
      *len = dl_lexicon_length (lc->terms, form);
      return dl_lexicon_string (lc->terms, form);
    }
  g_return_val_if_fail (lc->pending != NULL && form < lc->pending->len, NULL);
  const Pending *p = &g_array_index (lc->pending, Pending, form);
  *len = p->len;
  return lc->pending_text->str + p->offset;
}

guint32 *
dl_counter_input_ids (const DlCounter *into, const DlCounter *from, DlLang lang)
{
  guint32 forms = dl_counter_input_forms (from, lang);
  guint32 *ids = g_new (guint32, forms + 1);
  for (guint32 f = 0; f < forms; f++)
    {
      gsize len;
      const char *term = dl_counter_input_term (from, lang, f, &len);
      gboolean found = dl_lexicon_lookup (into->lang[lang].terms, term, len, &ids[f]);
      g_assert (found);
    }
  return ids;
}

DlStream *
dl_counter_stream_new (const DlCounterOptions *opts, GError **error)
{
  DlStreamOptions so;
  dl_stream_options_for_counter (&so, opts, FALSE);
  return dl_stream_new (&so, error);
}

gboolean
dl_counter_load_index (DlCounter *c, const DlInput *input, GError **error)
{
  g_autoptr (GByteArray) saved = g_byte_array_new ();
  DlIndexTerms terms;
  dl_index_terms_init (&terms);
  gboolean read = dl_index_input_counts (input->index, input->entry, dl_counter_variant (&c->opts),
                                         saved, &terms, error);
  gboolean ok = read && dl_counter_load_input_terms (c, saved->data, saved->len, &terms);
  dl_index_terms_clear (&terms);
  if (!read)
    return FALSE;
  if (ok)
    return TRUE;
  return dl_index_damaged (error, dl_index_path (input->index), _ ("bad counts of an input"));
}

/* An index's input whose counts the build kept for @c's options: read
 * them, as if it were counted (its notes and how its reading ended
 * included). FALSE with *@done unset if it has none. */
static gboolean
count_from_index (DlCounter *c, const DlInput *input, const DlDocumentOptions *doc_options,
                  const DlDiag *diag, gboolean *done, GError **error)
{
  *done = FALSE;
  if (input->index == NULL || doc_options->assume)
    return FALSE;
  g_autoptr (GError) local = NULL;
  if (!dl_counter_load_index (c, input, &local))
    {
      if (local == NULL)
        return FALSE;
      *done = TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *done = TRUE;
  dl_index_replay_notes (input->index, input->entry, diag, input->path);
  gint64 size = dl_input_size (input);
  if (doc_options->progress != NULL && size > 0)
    dl_progress_add_bytes (doc_options->progress, (guint64) size);
  return dl_index_input_ended (input->index, input->entry, error);
}

gboolean
dl_counter_count_stream (DlCounter *c, DlStream *stream, const DlInput *input,
                         const DlDocumentOptions *doc_options, const DlDiag *diag, GError **error)
{
  gboolean done;
  gboolean ok = count_from_index (c, input, doc_options, diag, &done, error);
  if (done)
    return ok;
  if (!dl_stream_open (stream, input, doc_options, diag, c, error))
    return FALSE;
  /* The stream counts every token. */
  const DlStreamLine *line;
  do
    if (!dl_stream_next (stream, &line, error))
      return FALSE;
  while (line != NULL);
  return TRUE;
}

gboolean
dl_counter_count_input (DlCounter *c, const DlInput *input, const DlDocumentOptions *doc_options,
                        const DlDiag *diag, GError **error)
{
  g_autoptr (DlStream) stream = dl_counter_stream_new (&c->opts, error);
  if (stream == NULL)
    return FALSE;
  return dl_counter_count_stream (c, stream, input, doc_options, diag, error);
}

guint32
dl_counter_variant (const DlCounterOptions *opts)
{
  guint32 v = opts->casing == DL_CASE_FOLD ? 1 : 2;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    v |= (opts->langs[l] ? 1u : 0u) << (4 + l);
  for (int k = 0; k < DL_TOKEN_KINDS; k++)
    v |= (opts->kinds[k] ? 1u : 0u) << (8 + k);
  return v;
}

void
dl_counter_options_from_variant (DlCounterOptions *opts, guint32 variant)
{
  memset (opts, 0, sizeof *opts);
  opts->casing = (variant & 3) == 1 ? DL_CASE_FOLD : DL_CASE_KEEP;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    opts->langs[l] = (variant >> (4 + l) & 1) != 0;
  for (int k = 0; k < DL_TOKEN_KINDS; k++)
    opts->kinds[k] = (variant >> (8 + k) & 1) != 0;
}

/* The proper-noun bases @bases, saved: how many, then each. */
static void
put_bases (GByteArray *out, const DlLexicon *bases)
{
  guint32 nb = dl_lexicon_size (bases);
  dl_put_varint (out, nb);
  for (guint32 i = 0; i < nb; i++)
    {
      dl_put_varint (out, dl_lexicon_length (bases, i));
      g_byte_array_append (out, (const guint8 *) dl_lexicon_string (bases, i),
                           (guint) dl_lexicon_length (bases, i));
    }
}

/* Adds the bases of @from to @into. */
static void
join_bases (DlLexicon *into, const DlLexicon *from)
{
  guint32 nb = dl_lexicon_size (from);
  for (guint32 i = 0; i < nb; i++)
    dl_lexicon_intern (into, dl_lexicon_string (from, i), dl_lexicon_length (from, i), NULL);
}

/* Per language: tokens; the forms' numbers (freq, capitals, apostrophe,
 * their term's length), then, spelled, their terms end to end (one copy,
 * one check at loading); the proper-noun bases. */
void
dl_counter_save_input (const DlCounter *c, const GArray *const *order, GByteArray *out)
{
  gboolean texts = order == NULL;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const LangCounts *lc = &c->lang[l];
      g_return_if_fail (lc->surface == NULL);
      dl_put_varint (out, lc->tokens);
      guint n = lc->pending != NULL ? lc->pending->len : 0;
      g_return_if_fail (texts || order[l]->len == n);
      dl_put_varint (out, n);
      const Pending *pending = n > 0 ? (const Pending *) (gpointer) lc->pending->data : NULL;
      for (guint i = 0; i < n; i++)
        {
          guint32 f = texts ? i : g_array_index (order[l], guint32, i);
          g_return_if_fail (f < n);
          /* An order of words lies all over the forms: their misses overlap. */
          if (!texts && i + DL_PREFETCH_AHEAD < n)
            {
              guint32 ahead = g_array_index (order[l], guint32, i + DL_PREFETCH_AHEAD);
              if (ahead < n)
                DL_PREFETCH (&pending[ahead]);
            }
          const Pending *p = &pending[f];
          dl_put_varint (out, p->freq);
          dl_put_zigzag (out, p->capitals);
          dl_put_zigzag (out, p->apostrophe);
          dl_put_varint (out, p->len);
        }
      /* The texts are pending_text's, in order. */
      if (n > 0 && texts)
        g_byte_array_append (out, (const guint8 *) lc->pending_text->str,
                             (guint) lc->pending_text->len);
      put_bases (out, lc->proper_bases);
    }
}

/* Texts: UTF-8 without NUL. */
static gboolean
good_text (const guint8 *text, guint64 len)
{
  return text != NULL && len < G_MAXUINT32 && dl_utf8_valid ((const char *) text, len);
}

/* Reads bases put_bases saved into @bases. */
static gboolean
get_bases (DlCursor *cur, DlLexicon *bases)
{
  guint64 nb = dl_get_varint (cur);
  if (cur->bad || nb > (guint64) (cur->end - cur->p))
    return FALSE;
  for (guint64 i = 0; i < nb; i++)
    {
      guint64 len = dl_get_varint (cur);
      const guint8 *base = dl_get_bytes (cur, len);
      if (len == 0 || !good_text (base, len))
        return FALSE;
      dl_lexicon_intern (bases, (const char *) base, len, NULL);
    }
  return TRUE;
}

/* Reads language @l of saved counts from @cur into @lc, the terms' texts
 * from @cur too, or from @terms if not NULL. */
static gboolean
load_lang (const DlCounter *c, LangCounts *lc, int l, DlCursor *cur, DlIndexTerms *terms)
{
  if (terms != NULL && !terms->given)
    terms = NULL;
  const GArray *spans = terms != NULL ? terms->forms[l] : NULL;
  guint64 tokens = dl_get_varint (cur), n = dl_get_varint (cur);
  if (cur->bad || n > (guint64) (cur->end - cur->p) || (n > 0 && !c->opts.langs[l])
      || (spans != NULL && spans->len != n))
    return FALSE;
  lc->tokens = tokens;
  lc->pending = g_array_sized_new (FALSE, FALSE, sizeof (Pending), (guint) n);
  dl_advise_huge (lc->pending->data, n * sizeof (Pending));
  guint64 sum = 0, text = 0;
  for (guint64 i = 0; i < n; i++)
    {
      /* Given apart, the terms are where the words are. */
      Pending p = { spans != NULL ? g_array_index (spans, DlIndexSpan, i).at : text, 0, 0, 0, 0 };
      p.freq = dl_get_varint (cur);
      p.capitals = dl_get_zigzag (cur);
      gint64 apostrophe = dl_get_zigzag (cur);
      guint64 len = dl_get_varint (cur);
      if (cur->bad || p.freq == 0 || apostrophe < -1 || apostrophe >= DL_APOSTROPHE_KINDS
          || len == 0 || len > G_MAXUINT32
          || (spans != NULL && len != g_array_index (spans, DlIndexSpan, i).len))
        return FALSE;
      p.apostrophe = (gint32) apostrophe;
      p.len = (guint32) len;
      sum += p.freq;
      text += len;
      g_array_append_val (lc->pending, p);
    }
  if (sum != tokens)
    return FALSE;
  if (terms == NULL)
    {
      const guint8 *spelled = dl_get_bytes (cur, text);
      if (!good_text (spelled, text))
        return FALSE;
      lc->pending_text = g_string_sized_new (text);
      dl_advise_huge (lc->pending_text->str, text);
      g_string_append_len (lc->pending_text, (const char *) spelled, (gssize) text);
    }
  else
    {
      /* The words, each once, are the terms' texts. */
      const GString *words = terms->words[l];
      for (guint i = 0; i < n; i++)
        {
          const Pending *p = &g_array_index (lc->pending, Pending, i);
          if (p->offset > words->len || p->len > words->len - p->offset)
            return FALSE;
        }
      if (!good_text ((const guint8 *) words->str, words->len))
        return FALSE;
      lc->pending_text = g_steal_pointer (&terms->words[l]);
      if (terms->lexicon != 0 && terms->ids[l]->len == n)
        {
          for (guint i = 0; i < n; i++)
            if (g_array_index (terms->ids[l], guint32, i) >= terms->lexicon_size[l])
              return FALSE;
          lc->pending_ids = g_steal_pointer (&terms->ids[l]);
          lc->pending_lexicon = terms->lexicon;
          lc->lexicon_size = terms->lexicon_size[l];
        }
    }
  return get_bases (cur, lc->proper_bases);
}

/* Back to a counter that counted nothing. */
static void
unload (DlCounter *c)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      lc->tokens = 0;
      g_clear_pointer (&lc->pending, g_array_unref);
      g_clear_pointer (&lc->pending_ids, g_array_unref);
      if (lc->pending_text != NULL)
        g_string_free (g_steal_pointer (&lc->pending_text), TRUE);
      dl_lexicon_free (lc->proper_bases);
      lc->proper_bases = dl_lexicon_new ();
    }
}

gboolean
dl_counter_load_input (DlCounter *c, const guint8 *data, gsize len)
{
  return dl_counter_load_input_terms (c, data, len, NULL);
}

gboolean
dl_counter_load_input_terms (DlCounter *c, const guint8 *data, gsize len, DlIndexTerms *terms)
{
  DlCursor cur = dl_cursor_of (data, len);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      g_return_val_if_fail (lc->pending == NULL && lc->surface == NULL && lc->tokens == 0, FALSE);
      if (!load_lang (c, lc, l, &cur, terms))
        {
          unload (c);
          return FALSE;
        }
    }
  if (cur.p != cur.end)
    {
      unload (c);
      return FALSE;
    }
  return TRUE;
}

/* Adds the counts @p of a term of file @file to term @id of @dst. */
static void
add_counts (LangCounts *dst, guint32 id, const Pending *p, guint32 file)
{
  TermStats *d = TERM (dst, id);
  d->freq += p->freq;
  d->capitals += p->capitals;
  if (d->last_file != file + 1)
    {
      d->last_file = file + 1;
      d->range++;
      if (dst->files != NULL)
        {
          if (dst->files->pdata[id] == NULL)
            dst->files->pdata[id] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 1);
          g_array_append_val ((GArray *) dst->files->pdata[id], file);
        }
      if (dst->counts != NULL)
        {
          if (dst->counts->pdata[id] == NULL)
            dst->counts->pdata[id] = g_array_sized_new (FALSE, FALSE, sizeof (guint64), 1);
          g_array_append_val ((GArray *) dst->counts->pdata[id], p->freq);
        }
    }
  else if (dst->counts != NULL)
    {
      /* Another form of the file folded into the same term. */
      GArray *a = dst->counts->pdata[id];
      g_array_index (a, guint64, a->len - 1) += p->freq;
    }
  if (p->apostrophe >= 0)
    add_apostrophe (dst, id, p->apostrophe, p->freq);
}

/* Merges the @n terms @p of file @file, whose texts are in @text, into
 * @dst: each text hashed and looked up. */
static void
merge_texts (LangCounts *dst, const Pending *p, guint n, const GString *text, guint32 file)
{
  DlLexiconKey keys[BATCH];
  for (guint at = 0; at < n; at += BATCH)
    {
      guint k = MIN (n - at, BATCH);
      for (guint i = 0; i < k; i++)
        keys[i] = (DlLexiconKey){ text->str + p[at + i].offset, p[at + i].len, 0 };
      dl_lexicon_prefetch (dst->terms, keys, k);
      for (guint i = 0; i < k; i++)
        {
          gboolean added;
          add_counts (dst, term_id (dst, &keys[i], &added), &p[at + i], file);
        }
    }
}

/* The same for terms numbered in an index's lexicon (@src's
 * pending_ids): a text is hashed only the first time its number comes,
 * after which the number gives its term. */
static void
merge_numbers (LangCounts *dst, const LangCounts *src, guint32 file)
{
  GArray *m = g_hash_table_lookup (dst->by_number, &src->pending_lexicon);
  if (m == NULL)
    {
      m = g_array_new (FALSE, TRUE, sizeof (guint32));
      g_array_set_size (m, (guint) src->lexicon_size);
      g_hash_table_insert (dst->by_number, g_memdup2 (&src->pending_lexicon, sizeof (guint64)), m);
    }
  guint32 *map = (guint32 *) (gpointer) m->data;
  const guint32 *numbers = (const guint32 *) (gpointer) src->pending_ids->data;
  const Pending *p = (const Pending *) (gpointer) src->pending->data;
  guint n = src->pending->len;
  for (guint i = 0; i < MIN (n, BATCH); i++)
    DL_PREFETCH (&map[numbers[i]]);
  for (guint at = 0; at < n; at += BATCH)
    {
      guint k = MIN (n - at, BATCH);
      /* The next batch's numbers are fetched while this one is merged;
       * new texts are hashed together. */
      for (guint i = at + BATCH; i < MIN (n, at + 2 * BATCH); i++)
        DL_PREFETCH (&map[numbers[i]]);
      guint32 term[BATCH];
      guint fresh[BATCH] = { 0 }, n_fresh = 0;
      DlLexiconKey keys[BATCH];
      for (guint i = 0; i < k; i++)
        {
          term[i] = map[numbers[at + i]];
          if (term[i] == 0)
            {
              const Pending *q = &p[at + i];
              keys[n_fresh] = (DlLexiconKey){ src->pending_text->str + q->offset, q->len, 0 };
              fresh[n_fresh++] = i;
            }
          else
            DL_PREFETCH (TERM (dst, term[i] - 1));
        }
      if (n_fresh > 0)
        dl_lexicon_prefetch (dst->terms, keys, n_fresh);
      for (guint j = 0; j < n_fresh; j++)
        {
          gboolean added;
          guint32 id = term_id (dst, &keys[j], &added);
          term[fresh[j]] = map[numbers[at + fresh[j]]] = id + 1;
        }
      for (guint i = 0; i < k; i++)
        add_counts (dst, term[i] - 1, &p[at + i], file);
    }
}

void
dl_counter_merge (DlCounter *into, const DlCounter *from, guint32 file)
{
  if (from->loaded)
    {
      dl_counter_absorb (into, from, file);
      return;
    }
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *dst = &into->lang[l];
      const LangCounts *src = &from->lang[l];
      dst->tokens += src->tokens;
      if (dst->token_files != NULL && src->tokens > 0)
        {
          g_array_append_val (dst->token_files, file);
          g_array_append_val (dst->file_tokens, src->tokens);
        }
      guint n = src->pending != NULL ? src->pending->len : 0;
      dl_lexicon_reserve (dst->terms, n);
      dl_array_reserve (dst->stats, n, sizeof (TermStats));
      if (src->pending_ids != NULL && n > 0)
        merge_numbers (dst, src, file);
      else if (n > 0)
        merge_texts (dst, (const Pending *) (gpointer) src->pending->data, n, src->pending_text,
                     file);
      join_bases (dst->proper_bases, src->proper_bases);
    }
}

/* ---- Merged counts: absorbed, saved, loaded ---- */

/* Adds term @sid of @src, merged from its files 0, 1, ..., to term @id of
 * @dst as files @first, @first + 1, ... */
static void
absorb_term (LangCounts *dst, guint32 id, const LangCounts *src, guint32 sid, guint32 first)
{
  TermStats *d = TERM (dst, id);
  const TermStats *s = TERM (src, sid);
  d->freq += s->freq;
  d->capitals += s->capitals;
  d->range += s->range;
  if (s->last_file > 0)
    d->last_file = s->last_file + first;
  if (dst->files != NULL && src->files->pdata[sid] != NULL)
    {
      const GArray *from = src->files->pdata[sid];
      if (dst->files->pdata[id] == NULL)
        dst->files->pdata[id] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), from->len);
      GArray *to = dst->files->pdata[id];
      for (guint k = 0; k < from->len; k++)
        {
          guint32 file = g_array_index (from, guint32, k) + first;
          g_array_append_val (to, file);
        }
    }
  if (dst->counts != NULL && src->counts->pdata[sid] != NULL)
    {
      const GArray *from = src->counts->pdata[sid];
      if (dst->counts->pdata[id] == NULL)
        dst->counts->pdata[id] = g_array_sized_new (FALSE, FALSE, sizeof (guint64), from->len);
      g_array_append_vals (dst->counts->pdata[id], from->data, from->len);
    }
  const Apostrophes *a = g_hash_table_lookup (src->apos, GUINT_TO_POINTER (sid + 1));
  for (guint v = 0; a != NULL && v < DL_APOSTROPHE_KINDS; v++)
    if (a->uses[v] > 0)
      add_apostrophe (dst, id, (int) v, a->uses[v]);
}

void
dl_counter_absorb (DlCounter *into, const DlCounter *from, guint32 first)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *dst = &into->lang[l];
      const LangCounts *src = &from->lang[l];
      g_return_if_fail (src->pending == NULL && src->surface == NULL);
      g_return_if_fail ((dst->files == NULL || src->files != NULL)
                        && (dst->counts == NULL || src->counts != NULL));
      dst->tokens += src->tokens;
      for (guint k = 0; dst->token_files != NULL && k < src->token_files->len; k++)
        {
          guint32 file = g_array_index (src->token_files, guint32, k) + first;
          g_array_append_val (dst->token_files, file);
          g_array_append_val (dst->file_tokens, g_array_index (src->file_tokens, guint64, k));
        }
      guint32 n = dl_lexicon_size (src->terms);
      dl_lexicon_reserve (dst->terms, n);
      dl_array_reserve (dst->stats, n, sizeof (TermStats));
      /* In @from's order: terms new to @into come in the order they
       * would have come from its files one by one. */
      DlLexiconKey keys[BATCH];
      for (guint32 at = 0; at < n; at += BATCH)
        {
          guint k = MIN (n - at, BATCH);
          for (guint i = 0; i < k; i++)
            keys[i] = (DlLexiconKey){ dl_lexicon_string (src->terms, at + i),
                                      dl_lexicon_length (src->terms, at + i), 0 };
          dl_lexicon_prefetch (dst->terms, keys, k);
          for (guint i = 0; i < k; i++)
            {
              gboolean added;
              absorb_term (dst, term_id (dst, &keys[i], &added), src, at + i, first);
            }
        }
      join_bases (dst->proper_bases, src->proper_bases);
    }
}

/* What a counter keeps beside its counts, as saved. */
static guint64
tracking (const DlCounterOptions *opts)
{
  return (opts->track_files || opts->track_counts ? 1u : 0u) | (opts->track_counts ? 2u : 0u);
}

/* Rising numbers as gaps: the first, then each less the one before. */
static void
put_rising (GByteArray *out, const guint32 *v, guint n)
{
  for (guint k = 0; k < n; k++)
    dl_put_varint (out, k == 0 ? v[0] : v[k] - v[k - 1]);
}

/* Per counter: variant, tracking; per language: tokens; with counts, the
 * files with tokens (rising, as gaps) and their tokens; the terms, each
 * its text, freq, capitals, range, last file, the uses of each
 * apostrophe (a mask, then each used), with files its files (as gaps)
 * and with counts its count in each; the proper-noun bases. */
void
dl_counter_save (const DlCounter *c, GByteArray *out)
{
  dl_put_varint (out, dl_counter_variant (&c->opts));
  dl_put_varint (out, tracking (&c->opts));
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      const LangCounts *lc = &c->lang[l];
      g_return_if_fail (lc->pending == NULL && lc->surface == NULL);
      dl_put_varint (out, lc->tokens);
      if (lc->token_files != NULL)
        {
          guint n = lc->token_files->len;
          dl_put_varint (out, n);
          put_rising (out, (const guint32 *) (gpointer) lc->token_files->data, n);
          for (guint k = 0; k < n; k++)
            dl_put_varint (out, g_array_index (lc->file_tokens, guint64, k));
        }
      guint32 n = dl_lexicon_size (lc->terms);
      dl_put_varint (out, n);
      for (guint32 id = 0; id < n; id++)
        {
          const TermStats *t = TERM (lc, id);
          gsize len = dl_lexicon_length (lc->terms, id);
          dl_put_varint (out, len);
          g_byte_array_append (out, (const guint8 *) dl_lexicon_string (lc->terms, id),
                               (guint) len);
          dl_put_varint (out, t->freq);
          dl_put_zigzag (out, t->capitals);
          dl_put_varint (out, t->range);
          dl_put_varint (out, t->last_file);
          const Apostrophes *a = g_hash_table_lookup (lc->apos, GUINT_TO_POINTER (id + 1));
          guint mask = 0;
          for (guint v = 0; a != NULL && v < DL_APOSTROPHE_KINDS; v++)
            mask |= (a->uses[v] > 0 ? 1u : 0u) << v;
          dl_put_varint (out, mask);
          for (guint v = 0; v < DL_APOSTROPHE_KINDS; v++)
            if (mask & (1u << v))
              dl_put_varint (out, a->uses[v]);
          if (lc->files != NULL)
            {
              const GArray *files = lc->files->pdata[id];
              put_rising (out, (const guint32 *) (gpointer) files->data, files->len);
            }
          if (lc->counts != NULL)
            {
              const GArray *counts = lc->counts->pdata[id];
              for (guint k = 0; k < counts->len; k++)
                dl_put_varint (out, g_array_index (counts, guint64, k));
            }
        }
      put_bases (out, lc->proper_bases);
    }
}

/* Reads @n rising numbers below @below as put_rising put them into @v
 * (room for @n). */
static gboolean
get_rising (DlCursor *cur, guint32 *v, guint64 n, guint64 below)
{
  guint64 prev = 0;
  for (guint64 k = 0; k < n; k++)
    {
      guint64 gap = dl_get_varint (cur);
      if (cur->bad || (k > 0 && gap == 0) || gap >= below - prev)
        return FALSE;
      prev += gap;
      v[k] = (guint32) prev;
    }
  return TRUE;
}

/* Reads one language of dl_counter_save's bytes into @lc, fresh: saved
 * with the files of each term if @files, and its counts in each (and the
 * files with tokens) if @counts; those @lc does not track are read and
 * dropped. */
static gboolean
load_merged (LangCounts *lc, DlCursor *cur, gboolean files, gboolean counts)
{
  lc->tokens = dl_get_varint (cur);
  guint64 sum = 0;
  if (counts)
    {
      guint64 n = dl_get_varint (cur);
      if (cur->bad || n > (guint64) (cur->end - cur->p))
        return FALSE;
      g_autoptr (GArray) token_files
          = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) n);
      g_autoptr (GArray) file_tokens
          = g_array_sized_new (FALSE, FALSE, sizeof (guint64), (guint) n);
      g_array_set_size (token_files, (guint) n);
      g_array_set_size (file_tokens, (guint) n);
      if (!get_rising (cur, (guint32 *) (gpointer) token_files->data, n, G_MAXUINT32))
        return FALSE;
      for (guint64 k = 0; k < n; k++)
        {
          guint64 t = dl_get_varint (cur);
          if (t == 0 || t > lc->tokens - sum)
            return FALSE;
          sum += t;
          g_array_index (file_tokens, guint64, k) = t;
        }
      if (sum != lc->tokens)
        return FALSE;
      sum = 0;
      if (lc->token_files != NULL)
        {
          g_array_append_vals (lc->token_files, token_files->data, token_files->len);
          g_array_append_vals (lc->file_tokens, file_tokens->data, file_tokens->len);
        }
    }
  guint64 n = dl_get_varint (cur);
  if (cur->bad || n > (guint64) (cur->end - cur->p))
    return FALSE;
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint64 id = 0; id < n; id++)
    {
      guint64 len = dl_get_varint (cur);
      const guint8 *text = dl_get_bytes (cur, len);
      if (len == 0 || !good_text (text, len))
        return FALSE;
      gboolean added;
      DlLexiconKey key = { (const char *) text, (gsize) len, 0 };
      dl_lexicon_prefetch (lc->terms, &key, 1);
      if (term_id (lc, &key, &added) != id || !added)
        return FALSE; /* twice */
      TermStats *t = TERM (lc, id);
      t->freq = dl_get_varint (cur);
      t->capitals = dl_get_zigzag (cur);
      guint64 range = dl_get_varint (cur), last = dl_get_varint (cur), mask = dl_get_varint (cur);
      if (cur->bad || range == 0 || range > t->freq || last < range || last > G_MAXUINT32
          || t->freq > G_MAXUINT64 - sum || mask >= 1u << DL_APOSTROPHE_KINDS
          || (files && range > (guint64) (cur->end - cur->p)))
        return FALSE;
      t->range = (guint32) range;
      t->last_file = (guint32) last;
      sum += t->freq;
      guint64 uses = 0;
      for (guint v = 0; v < DL_APOSTROPHE_KINDS; v++)
        if (mask & (1u << v))
          {
            guint64 u = dl_get_varint (cur);
            if (cur->bad || u == 0 || u > t->freq - uses)
              return FALSE;
            uses += u;
            add_apostrophe (lc, (guint32) id, (int) v, u);
          }
      if (files)
        {
          GArray *to = scratch;
          if (lc->files != NULL)
            lc->files->pdata[id] = to
                = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) range);
          g_array_set_size (to, (guint) range);
          if (!get_rising (cur, (guint32 *) (gpointer) to->data, range, last)
              || g_array_index (to, guint32, range - 1) != last - 1)
            return FALSE;
        }
      if (counts)
        {
          GArray *to = NULL;
          if (lc->counts != NULL)
            lc->counts->pdata[id] = to
                = g_array_sized_new (FALSE, FALSE, sizeof (guint64), (guint) range);
          guint64 in_files = 0;
          for (guint64 k = 0; k < range; k++)
            {
              guint64 f = dl_get_varint (cur);
              if (cur->bad || f == 0 || f > t->freq - in_files)
                return FALSE;
              in_files += f;
              if (to != NULL)
                g_array_append_val (to, f);
            }
          if (in_files != t->freq)
            return FALSE;
        }
    }
  if (sum != lc->tokens)
    return FALSE;
  return get_bases (cur, lc->proper_bases) && !cur->bad;
}

gboolean
dl_counter_load (DlCounter *c, const guint8 *data, gsize len)
{
  for (int l = 0; l < DL_LANG_COUNT; l++)
    g_return_val_if_fail (c->lang[l].tokens == 0 && dl_lexicon_size (c->lang[l].terms) == 0
                              && c->lang[l].surface == NULL && c->lang[l].pending == NULL,
                          FALSE);
  DlCursor cur = dl_cursor_of (data, len);
  guint64 mine = tracking (&c->opts);
  guint64 variant = dl_get_varint (&cur), saved = dl_get_varint (&cur);
  /* Saved with the languages this counter counts or more, and what it
   * tracks or more. */
  guint32 langs = ((1u << DL_LANG_COUNT) - 1) << 4, own = dl_counter_variant (&c->opts);
  gboolean ok = variant <= G_MAXUINT32 && (variant & ~langs) == (own & ~langs)
                && (own & langs & ~variant) == 0 && (saved == 0 || saved == 1 || saved == 3)
                && (mine & ~saved) == 0;
  /* The languages it does not count are read into another, dropped. */
  g_autoptr (DlCounter) other = NULL;
  if (ok && (variant & ~own) != 0)
    other = dl_counter_new (&c->opts);
  for (int l = 0; ok && l < DL_LANG_COUNT; l++)
    ok = load_merged (c->opts.langs[l] || other == NULL ? &c->lang[l] : &other->lang[l], &cur,
                      (saved & 1) != 0, (saved & 2) != 0);
  if (ok && cur.p == cur.end)
    {
      c->loaded = TRUE;
      return TRUE;
    }
  /* Back to fresh. */
  for (int l = 0; l < DL_LANG_COUNT; l++)
    {
      LangCounts *lc = &c->lang[l];
      dl_lexicon_free (lc->terms);
      lc->terms = dl_lexicon_new ();
      g_array_set_size (lc->stats, 0);
      g_hash_table_remove_all (lc->apos);
      dl_lexicon_free (lc->proper_bases);
      lc->proper_bases = dl_lexicon_new ();
      lc->tokens = 0;
      if (lc->files != NULL)
        g_ptr_array_set_size (lc->files, 0);
      if (lc->counts != NULL)
        {
          g_ptr_array_set_size (lc->counts, 0);
          g_array_set_size (lc->token_files, 0);
          g_array_set_size (lc->file_tokens, 0);
        }
    }
  return FALSE;
}

guint64
dl_counter_tokens (const DlCounter *c, DlLang lang)
{
  return c->lang[lang].tokens;
}

const DlLexicon *
dl_counter_terms (const DlCounter *c, DlLang lang)
{
  return c->lang[lang].terms;
}

guint64
dl_counter_freq (const DlCounter *c, DlLang lang, guint32 id)
{
  return TERM (&c->lang[lang], id)->freq;
}

guint32
dl_counter_range (const DlCounter *c, DlLang lang, guint32 id)
{
  return TERM (&c->lang[lang], id)->range;
}

const guint32 *
dl_counter_files (const DlCounter *c, DlLang lang, guint32 id, guint *n)
{
  const LangCounts *lc = &c->lang[lang];
  *n = 0;
  if (lc->files == NULL || lc->files->pdata[id] == NULL)
    return NULL;
  GArray *a = lc->files->pdata[id];
  *n = a->len;
  return (const guint32 *) (gpointer) a->data;
}

const guint64 *
dl_counter_file_counts (const DlCounter *c, DlLang lang, guint32 id, guint *n)
{
  const LangCounts *lc = &c->lang[lang];
  *n = 0;
  if (lc->counts == NULL || lc->counts->pdata[id] == NULL)
    return NULL;
  GArray *a = lc->counts->pdata[id];
  *n = a->len;
  return (const guint64 *) (gpointer) a->data;
}

const guint32 *
dl_counter_token_files (const DlCounter *c, DlLang lang, const guint64 **tokens, guint *n)
{
  const LangCounts *lc = &c->lang[lang];
  *n = 0;
  *tokens = NULL;
  if (lc->token_files == NULL)
    return NULL;
  *n = lc->token_files->len;
  *tokens = (const guint64 *) (gpointer) lc->file_tokens->data;
  return (const guint32 *) (gpointer) lc->token_files->data;
}

const char *
dl_counter_display (const DlCounter *c, DlLang lang, guint32 id)
{
  const LangCounts *lc = &c->lang[lang];
  const char *term = dl_lexicon_string (lc->terms, id);
  if (memchr (term, DL_APOSTROPHE[0], dl_lexicon_length (lc->terms, id)) == NULL)
    return term;
  const Apostrophes *a = g_hash_table_lookup (lc->apos, GUINT_TO_POINTER (id + 1));
  return a != NULL && a->shown != NULL ? a->shown : term;
}

gboolean
dl_counter_is_proper_text (const DlCounter *c, DlLang lang, const char *text, gsize len)
{
  const LangCounts *lc = &c->lang[lang];
  guint32 id;
  if (dl_lexicon_lookup (lc->proper_bases, text, len, NULL))
    return TRUE;
  return dl_lexicon_lookup (lc->terms, text, len, &id) && TERM (lc, id)->capitals > 0;
}

gboolean
dl_counter_is_proper (const DlCounter *c, DlLang lang, guint32 id)
{
  const LangCounts *lc = &c->lang[lang];
  if (dl_lexicon_lookup (lc->proper_bases, dl_lexicon_string (lc->terms, id),
                         dl_lexicon_length (lc->terms, id), NULL))
    return TRUE;
  return TERM (lc, id)->capitals > 0;
}
