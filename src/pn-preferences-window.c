/* pn-preferences-window.c: text size, typeface, line spacing, colour scheme, flashcards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-preferences-window.h"

struct _PnPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *font_size_adjustment;
  AdwComboRow          *font_family_row;
  AdwComboRow          *line_spacing_row;
  AdwComboRow          *color_scheme_row;
  GtkAdjustment        *retention_adjustment;
  GtkAdjustment        *new_cards_adjustment;
  AdwComboRow          *glossary_links_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PnPreferencesWindow, pn_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of the line spacing row, in its order. */
static const double line_spacings[] = { 1.35, 1.55, 1.8 };
/* The nicks of the settings' enums, in the order of their rows. */
static const char * const font_families[] = { "serif", "sans", NULL };
static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const glossary_links[] = { "all", "first", "none", NULL };

static gboolean
int_to_double (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
double_to_int (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) + 0.5));
}

/* The desired retention: a probability in the key, a percentage in the row. */
static gboolean
fraction_to_percent (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_fraction (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  /* Whole percents, so that 0.9 reads back as 90 exactly. */
  return g_variant_new_double ((gint64) (g_value_get_double (value) + 0.5) / 100.0);
}

/* Any stored spacing shows as the nearest choice. */
static gboolean
spacing_to_index (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  double spacing = g_variant_get_double (variant);
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (line_spacings); i++)
    if (ABS (line_spacings[i] - spacing) < ABS (line_spacings[best] - spacing))
      best = i;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
index_to_spacing (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (line_spacings))
    return NULL;

  return g_variant_new_double (line_spacings[i]);
}

/* @user_data: the NULL-terminated nicks of the enum, in the order of the row. */
static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (i == index)
      return g_variant_new_string (nicks[i]);

  return NULL;
}

static void
pn_preferences_window_dispose (GObject *object)
{
  PnPreferencesWindow *self = PN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pn_preferences_window_parent_class)->dispose (object);
}

static void
pn_preferences_window_bind (PnPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "font-size",
                                self->font_size_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                int_to_double, double_to_int, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "font-family",
                                self->font_family_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, (gpointer) font_families, NULL);
  g_settings_bind_with_mapping (self->settings, "line-spacing",
                                self->line_spacing_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                spacing_to_index, index_to_spacing, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, (gpointer) color_schemes, NULL);
  /* Flashcards: what the day's deck is built with. */
  g_settings_bind_with_mapping (self->settings, "desired-retention",
                                self->retention_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                fraction_to_percent, percent_to_fraction, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "new-cards-per-day",
                                self->new_cards_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                int_to_double, double_to_int, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "glossary-links",
                                self->glossary_links_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, (gpointer) glossary_links, NULL);
}

static void
pn_preferences_window_class_init (PnPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Prisonnum/pn-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, font_size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, font_family_row);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, line_spacing_row);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, retention_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, new_cards_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PnPreferencesWindow, glossary_links_row);
}

static void
pn_preferences_window_init (PnPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  PnPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PN_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  pn_preferences_window_bind (self);

  return GTK_WIDGET (self);
}
