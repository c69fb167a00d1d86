/* terminal.h — what derlem knows of the terminal it writes to: how wide a
 * line may be. */
#ifndef DL_TERMINAL_H
#define DL_TERMINAL_H

#include <glib.h>

G_BEGIN_DECLS

/* The width, in display columns, of a line written to @fd for people:
 * COLUMNS when it is a positive number, else the terminal's width when @fd
 * is a terminal (TIOCGWINSZ), else 80. */
guint dl_terminal_columns (int fd);

G_END_DECLS

#endif /* DL_TERMINAL_H */
