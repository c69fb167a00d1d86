/* options.h — the options every command shares (DESIGN.md §3), parsed and
 * checked in one place. */
#ifndef DL_OPTIONS_H
#define DL_OPTIONS_H

#include <glib.h>

#include "decode.h"
#include "langid.h"
#include "parts.h"
#include "progress.h"

G_BEGIN_DECLS

/* The most --threads accepted. */
#define DL_OPTIONS_MAX_THREADS 256

typedef enum {
  DL_FORMAT_TEXT,
  DL_FORMAT_TSV,
  DL_FORMAT_CSV,
  DL_FORMAT_JSON,
  DL_FORMAT_HTML,
  DL_FORMAT_MARKDOWN,
  DL_FORMAT_COUNT
} DlFormat;

typedef enum { DL_WHEN_AUTO, DL_WHEN_ALWAYS, DL_WHEN_NEVER } DlWhen;

typedef struct {
  /* As given on the command line (owned; NULL when not given). */
  char *lang_arg, *assume_arg, *unit_arg, *case_arg, *stoplist, *format_arg;
  char *output, *color_arg, *progress_arg, *encoding_arg, *glob;
  char *meta, *by;         /* --meta FILE, --by KEY */
  char **where, **exclude; /* --where KEY=VALUE, --exclude PATTERN (repeatable) */
  gboolean numbers;
  gboolean totals;       /* --totals */
  gboolean bom;          /* --bom: CSV and TSV start with a UTF-8 byte order mark */
  gboolean no_fast_path; /* --no-fast-path: ICU alone (fastpath.h) */
  int threads;

  /* Checked and parsed by dl_options_finish. */
  gboolean all_langs; /* --lang all (the default) */
  DlLang lang;        /* --lang, when not all */
  gboolean assume;    /* --assume-lang given */
  DlLang assume_lang;
  DlUnit unit;
  DlCase casing;
  DlFormat format;
  DlWhen color;
  DlWhen progress;
  gboolean has_encoding;
  DlEncoding encoding;
  /* The readers' counters when progress is shown on stderr (--progress,
   * decided by dl_options_parse), else NULL. Owned. */
  DlProgress *progress_counts;
  /* With --threads 2 or more, the workers that read a file in parts; else
   * NULL. Owned. */
  DlParts *parts;
} DlOptions;

void dl_options_init (DlOptions *opts);
void dl_options_clear (DlOptions *opts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlOptions, dl_options_clear)

/* The common options a command takes: only those it reads. */
typedef enum {
  DL_OPT_LANG = 1 << 0,
  DL_OPT_ASSUME_LANG = 1 << 1,
  DL_OPT_UNIT = 1 << 2,
  DL_OPT_CASE = 1 << 3,
  DL_OPT_NUMBERS = 1 << 4,
  DL_OPT_STOPLIST = 1 << 5,
  DL_OPT_FORMAT = 1 << 6,
  DL_OPT_OUTPUT = 1 << 7,
  DL_OPT_THREADS = 1 << 8,
  DL_OPT_COLOR = 1 << 9,
  DL_OPT_PROGRESS = 1 << 10,
  DL_OPT_ENCODING = 1 << 11,
  DL_OPT_GLOB = 1 << 12,
  DL_OPT_META = 1 << 13, /* --meta, --where, --exclude; --by with DL_OPT_BY */
  DL_OPT_BY = 1 << 14,
  DL_OPT_TOTALS = 1 << 15,
  DL_OPT_FAST_PATH = 1 << 16, /* --no-fast-path */
  /* What every command that reads and writes has. */
  DL_OPT_BASIC = DL_OPT_LANG | DL_OPT_ASSUME_LANG | DL_OPT_FORMAT | DL_OPT_OUTPUT | DL_OPT_THREADS
                 | DL_OPT_PROGRESS | DL_OPT_ENCODING | DL_OPT_GLOB | DL_OPT_META | DL_OPT_FAST_PATH,
  /* And what a command that counts words has. */
  DL_OPT_WORDS = DL_OPT_UNIT | DL_OPT_CASE | DL_OPT_NUMBERS,
} DlOptionSet;

/* A parsing context for a command taking @parameters: its own @entries (may
 * be NULL) followed by the common options in @which, storing into @opts;
 * help texts translated. Free with g_option_context_free. */
GOptionContext *dl_options_context (const char *parameters, const char *summary,
                                    const char *description, const GOptionEntry *entries,
                                    DlOptionSet which, DlOptions *opts);

/* Parses @argv (the command name first) and checks the common options;
 * what is left in @argv are the operands (QUERY, PATH...), without the
 * "--" that ends the options: after it, a word starting with '-' is an
 * operand. FALSE with @error (DL_ERROR_USAGE) for anything wrong. On
 * success it also turns the library's fast path (fastpath.h) on, or off
 * for --no-fast-path: call it before any tokenizer or normalizer is made. */
gboolean dl_options_parse (GOptionContext *context, DlOptions *opts, int *argc, char ***argv,
                           GError **error);

/* Parses @value of @option as one of @choices (NULL-terminated; ASCII case
 * does not matter: TSV is tsv): its index in *@out, or FALSE with @error
 * (DL_ERROR_USAGE) listing the choices. */
gboolean dl_options_choice (const char *option, const char *value, const char *const *choices,
                            int *out, GError **error);

/* Checks a command's own count option (--top, --min-freq...): FALSE with
 * @error (DL_ERROR_USAGE) if @value is negative. */
gboolean dl_options_check_count (const char *option, gint64 value, GError **error);

/* Checks a command's own number option: FALSE with @error (DL_ERROR_USAGE)
 * unless @value is from @min to @max. */
gboolean dl_options_check_range (const char *option, gint64 value, gint64 min, gint64 max,
                                 GError **error);

/* Parses @arg as "A" or "A<@sep>B", decimal digits only: *@a = A and *@b = B
 * (= A when B is left out, which @need_b forbids). FALSE if it is neither;
 * the caller checks the ranges and says what it wanted. */
gboolean dl_options_number_pair (const char *arg, char sep, gboolean need_b, guint64 *a,
                                 guint64 *b);

/* Whether to color or show progress on @fd given the user's choice (and
 * NO_COLOR for color). */
gboolean dl_options_color (const DlOptions *opts, int fd);
gboolean dl_options_progress (const DlOptions *opts, int fd);

/* TRUE if lines of @lang are wanted (--lang). */
gboolean dl_options_wants (const DlOptions *opts, DlLang lang);

G_END_DECLS

#endif /* DL_OPTIONS_H */
