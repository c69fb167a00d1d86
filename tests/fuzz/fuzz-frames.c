/* fuzz-frames.c — libFuzzer harness of what a reader of an index decodes
 * once a frame's checksum has passed: a checksum says the bytes are those
 * written, not that a build of derlem wrote them. The first byte: bit 0
 * an input's counts (dl_counter_load_input, as `freq` reads them), else a
 * block's tokens (dl_index_tokens_decode, as `kwic` does).
 *
 * Tokens decoded must hold together: a language per line, each line's
 * tokens starting where the last ended, the last line's ending at the
 * words' end. Counts loaded must merge, save and load back, and save
 * again to the same bytes; counts refused must leave the counter as
 * fresh (a second load of the same bytes is refused too). */
#include "config.h"

#include <string.h>

#include "counter.h"
#include "fuzz.h"
#include "index.h"

static void
check_tokens (const uint8_t *data, size_t size)
{
  DlIndexTokens t;
  dl_index_tokens_init (&t);
  if (dl_index_tokens_decode (data, size, &t))
    {
      guint lines = t.langs->len;
      FUZZ_CHECK (t.starts->len == lines + 1, "a start per line and one past the last");
      FUZZ_CHECK (g_array_index (t.starts, guint32, 0) == 0, "the first line starts at 0");
      for (guint k = 0; k < lines; k++)
        {
          FUZZ_CHECK (g_array_index (t.langs, guint8, k) < DL_LANG_COUNT, "a line's language");
          FUZZ_CHECK (g_array_index (t.starts, guint32, k)
                          <= g_array_index (t.starts, guint32, k + 1),
                      "a line's tokens end after they start");
        }
      FUZZ_CHECK (g_array_index (t.starts, guint32, lines) == t.words->len,
                  "the last line ends at the words' end");
      /* A token takes a byte at least. */
      FUZZ_CHECK (t.words->len <= size, "no more tokens than bytes");
    }
  dl_index_tokens_clear (&t);
}

static void
check_counts (const uint8_t *data, size_t size)
{
  DlCounterOptions opts;
  dl_counter_options_init (&opts);
  g_autoptr (DlCounter) c = dl_counter_new (&opts);
  if (!dl_counter_load_input (c, data, size))
    {
      FUZZ_CHECK (!dl_counter_load_input (c, data, size), "refused counts refused again");
      return;
    }
  g_autoptr (DlCounter) total = dl_counter_new (&opts);
  dl_counter_merge (total, c, 0);
  fuzz_check_merged_counts (total, &opts);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  if (how & 1)
    check_counts (data, size);
  else
    check_tokens (data, size);
  return 0;
}
