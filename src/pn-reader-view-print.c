/* pn-reader-view-print.c: the shown document on paper and as PDF, as a course handout
 *
 * Both paths make the same handout: the page gets its list of works cited
 * (print.js, shown on paper only), WebKit prints it to a temporary PDF with
 * the margins the page numbers need, and pn-pdf-pages numbers its pages.
 * Export writes that to the chosen file; printing hands its pages to GTK's
 * print dialog, so paper has the page numbers too.
 *
 * Uses only the view's public API (its web view, pack and document, its
 * "problem" and "pdf-exported" signals) and the web shell's script world, so
 * it can change without touching the view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "pn-pdf-pages.h"
#include "pn-reader-view-print.h"
#include "pn-web-shell.h"
#include "pn-works-cited.h"

#define PRINT_SCRIPT "/org/example/Prisonnum/reader/print.js"
#define TOP_MARGIN_MM 20.0

typedef struct {
  PnReaderView *self;   /* strong */
  GFile *target;        /* export: the chosen file; print: NULL */
  GFile *raw;           /* WebKit's PDF, temporary */
  GFile *numbered;      /* with page numbers, temporary: moved to @target, or printed */
  char *title;
  char *author;
  char *language;       /* of the document, for the list's heading */
  gboolean failed;      /* WebKit could not print */
  char *problem;        /* and why */
} Handout;

static void
delete_temporary (GFile *file)
{
  if (file != NULL)
    g_file_delete (file, NULL, NULL);
}

static void
handout_free (Handout *handout)
{
  delete_temporary (handout->raw);
  delete_temporary (handout->numbered);
  g_clear_object (&handout->raw);
  g_clear_object (&handout->numbered);
  g_clear_object (&handout->target);
  g_free (handout->title);
  g_free (handout->author);
  g_free (handout->language);
  g_free (handout->problem);
  g_object_unref (handout->self);
  g_free (handout);
}

static void
handout_fail (Handout    *handout,
              const char *detail)
{
  g_autofree char *message = NULL;

  if (handout->target != NULL)
    message = g_strdup_printf (_("Could not export the document as PDF: %s"), detail);
  else
    message = g_strdup_printf (_("Could not print the document: %s"), detail);
  g_signal_emit_by_name (handout->self, "problem", message);
  handout_free (handout);
}

static GFile *
new_temporary_pdf (GError **error)
{
  g_autoptr(GFileIOStream) stream = NULL;
  GFile *file = g_file_new_tmp ("prisonnum-XXXXXX.pdf", &stream, error);

  if (file != NULL)
    g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  return file;
}

/* A4 or Letter as the locale has it, with room for the foot line. */
static GtkPageSetup *
new_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();

  gtk_page_setup_set_top_margin (setup, TOP_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, PN_PDF_PAGES_BOTTOM_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, PN_PDF_PAGES_SIDE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, PN_PDF_PAGES_SIDE_MARGIN_MM, GTK_UNIT_MM);

  return setup;
}

/* ---------------------------------------------------------------------------
 * Printing the numbered PDF through GTK's print dialog
 * ------------------------------------------------------------------------- */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;

  /* The PDF's pages hold their margins: they fill the paper, scaled to fit
   * when the paper chosen in the dialog is another size. */
  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               Handout                 *handout)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      handout_fail (handout, error != NULL ? error->message : _("unknown error"));
    }
  else
    {
      if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
        g_object_set_data_full (G_OBJECT (handout->self), "pn-print-settings",
                                g_object_ref (gtk_print_operation_get_print_settings (operation)),
                                g_object_unref);
      handout_free (handout);
    }
  g_object_unref (operation);
}

