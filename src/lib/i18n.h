/* i18n.h — gettext shorthands for derlem's translatable strings. */
#ifndef DL_I18N_H
#define DL_I18N_H

#include <glib/gi18n.h>

#endif /* DL_I18N_H */
