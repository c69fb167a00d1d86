/* cmd-common.c — what every command does the same way: find its inputs. */
#include "config.h"

#include "commands.h"
#include "i18n.h"
#include "paths.h"
#include "source.h"

GPtrArray *
dl_cmd_inputs (DlEnv *env, const DlOptions *opts, char **paths)
{
  if (paths != NULL && paths[0] != NULL)
    return dl_source_expand ((const char *const *) paths, opts->glob, env->diag);
  if (dl_source_stdin_has_data ())
    {
      const char *const stdin_only[] = { "-", NULL };
      return dl_source_expand (stdin_only, opts->glob, env->diag);
    }
  g_autofree char *corpus = dl_paths_corpus ();
  dl_diag_report (env->diag, DL_DIAG_NOTE, NULL, 0,
                  _("no PATH given: reading the bundled sample corpus in %s"), corpus);
  const char *const bundled[] = { corpus, NULL };
  /* The bundled corpus is *.txt whatever --glob says. */
  return dl_source_expand (bundled, NULL, env->diag);
}