static void
print_numbered (Handout *handout)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  g_autoptr(GtkPageSetup) page_setup = new_page_setup ();
  GtkPrintSettings *settings;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  GtkRoot *root;

  document = poppler_document_new_from_gfile (handout->numbered, NULL, NULL, &error);
  if (document == NULL)
    {
      handout_fail (handout, error->message);
      return;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (handout->title != NULL)
    gtk_print_operation_set_job_name (operation, handout->title);
  settings = g_object_get_data (G_OBJECT (handout->self), "pn-print-settings");
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  /* The handler holds the document until the operation goes. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         document, (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), handout);

  root = gtk_widget_get_root (GTK_WIDGET (handout->self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  /* Without the async dialog, "done" was not emitted. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_signal_handlers_disconnect_by_data (operation, handout);
      g_object_unref (operation);
      handout_fail (handout, error->message);
    }
}

/* ---------------------------------------------------------------------------
 * The handout: works cited, WebKit's PDF, page numbers
 * ------------------------------------------------------------------------- */

static void
on_numbered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Handout *handout = user_data;
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autofree char *raw_uri = g_file_get_uri (handout->raw);
  g_autoptr(GError) error = NULL;

  /* GTK's file printer lists what it wrote among the recent files: not a
   * temporary file, but the PDF the user saved. */
  gtk_recent_manager_remove_item (recent, raw_uri, NULL);

  if (!pn_pdf_pages_number_finish (result, &error))
    {
      handout_fail (handout, error->message);
      return;
    }

  if (handout->target != NULL)
    {
      g_autofree char *uri = g_file_get_uri (handout->target);

      /* The chosen file is only written once the PDF is whole, with the
       * permissions of a new file there (not the temporary file's 0600). */
      if (!g_file_copy (handout->numbered, handout->target,
                        G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                        NULL, NULL, NULL, &error))
        {
          handout_fail (handout, error->message);
          return;
        }
      gtk_recent_manager_add_item (recent, uri);
      g_signal_emit_by_name (handout->self, "pdf-exported", handout->target);
      handout_free (handout);
    }
  else
    {
      print_numbered (handout);
    }
}

/* WebKit emits "failed" before "finished". */
static void
on_webkit_failed (WebKitPrintOperation *operation,
                  GError               *error,
                  Handout              *handout)
{
  handout->failed = TRUE;
  g_free (handout->problem);
  handout->problem = g_strdup (error != NULL ? error->message : _("unknown error"));
}

static void
on_webkit_finished (WebKitPrintOperation *operation,
                    Handout              *handout)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (operation, handout);
  g_object_unref (operation);

  if (handout->failed)
    {
      handout_fail (handout, handout->problem);
      return;
    }

  handout->numbered = new_temporary_pdf (&error);
  if (handout->numbered == NULL)
    {
      handout_fail (handout, error->message);
      return;
    }

  pn_pdf_pages_number_async (handout->raw, handout->numbered, handout->title, handout->author,
                             NULL, on_numbered, handout);
}

static void
print_raw (Handout *handout)
{
  WebKitPrintOperation *operation;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = new_page_setup ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  handout->raw = new_temporary_pdf (&error);
  if (handout->raw == NULL)
    {
      handout_fail (handout, error->message);
      return;
    }

  uri = g_file_get_uri (handout->raw);
  /* GTK's file printer has a translated name. */
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);

  operation = webkit_print_operation_new (pn_reader_view_get_web_view (handout->self));
  webkit_print_operation_set_print_settings (operation, settings);
  webkit_print_operation_set_page_setup (operation, page_setup);
  /* The operation is released when it is finished. */
  g_signal_connect (operation, "failed", G_CALLBACK (on_webkit_failed), handout);
  g_signal_connect (operation, "finished", G_CALLBACK (on_webkit_finished), handout);
  webkit_print_operation_print (operation);
}

static void
call_print_script (Handout             *handout,
                   const char          *step,
                   const char          *works,
                   GAsyncReadyCallback  callback)
{
  WebKitWebView *web_view = pn_reader_view_get_web_view (handout->self);
  g_autoptr(GBytes) script = g_resources_lookup_data (PRINT_SCRIPT, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GVariantDict args;

  g_assert (script != NULL);
  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "step", "s", step);
  g_variant_dict_insert (&args, "works", "s", works);
  webkit_web_view_call_async_javascript_function (web_view, g_bytes_get_data (script, NULL),
                                                  (gssize) g_bytes_get_size (script),
                                                  g_variant_dict_end (&args),
                                                  pn_web_shell_get_world (pn_web_shell_get_default ()),
                                                  "prisonnum:print.js", NULL, callback, handout);
}

static void
on_works_cited (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Handout *handout = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL)
    g_warning ("The printed copy has no list of works cited: %s", error->message);

  print_raw (handout);
}

