/* spill.h — bytes a worker keeps for later (records of a result to be
 * written in input order): in memory up to a limit, then in an unlinked
 * temporary file, so that memory does not grow with the result. */
#ifndef DL_SPILL_H
#define DL_SPILL_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlSpill DlSpill;

/* Keeps up to @memory bytes in memory before it writes them out. */
DlSpill *dl_spill_new (gsize memory);

/* Appends @len bytes. FALSE if the temporary file could not be made or
 * written (errno says why); what is kept stays readable. */
gboolean dl_spill_append (DlSpill *spill, const void *data, gsize len);

/* Takes whole records from @data (@len bytes): returns the bytes they took;
 * a record cut at the end is passed again with the bytes that follow it. */
typedef gsize (*DlSpillTake) (const guint8 *data, gsize len, gpointer user_data);

/* Hands everything appended, in order, to @take (in pieces of about the
 * memory limit). FALSE if the temporary file could not be read back or a
 * record was left incomplete. */
gboolean dl_spill_replay (DlSpill *spill, DlSpillTake take, gpointer user_data);

/* TRUE once some of it went to the temporary file. */
gboolean dl_spill_spilled (const DlSpill *spill);

void dl_spill_free (DlSpill *spill);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSpill, dl_spill_free)

G_END_DECLS

#endif /* DL_SPILL_H */
