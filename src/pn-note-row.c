/* pn-note-row.c: one of the student's annotations as a row of the Notes page
 *
 * The row shows the colour (a swatch named for a screen reader), the quoted
 * words, the note (Markdown through the model's safe renderer to Pango
 * markup), the tags and the date; a screen reader reads it all as the row's
 * name. A detached row may offer « Re-attach… ».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-color-row.h"
#include "pn-note-row.h"
#include "pn-render-pango.h"

struct _PnNoteRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkWidget     *swatch;
  GtkImage      *kind_icon;
  GtkLabel      *quote_label;
  GtkLabel      *note_label;
  GtkLabel      *meta_label;
  GtkWidget     *reattach_button;

  PnAnnotation  *annotation;
  gboolean       detached;
};

G_DEFINE_FINAL_TYPE (PnNoteRow, pn_note_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_REATTACH,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The quote on one line of words: the text's own line breaks (between
 * blocks) as spaces. */
static char *
quote_text (const PnAnnotation *annotation)
{
  const char *exact = annotation->selectors.exact;
  g_autofree char *text = g_strdup (exact != NULL ? exact : "");

  g_strdelimit (text, "\n\r\t", ' ');
  return g_strstrip (g_steal_pointer (&text));
}

static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");
  /* Translators: the date of a note on the Notes page (strftime-like, see
   * g_date_time_format()); French: "%-d %B %Y" */
  return g_date_time_format (local, _("%B %-d, %Y"));
}

static void
fill_note (PnNoteRow *self, PnPack *pack)
{
  const char *note = self->annotation->note;
  g_autofree char *markup = NULL;

  if (note == NULL || note[0] == '\0')
    return;
  if (pack != NULL)
    markup = pn_render_markdown_pango (pack, note, NULL, NULL);
  /* The model's markup is escaped text with vetted links; checked anyway. */
  if (markup != NULL && pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (self->note_label, markup);
  else
    gtk_label_set_text (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
}

static gboolean
ends_sentence (const char *text)
{
  const char *end = text + strlen (text);
  gunichar c;

  while (end > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (end == text)
    return FALSE;
  c = g_utf8_get_char (g_utf8_prev_char (end));
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

/* What a screen reader says of the row: kind and colour, quote, note, then
 * where, tags and date. */
static void
update_accessible (PnNoteRow *self, const char *quote, const char *meta)
{
  const PnAnnotation *a = self->annotation;
  GString *name = g_string_new (NULL);
  const char *note = gtk_label_get_text (self->note_label);

  switch (a->kind)
    {
    case PN_ANNOTATION_BOOKMARK:
      g_string_append (name, _("Bookmark"));
      break;
    case PN_ANNOTATION_DOCUMENT_NOTE:
      g_string_append (name, _("Note on the whole document"));
      break;
    case PN_ANNOTATION_HIGHLIGHT:
    default:
      if (a->color == PN_ANNOTATION_UNDERLINE)
        g_string_append (name, _("Underlined"));
      else
        /* Translators: said by a screen reader, %s is a colour (« Yellow highlight ») */
        g_string_append_printf (name, _("%s highlight"), pn_color_row_color_name (a->color));
      break;
    }
  if (quote[0] != '\0')
    g_string_append_printf (name, _(": “%s”"), quote);
  if (gtk_widget_get_visible (GTK_WIDGET (self->note_label)) && note[0] != '\0')
    /* Translators: said by a screen reader after the quote */
    g_string_append_printf (name, _(". Note: %s"), note);
  if (meta[0] != '\0')
    /* A note that ends its own sentence gets no second full stop. */
    g_string_append_printf (name, ends_sentence (name->str) ? " %s" : ". %s", meta);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);
}

static void
fill (PnNoteRow *self, PnPack *pack, const char *detached_from, gboolean can_reattach)
{
  const PnAnnotation *a = self->annotation;
  g_autofree char *quote = quote_text (a);
  g_autofree char *tags = g_strjoinv (", ", a->tags);
  g_autofree char *date = format_date (a->updated_at > 0 ? a->updated_at : a->created_at);
  g_autofree char *meta = NULL;
  g_autofree char *swatch_class = NULL;
  const char *color = pn_annotation_color_to_string (a->color);

  /* The swatch: the highlight's colour; a bookmark or a document note has none. */
  if (a->kind == PN_ANNOTATION_HIGHLIGHT && color != NULL)
    {
      swatch_class = g_strconcat ("pn-hl-", color, NULL);
      gtk_widget_add_css_class (self->swatch, swatch_class);
      gtk_widget_set_tooltip_text (self->swatch, pn_color_row_color_name (a->color));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pn_color_row_color_name (a->color), -1);
    }
  else
    {
      gtk_widget_add_css_class (self->swatch, "pn-note-plain");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a->kind == PN_ANNOTATION_BOOKMARK ? _("Bookmark") : _("Document note"), -1);
    }

  if (a->kind == PN_ANNOTATION_BOOKMARK)
    {
      gtk_image_set_from_icon_name (self->kind_icon, "user-bookmarks-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (self->kind_icon), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_icon), _("Bookmark"));
    }
  else if (a->kind == PN_ANNOTATION_DOCUMENT_NOTE)
    {
      gtk_image_set_from_icon_name (self->kind_icon, "x-office-document-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (self->kind_icon), TRUE);
    }

  if (a->kind == PN_ANNOTATION_DOCUMENT_NOTE || quote[0] == '\0')
    {
      gtk_label_set_text (self->quote_label, _("Note on the whole document"));
      gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "dim-label");
    }
  else
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);

      gtk_label_set_text (self->quote_label, quoted);
    }
  if (a->kind == PN_ANNOTATION_HIGHLIGHT && a->color == PN_ANNOTATION_UNDERLINE)
    gtk_widget_add_css_class (GTK_WIDGET (self->quote_label), "pn-note-underline");

  fill_note (self, pack);

  if (tags[0] != '\0')
    /* Translators: the tags and date of a note, « exam, chapter 2 · December 1, 2026 » */
    meta = g_strdup_printf (_("%s · %s"), tags, date);
  else
    meta = g_strdup (date);
  if (detached_from != NULL)
    {
      /* Translators: where a detached note was, then its tags and date */
      g_autofree char *where = g_strdup_printf (_("In “%s” · %s"), detached_from, meta);

      g_free (meta);
      meta = g_steal_pointer (&where);
    }
  gtk_label_set_text (self->meta_label, meta);

  self->detached = detached_from != NULL;
  gtk_widget_set_visible (self->reattach_button, self->detached && can_reattach);
  if (self->detached)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pn-note-detached");


  update_accessible (self, a->kind == PN_ANNOTATION_DOCUMENT_NOTE ? "" : quote, meta);
}

