/* output.h — where results go (standard output, or -o FILE written
 * atomically) and numbers written out fast and exactly for them. */
#ifndef DL_OUTPUT_H
#define DL_OUTPUT_H

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlOut DlOut;

/* Opens standard output (@path NULL or "-"), or -o @path:
 * - a regular file or a new one: a temporary file beside it, which
 *   dl_out_close renames onto it (atomically: all or nothing). The result
 *   keeps an existing file's mode, and its owner and group when we may set
 *   them; a new file is made with the umask's mode.
 * - a symbolic link: the same for the file it leads to (the temporary file
 *   beside that one), so that the link stays a link. A link that leads to
 *   no file is refused (as cp refuses to write through one).
 * - a device, FIFO or socket (/dev/null, a terminal, a named pipe): opened
 *   and written in place, never replaced.
 * NULL with DL_ERROR_IO (a directory, a dangling link, a file that cannot
 * be made). */
DlOut *dl_out_open (const char *path, GError **error);

/* The file that dl_out_close (@out, TRUE) makes or replaces, as -o named
 * it; NULL when there is none: standard output, or a device or FIFO
 * written in place. */
const char *dl_out_path (const DlOut *out);

/* The stream to write to (owned by @out). */
FILE *dl_out_file (DlOut *out);

/* Flushes and closes. With @commit, the temporary file becomes the file it
 * replaces; without, it is removed (what went to a device or FIFO is
 * written whatever @commit says). FALSE with DL_ERROR_IO if any write
 * failed (then nothing is renamed). Frees @out either way. */
gboolean dl_out_close (DlOut *out, gboolean commit, GError **error);

/* Closes @out without committing (a temporary file is removed): a run that
 * failed leaves nothing behind. For g_autoptr (DlOut); NULL is fine. */
void dl_out_discard (DlOut *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlOut, dl_out_discard)

/* Writes @value in decimal into @buf (room for 21 bytes); returns @buf.
 * Much faster than printf for the millions of numbers of a long list. */
char *dl_format_u64 (char *buf, guint64 value);

/* Writes @freq per million of @tokens with two decimals, rounded half up on
 * the exact value, into @buf (@size at least 32). "0.00" when @tokens is 0. */
void dl_format_per_million (char *buf, gsize size, guint64 freq, guint64 tokens);

/* Writes @value (finite) into @buf (at least 32 bytes) with @decimals
 * decimals (1..9) and a '.' whatever the locale; a value that would show as
 * 0 in that many decimals is written in exponent form (1.234e-07), and
 * "-0.00" as "0.00". */
void dl_format_real (char *buf, gsize size, double value, int decimals);

/* The decimal separator of numbers shown to people (text, HTML, Markdown,
 * and compare's report) in the interface's language: ',' in Turkish, '.' in
 * English. TSV, CSV and JSON always use '.'. */
char dl_decimal_point (void);

/* A number written out for people: @buf's '.' made dl_decimal_point, in
 * place. Returns @buf. */
char *dl_people_number (char *buf);

G_END_DECLS

#endif /* DL_OUTPUT_H */
