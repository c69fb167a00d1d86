/* vrt-check.h — the rules of verticalized text (derlem export) checked in
 * a document: what the CLI suites of export and hostile input assert. */
#ifndef DL_TESTS_VRT_CHECK_H
#define DL_TESTS_VRT_CHECK_H

#include <glib.h>

/* TRUE if @text is well-formed VRT as derlem writes it: an optional
 * header comment first, then <text ...> elements, each holding <s
 * lang="tr|en|other"> elements (none empty), each holding token lines of
 * exactly five TAB-separated non-empty fields, the fifth the sentence's
 * lang; every element closed; no control character but TAB and LF, none
 * of C1; and, wrapped in a root element, XML that GLib's strict parser
 * takes. Otherwise FALSE with the first broken rule and its line in @why
 * (may be NULL). *@tokens (may be NULL) is set to the token lines. */
gboolean vrt_check (const char *text, GString *why, guint *tokens);

#endif /* DL_TESTS_VRT_CHECK_H */
