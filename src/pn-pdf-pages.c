/* pn-pdf-pages.c: page numbers and metadata for a PDF made by WebKit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "pn-pdf-pages.h"

#define POINTS_PER_MM (72.0 / 25.4)
/* The foot line sits this far above the bottom edge of the paper. */
#define FOOT_BASELINE_MM 12.0
#define FOOT_FONT "Cantarell, Noto Sans, sans-serif 8"

typedef struct {
  GFile *input;
  GFile *output;
  char *title;
  char *author;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->input);
  g_object_unref (job->output);
  g_free (job->title);
  g_free (job->author);
  g_free (job);
}

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
    ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* One line of the foot, its baseline at @y, from @x; @width > 0 ellipsizes
 * it to that width; @align_end puts its end at @x instead. */
static void
show_foot_text (cairo_t    *cr,
                const char *text,
                double      x,
                double      y,
                double      width,
                gboolean    align_end)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FOOT_FONT);
  PangoRectangle extents;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &extents);

  if (align_end)
    x -= (double) extents.width / PANGO_SCALE;
  cairo_move_to (cr, x, y - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
number_pages (Job              *job,
              PopplerDocument  *document,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;
  cairo_status_t status;
  int n_pages;

  n_pages = poppler_document_get_n_pages (document);

  stream = g_file_replace (job->output, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      g_autofree char *number = NULL;
      double width, height, margin, baseline;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        continue;
      poppler_page_get_size (page, &width, &height);
      if (surface == NULL)
        {
          surface = cairo_pdf_surface_create_for_stream (write_stream, stream, width, height);
          if (job->title != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job->title);
          if (job->author != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, job->author);
          if (g_get_application_name () != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, g_get_application_name ());
          cr = cairo_create (surface);
        }
      else
        {
          cairo_pdf_surface_set_size (surface, width, height);
        }

      cairo_save (cr);
      poppler_page_render_for_printing (page, cr);
      cairo_restore (cr);
      g_object_unref (page);

      /* The foot: the title from the second page on, the page number at the end. */
      margin = PN_PDF_PAGES_SIDE_MARGIN_MM * POINTS_PER_MM;
      baseline = height - FOOT_BASELINE_MM * POINTS_PER_MM;
      cairo_save (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.65);
      if (i > 0 && job->title != NULL)
        show_foot_text (cr, job->title, margin, baseline, (width - 2 * margin) * 0.75, FALSE);
      number = g_strdup_printf ("%d / %d", i + 1, n_pages);
      show_foot_text (cr, number, width - margin, baseline, 0, TRUE);
      cairo_restore (cr);

      cairo_show_page (cr);
    }

  if (surface == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("The document has no page"));
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (error != NULL && *error != NULL)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

static void
number_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  PopplerDocument *document = poppler_document_new_from_gfile (job->input, NULL, cancellable, &error);
  gboolean numbered = document != NULL && number_pages (job, document, cancellable, &error);

  g_clear_object (&document);
  if (numbered)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pn_pdf_pages_number_async (GFile               *input,
                           GFile               *output,
                           const char          *title,
                           const char          *author,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (input));
  g_return_if_fail (G_IS_FILE (output));

  job = g_new0 (Job, 1);
  job->input = g_object_ref (input);
  job->output = g_object_ref (output);
  job->title = g_strdup (title);
  job->author = g_strdup (author);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_pdf_pages_number_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, number_thread);
}

gboolean
pn_pdf_pages_number_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
