/* pn-update-dialog.c: what an import would replace, asked before it does
 *
 * One dialog for the three cases where a pack with the same id is
 * installed: a newer version (its changes listed, « Update »), the same
 * version (« Open Installed ») and an older one (« Open Installed », or
 * « Replace Anyway »). A pack whose authors are none of the installed one's
 * is said to be by someone else before anything else, and replacing is then
 * styled as destructive: it would take over the installed pack's notes and
 * reading positions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-update-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-update-dialog.h"

struct _PnUpdateDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *heading_label;
  GtkLabel         *body_label;
  GtkWidget        *author_box;
  GtkLabel         *author_label;
  GtkLabel         *summary_label;
  GtkWidget        *changes_scroller;
  GtkBox           *changes_box;
  GtkLabel         *warnings_label;

  guint             n_changes;
};

G_DEFINE_FINAL_TYPE (PnUpdateDialog, pn_update_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The new pack's authors' names joined as the library joins the installed one's. */
static char *
pack_authors (PnPack *pack)
{
  GPtrArray *authors = pn_pack_get_authors (pack);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < authors->len; i++)
    {
      const PnPerson *person = g_ptr_array_index (authors, i);

      if (person->name == NULL || person->name[0] == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, person->name);
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static const char *
or_unknown (const char *text)
{
  /* Translators: an author or a version a pack does not give */
  return text != NULL && text[0] != '\0' ? text : _("not given");
}

/* The changes */

typedef enum {
  CHANGE_ADDED,
  CHANGE_REMOVED,
  CHANGE_EDITED,
} ChangeKind;

static void
add_change_rows (PnUpdateDialog *self,
                 GtkListBox     *list,
                 GPtrArray      *items,
                 ChangeKind      kind)
{
  static const char *icons[] = { "list-add-symbolic", "list-remove-symbolic", "document-edit-symbolic" };

  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (icons[kind]);
      const char *subtitle = kind == CHANGE_ADDED ? C_("pack change", "Added")
                             : kind == CHANGE_REMOVED ? C_("pack change", "Removed")
                             : C_("pack change", "Changed");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (items, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
      self->n_changes++;
    }
}

/* A heading (@title) and a list of what was added, removed, edited. */
static void
add_change_section (PnUpdateDialog *self,
                    const char     *title,
                    GPtrArray      *added,
                    GPtrArray      *removed,
                    GPtrArray      *edited)
{
  GtkWidget *heading;
  GtkWidget *list;

  if (added->len + removed->len + edited->len == 0)
    return;

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, self->n_changes > 0 ? 6 : 0);
  gtk_box_append (self->changes_box, heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  add_change_rows (self, GTK_LIST_BOX (list), added, CHANGE_ADDED);
  add_change_rows (self, GTK_LIST_BOX (list), removed, CHANGE_REMOVED);
  add_change_rows (self, GTK_LIST_BOX (list), edited, CHANGE_EDITED);
  gtk_box_append (self->changes_box, list);
}

static void
pn_update_dialog_show_diff (PnUpdateDialog *self,
                            PnPackDiff     *diff)
{
  const char *summary = NULL;

  if (diff == NULL)
    return;

  add_change_section (self, _("Texts"), diff->documents_added, diff->documents_removed,
                      diff->documents_edited);
  add_change_section (self, _("Glossary"), diff->entries_added, diff->entries_removed,
                      diff->entries_edited);
  add_change_section (self, _("Quizzes"), diff->questions_added, diff->questions_removed,
                      diff->questions_edited);
  gtk_widget_set_visible (self->changes_scroller, self->n_changes > 0);

  if (self->n_changes > 0 && diff->details_changed)
    summary = _("The pack’s title, description, authors, licence or sources changed too.");
  else if (diff->details_changed)
    summary = _("Only the pack’s title, description, authors, licence or sources changed.");
  else if (self->n_changes == 0)
    summary = _("The texts, glossary and quizzes are the same.");

  if (summary != NULL)
    {
      gtk_label_set_label (self->summary_label, summary);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
    }
}

/* The whole dialog */

/* The heading and body go in the dialog's own labels (libadwaita 1.7 measures
 * its own heading narrower than it needs when it wraps, as a French one
 * does); the dialog is titled and named by the heading, described by the body,
 * as libadwaita's own would be. */
static void
pn_update_dialog_set_text (PnUpdateDialog *self,
                           const char     *heading,
                           const char     *body)
{
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->body_label, body);
  gtk_window_set_title (GTK_WINDOW (self), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body,
                                  -1);
}

static void
pn_update_dialog_show_other_author (PnUpdateDialog      *self,
                                    const PnLibraryPack *installed,
                                    PnPack              *pack)
{
  g_autofree char *authors = pack_authors (pack);
  g_autofree char *text = NULL;

  /* Translators: %s are the titles and authors of the pack installed and of the one being imported */
  text = g_strdup_printf (_("Another author: “%s” in your library is by %s; this file’s “%s” is by %s. "
                            "Replacing it would give this pack your notes, reading positions and "
                            "results of the installed one."),
                          installed->title, or_unknown (installed->authors),
                          pn_pack_get_title (pack), or_unknown (authors));
  gtk_label_set_label (self->author_label, text);
  gtk_widget_set_visible (self->author_box, TRUE);
}

