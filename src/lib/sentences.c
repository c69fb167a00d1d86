/* sentences.c — ICU's UBRK_SENTENCE iterator on a UTF-8 UText opened on the
 * line in place. A boundary's rule status tells a sentence ended by a
 * terminator (UBRK_SENTENCE_TERM) from text that merely stops. */
#include "config.h"

#include "sentences.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "error.h"

/* ICU offsets are int32: longer lines are cut into pieces this long (at a
 * character boundary), each with its own breaks. */
#define PIECE_MAX ((gsize) 1 << 30)

struct _DlSentences {
  UBreakIterator *bi;
  UText ut;
  GArray *bounds; /* gsize */
};

DlSentences *
dl_sentences_new (GError **error)
{
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open (UBRK_SENTENCE, "en", NULL, 0, &st);
  if (U_FAILURE (st))
    {
      dl_set_icu_error (error, st, "ubrk_open");
      return NULL;
    }
  DlSentences *s = g_new0 (DlSentences, 1);
  UText init = UTEXT_INITIALIZER;
  s->ut = init;
  s->bi = bi;
  s->bounds = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64); /* data never NULL */
  return s;
}

void
dl_sentences_free (DlSentences *s)
{
  if (s == NULL)
    return;
  ubrk_close (s->bi);
  utext_close (&s->ut);
  g_array_unref (s->bounds);
  g_free (s);
}

const gsize *
dl_sentences_line (DlSentences *s, const char *text, gsize len, guint *n, gboolean *ends,
                   GError **error)
{
  g_array_set_size (s->bounds, 0);
  *n = 0;
  *ends = FALSE;
  for (gsize from = 0; from < len;)
    {
      gsize to = len;
      if (to - from > PIECE_MAX)
        {
          to = from + PIECE_MAX;
          while (to > from && ((guchar) text[to] & 0xc0) == 0x80)
            to--;
        }
      UErrorCode st = U_ZERO_ERROR;
      utext_openUTF8 (&s->ut, text + from, (int64_t) (to - from), &st);
      if (U_SUCCESS (st))
        ubrk_setUText (s->bi, &s->ut, &st);
      if (U_FAILURE (st))
        {
          dl_set_icu_error (error, st, "ubrk_setUText");
          return NULL;
        }
      for (int32_t b = ubrk_following (s->bi, 0); b != UBRK_DONE; b = ubrk_next (s->bi))
        {
          gsize at = from + (gsize) b;
          if (at < len)
            g_array_append_val (s->bounds, at);
          else
            *ends = ubrk_getRuleStatus (s->bi) < UBRK_SENTENCE_SEP;
        }
      from = to;
    }
  *n = s->bounds->len;
  return (const gsize *) (gpointer) s->bounds->data;
}
