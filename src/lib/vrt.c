/* vrt.c — an input as verticalized text: the stream's tokens with their
 * fold, stem and lemma looked up in the run's counts, sentence and text
 * elements around them, every value escaped for XML and cwb-encode. */
#include "config.h"

#include "vrt.h"

#include <string.h>

#include "normalize.h"
#include "stream.h"

struct _DlVrt {
  DlVrtOptions opts;
  DlStream *stream;
  DlNormalizer *norm;
  GString *term; /* a token's term */
  GString *out;  /* the line being written */
};

void
dl_vrt_escape (GString *out, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  const char *end = text + MIN (n, (gsize) DL_VRT_MAX_VALUE);
  for (const char *p = text; p < end;)
    {
      const char *next = g_utf8_next_char (p);
      if (next > end)
        break; /* the cut falls inside a character: not half of it */
      gunichar c = g_utf8_get_char (p);
      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\'')
        g_string_append (out, "&apos;");
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF)
        g_string_append (out, "\xEF\xBF\xBD"); /* U+FFFD */
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

gboolean
dl_vrt_is_name (const char *name)
{
  if (!g_ascii_islower (name[0]) && name[0] != '_')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

void
dl_vrt_name (GString *out, const char *name)
{
  g_string_truncate (out, 0);
  if (g_ascii_isdigit (name[0]) || name[0] == '\0')
    g_string_append_c (out, '_');
  for (const char *p = name; *p != '\0';)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (out, g_ascii_tolower (*p));
      else
        g_string_append_c (out, '_');
      /* One '_' a character, whatever its bytes (not UTF-8: one a byte). */
      const char *next = g_utf8_next_char (p);
      p = (guchar) *p < 0x80 || !g_utf8_validate (p, next - p, NULL) ? p + 1 : next;
    }
}

DlVrt *
dl_vrt_new (const DlVrtOptions *opts, GError **error)
{
  DlStreamOptions so = { { FALSE }, { FALSE }, TRUE, FALSE };
  memcpy (so.langs, opts->langs, sizeof so.langs);
  /* Every kind of token is a token of the text, and ends or starts
   * sentences. */
  for (int k = 0; k < DL_TOKEN_KINDS; k++)
    so.kinds[k] = TRUE;
  g_autoptr (DlVrt) v = g_new0 (DlVrt, 1);
  v->opts = *opts;
  v->term = g_string_new (NULL);
  v->out = g_string_new (NULL);
  if ((v->stream = dl_stream_new (&so, error)) == NULL
      || (v->norm = dl_normalizer_new (error)) == NULL)
    return NULL;
  return g_steal_pointer (&v);
}

void
dl_vrt_free (DlVrt *v)
{
  if (v == NULL)
    return;
  dl_stream_free (v->stream);
  dl_normalizer_free (v->norm);
  g_string_free (v->term, TRUE);
  g_string_free (v->out, TRUE);
  g_free (v);
}

/* The key of the unit of term @id in @units, or DL_VRT_UNDEF. */
static const char *
unit_key (const DlUnits *units, guint32 id)
{
  return units != NULL ? dl_units_key (units, dl_units_of (units, id)) : DL_VRT_UNDEF;
}

/* Appends the line of token @t of @line to v->out. */
static void
put_token (DlVrt *v, const DlStreamLine *line, const DlStreamToken *t)
{
  const char *text = line->text + t->offset;
  DlLang lang = line->lang;
  const DlCounter *c = v->opts.counter;
  const char *fold, *stem = DL_VRT_UNDEF, *lemma = DL_VRT_UNDEF;
  guint32 id;
  if (lang != DL_LANG_OTHER && dl_counter_options (c)->langs[lang])
    dl_counter_term (c, v->norm, lang, text, t->len, v->term);
  else
    dl_normalizer_fold (v->norm, lang, text, t->len, v->term);
  fold = v->term->str;
  /* A word or number counted: as freq shows its form, and its units. URLs,
   * e-mail addresses and words of other lines are counted by none. */
  if (lang != DL_LANG_OTHER && dl_counter_options (c)->langs[lang]
      && dl_lexicon_lookup (dl_counter_terms (c, lang), v->term->str, v->term->len, &id))
    {
      fold = dl_counter_display (c, lang, id);
      stem = unit_key (v->opts.stems[lang], id);
      lemma = unit_key (v->opts.lemmas[lang], id);
    }
  const char *values[] = { fold, stem, lemma, dl_lang_code (lang) };
  dl_vrt_escape (v->out, text, (gssize) t->len);
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_string_append_c (v->out, '\t');
      gsize before = v->out->len;
      dl_vrt_escape (v->out, values[i], -1);
      if (v->out->len == before)
        g_string_append (v->out, DL_VRT_UNDEF); /* never an empty field */
    }
  g_string_append_c (v->out, '\n');
}

typedef struct {
  gboolean text_open;
  gboolean s_open;
  DlLang s_lang;
} Open;

static void
close_sentence (DlVrt *v, Open *o)
{
  if (o->s_open)
    g_string_append (v->out, "</s>\n");
  o->s_open = FALSE;
}

/* Appends the tokens of the tokenized @line to v->out, in sentences. */
static void
put_line (DlVrt *v, const DlStreamLine *line, const char *text_tag, Open *o)
{
  if (o->s_open && (line->lang != o->s_lang || line->icu_start))
    close_sentence (v, o);
  for (guint i = 0; i < line->n_tokens; i++)
    {
      const DlStreamToken *t = &line->tokens[i];
      if (t->icu_start)
        close_sentence (v, o);
      if (!o->text_open)
        {
          g_string_append (v->out, text_tag);
          g_string_append_c (v->out, '\n');
          o->text_open = TRUE;
        }
      if (!o->s_open)
        {
          g_string_append_printf (v->out, "<s lang=\"%s\">\n", dl_lang_code (line->lang));
          o->s_open = TRUE;
          o->s_lang = line->lang;
        }
      put_token (v, line, t);
    }
}

gboolean
dl_vrt_input (DlVrt *v, const DlInput *input, const DlDocumentOptions *doc_options,
              const DlDiag *diag, const char *text_tag, DlVrtWrite write, gpointer user_data,
              GError **error)
{
  if (!dl_stream_open (v->stream, input, doc_options, diag, NULL, error))
    return FALSE;
  Open o = { FALSE, FALSE, DL_LANG_OTHER };
  gboolean ok = TRUE, written = TRUE;
  for (;;)
    {
      const DlStreamLine *line;
      g_string_truncate (v->out, 0);
      if (!(ok = dl_stream_next (v->stream, &line, error)) || line == NULL)
        break;
      if (line->tokenized)
        put_line (v, line, text_tag, &o);
      else
        close_sentence (v, &o); /* a language left out: the sentence is over */
      if (v->out->len > 0 && !(written = write (v->out->str, v->out->len, user_data)))
        break;
    }
  /* Whatever stopped the input, what it opened is closed. */
  g_string_truncate (v->out, 0);
  close_sentence (v, &o);
  if (o.text_open)
    g_string_append (v->out, "</text>\n");
  if (v->out->len > 0 && written)
    written = write (v->out->str, v->out->len, user_data);
  return ok && written;
}
