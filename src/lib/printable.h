/* printable.h — names and text made safe to show. A file's name may hold
 * any bytes (a newline, an escape sequence, bytes that are not UTF-8) and
 * corpus text control characters: neither may reach a terminal as it is,
 * forge a line of output or break a JSON string. */
#ifndef DL_PRINTABLE_H
#define DL_PRINTABLE_H

#include <glib.h>

G_BEGIN_DECLS

/* Appends @name (a path as the system gave it: any bytes) to @out as one
 * line of valid UTF-8 without a control character: a C0 control, DEL or a
 * C1 control (U+0080..U+009F) as \n, \t, \r or \xNN for each of its bytes
 * (U+0085 is \xc2\x85), a byte that is not part of valid UTF-8 as \xNN, a
 * backslash as \\; every other character (Turkish letters, CJK) as it is.
 * Two names that differ stay different. */
void dl_printable_append_name (GString *out, const char *name);

/* dl_printable_append_name's text of @name as a new string (g_free). */
char *dl_printable_name (const char *name);

/* TRUE if @name shows as it is (dl_printable_name would not change it). */
gboolean dl_printable_name_is_plain (const char *name);

/* A message for people (a diagnostic, which may quote names or the
 * system's words) as one line of valid UTF-8 without a control character,
 * escaped as dl_printable_append_name does, but a backslash kept as it is.
 * A new string (g_free). */
char *dl_printable_message (const char *text);

/* The first control character in the @len bytes of @text (valid UTF-8:
 * corpus text) that is not one of the C0 characters in @keep ("" for
 * none): a C0 control, DEL or a C1 control. NULL if there is none. */
const char *dl_printable_find_control (const char *text, gsize len, const char *keep);

/* Appends the @len bytes of @text (valid UTF-8) to @out, each control
 * character not in @keep (as dl_printable_find_control finds them) made a
 * space: corpus text as people see it, one column a character, with
 * nothing that moves a terminal's cursor, rings it or sets its colours. */
void dl_printable_append_text (GString *out, const char *text, gsize len, const char *keep);

G_END_DECLS

#endif /* DL_PRINTABLE_H */
