/* fuzz.h — what the libFuzzer harnesses (tests/fuzz/fuzz-*.c) share: the
 * fuzzer's bytes as a file the library opens by its path, a diagnostics sink
 * that formats every message and prints none, and checks that abort. */
#ifndef DL_FUZZ_H
#define DL_FUZZ_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "counter.h"
#include "diag.h"
#include "query.h"

G_BEGIN_DECLS

/* libFuzzer's entry points: fuzz.c defines the first for every harness
 * (GLib's criticals and warnings abort, as a failed g_return_if_fail is a
 * finding; SIGPIPE is ignored), each harness the second. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Takes the first of the fuzzer's @size bytes at *@data into *@how (its
 * bits say how the harness runs, each harness its own way), leaving the
 * rest in *@data and *@size; FALSE when there is none. */
gboolean fuzz_take_how (const uint8_t **data, size_t *size, guint8 *how);

typedef struct _FuzzFile FuzzFile;

/* @data (@len bytes) as a file at fuzz_file_path: an in-memory regular
 * file (memfd), or, with @pipe, the read end of a pipe the bytes are
 * written into (by a thread when they do not fit its buffer), which a
 * reader opens as it opens standard input or a FIFO. Nothing on disk. */
FuzzFile *fuzz_file_new (const guint8 *data, gsize len, gboolean pipe);
/* /proc/self/fd/N (owned by @f). */
const char *fuzz_file_path (const FuzzFile *f);
/* Closes the file (a pipe writer still blocked gets EPIPE) and frees @f. */
void fuzz_file_free (FuzzFile *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuzzFile, fuzz_file_free)

/* A sink that formats each message and drops it. */
DlDiag *fuzz_diag_new (void);

/* Aborts unless @text (@len bytes) is valid UTF-8; NUL characters allowed
 * when @nul_ok. Every byte is read. */
void fuzz_check_utf8 (const char *text, gsize len, gboolean nul_ok, const char *what);

/* Matches the tokens of a fixed text in Turkish, English and other
 * (capitals, dotted and dotless i, apostrophes, numbers), then each query's
 * own terms as tokens, against @queries (@n > 0), casing kept if
 * @keep_case. Every match must name a query and no more tokens than it
 * has; a query without regular expressions must match its own terms. */
void fuzz_match (DlQuery *const *queries, guint n, gboolean keep_case);

/* Checks merged counts @c (made with @opts): saved, they load back and
 * save the same bytes, and each language's terms' counts add up to its
 * tokens. */
void fuzz_check_merged_counts (const DlCounter *c, const DlCounterOptions *opts);

/* Aborts with @what unless @cond: abort (), which libFuzzer catches and
 * saves the input of (g_error's breakpoint trap it does not). */
#define FUZZ_CHECK(cond, what)                                                                     \
  do                                                                                               \
    {                                                                                              \
      if (!(cond))                                                                                 \
        {                                                                                          \
          g_printerr ("%s: %s\n", (what), #cond);                                                  \
          abort ();                                                                                \
        }                                                                                          \
    }                                                                                              \
  while (0)

G_END_DECLS

#endif /* DL_FUZZ_H */