/* The ids the page's source links cite, from the script's array of strings. */
static char **
cited_ids (JSCValue *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JSCValue) length = NULL;
  int n;

  if (value == NULL || !jsc_value_is_array (value))
    return g_strv_builder_end (builder);

  length = jsc_value_object_get_property (value, "length");
  n = jsc_value_is_number (length) ? jsc_value_to_int32 (length) : 0;
  for (int i = 0; i < MIN (n, PN_WORKS_CITED_MAX_IDS); i++)
    {
      g_autoptr(JSCValue) item = jsc_value_object_get_property_at_index (value, (guint) i);

      if (jsc_value_is_string (item))
        {
          g_autofree char *id = jsc_value_to_string (item);

          if (g_utf8_validate (id, -1, NULL))
            g_strv_builder_add (builder, id);
        }
    }

  return g_strv_builder_end (builder);
}

static void
on_cited (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Handout *handout = user_data;
  PnPack *pack = pn_reader_view_get_pack (handout->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GPtrArray) works = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *json = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL)
    g_warning ("Could not read the cited sources: %s", error->message);
  ids = cited_ids (value);

  if (pack != NULL)
    works = pn_works_cited_collect (pack, (const char * const *) ids);
  else
    works = g_ptr_array_new ();
  /* Even an empty list: it removes the one of an earlier print. */
  json = pn_works_cited_to_json (works, pn_works_cited_heading (handout->language), handout->language);
  call_print_script (handout, "works", json, on_works_cited);
}

static void
handout_start (PnReaderView *self,
               GFile        *target)
{
  Handout *handout = g_new0 (Handout, 1);
  PnPack *pack = pn_reader_view_get_pack (self);
  const char *doc_id = pn_reader_view_get_document_id (self);
  PnDocument *doc = pack != NULL && doc_id != NULL ? pn_pack_get_document (pack, doc_id) : NULL;

  handout->self = g_object_ref (self);
  handout->target = target != NULL ? g_object_ref (target) : NULL;
  handout->title = g_strdup (pn_reader_view_get_title (self));
  if (handout->title == NULL && doc != NULL)
    handout->title = g_strdup (pn_document_get_title (doc));
  if (doc != NULL)
    handout->language = g_strdup (pn_document_get_language (doc));

  if (doc != NULL && pn_document_get_authors (doc)->len > 0)
    {
      GPtrArray *authors = pn_document_get_authors (doc);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < authors->len; i++)
        {
          const PnPerson *person = g_ptr_array_index (authors, i);

          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", person->name);
        }
      handout->author = g_string_free (g_steal_pointer (&names), FALSE);
    }

  call_print_script (handout, "cited", "", on_cited);
}

void
pn_reader_view_print (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  handout_start (self, NULL);
}

void
pn_reader_view_export_pdf (PnReaderView *self, GFile *file)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  handout_start (self, file);
}

/* ---------------------------------------------------------------------------
 * Where the PDF goes, and the toast that opens it
 * ------------------------------------------------------------------------- */

#define MAX_NAME_CHARS 120

/* @title as a file name: no folder separators, no control characters, not
 * hidden, not too long. */
static char *
file_name_for (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *clipped = NULL;
  gboolean space = FALSE;

  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = name->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      if (c == '/' || c == '\\' || c == ':')
        g_string_append_c (name, '-');
      else if (!(c == '.' && name->len == 0))
        g_string_append_unichar (name, c);
    }

  clipped = g_utf8_substring (name->str, 0, MIN ((glong) MAX_NAME_CHARS, g_utf8_strlen (name->str, -1)));
  g_strchomp (clipped);
  if (clipped[0] == '\0')
    return g_strdup (_("Document"));

  return g_steal_pointer (&clipped);
}

GFile *
pn_print_default_pdf_file (const char *title)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *base = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (title != NULL && !g_utf8_validate (title, -1, NULL))
    title = NULL;
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  base = file_name_for (title);

  for (guint n = 1; n <= 999; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.pdf", base)
                                          : g_strdup_printf ("%s (%u).pdf", base, n);
      g_autoptr(GFile) file = g_file_new_build_filename (folder, candidate, NULL);

      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
    }

  /* A thousand copies already: the time tells this one apart. */
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  name = g_strdup_printf ("%s (%s).pdf", base, stamp);

  return g_file_new_build_filename (folder, name, NULL);
}

static void
on_open_clicked (AdwToast  *toast,
                 GtkWindow *parent)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "pn-uri");

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

AdwToast *
pn_print_new_exported_toast (GtkWindow *parent,
                             GFile     *file)
{
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  toast = adw_toast_new (_("Exported as PDF"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "pn-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), parent, 0);

  return toast;
}
