/* textwidth.h — the display width of text: columns on a terminal, East Asian
 * wide characters two, combining marks none (for aligned text output and
 * context cut to a width). */
#ifndef DL_TEXTWIDTH_H
#define DL_TEXTWIDTH_H

#include <glib.h>

G_BEGIN_DECLS

/* The columns @c takes on a terminal: 0 for combining marks and format
 * characters, 2 for East Asian wide and fullwidth characters, else 1. */
guint dl_char_width (gunichar c);

/* The columns of @text (@len bytes of valid UTF-8, or -1: NUL-terminated). */
gsize dl_display_width (const char *text, gssize len);

G_END_DECLS

#endif /* DL_TEXTWIDTH_H */
