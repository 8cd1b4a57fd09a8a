/* pn-reader-view-print.c: printing and PDF export of the shown document
 *
 * Uses only the view's public API (its web view and its "problem" and
 * "pdf-exported" signals), so it can change without touching the view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-reader-view.h"

void
pn_reader_view_print (PnReaderView *self)
{
  g_autoptr(WebKitPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = webkit_print_operation_new (pn_reader_view_get_web_view (self));
  webkit_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

typedef struct {
  PnReaderView *self;   /* strong */
  GFile *file;
  gboolean failed;
} ExportData;

static void
on_export_failed (WebKitPrintOperation *operation, GError *error, ExportData *data)
{
  g_autofree char *message = g_strdup_printf (_("Could not export the document as PDF: %s"),
                                              error ? error->message : _("unknown error"));

  data->failed = TRUE;
  g_signal_emit_by_name (data->self, "problem", message);
}

static void
on_export_finished (WebKitPrintOperation *operation, ExportData *data)
{
  if (!data->failed)
    g_signal_emit_by_name (data->self, "pdf-exported", data->file);

  g_signal_handlers_disconnect_by_data (operation, data);
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
  g_object_unref (operation);
}

void
pn_reader_view_export_pdf (PnReaderView *self, GFile *file)
{
  WebKitPrintOperation *operation;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *uri = NULL;
  ExportData *data;

  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  settings = gtk_print_settings_new ();
  /* GTK's file printer has a translated name. */
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  page_setup = gtk_page_setup_new ();

  operation = webkit_print_operation_new (pn_reader_view_get_web_view (self));
  webkit_print_operation_set_print_settings (operation, settings);
  webkit_print_operation_set_page_setup (operation, page_setup);

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_signal_connect (operation, "failed", G_CALLBACK (on_export_failed), data);
  g_signal_connect (operation, "finished", G_CALLBACK (on_export_finished), data);
  webkit_print_operation_print (operation);
}
