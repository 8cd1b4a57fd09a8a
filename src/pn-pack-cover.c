/* pn-pack-cover.c: a course pack's cover (its own image, or one drawn from its title)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-pack-cover"

#include "config.h"

#include "pn-pack-cover.h"

#define COVER_WIDTH   96
#define COVER_HEIGHT  128
#define COVER_RADIUS  6.0f
/* A pack's image is untrusted: one with more pixels than this is not decoded. */
#define MAX_IMAGE_PIXELS (4096 * 4096)

struct _PnPackCover
{
  GtkWidget   parent_instance;

  char       *title;
  GdkRGBA     color;
  GdkTexture *texture;
};

G_DEFINE_FINAL_TYPE (PnPackCover, pn_pack_cover, GTK_TYPE_WIDGET)

/* Deep shades of the GNOME palette: white text stays legible on each. */
static const char * const cover_colors[] = {
  "#1a5fb4", /* blue */
  "#26a269", /* green */
  "#c64600", /* orange */
  "#a51d2d", /* red */
  "#613583", /* purple */
  "#865e3c", /* brown */
  "#1c7a8c", /* teal */
  "#3d4a5a", /* slate */
};

/* FNV-1a: ids that differ by a letter get different colours more often
 * than with g_str_hash(). */
static guint32
pn_pack_cover_hash (const char *pack_id)
{
  guint32 hash = 2166136261u;

  for (const char *p = pack_id ? pack_id : ""; *p != '\0'; p++)
    hash = (hash ^ (guchar) *p) * 16777619u;

  return hash ^ (hash >> 16);
}

static GdkTexture *
load_texture (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int width = 0, height = 0;

  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL ||
      width <= 0 || height <= 0 || (gint64) width * height > MAX_IMAGE_PIXELS)
    {
      g_message ("Cover %s: not an image of a reasonable size; a cover is drawn instead", path);
      return NULL;
    }

  /* Twice the size shown: sharp on a HiDPI screen, light in memory. */
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, COVER_WIDTH * 2, COVER_HEIGHT * 2, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_message ("Cover %s: %s; a cover is drawn instead", path, error->message);
      return NULL;
    }

  return gdk_texture_new_for_pixbuf (pixbuf);
}

static void
pn_pack_cover_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? COVER_WIDTH : COVER_HEIGHT;
}

static void
snapshot_image (PnPackCover *self,
                GtkSnapshot *snapshot,
                float        width,
                float        height)
{
  float tw = gdk_texture_get_width (self->texture);
  float th = gdk_texture_get_height (self->texture);
  /* Fills the cover, cropped in the middle. */
  float scale = MAX (width / tw, height / th);
  float w = tw * scale, h = th * scale;

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT ((width - w) / 2, (height - h) / 2, w, h));
}

/* Whether a line of @layout starts inside a word (a word longer than the line). */
static gboolean
breaks_inside_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;
  GSList *lines = pango_layout_get_lines_readonly (layout);

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = lines ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + pango_layout_line_get_start_index (line));

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }

  return FALSE;
}

static void
snapshot_drawn (PnPackCover *self,
                GtkSnapshot *snapshot,
                float        width,
                float        height)
{
  GdkRGBA dark = { self->color.red * 0.72f, self->color.green * 0.72f, self->color.blue * 0.72f, 1.0f };
  GdkRGBA spine = { 0, 0, 0, 0.22f };
  GdkRGBA rule = { 1, 1, 1, 0.55f };
  GdkRGBA white = { 1, 1, 1, 1 };
  GskColorStop stops[2] = { { 0.0f, self->color }, { 1.0f, dark } };
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  float spine_width = width * 0.06f;
  float pad = spine_width + width * 0.09f;
  int text_height;

  gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                                       &GRAPHENE_POINT_INIT (0, 0), &GRAPHENE_POINT_INIT (0, height),
                                       stops, G_N_ELEMENTS (stops));
  /* A book's spine on the left. */
  gtk_snapshot_append_color (snapshot, &spine, &GRAPHENE_RECT_INIT (0, 0, spine_width, height));

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->title ? self->title : "");
  pango_layout_set_width (layout, (int) ((width - pad - width * 0.07f) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -5);
  font = pango_font_description_from_string ("Serif Bold");
  /* Smaller until no word is cut in two (down to a floor). */
  for (float size = 0.12f; ; size -= 0.01f)
    {
      pango_font_description_set_absolute_size (font, width * size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      if (size <= 0.085f || !breaks_inside_words (layout))
        break;
    }
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pad, pad));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
  /* A short rule under the title, as on a printed cover. */
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (pad, MIN (pad + text_height + 8, height - pad), width * 0.3f, 2));
}

static void
pn_pack_cover_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PnPackCover *self = PN_PACK_COVER (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GskRoundedRect clip;

  if (width <= 0 || height <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), COVER_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  if (self->texture != NULL)
    snapshot_image (self, snapshot, width, height);
  else
    snapshot_drawn (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
}

static void
pn_pack_cover_finalize (GObject *object)
{
  PnPackCover *self = PN_PACK_COVER (object);

  g_free (self->title);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (pn_pack_cover_parent_class)->finalize (object);
}

static void
pn_pack_cover_class_init (PnPackCoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pn_pack_cover_finalize;
  widget_class->measure = pn_pack_cover_measure;
  widget_class->snapshot = pn_pack_cover_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pn-pack-cover");
  /* The card it is on says the title. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
pn_pack_cover_init (PnPackCover *self)
{
  gdk_rgba_parse (&self->color, cover_colors[0]);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
pn_pack_cover_new (void)
{
  return g_object_new (PN_TYPE_PACK_COVER, NULL);
}

void
pn_pack_cover_set_pack (PnPackCover *self,
                        const char  *pack_id,
                        const char  *title,
                        const char  *image_path)
{
  g_return_if_fail (PN_IS_PACK_COVER (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gdk_rgba_parse (&self->color, cover_colors[pn_pack_cover_hash (pack_id) % G_N_ELEMENTS (cover_colors)]);
  g_clear_object (&self->texture);
  if (image_path != NULL)
    self->texture = load_texture (image_path);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
pn_pack_cover_has_image (PnPackCover *self)
{
  g_return_val_if_fail (PN_IS_PACK_COVER (self), FALSE);

  return self->texture != NULL;
}

char *
pn_pack_cover_get_color (PnPackCover *self)
{
  g_return_val_if_fail (PN_IS_PACK_COVER (self), NULL);

  return g_strdup_printf ("#%02x%02x%02x", (int) (self->color.red * 255 + 0.5),
                          (int) (self->color.green * 255 + 0.5), (int) (self->color.blue * 255 + 0.5));
}
