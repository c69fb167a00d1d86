/* fuzz-meta.c — libFuzzer harness of meta.h and tsv.h (--meta, --where,
 * --exclude, --by) and of freqtsv.h (keyness --ref-list), which reads TSV
 * too. After the first byte, the first line says what a run selects, in
 * items separated by tabs: `wKEY=VALUE` a --where, `xPATTERN` an
 * --exclude, `bKEY` the --by, `pPATH` an input (without one, a few fixed
 * paths); the rest is the table. The first byte: bit 0 no --meta (the
 * table is not read: only the key `file` exists), bit 1 the table read as
 * a frequency list as well.
 *
 * A table or selection refused must say why as a usage error; a selection
 * checked must keep each input at most once, in the part of its --by
 * value; each row of the table must be found by its file name. */
#include "config.h"

#include <string.h>

#include "error.h"
#include "freqtsv.h"
#include "fuzz.h"
#include "meta.h"
#include "source.h"

typedef struct {
  GPtrArray *where, *exclude, *paths; /* char *, owned; where and exclude NULL-terminated */
  char *by;
} Spec;

static void
spec_clear (Spec *s)
{
  g_clear_pointer (&s->where, g_ptr_array_unref);
  g_clear_pointer (&s->exclude, g_ptr_array_unref);
  g_clear_pointer (&s->paths, g_ptr_array_unref);
  g_clear_pointer (&s->by, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Spec, spec_clear)

/* Reads the selection line @line (@len bytes). */
static void
parse_spec (Spec *s, const char *line, gsize len)
{
  s->where = g_ptr_array_new_with_free_func (g_free);
  s->exclude = g_ptr_array_new_with_free_func (g_free);
  s->paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strndup (line, len);
  g_auto (GStrv) items = g_strsplit (copy, "\t", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *v = items[i] + (items[i][0] != '\0');
      switch (items[i][0])
        {
        case 'w':
          g_ptr_array_add (s->where, g_strdup (v));
          break;
        case 'x':
          g_ptr_array_add (s->exclude, g_strdup (v));
          break;
        case 'b':
          g_free (s->by);
          s->by = g_strdup (v);
          break;
        case 'p':
          g_ptr_array_add (s->paths, g_strdup (v));
          break;
        default:
          break;
        }
    }
  static const char *const fixed[] = { "corpus/a.txt", "b.txt", "-", "x/y/c.txt" };
  for (gsize i = 0; s->paths->len == 0 && i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (s->paths, g_strdup (fixed[i]));
  g_ptr_array_add (s->where, NULL);
  g_ptr_array_add (s->exclude, NULL);
}

/* Every input that @sel keeps, in a part of its --by value, once. */
static void
check_parts (const DlSelect *sel, const Spec *spec)
{
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  for (guint i = 0; i < spec->paths->len; i++)
    {
      DlInput *input = g_new0 (DlInput, 1);
      input->path = g_strdup (spec->paths->pdata[i]);
      input->is_stdin = strcmp (input->path, "-") == 0;
      g_ptr_array_add (inputs, input);
    }
  guint n_inputs = inputs->len;
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  g_autoptr (GPtrArray) parts = dl_select_parts (sel, inputs, diag);
  FUZZ_CHECK (inputs->len == 0, "the inputs moved");
  guint kept = 0;
  for (guint i = 0; i < parts->len; i++)
    {
      const DlPart *part = parts->pdata[i];
      FUZZ_CHECK ((part->value == NULL) == (sel->by == NULL), "a value with --by");
      for (guint k = 0; k < part->inputs->len; k++)
        {
          const DlInput *input = part->inputs->pdata[k];
          FUZZ_CHECK (sel->by == NULL
                          || strcmp (dl_select_part (sel, input->path), part->value) == 0,
                      "the part of its value");
          kept++;
        }
    }
  FUZZ_CHECK (kept <= n_inputs, "each input once");
}

/* The fields of the table's line @line (@len bytes, its line end gone)
 * when it plainly is a row (UTF-8, no NUL, no escape), else NULL. */
static char **
plain_fields (const char *line, gsize len)
{
  if (len > 0 && line[len - 1] == '\r')
    len--;
  if (len == 0 || memchr (line, '\\', len) != NULL || !g_utf8_validate_len (line, len, NULL))
    return NULL;
  g_autofree char *copy = g_strndup (line, len);
  return g_strsplit (copy, "\t", -1);
}

/* Every plain row of @table (@len bytes) with as many fields as the header
 * has columns is found by its file name; so are the inputs' rows. */
static void
check_table (const DlMeta *meta, const char *table, gsize len, const Spec *spec)
{
  gint file = dl_meta_column (meta, "file");
  FUZZ_CHECK (file >= 0, "a file column");
  const char *p = table, *end = table + len;
  guint columns = 0;
  for (guint line = 0; p < end; line++)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize n = (gsize) ((nl != NULL ? nl : end) - p);
      if (line == 0)
        for (gsize k = 0, c = 1; k <= n; k++)
          columns = (guint) (k == n ? c : (c += p[k] == '\t'));
      g_auto (GStrv) fields = line > 0 ? plain_fields (p, n) : NULL;
      if (fields != NULL && g_strv_length (fields) == columns && fields[file][0] != '\0')
        {
          gint row = dl_meta_row (meta, fields[file]);
          FUZZ_CHECK (row >= 0
                          && strcmp (dl_meta_value (meta, (guint) row, (guint) file), fields[file])
                                 == 0,
                      "a row found by its file");
        }
      p += n + 1;
    }
  for (guint i = 0; i < spec->paths->len; i++)
    {
      const char *path = spec->paths->pdata[i];
      gint row = dl_meta_row (meta, path);
      if (row < 0)
        continue;
      const char *name = dl_meta_value (meta, (guint) row, (guint) file);
      gsize a = strlen (path), b = strlen (name);
      FUZZ_CHECK (strcmp (path, name) == 0
                      || (a > b && path[a - b - 1] == '/' && strcmp (path + a - b, name) == 0),
                  "a path's row names it or its end");
    }
}

static void
check_freqtsv (const char *path)
{
  g_autoptr (DlDiag) diag = fuzz_diag_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DlFreqTsv) list = dl_freqtsv_read (path, diag, &error);
  if (list == NULL)
    {
      FUZZ_CHECK (error != NULL && error->code == DL_ERROR_USAGE, "refused as a usage error");
      return;
    }
  for (int lang = 0; lang < DL_LANG_COUNT; lang++)
    {
      guint n;
      const DlFreqItem *items = dl_freqtsv_items (list, lang, &n);
      guint64 sum = 0;
      for (guint i = 0; i < n; i++)
        {
          FUZZ_CHECK (items[i].item[0] != '\0' && items[i].freq >= 1, "an item");
          FUZZ_CHECK (!dl_freqtsv_has_units (list) || items[i].unit[0] != '\0', "a unit");
          sum += items[i].freq;
        }
      FUZZ_CHECK (dl_freqtsv_has_totals (list) || dl_freqtsv_tokens (list, lang) == sum, "tokens");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  guint8 how;
  if (!fuzz_take_how (&data, &size, &how))
    return 0;
  const char *text = (const char *) data, *end = text + size;
  const char *nl = memchr (text, '\n', (gsize) (end - text));
  const char *table = nl != NULL ? nl + 1 : end;
  g_auto (Spec) spec = { 0 };
  parse_spec (&spec, text, (gsize) ((nl != NULL ? nl : end) - text));
  g_autoptr (FuzzFile) file = fuzz_file_new ((const guint8 *) table, (gsize) (end - table), FALSE);
  const char *path = fuzz_file_path (file);
  if (how & 2)
    check_freqtsv (path);

  g_autoptr (DlMeta) meta = NULL;
  g_autoptr (GError) error = NULL;
  if (!(how & 1))
    {
      g_autoptr (DlDiag) diag = fuzz_diag_new ();
      meta = dl_meta_load (path, diag, &error);
      if (meta == NULL)
        {
          FUZZ_CHECK (error != NULL && error->code == DL_ERROR_USAGE, "refused as a usage error");
          return 0;
        }
    }
  if (meta != NULL)
    check_table (meta, table, (gsize) (end - table), &spec);
  DlSelect sel = { meta, (const char *const *) spec.where->pdata,
                   (const char *const *) spec.exclude->pdata, spec.by };
  if (!dl_select_check (&sel, &error))
    {
      FUZZ_CHECK (error != NULL && error->code == DL_ERROR_USAGE, "refused as a usage error");
      return 0;
    }
  check_parts (&sel, &spec);
  return 0;
}
