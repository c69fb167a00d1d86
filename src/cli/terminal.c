/* terminal.c — the width of the terminal, from COLUMNS or the tty. */
#include "config.h"

#include "terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_COLUMNS 80
#define MAX_COLUMNS 10000 /* beyond this COLUMNS is taken for a mistake */

guint
dl_terminal_columns (int fd)
{
  const char *env = g_getenv ("COLUMNS");
  if (env != NULL && g_ascii_isdigit (env[0]))
    {
      char *end;
      guint64 n = g_ascii_strtoull (env, &end, 10);
      if (*end == '\0' && n > 0 && n <= MAX_COLUMNS)
        return (guint) n;
    }
  struct winsize ws;
  if (isatty (fd) && ioctl (fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return DEFAULT_COLUMNS;
}
