/* fuzz-partial.c — libFuzzer harness of partial results (partial.c), as
 * freq and merge read them. The first byte: bit 0 set, the rest is a
 * whole file, read as it is (its checksums mostly fail); clear, the rest
 * is what the frames hold — a 16-bit length, that many bytes of the
 * inputs' frame, then the counts' frame — made into a file whose
 * checksums hold (dl_partial_write_frames), so that the parsers behind
 * them are reached.
 *
 * A partial result opened must replay its notes (each message valid
 * UTF-8), count its failures within its notes, and either load its
 * counts into a counter of its own options or refuse them; counts loaded
 * must save, load back and save the same bytes, and add up to their
 * tokens. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "counter.h"
#include "fuzz.h"
#include "partial.h"

static void
check_file (const uint8_t *data, size_t size)
{
  g_autoptr (FuzzFile) file = fuzz_file_new (data, size, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (DlPartial) p = dl_partial_open (fuzz_file_path (file), &error);
  if (p == NULL)
    {
      FUZZ_CHECK (error != NULL, "a partial result refused says why");
      fuzz_check_utf8 (error->message, strlen (error->message), FALSE, "the refusal");
      return;
    }
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  dl_partial_replay_paths (p, diag);
  for (guint i = 0; i < dl_partial_n_inputs (p); i++)
    {
      const char *path = dl_partial_input_path (p, i);
      fuzz_check_utf8 (path, strlen (path), FALSE, "an input's path");
      dl_partial_replay (p, i, diag);
    }
  DlCounterOptions opts;
  dl_counter_options_from_variant (&opts, dl_partial_variant (p));
  opts.track_files = dl_partial_has_files (p);
  opts.track_counts = dl_partial_has_counts (p);
  FUZZ_CHECK (!opts.track_counts || opts.track_files, "counts per file come with the files");
  FUZZ_CHECK (dl_partial_check_options (p, &opts, NULL), "its own options fit");
  g_autoptr (DlCounter) c = dl_counter_new (&opts);
  g_autoptr (GError) load_error = NULL;
  if (!dl_partial_load_counter (p, c, &load_error))
    {
      FUZZ_CHECK (load_error != NULL, "counts refused say why");
      return;
    }
  fuzz_check_merged_counts (c, &opts);
}

/* The frames' contents made into a file whose checksums hold. */
static void
check_frames (const uint8_t *data, size_t size)
{
  if (size < 2)
    return;
  size_t inputs = MIN ((size_t) (data[0] | data[1] << 8), size - 2);
  char *bytes = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&bytes, &len);
  FUZZ_CHECK (out != NULL, "a memory stream");
  gboolean ok
      = dl_partial_write_frames (out, data + 2, inputs, data + 2 + inputs, size - 2 - inputs, NULL);
  FUZZ_CHECK (fclose (out) == 0 && ok, "frames written");
  check_file ((const uint8_t *) bytes, len);
  free (bytes);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  if (how & 1)
    check_file (data, size);
  else
    check_frames (data, size);
  return 0;
}
