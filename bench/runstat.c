/* runstat — run a command and report its resource usage on stderr.
 *
 *   runstat CMD ARGS...
 *
 * Runs CMD (fork + execvp; stdin/stdout/stderr inherited, untouched), waits
 * for it with wait4(), then prints one line to stderr:
 *
 *   wall=SECONDS user=SECONDS sys=SECONDS maxrss_kb=N status=N
 *
 * and exits with the command's exit status (128+signal if it was killed,
 * 127 if it could not be executed).  libc only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
tv_sec (struct timeval tv)
{
  return (double) tv.tv_sec + (double) tv.tv_usec / 1e6;
}

int
main (int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      fprintf (stderr, "usage: runstat CMD [ARGS...]\n"
                       "Runs CMD and prints 'wall= user= sys= maxrss_kb= status=' on stderr.\n");
      return argc < 2 ? 2 : 0;
    }

  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);

  pid_t pid = fork ();
  if (pid < 0)
    {
      perror ("runstat: fork");
      return 127;
    }
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      fprintf (stderr, "runstat: cannot execute %s: %s\n", argv[1], strerror (errno));
      _exit (127);
    }

  /* Let the child handle terminal signals; we just report afterwards. */
  signal (SIGINT, SIG_IGN);
  signal (SIGQUIT, SIG_IGN);

  int wstatus = 0;
  struct rusage ru;
  memset (&ru, 0, sizeof ru);
  pid_t r;
  do
    {
      r = wait4 (pid, &wstatus, 0, &ru);
    }
  while (r < 0 && errno == EINTR);
  clock_gettime (CLOCK_MONOTONIC, &t1);
  if (r < 0)
    {
      perror ("runstat: wait4");
      return 127;
    }

  int status;
  if (WIFEXITED (wstatus))
    status = WEXITSTATUS (wstatus);
  else if (WIFSIGNALED (wstatus))
    status = 128 + WTERMSIG (wstatus);
  else
    status = 127;

  double wall = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
  fprintf (stderr, "wall=%.3f user=%.3f sys=%.3f maxrss_kb=%ld status=%d\n", wall,
           tv_sec (ru.ru_utime), tv_sec (ru.ru_stime), (long) ru.ru_maxrss, status);
  return status;
}
