/* meta.c — the metadata table, and the inputs a run keeps and splits. */
#include "config.h"

#include "meta.h"

#include <string.h>

#include "error.h"
#include "i18n.h"
#include "source.h"
#include "tsv.h"

struct _DlMeta {
  char *path;
  GPtrArray *names;  /* column names, char * (owned) */
  GPtrArray *rows;   /* char ** (owned): a value per column */
  guint file_column; /* the `file` column */
  GHashTable *files; /* file value -> row + 1 (keys owned by the rows) */
};

void
dl_meta_free (DlMeta *m)
{
  if (m == NULL)
    return;
  g_free (m->path);
  g_hash_table_destroy (m->files);
  g_ptr_array_unref (m->rows);
  g_ptr_array_unref (m->names);
  g_free (m);
}

/* Adds the row read from @t to @m, or reports why it is left out. */
static void
add_row (DlMeta *m, const DlTsv *t, const DlDiag *diag)
{
  const char *name = dl_tsv_field (t, m->file_column);
  if (name[0] == '\0' || g_hash_table_contains (m->files, name))
    {
      dl_diag_report (diag, DL_DIAG_WARNING, m->path, dl_tsv_line (t),
                      name[0] == '\0'
                          /* Translators: a --meta row without a file name. */
                          ? _ ("no file named: row left out")
                          /* Translators: a --meta row for a file described before. */
                          : _ ("'%s' described before: row left out"),
                      name);
      return;
    }
  guint n = m->names->len;
  char **row = g_new (char *, n + 1);
  for (guint k = 0; k < n; k++)
    row[k] = g_strdup (dl_tsv_field (t, k));
  row[n] = NULL;
  g_ptr_array_add (m->rows, row);
  g_hash_table_insert (m->files, row[m->file_column], GUINT_TO_POINTER (m->rows->len));
}

DlMeta *
dl_meta_load (const char *path, const DlDiag *diag, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (DlTsv) t = dl_tsv_open (path, &local);
  if (t == NULL)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE, "--meta: %s", local->message);
      return NULL;
    }
  gint file = dl_tsv_column (t, "file");
  if (file < 0)
    {
      g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                   /* Translators: the --meta table must have a column named `file`. */
                   _ ("--meta: %s has no 'file' column"), path);
      return NULL;
    }
  g_autoptr (DlMeta) m = g_new0 (DlMeta, 1);
  m->path = g_strdup (path);
  m->names = g_ptr_array_new_with_free_func (g_free);
  m->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  m->files = g_hash_table_new (g_str_hash, g_str_equal);
  m->file_column = (guint) file;
  for (guint k = 0; k < dl_tsv_n_columns (t); k++)
    g_ptr_array_add (m->names, g_strdup (dl_tsv_name (t, k)));
  for (;;)
    {
      g_clear_error (&local);
      DlTsvStatus status = dl_tsv_next (t, &local);
      if (status == DL_TSV_END)
        return g_steal_pointer (&m);
      if (status == DL_TSV_FAIL)
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE, "--meta: %s", local->message);
          return NULL;
        }
      if (status == DL_TSV_BAD)
        dl_diag_report (diag, DL_DIAG_WARNING, path, dl_tsv_line (t), "%s", local->message);
      else
        add_row (m, t, diag);
    }
}

gint
dl_meta_column (const DlMeta *m, const char *key)
{
  for (guint k = 0; k < m->names->len; k++)
    if (strcmp (m->names->pdata[k], key) == 0)
      return (gint) k;
  return -1;
}

guint
dl_meta_n_columns (const DlMeta *m)
{
  return m->names->len;
}

const char *
dl_meta_column_name (const DlMeta *m, guint column)
{
  g_return_val_if_fail (column < m->names->len, NULL);
  return m->names->pdata[column];
}

const char *
dl_meta_path (const DlMeta *m)
{
  return m->path;
}

gint
dl_meta_row (const DlMeta *m, const char *path)
{
  /* The whole path first, then ever shorter ends after a '/'. */
  for (const char *p = path; p != NULL;)
    {
      gpointer row = g_hash_table_lookup (m->files, p);
      if (row != NULL)
        return GPOINTER_TO_INT (row) - 1;
      p = strchr (p, '/');
      if (p != NULL)
        p++;
    }
  return -1;
}

