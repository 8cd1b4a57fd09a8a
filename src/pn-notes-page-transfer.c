/* pn-notes-page-transfer.c: the Notes page's notes out (Markdown to hand in,
 * W3C Web Annotations) and back in (that JSON, merged without duplicates)
 *
 * The menu's « Export as Markdown… », « Export as Web Annotations (JSON)… »
 * and « Import Web Annotations… » ask for a file (GtkFileChooserNative) and
 * call pn_notes_page_export() and pn_notes_page_import(), which the tests
 * call too. An import says what it added and skipped, and each item it
 * could not read with its file and line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-annotation-export.h"
#include "pn-diagnostic.h"
#include "pn-message-dialog.h"
#include "pn-notes-page-private.h"

/* A file of notes bigger than this is not one. */
#define MAX_IMPORT_SIZE (64 * 1024 * 1024)
/* Problems listed in the import's report; the rest are counted. */
#define MAX_LISTED_PROBLEMS 12

gboolean
pn_notes_page_export (PnNotesPage   *self,
                      PnNotesFormat  format,
                      GFile         *file,
                      GError       **error)
{
  PnStore *store;
  PnPack *pack;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PN_IS_NOTES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = _pn_notes_page_store (self);
  pack = _pn_notes_page_pack (self);
  if (store == NULL || pack == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("Your notes are not available"));
      return FALSE;
    }
  annotations = pn_store_get_annotations (store, pn_pack_get_id (pack), NULL, error);
  if (annotations == NULL)
    return FALSE;

  if (format == PN_NOTES_FORMAT_MARKDOWN)
    text = pn_annotations_to_markdown (annotations, pack, NULL);
  else
    text = pn_annotations_to_w3c (annotations, pack);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

gboolean
pn_notes_page_import (PnNotesPage  *self,
                      GFile        *file,
                      guint        *n_added,
                      guint        *n_skipped,
                      GPtrArray    *problems,
                      GError      **error)
{
  PnStore *store;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  guint added = 0, skipped = 0;

  g_return_val_if_fail (PN_IS_NOTES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;
  store = _pn_notes_page_store (self);
  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("Your notes are not available"));
      return FALSE;
    }

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > MAX_IMPORT_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: too big for a file of notes (over 64 MB)"), name);
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return FALSE;

  annotations = pn_annotations_from_w3c (data, (gssize) length, name, problems, error);
  if (annotations == NULL)
    return FALSE;
  if (!pn_store_import_annotations (store, annotations, &added, &skipped, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (n_skipped != NULL)
    *n_skipped = skipped;
  if (added > 0 && self->session != NULL)
    pn_pack_session_annotations_changed (self->session, NULL);
  return TRUE;
}

/* The dialogs */

static GtkWindow *
page_window (PnNotesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (PnNotesPage *self, const char *heading, const char *body)
{
  GtkWidget *dialog = pn_message_dialog_new (page_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forget_chooser (PnNotesPage *self, GtkNativeDialog *dialog)
{
  gtk_native_dialog_destroy (dialog);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&self->chooser);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr(PnNotesPage) self = g_object_ref (PN_NOTES_PAGE (user_data));
  PnNotesFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pn-format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  forget_chooser (self, dialog);
  if (file == NULL)
    return;

  if (pn_notes_page_export (self, format, file, &error))
    _pn_notes_page_toast (self, format == PN_NOTES_FORMAT_MARKDOWN ? _("Notes exported as Markdown")
                                                                   : _("Notes exported as Web Annotations"));
  else
    show_message (self, _("The Notes Could Not Be Exported"), error->message);
}

static void
export_with (PnNotesPage *self, PnNotesFormat format)
{
  PnPack *pack = _pn_notes_page_pack (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = pack != NULL ? pn_pack_get_title (pack) : NULL;
  gboolean markdown = format == PN_NOTES_FORMAT_MARKDOWN;

  if (pack == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (markdown ? _("Export Notes as Markdown")
                                                        : _("Export Notes as Web Annotations"),
                                               page_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, markdown ? _("Markdown") : _("Web Annotations (JSON)"));
  if (markdown)
    {
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
    }
  else
    {
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_mime_type (filter, "application/ld+json");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "jsonld");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  /* Translators: the file name suggested for the notes of a course pack, %s is its title */
  name = g_strdup_printf (_("Notes – %s"), title != NULL && title[0] != '\0' ? title : pn_pack_get_id (pack));
  g_strdelimit (name, "/\\:", '-');
  {
    g_autofree char *file_name = g_strconcat (name, markdown ? ".md" : ".json", NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  }

  g_object_set_data (G_OBJECT (self->chooser), "pn-format", GINT_TO_POINTER (format));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_markdown_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  export_with (PN_NOTES_PAGE (widget), PN_NOTES_FORMAT_MARKDOWN);
}

static void
export_w3c_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  export_with (PN_NOTES_PAGE (widget), PN_NOTES_FORMAT_W3C);
}

/* « 3 notes added, 2 already there », then the items left out. */
static void
report_import (PnNotesPage *self, guint added, guint skipped, GPtrArray *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *summary_added = NULL;
  g_autofree char *summary_skipped = NULL;

  summary_added = g_strdup_printf (ngettext ("%u note added", "%u notes added", added), added);
  /* Translators: notes of the file that the store already had */
  summary_skipped = g_strdup_printf (ngettext ("%u already there", "%u already there", skipped), skipped);
  g_string_append_printf (body, "%s, %s", summary_added, summary_skipped);

  if (problems->len == 0)
    {
      _pn_notes_page_toast (self, body->str);
      return;
    }

  g_string_append_printf (body, "\n\n%s\n",
                          ngettext ("This item of the file could not be read and was left out:",
                                    "These items of the file could not be read and were left out:",
                                    problems->len));
  for (guint i = 0; i < problems->len && i < MAX_LISTED_PROBLEMS; i++)
    {
      g_autofree char *line = pn_diagnostic_to_located_message (g_ptr_array_index (problems, i));

      g_string_append_printf (body, "\n%s", line);
    }
  if (problems->len > MAX_LISTED_PROBLEMS)
    {
      guint more = problems->len - MAX_LISTED_PROBLEMS;

      g_string_append (body, "\n");
      g_string_append_printf (body, ngettext ("…and %u more", "…and %u more", more), more);
    }
  show_message (self, _("Notes Imported"), body->str);
}

static void
import_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr(PnNotesPage) self = g_object_ref (PN_NOTES_PAGE (user_data));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  guint added = 0, skipped = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  forget_chooser (self, dialog);
  if (file == NULL)
    return;

  if (pn_notes_page_import (self, file, &added, &skipped, problems, &error))
    report_import (self, added, skipped, problems);
  else
    show_message (self, _("The Notes Could Not Be Imported"), error->message);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  PnNotesPage *self = PN_NOTES_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (_pn_notes_page_store (self) == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Web Annotations"), page_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Web Annotations (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_pn_notes_page_class_transfer_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "notes.export-markdown", NULL, export_markdown_action);
  gtk_widget_class_install_action (widget_class, "notes.export-w3c", NULL, export_w3c_action);
  gtk_widget_class_install_action (widget_class, "notes.import", NULL, import_action);
}
