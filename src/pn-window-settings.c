/* pn-window-settings.c: the window bound to the application's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-window-private.h"

/* Settings: bound once, both ways where the window changes them too. */

/* The text view may zoom past what the settings allow (Ctrl+scroll). */
static GVariant *
zoom_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value), 0.5, 3.0));
}

static gboolean
zoom_to_label (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  double zoom = g_variant_get_double (variant);

  /* Translators: a zoom level, %d is a number; use the right sign and spacing for your language */
  g_value_take_string (value, g_strdup_printf (_("%d%%"), (int) (zoom * 100.0 + 0.5)));
  return TRUE;
}

void
_pn_window_bind_settings (PnWindow *self)
{
  GSettingsBindFlags restore_and_save = G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET |
                                        G_SETTINGS_BIND_GET_NO_CHANGES;

  g_settings_bind (self->settings, "font-size", self->reader_view, "font-size", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "font-family", self->reader_view, "font-family", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "line-spacing", self->reader_view, "line-spacing", G_SETTINGS_BIND_GET);
  /* Whatever changes it (the menu, the keyboard, Ctrl+scroll in the text) is kept. */
  g_settings_bind_with_mapping (self->settings, "zoom-level", self->reader_view, "zoom-level",
                                G_SETTINGS_BIND_DEFAULT, NULL, zoom_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "zoom-level", self->zoom_label, "label",
                                G_SETTINGS_BIND_GET, zoom_to_label, NULL, NULL, NULL);

  /* The size is read when the window opens and kept as it changes. */
  g_settings_bind (self->settings, "window-width", self, "default-width", restore_and_save);
  g_settings_bind (self->settings, "window-height", self, "default-height", restore_and_save);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", restore_and_save);
}