static void
reattach_clicked_cb (PnNoteRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REATTACH], 0);
}

static void
show_uri_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    g_message ("Cannot open the link: %s", error->message);
}

/* Links in a note: web addresses open in the browser; nothing else is followed. */
static gboolean
note_link_cb (PnNoteRow *self, const char *uri, GtkLabel *label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "mailto:"))
    gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME, NULL,
                       show_uri_cb, NULL);
  return TRUE;
}

static void
pn_note_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_NOTE_ROW);

  G_OBJECT_CLASS (pn_note_row_parent_class)->dispose (object);
}

static void
pn_note_row_finalize (GObject *object)
{
  PnNoteRow *self = PN_NOTE_ROW (object);

  g_clear_pointer (&self->annotation, pn_annotation_free);

  G_OBJECT_CLASS (pn_note_row_parent_class)->finalize (object);
}

static void
pn_note_row_class_init (PnNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_note_row_dispose;
  object_class->finalize = pn_note_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, PnNoteRow, reattach_button);
  gtk_widget_class_bind_template_callback (widget_class, reattach_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_link_cb);

  signals[SIGNAL_REATTACH] =
    g_signal_new ("reattach", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pn_note_row_init (PnNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_note_row_new (const PnAnnotation *annotation,
                 PnPack             *pack,
                 const char         *detached_from,
                 gboolean            can_reattach)
{
  PnNoteRow *self;

  g_return_val_if_fail (annotation != NULL, NULL);

  self = g_object_new (PN_TYPE_NOTE_ROW, NULL);
  self->annotation = pn_annotation_copy (annotation);
  fill (self, pack, detached_from, can_reattach);
  return GTK_WIDGET (self);
}

const PnAnnotation *
pn_note_row_get_annotation (PnNoteRow *self)
{
  g_return_val_if_fail (PN_IS_NOTE_ROW (self), NULL);
  return self->annotation;
}

gboolean
pn_note_row_get_detached (PnNoteRow *self)
{
  g_return_val_if_fail (PN_IS_NOTE_ROW (self), FALSE);
  return self->detached;
}
