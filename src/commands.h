/* commands.h — the commands' entry points (one cmd-*.c each) and the plumbing
 * they share: option parsing, the inputs of a run, the output. */
#ifndef DL_COMMANDS_H
#define DL_COMMANDS_H

#include <glib.h>

#include "diag.h"
#include "options.h"
#include "output.h"

G_BEGIN_DECLS

/* What main.c gives a command. */
typedef struct {
  const DlDiag *diag; /* problems with inputs go here */
} DlEnv;

/* A command: parses @argv (its name first), runs, and returns FALSE with
 * @error on failure (DL_ERROR_USAGE for usage errors). */
typedef gboolean (*DlCommandFunc) (DlEnv *env, int argc, char **argv, GError **error);

gboolean dl_cmd_langs (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_freq (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_kwic (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_colloc (DlEnv *env, int argc, char **argv, GError **error);
gboolean dl_cmd_ngrams (DlEnv *env, int argc, char **argv, GError **error);

/* The inputs named by the PATH arguments @paths (NULL-terminated); with
 * none, standard input when it has data, otherwise the bundled corpus (said
 * in a note). Returns a GPtrArray of DlInput (owned). */
GPtrArray *dl_cmd_inputs (DlEnv *env, const DlOptions *opts, char **paths);

G_END_DECLS

#endif /* DL_COMMANDS_H */
