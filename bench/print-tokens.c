/* print-tokens.c — derlem's tokenizer on each line of stdin, for
 * bench/eval-tokens (see README.md).
 *
 *   cc -O2 -I src/lib -o print-tokens bench/print-tokens.c src/lib/libderlem.a \
 *      $(pkg-config --cflags --libs glib-2.0 icu-uc icu-i18n) -lstemmer
 *
 * Each input line (UTF-8, without its newline) is one document; the output
 * has one line per input line: its tokens as START:END:KIND (byte offsets,
 * END exclusive, KIND the first letter of dl_token_kind_name: w n u e),
 * separated by spaces. Exit status 0, 1 on invalid UTF-8 or a tokenizer
 * failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "tokenizer.h"

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DlTokenizer) tok = dl_tokenizer_new (&error);
  if (tok == NULL)
    {
      fprintf (stderr, "print-tokens: %s\n", error->message);
      return 1;
    }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline (&line, &cap, stdin)) >= 0)
    {
      gsize len = (gsize) n;
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
      if (!g_utf8_validate_len (line, len, NULL))
        {
          fprintf (stderr, "print-tokens: invalid UTF-8\n");
          return 1;
        }
      guint n_tokens;
      dl_tokenizer_reset (tok);
      const DlToken *t = dl_tokenizer_line (tok, line, len, &n_tokens, &error);
      if (t == NULL)
        {
          fprintf (stderr, "print-tokens: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; i < n_tokens; i++)
        printf ("%s%zu:%zu:%c", i > 0 ? " " : "", t[i].offset, t[i].offset + t[i].len,
                dl_token_kind_name (t[i].kind)[0]);
      putchar ('\n');
    }
  free (line);
  return fflush (stdout) == 0 ? 0 : 1;
}
