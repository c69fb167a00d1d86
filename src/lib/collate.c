/* collate.c — ICU collation on UTF-8: sort keys through a UTF-16 scratch
 * buffer (keys are computed once per item, then compared many times). */
#include "config.h"

#include "collate.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "error.h"
#include "icu.h"

struct _DlCollator {
  UCollator *ucol;
  GArray *u16; /* UChar scratch */
};

DlCollator *
dl_collator_new (DlLang lang, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  const char *locale = lang == DL_LANG_TR ? "tr" : lang == DL_LANG_EN ? "en" : "";
  g_autoptr (UCollator) ucol = ucol_open (locale, &status);
  if (U_FAILURE (status))
    {
      dl_set_icu_error (error, status, "ucol_open");
      return NULL;
    }
  DlCollator *col = g_new0 (DlCollator, 1);
  col->ucol = g_steal_pointer (&ucol);
  col->u16 = g_array_new (FALSE, FALSE, sizeof (UChar));
  return col;
}

void
dl_collator_free (DlCollator *col)
{
  if (col == NULL)
    return;
  ucol_close (col->ucol);
  g_array_unref (col->u16);
  g_free (col);
}

void
dl_collator_key (DlCollator *col, const char *text, gsize len, GString *key)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n16 = 0;
  g_array_set_size (col->u16, len + 1);
  u_strFromUTF8 ((UChar *) (gpointer) col->u16->data, (int32_t) len + 1, &n16, text, (int32_t) len,
                 &status);
  if (U_FAILURE (status))
    n16 = 0; /* the reader lets no invalid UTF-8 through */
  const UChar *u = (const UChar *) (gpointer) col->u16->data;
  int32_t room = (int32_t) len * 3 + 16;
  for (;;)
    {
      g_string_set_size (key, (gsize) room);
      int32_t n = ucol_getSortKey (col->ucol, u, n16, (uint8_t *) key->str, room);
      if (n <= room)
        {
          /* n counts the terminating zero byte. */
          g_string_set_size (key, n > 0 ? (gsize) n - 1 : 0);
          return;
        }
      room = n;
    }
}

/* Texts below this many a thread are not worth another thread. */
#define KEYS_PER_THREAD 20000

/* One thread's share of dl_collator_keys: items [from, to). */
typedef struct {
  DlLang lang;
  gboolean reversed;
  DlKeyText text;
  DlKeySet set;
  gpointer data;
  guint from, to;
  GStringChunk *chunk;
  GError *error;
} KeyShare;

static gpointer
make_keys (gpointer p)
{
  KeyShare *s = p;
  g_autoptr (DlCollator) col = dl_collator_new (s->lang, &s->error);
  if (col == NULL)
    return NULL;
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GString) rev = g_string_new (NULL);
  for (guint i = s->from; i < s->to; i++)
    {
      gsize len;
      const char *text = s->text (s->data, i, &len);
      if (text == NULL)
        continue;
      if (s->reversed)
        {
          dl_reverse_chars (text, len, rev);
          text = rev->str;
        }
      dl_collator_key (col, text, len, key);
      s->set (s->data, i, g_string_chunk_insert_len (s->chunk, key->str, (gssize) key->len));
    }
  return NULL;
}

gboolean
dl_collator_keys (DlLang lang, gboolean reversed, guint n, DlKeyText text, DlKeySet set,
                  gpointer data, GPtrArray *chunks, guint threads, GError **error)
{
  guint k = CLAMP (n / KEYS_PER_THREAD, 1, MAX (threads, 1));
  g_autofree KeyShare *shares = g_new0 (KeyShare, k);
  g_autofree GThread **running = g_new0 (GThread *, k);
  for (guint t = 0; t < k; t++)
    {
      shares[t] = (KeyShare){ lang,
                              reversed,
                              text,
                              set,
                              data,
                              (guint) ((guint64) n * t / k),
                              (guint) ((guint64) n * (t + 1) / k),
                              g_string_chunk_new (4096),
                              NULL };
      g_ptr_array_add (chunks, shares[t].chunk);
    }
  /* The first share on this thread, the others beside it. */
  for (guint t = 1; t < k; t++)
    running[t] = g_thread_new ("derlem-keys", make_keys, &shares[t]);
  make_keys (&shares[0]);
  gboolean ok = TRUE;
  for (guint t = 0; t < k; t++)
    {
      if (running[t] != NULL)
        g_thread_join (running[t]);
      if (shares[t].error != NULL && ok)
        {
          g_propagate_error (error, shares[t].error);
          ok = FALSE;
        }
      else
        g_clear_error (&shares[t].error);
    }
  return ok;
}

int
dl_collator_compare (DlCollator *col, const char *a, gsize alen, const char *b, gsize blen)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8 (col->ucol, a, (int32_t) alen, b, (int32_t) blen, &status);
  if (U_SUCCESS (status) && r != UCOL_EQUAL)
    return r == UCOL_LESS ? -1 : 1;
  int c = memcmp (a, b, MIN (alen, blen));
  return c != 0 ? c : alen < blen ? -1 : alen > blen;
}

void
dl_reverse_chars (const char *text, gsize len, GString *out)
{
  g_string_set_size (out, len);
  const char *p = text, *end = text + len;
  char *w = out->str + len;
  while (p < end)
    {
      const char *next = g_utf8_next_char (p);
      if (next > end)
        next = end;
      w -= next - p;
      memcpy (w, p, (gsize) (next - p));
      p = next;
    }
}

/* Descending numbers; then the collation keys when both have one, else the
 * bytes (a total order either way). */
static int
by_rank (const void *a, const void *b)
{
  const DlRanked *x = a, *y = b;
  if (x->k1 != y->k1)
    return x->k1 > y->k1 ? -1 : 1;
  if (x->k2 != y->k2)
    return x->k2 > y->k2 ? -1 : 1;
  int c = x->key != NULL && y->key != NULL ? strcmp (x->key, y->key) : 0;
  return c != 0 ? c : strcmp (x->text, y->text);
}

guint
dl_collator_rank (DlCollator *col, DlRanked *items, guint n, guint top, GStringChunk *chunk)
{
  qsort (items, n, sizeof *items, by_rank);
  guint shown = top > 0 && top < n ? top : n;
  g_autoptr (GString) key = g_string_new (NULL);
  for (guint i = 0; i < shown;)
    {
      guint j = i + 1;
      while (j < n && items[j].k1 == items[i].k1 && items[j].k2 == items[i].k2)
        j++;
      if (j - i > 1)
        {
          for (guint k = i; k < j; k++)
            {
              dl_collator_key (col, items[k].text, strlen (items[k].text), key);
              items[k].key = g_string_chunk_insert_len (chunk, key->str, (gssize) key->len);
            }
          qsort (items + i, j - i, sizeof *items, by_rank);
        }
      i = j;
    }
  return shown;
}
