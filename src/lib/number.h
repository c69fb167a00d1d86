/* number.h — whole numbers: read from text by hand, for code that runs in
 * worker threads, and compared for qsort, bsearch and g_array_sort. GLib 2.74's
 * g_ascii_string_to_unsigned (and a caller of g_ascii_strtoull that reads errno) can take a good
 * number for a bad one when it runs for the first time in two threads at once: one waits for the
 * other to make its "C" locale, and the wait leaves errno set. An index's test knob was read so in
 * the build's workers, and one build in a hundred made one input's blocks of the default size. */
#ifndef DL_NUMBER_H
#define DL_NUMBER_H

#include <glib.h>

G_BEGIN_DECLS

/* Parses the whole of @text as a number in @base (10 or 16, lowercase or
 * uppercase digits) from @min to @max: no sign, no space, at least one
 * digit. FALSE if it is not one. */
gboolean dl_parse_unsigned (const char *text, guint base, guint64 min, guint64 max, guint64 *out);

/* The number in the environment variable @name, from 1 to @max, or
 * @fallback if it is unset or not such a number. */
guint64 dl_env_number (const char *name, guint64 max, guint64 fallback);

/* -1, 0 or 1 as the guint32 (guint64) at @a is below, equal to or above
 * the one at @b: an ascending order. */
int dl_compare_u32 (gconstpointer a, gconstpointer b);
int dl_compare_u64 (gconstpointer a, gconstpointer b);

G_END_DECLS

#endif /* DL_NUMBER_H */
