/* pn-sidebar-row.c: a row of the window's sidebar (a document of the pack, or one of its pages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-sidebar-row"

#include "config.h"

#include "pn-sidebar-row.h"

/* A pack may hold hundreds of documents, each a row: a row is made in code (no
 * template to build), and its count label only once it has a count. */
struct _PnSidebarRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *box;
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *count_label;   /* NULL until a count is set */

  char          *page;
  gboolean       current;
};

G_DEFINE_FINAL_TYPE (PnSidebarRow, pn_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_PAGE,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pn_sidebar_row_finalize (GObject *object)
{
  g_free (PN_SIDEBAR_ROW (object)->page);

  G_OBJECT_CLASS (pn_sidebar_row_parent_class)->finalize (object);
}

static void
pn_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PnSidebarRow *self = PN_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, gtk_image_get_icon_name (self->icon));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PnSidebarRow *self = PN_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      gtk_image_set_from_icon_name (self->icon, g_value_get_string (value));
      break;
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      /* The row is what a screen reader lands on: it says the title. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value),
                                      -1);
      break;
    case PROP_PAGE:
      self->page = g_value_dup_string (value);
      break;
    case PROP_CURRENT:
      pn_sidebar_row_set_current (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_sidebar_row_class_init (PnSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pn_sidebar_row_finalize;
  object_class->get_property = pn_sidebar_row_get_property;
  object_class->set_property = pn_sidebar_row_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pn_sidebar_row_init (PnSidebarRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Centred in the row as a whole: a one-line title stays level with its count. */
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);

  self->icon = GTK_IMAGE (g_object_new (GTK_TYPE_IMAGE,
                                        "valign", GTK_ALIGN_START,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->icon));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_yalign (self->title_label, 0);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);
}

/* A count after the title (e.g. the flashcards due); the row's description says it. */
static GtkLabel *
ensure_count_label (PnSidebarRow *self)
{
  if (self->count_label == NULL)
    {
      self->count_label = GTK_LABEL (g_object_new (GTK_TYPE_LABEL,
                                                   "valign", GTK_ALIGN_CENTER,
                                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                   "visible", FALSE,
                                                   NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "pn-sidebar-count");
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count_label));
    }
  return self->count_label;
}

GtkWidget *
pn_sidebar_row_new (const char *icon_name,
                    const char *title,
                    const char *page)
{
  return g_object_new (PN_TYPE_SIDEBAR_ROW,
                       "icon-name", icon_name,
                       "title", title,
                       "page", page,
                       NULL);
}

const char *
pn_sidebar_row_get_title (PnSidebarRow *self)
{
  g_return_val_if_fail (PN_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
pn_sidebar_row_get_page (PnSidebarRow *self)
{
  g_return_val_if_fail (PN_IS_SIDEBAR_ROW (self), NULL);

  return self->page;
}

gboolean
pn_sidebar_row_get_current (PnSidebarRow *self)
{
  g_return_val_if_fail (PN_IS_SIDEBAR_ROW (self), FALSE);

  return self->current;
}

void
pn_sidebar_row_set_current (PnSidebarRow *self,
                            gboolean      current)
{
  g_return_if_fail (PN_IS_SIDEBAR_ROW (self));

  current = !!current;
  if (self->current == current)
    return;

  self->current = current;
  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pn-current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pn-current");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, current, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

void
pn_sidebar_row_set_count (PnSidebarRow *self,
                          const char   *count,
                          const char   *description)
{
  g_return_if_fail (PN_IS_SIDEBAR_ROW (self));

  if (self->count_label != NULL || (count != NULL && count[0] != '\0'))
    {
      GtkLabel *label = ensure_count_label (self);

      gtk_label_set_label (label, count ? count : "");
      gtk_widget_set_visible (GTK_WIDGET (label), count != NULL && count[0] != '\0');
    }
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
pn_sidebar_row_get_count (PnSidebarRow *self)
{
  g_return_val_if_fail (PN_IS_SIDEBAR_ROW (self), NULL);

  return self->count_label != NULL && gtk_widget_get_visible (GTK_WIDGET (self->count_label))
           ? gtk_label_get_label (self->count_label)
           : NULL;
}
