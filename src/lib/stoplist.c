/* stoplist.c — stoplists as sets of counting forms, one per language. */
#include "config.h"

#include "stoplist.h"

#include <string.h>

#include "error.h"
#include "i18n.h"
#include "lexicon.h"
#include "paths.h"

struct _DlStoplist {
  DlLexicon *words[DL_LANG_COUNT];
};

static gboolean
add_file (DlStoplist *sl, const char *path, const DlLang *langs, guint n_langs, DlNormalizer *norm,
          GError **error)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, "%s: %s", "--stoplist", local->message);
      return FALSE;
    }
  g_autoptr (GString) folded = g_string_new (NULL);
  guint number = 0;
  for (char *line = text, *next; line != NULL && line < text + len; line = next)
    {
      number++;
      char *nl = memchr (line, '\n', (gsize) (text + len - line));
      next = nl != NULL ? nl + 1 : NULL;
      gsize n = nl != NULL ? (gsize) (nl - line) : (gsize) (text + len - line);
      if (!g_utf8_validate_len (line, n, NULL))
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: a --stoplist file with bytes that are not UTF-8. */
                       _ ("%s:%u: not valid UTF-8"), path, number);
          return FALSE;
        }
      /* A byte order mark, a CR and surrounding white space are not part of the word. */
      if (number == 1 && n >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
        line += 3, n -= 3;
      while (n > 0 && g_ascii_isspace (line[n - 1]))
        n--;
      while (n > 0 && g_ascii_isspace (*line))
        line++, n--;
      if (n == 0 || *line == '#')
        continue;
      for (guint i = 0; i < n_langs; i++)
        {
          dl_normalizer_fold (norm, langs[i], line, n, folded);
          dl_lexicon_intern (sl->words[langs[i]], folded->str, folded->len, NULL);
        }
    }
  return TRUE;
}

DlStoplist *
dl_stoplist_load (const char *spec, DlNormalizer *norm, GError **error)
{
  g_autoptr (DlStoplist) sl = g_new0 (DlStoplist, 1);
  for (int l = 0; l < DL_LANG_COUNT; l++)
    sl->words[l] = dl_lexicon_new ();
  if (spec == NULL || strcmp (spec, "none") == 0)
    return g_steal_pointer (&sl);
  if (strcmp (spec, "default") == 0)
    {
      g_autofree char *datadir = dl_paths_datadir ();
      const DlLang langs[] = { DL_LANG_TR, DL_LANG_EN };
      for (gsize i = 0; i < G_N_ELEMENTS (langs); i++)
        {
          g_autofree char *name = g_strconcat (dl_lang_code (langs[i]), ".txt", NULL);
          g_autofree char *path = g_build_filename (datadir, "stoplists", name, NULL);
          g_autoptr (GError) local = NULL;
          if (!add_file (sl, path, &langs[i], 1, norm, &local))
            {
              g_set_error (error, DL_ERROR, DL_ERROR_DATA, "%s", local->message);
              return NULL;
            }
        }
      return g_steal_pointer (&sl);
    }
  const DlLang all[] = { DL_LANG_OTHER, DL_LANG_TR, DL_LANG_EN };
  if (!add_file (sl, spec, all, G_N_ELEMENTS (all), norm, error))
    return NULL;
  return g_steal_pointer (&sl);
}

void
dl_stoplist_free (DlStoplist *sl)
{
  if (sl == NULL)
    return;
  for (int l = 0; l < DL_LANG_COUNT; l++)
    dl_lexicon_free (sl->words[l]);
  g_free (sl);
}

gboolean
dl_stoplist_contains (const DlStoplist *sl, DlLang lang, const char *term, gsize len)
{
  return sl != NULL && dl_lexicon_lookup (sl->words[lang], term, len, NULL);
}

guint
dl_stoplist_size (const DlStoplist *sl, DlLang lang)
{
  return sl != NULL ? dl_lexicon_size (sl->words[lang]) : 0;
}
