/* stem.c — Snowball through libstemmer, with derlem's apostrophe and proper
 * noun rules in front of it. Stems are computed once per type, after
 * counting, so speed here hardly matters. */
#include "config.h"

#include "stem.h"

#include <string.h>

#include <libstemmer.h>

#include "error.h"
#include "i18n.h"
#include "normalize.h"

struct _DlStemmer {
  struct sb_stemmer *turkish;
  struct sb_stemmer *english;
};

DlStemmer *
dl_stemmer_new (GError **error)
{
  DlStemmer *st = g_new0 (DlStemmer, 1);
  st->turkish = sb_stemmer_new ("turkish", "UTF_8");
  st->english = sb_stemmer_new ("english", "UTF_8");
  if (st->turkish == NULL || st->english == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_DATA, _ ("libstemmer has no Snowball stemmer for %s"),
                   st->turkish == NULL ? "turkish" : "english");
      dl_stemmer_free (st);
      return NULL;
    }
  return st;
}

void
dl_stemmer_free (DlStemmer *st)
{
  if (st == NULL)
    return;
  if (st->turkish != NULL)
    sb_stemmer_delete (st->turkish);
  if (st->english != NULL)
    sb_stemmer_delete (st->english);
  g_free (st);
}

gsize
dl_stem_proper_base (DlLang lang, const char *folded, gsize len)
{
  if (lang != DL_LANG_TR || len == 0 || g_ascii_isdigit (folded[0]))
    return 0;
  gssize a = dl_apostrophe_find (folded, len);
  return a > 0 ? (gsize) a : 0;
}

static gboolean
ends_with (const char *s, gsize len, const char *suffix)
{
  gsize n = strlen (suffix);
  return len >= n && memcmp (s + len - n, suffix, n) == 0;
}

void
dl_stemmer_stem (DlStemmer *st, DlLang lang, const char *folded, gsize len, gboolean proper,
                 GString *out)
{
  gsize base = len;
  struct sb_stemmer *snowball = NULL;
  if (len > 0 && g_ascii_isdigit (folded[0]))
    {
      /* A number: its suffix goes (1990'ların → 1990), the rest stays. */
      gssize a = dl_apostrophe_find (folded, len);
      if (a > 0)
        base = (gsize) a;
    }
  else if (lang == DL_LANG_TR)
    {
      gsize b = dl_stem_proper_base (lang, folded, len);
      if (b > 0)
        base = b, proper = TRUE;
      snowball = st->turkish;
    }
  else if (lang == DL_LANG_EN)
    {
      if (ends_with (folded, len, DL_APOSTROPHE "s") && len > 2)
        base = len - 2;
      else if (ends_with (folded, len, "s" DL_APOSTROPHE))
        base = len - 1;
      snowball = st->english;
    }
  if (snowball == NULL || proper)
    {
      g_string_truncate (out, 0);
      g_string_append_len (out, folded, (gssize) base);
      return;
    }
  const sb_symbol *s = sb_stemmer_stem (snowball, (const sb_symbol *) folded, (int) base);
  g_string_truncate (out, 0);
  if (s == NULL) /* out of memory inside libstemmer */
    g_string_append_len (out, folded, (gssize) base);
  else
    g_string_append_len (out, (const char *) s, sb_stemmer_length (snowball));
}
