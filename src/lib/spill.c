/* spill.c — bytes kept in memory, then in a temporary file. tmpfile() is
 * unlinked as it is made: nothing is left behind, whatever ends the run. */
#include "config.h"

#include "spill.h"

#include <errno.h>
#include <stdio.h>

struct _DlSpill {
  gsize memory;
  GByteArray *buf; /* bytes not yet written out */
  FILE *file;      /* the bytes before them, or NULL */
  gboolean failed;
};

DlSpill *
dl_spill_new (gsize memory)
{
  DlSpill *spill = g_new0 (DlSpill, 1);
  spill->memory = MAX (memory, 1);
  spill->buf = g_byte_array_new ();
  return spill;
}

gboolean
dl_spill_append (DlSpill *spill, const void *data, gsize len)
{
  g_byte_array_append (spill->buf, data, len);
  if (spill->buf->len < spill->memory || spill->failed)
    return !spill->failed;
  if (spill->file == NULL && (spill->file = tmpfile ()) == NULL)
    return !(spill->failed = TRUE);
  if (fwrite (spill->buf->data, 1, spill->buf->len, spill->file) != spill->buf->len)
    return !(spill->failed = TRUE);
  g_byte_array_set_size (spill->buf, 0);
  return TRUE;
}

gboolean
dl_spill_replay (DlSpill *spill, DlSpillTake take, gpointer user_data)
{
  g_autoptr (GByteArray) chunk = g_byte_array_new ();
  gboolean ok = !spill->failed;
  if (spill->file != NULL)
    {
      if (fflush (spill->file) != 0 || fseek (spill->file, 0, SEEK_SET) != 0)
        ok = FALSE;
      for (;;)
        {
          gsize have = chunk->len;
          g_byte_array_set_size (chunk, have + spill->memory);
          gsize n = fread (chunk->data + have, 1, spill->memory, spill->file);
          g_byte_array_set_size (chunk, have + n);
          if (n == 0)
            break;
          g_byte_array_remove_range (chunk, 0, take (chunk->data, chunk->len, user_data));
        }
      if (ferror (spill->file))
        ok = FALSE;
    }
  /* What is left of the file's last record goes on with the memory's. */
  g_byte_array_append (chunk, spill->buf->data, spill->buf->len);
  gsize used = take (chunk->data, chunk->len, user_data);
  return ok && used == chunk->len;
}

gboolean
dl_spill_spilled (const DlSpill *spill)
{
  return spill->file != NULL;
}

void
dl_spill_free (DlSpill *spill)
{
  if (spill == NULL)
    return;
  if (spill->file != NULL)
    fclose (spill->file);
  g_byte_array_unref (spill->buf);
  g_free (spill);
}