static void
pn_update_dialog_set_import (PnUpdateDialog  *self,
                             PnLibraryImport *import)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  PnLibraryImportKind kind = pn_library_import_get_kind (import);
  const PnLibraryPack *installed = pn_library_import_get_installed (import);
  PnPack *pack = pn_library_import_get_pack (import);
  gboolean other = pn_library_import_is_other_author (import);
  guint n_warnings = pn_library_import_get_warnings (import)->len;
  const char *old_version = or_unknown (installed->version);
  const char *new_version = or_unknown (pn_pack_get_version (pack));
  const char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (kind != PN_LIBRARY_IMPORT_NEW && installed != NULL);

  adw_message_dialog_add_response (dialog, PN_UPDATE_DIALOG_CANCEL, _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, PN_UPDATE_DIALOG_CANCEL);

  switch (kind)
    {
    case PN_LIBRARY_IMPORT_UPDATE:
      heading = other ? _("Replace With Another Author’s Pack?") : _("Update the Course Pack?");
      /* Translators: the title of a course pack, then its installed and new versions */
      body = g_strdup_printf (_("“%s”: version\u00a0%s\u00a0→\u00a0%s"), installed->title, old_version, new_version);
      adw_message_dialog_add_response (dialog, PN_UPDATE_DIALOG_REPLACE,
                                       other ? _("_Replace") : _("_Update"));
      adw_message_dialog_set_response_appearance (dialog, PN_UPDATE_DIALOG_REPLACE,
                                                  other ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, other ? PN_UPDATE_DIALOG_CANCEL
                                                             : PN_UPDATE_DIALOG_REPLACE);
      pn_update_dialog_show_diff (self, pn_library_import_get_diff (import));
      break;
    case PN_LIBRARY_IMPORT_SAME_VERSION:
      heading = _("This Version Is Already Installed");
      /* Translators: the title of a course pack, then its version */
      body = g_strdup_printf (_("“%s”, version %s, is in your library already."),
                              installed->title, old_version);
      adw_message_dialog_add_response (dialog, PN_UPDATE_DIALOG_OPEN, _("_Open Installed"));
      adw_message_dialog_set_response_appearance (dialog, PN_UPDATE_DIALOG_OPEN, ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, PN_UPDATE_DIALOG_OPEN);
      break;
    case PN_LIBRARY_IMPORT_OLDER:
      heading = _("A Newer Version Is Installed");
      /* Translators: the title of a course pack, then its installed version, then the file's older one */
      body = g_strdup_printf (_("“%s”, version %s, is in your library; this file has the older "
                                "version %s. Replacing the installed pack would undo these changes:"),
                              installed->title, old_version, new_version);
      adw_message_dialog_add_response (dialog, PN_UPDATE_DIALOG_OPEN, _("_Open Installed"));
      adw_message_dialog_add_response (dialog, PN_UPDATE_DIALOG_REPLACE, _("_Replace Anyway"));
      adw_message_dialog_set_response_appearance (dialog, PN_UPDATE_DIALOG_OPEN, ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_response_appearance (dialog, PN_UPDATE_DIALOG_REPLACE, ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, PN_UPDATE_DIALOG_OPEN);
      pn_update_dialog_show_diff (self, pn_library_import_get_diff (import));
      break;
    case PN_LIBRARY_IMPORT_NEW:
    default:
      g_assert_not_reached ();
    }
  pn_update_dialog_set_text (self, heading, body);

  if (other)
    pn_update_dialog_show_other_author (self, installed, pack);

  if (n_warnings > 0 && kind != PN_LIBRARY_IMPORT_SAME_VERSION)
    {
      g_autofree char *text = NULL;

      /* Translators: problems of the pack being imported that do not stop it from being read */
      text = g_strdup_printf (ngettext ("The new pack has %u minor problem (see Pack Problems once it is open).",
                                        "The new pack has %u minor problems (see Pack Problems once it is open).",
                                        n_warnings), n_warnings);
      gtk_label_set_label (self->warnings_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_label), TRUE);
    }
}

static void
pn_update_dialog_class_init (PnUpdateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-update-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, author_box);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, author_label);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, changes_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, changes_box);
  gtk_widget_class_bind_template_child (widget_class, PnUpdateDialog, warnings_label);
}

static void
pn_update_dialog_init (PnUpdateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_update_dialog_new (GtkWindow       *parent,
                      PnLibraryImport *import)
{
  PnUpdateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (PN_TYPE_UPDATE_DIALOG, "transient-for", parent, NULL);
  pn_update_dialog_set_import (self, import);

  return GTK_WIDGET (self);
}

const char *
pn_update_dialog_get_heading (PnUpdateDialog *self)
{
  g_return_val_if_fail (PN_IS_UPDATE_DIALOG (self), NULL);

  return gtk_label_get_label (self->heading_label);
}

const char *
pn_update_dialog_get_body (PnUpdateDialog *self)
{
  g_return_val_if_fail (PN_IS_UPDATE_DIALOG (self), NULL);

  return gtk_label_get_label (self->body_label);
}

guint
pn_update_dialog_get_n_changes (PnUpdateDialog *self)
{
  g_return_val_if_fail (PN_IS_UPDATE_DIALOG (self), 0);

  return self->n_changes;
}