const char *
dl_meta_value (const DlMeta *m, guint row, guint column)
{
  g_return_val_if_fail (row < m->rows->len && column < m->names->len, NULL);
  return ((char **) m->rows->pdata[row])[column];
}

/* The column of @key ("file" is one without a table too): -1 if none. */
static gint
key_column (const DlSelect *sel, const char *key, gsize len)
{
  g_autofree char *name = g_strndup (key, len);
  if (sel->meta != NULL)
    return dl_meta_column (sel->meta, name);
  return strcmp (name, "file") == 0 ? 0 : -1;
}

static gboolean
check_key (const DlSelect *sel, const char *option, const char *key, gsize len, GError **error)
{
  if (key_column (sel, key, len) >= 0)
    return TRUE;
  g_autofree char *name = g_strndup (key, len);
  if (sel->meta == NULL)
    g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                 /* Translators: %s is --where or --by; without --meta only the
                    key `file` exists. */
                 _ ("%s %s: without --meta the only key is 'file'"), option, name);
  else
    g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                 /* Translators: %s is --where or --by, then the key, then the
                    --meta file. */
                 _ ("%s %s: %s has no such column"), option, name, sel->meta->path);
  return FALSE;
}

gboolean
dl_select_check (const DlSelect *sel, GError **error)
{
  for (gsize i = 0; sel->where != NULL && sel->where[i] != NULL; i++)
    {
      const char *eq = strchr (sel->where[i], '=');
      if (eq == NULL || eq == sel->where[i])
        {
          g_set_error (error, DL_ERROR, DL_ERROR_USAGE,
                       /* Translators: the --where option's syntax. */
                       _ ("--where takes KEY=VALUE (got '%s')"), sel->where[i]);
          return FALSE;
        }
      if (!check_key (sel, "--where", sel->where[i], (gsize) (eq - sel->where[i]), error))
        return FALSE;
    }
  for (gsize i = 0; sel->exclude != NULL && sel->exclude[i] != NULL; i++)
    if (sel->exclude[i][0] == '\0')
      {
        g_set_error (error, DL_ERROR, DL_ERROR_USAGE, _ ("empty pattern for %s"), "--exclude");
        return FALSE;
      }
  return sel->by == NULL || check_key (sel, "--by", sel->by, strlen (sel->by), error);
}

/* The value of @key (@len bytes) for @path: its row's, the path for `file`,
 * NULL for a file the table does not describe. */
static const char *
value_of (const DlSelect *sel, const char *key, gsize len, const char *path)
{
  if (len == 4 && memcmp (key, "file", 4) == 0)
    return path;
  gint row = dl_meta_row (sel->meta, path);
  if (row < 0)
    return NULL;
  return dl_meta_value (sel->meta, (guint) row, (guint) key_column (sel, key, len));
}

