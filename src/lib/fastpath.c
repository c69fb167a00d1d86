/* fastpath.c — the switch of the fast path: zero (the default) is on. */
#include "config.h"

#include "fastpath.h"

static gint fast_path_off;

void
dl_fast_path_set (gboolean on)
{
  g_atomic_int_set (&fast_path_off, !on);
}

gboolean
dl_fast_path_enabled (void)
{
  return !g_atomic_int_get (&fast_path_off);
}
