/* icu.h — g_autoptr cleanups for the ICU handles derlem holds, defined once
 * (a second definition of the same type would not compile). */
#ifndef DL_ICU_H
#define DL_ICU_H

#include <glib.h>
#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/ucnv.h>
#include <unicode/ucol.h>
#include <unicode/ucsdet.h>
#include <unicode/uregex.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UBreakIterator, ubrk_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UCaseMap, ucasemap_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UCollator, ucol_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UConverter, ucnv_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UCharsetDetector, ucsdet_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (URegularExpression, uregex_close)

G_END_DECLS

#endif /* DL_ICU_H */