/* TRUE if @value is @want or, a list with commas, has it as an item. */
static gboolean
value_matches (const char *value, const char *want)
{
  if (strcmp (value, want) == 0)
    return TRUE;
  gsize n = strlen (want);
  for (const char *p = value; p != NULL;)
    {
      while (*p == ' ')
        p++;
      const char *end = strchr (p, ',');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);
      while (len > 0 && p[len - 1] == ' ')
        len--;
      if (len == n && memcmp (p, want, n) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

/* TRUE if an --exclude pattern matches @path or its base name. GLib's
 * patterns abort on a string that ends inside a character: a file name or
 * pattern that is not UTF-8 is matched with U+FFFD for each invalid byte. */
static gboolean
excluded (const DlSelect *sel, const char *path)
{
  if (sel->exclude == NULL || sel->exclude[0] == NULL)
    return FALSE;
  g_autofree char *valid = g_utf8_make_valid (path, -1);
  g_autofree char *base = g_path_get_basename (valid);
  for (gsize i = 0; sel->exclude[i] != NULL; i++)
    {
      g_autofree char *pattern = g_utf8_make_valid (sel->exclude[i], -1);
      if (g_pattern_match_simple (pattern, valid) || g_pattern_match_simple (pattern, base))
        return TRUE;
    }
  return FALSE;
}

/* TRUE if the file @path is kept: its path or base name matches no
 * --exclude pattern, and, with --where, its row has each KEY's value. The
 * conditions on one KEY are alternatives; on different KEYs all must hold.
 * A value with commas is a list (`tr,en`): one of its items may match. */
static gboolean
select_keeps (const DlSelect *sel, const char *path)
{
  if (excluded (sel, path))
    return FALSE;
  /* Each key's conditions: one of them must hold. */
  for (gsize i = 0; sel->where != NULL && sel->where[i] != NULL; i++)
    {
      const char *eq = strchr (sel->where[i], '=');
      gsize len = (gsize) (eq - sel->where[i]);
      gboolean seen = FALSE; /* the key's conditions were judged before */
      for (gsize j = 0; j < i && !seen; j++)
        seen = strncmp (sel->where[j], sel->where[i], len + 1) == 0;
      if (seen)
        continue;
      const char *value = value_of (sel, sel->where[i], len, path);
      gboolean any = FALSE;
      for (gsize j = i; value != NULL && sel->where[j] != NULL && !any; j++)
        any = strncmp (sel->where[j], sel->where[i], len + 1) == 0
              && value_matches (value, sel->where[j] + len + 1);
      if (!any)
        return FALSE;
    }
  return TRUE;
}

const char *
dl_select_part (const DlSelect *sel, const char *path)
{
  if (sel->by == NULL)
    return "";
  const char *value = value_of (sel, sel->by, strlen (sel->by), path);
  return value != NULL ? value : "";
}

void
dl_part_free (DlPart *part)
{
  if (part == NULL)
    return;
  g_free (part->value);
  g_clear_pointer (&part->inputs, g_ptr_array_unref);
  g_free (part);
}

static DlPart *
part_new (const char *value)
{
  DlPart *part = g_new0 (DlPart, 1);
  part->value = g_strdup (value);
  part->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_input_free);
  return part;
}

static gint
compare_parts (gconstpointer a, gconstpointer b)
{
  const DlPart *pa = *(DlPart *const *) a, *pb = *(DlPart *const *) b;
  g_autofree char *ka = g_utf8_collate_key_for_filename (pa->value, -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (pb->value, -1);
  return strcmp (ka, kb);
}

/* TRUE if @sel needs the table's row of a file. */
static gboolean
needs_row (const DlSelect *sel)
{
  if (sel->meta == NULL)
    return FALSE;
  if (sel->by != NULL && strcmp (sel->by, "file") != 0)
    return TRUE;
  for (gsize i = 0; sel->where != NULL && sel->where[i] != NULL; i++)
    if (strncmp (sel->where[i], "file=", 5) != 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
dl_select_parts (const DlSelect *sel, GPtrArray *inputs, const DlDiag *diag)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_part_free);
  g_autoptr (GHashTable) by_value = g_hash_table_new (g_str_hash, g_str_equal);
  if (sel->by == NULL)
    g_ptr_array_add (parts, part_new (NULL));
  gboolean row_needed = needs_row (sel);
  /* Steal the inputs one by one, in order. */
  g_ptr_array_set_free_func (inputs, NULL);
  for (guint i = 0; i < inputs->len; i++)
    {
      g_autoptr (DlInput) input = inputs->pdata[i];
      if (excluded (sel, input->path))
        continue;
      if (row_needed && !input->is_stdin && dl_meta_row (sel->meta, input->path) < 0)
        dl_diag_report (diag, DL_DIAG_NOTE, input->path, 0,
                        /* Translators: a file the --meta table does not describe. */
                        _ ("not described in %s"), sel->meta->path);
      if (!select_keeps (sel, input->path))
        continue;
      DlPart *part = parts->len > 0 && sel->by == NULL ? parts->pdata[0] : NULL;
      if (part == NULL)
        {
          const char *value = dl_select_part (sel, input->path);
          part = g_hash_table_lookup (by_value, value);
          if (part == NULL)
            {
              part = part_new (value);
              g_ptr_array_add (parts, part);
              g_hash_table_insert (by_value, part->value, part);
            }
        }
      g_ptr_array_add (part->inputs, g_steal_pointer (&input));
    }
  g_ptr_array_set_size (inputs, 0);
  g_ptr_array_set_free_func (inputs, (GDestroyNotify) dl_input_free);
  if (sel->by != NULL)
    g_ptr_array_sort (parts, compare_parts);
  return parts;
}
