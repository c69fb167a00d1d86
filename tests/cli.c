/* cli.c — running the built ./derlem for the CLI suites (see cli.h). */
#include "config.h"

#include "cli.h"

#include <sys/wait.h>

#include "tests.h"

void
cli_run_clear (CliRun *r)
{
  g_free (r->out);
  g_free (r->err);
}

void
cli_remove_dir (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+rwX '%s' && rm -rf '%s'", dir, dir);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_INT_EQ_FOR (dir, r.status, 0);
  cli_run_clear (&r);
}

CliRun
cli_run (const char *cmdline, const char *language)
{
  CliRun r = { -1, NULL, NULL };
  char **env = g_get_environ ();
  g_autofree char *program = g_strdup (g_environ_getenv (env, "DERLEM_TEST_PROGRAM"));
  env = g_environ_setenv (env, "DERLEM", program != NULL ? program : DERLEM, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "NO_COLOR");
  env = language ? g_environ_setenv (env, "LANGUAGE", language, TRUE)
                 : g_environ_unsetenv (env, "LANGUAGE");
  const char *argv[] = { "/bin/sh", "-c", cmdline, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status;
  /* Standard input is /dev/null, whatever the harness gives: a command
     without a PATH reads it (empty) unless the test gives one. */
  if (!g_spawn_sync (TEST_SRCDIR, (char **) argv, env, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                     &r.out, &r.err, &wait_status, &error))
    {
      CU_FAIL (error->message);
      /* Empty output, so that callers' assertions fail rather than crash. */
      r.out = g_strdup ("");
      r.err = g_strdup ("");
    }
  else
    r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  g_strfreev (env);
  return r;
}

CliRun
cli_run_usage_error (const char *cmdline, const char *message)
{
  CliRun r = cli_run (cmdline, NULL);
  DL_ASSERT_INT_EQ_FOR (cmdline, r.status, 2);
  DL_ASSERT_STR_CONTAINS_FOR (cmdline, r.err, message);
  DL_ASSERT_STR_EQ_FOR (cmdline, r.out, "");
  return r;
}

void
cli_assert_temporary_file_full (const char *make, const char *command, const char *message)
{
  g_autofree char *dir = g_dir_make_tmp ("derlem-cli-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  g_autofree char *cmd
      = g_strdup_printf ("cd '%s' && %s && (trap '' XFSZ; ulimit -f 400; %s > /dev/null); "
                         "echo status=$?; ls -A",
                         dir, make, command);
  CliRun r = cli_run (cmd, NULL);
  DL_ASSERT_STR_EQ_FOR (command, r.out, "status=1\nbig.txt\nbig2.txt\n");
  g_autofree char *reason = g_strdup_printf ("%s: File too large", message);
  DL_ASSERT_STR_CONTAINS_FOR (command, r.err, reason);
  cli_run_clear (&r);
  cli_remove_dir (dir);
}

char *
cli_make_mixed (guint pairs)
{
  return g_strdup_printf (
      "awk 'BEGIN { for (i = 0; i < %u; i++) { "
      "print \"Savaş bitti ve herkes evine döndü, çocuklar sokakta oynuyordu \" i; "
      "print \"The war is over and everyone went back home to their families \" i } }' "
      "> big.txt && cp big.txt big2.txt",
      pairs);
}
