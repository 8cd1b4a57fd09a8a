/* pn-reader-view-style.c: the user stylesheet of the reader's pages
 *
 * Text size, face and line spacing, and the colours: libadwaita's view
 * colours on screen (light or dark, following AdwStyleManager), black ink on
 * paper. reader.css reads them as custom properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pn-reader-view-private.h"

typedef struct {
  const char *bg;
  const char *fg;
  const char *fg_dim;
  const char *fg_quote;
  const char *accent;
  const char *border;
  const char *quote_bar;
  const char *code_bg;
  const char *selection;
  const char *color_scheme;
} Palette;

static const Palette light_palette = {
  "#ffffff", "rgba(0, 0, 0, 0.8)", "rgba(0, 0, 0, 0.55)", "rgba(0, 0, 0, 0.72)",
  "#1c71d8", "rgba(0, 0, 0, 0.15)", "rgba(0, 0, 0, 0.18)", "rgba(0, 0, 0, 0.06)",
  "rgba(28, 113, 216, 0.25)", "light",
};
/* Paper: black ink, whatever the screen style */
static const Palette print_palette = {
  "#ffffff", "#000000", "rgba(0, 0, 0, 0.6)", "rgba(0, 0, 0, 0.8)",
  "#000000", "rgba(0, 0, 0, 0.3)", "rgba(0, 0, 0, 0.3)", "rgba(0, 0, 0, 0.06)",
  "rgba(0, 0, 0, 0.15)", "light",
};
static const Palette dark_palette = {
  "#1e1e1e", "#ffffff", "rgba(255, 255, 255, 0.55)", "rgba(255, 255, 255, 0.8)",
  "#78aeed", "rgba(255, 255, 255, 0.15)", "rgba(255, 255, 255, 0.25)", "rgba(255, 255, 255, 0.08)",
  "rgba(120, 174, 237, 0.3)", "dark",
};

static const char * const pack_uri_patterns[] = { "prisonnum://pack/*", NULL };

static void
append_palette (GString *css, const Palette *p)
{
  g_string_append_printf (css,
    "  --pn-bg: %s;\n  --pn-fg: %s;\n  --pn-fg-dim: %s;\n  --pn-fg-quote: %s;\n"
    "  --pn-accent: %s;\n  --pn-border: %s;\n  --pn-quote-bar: %s;\n  --pn-code-bg: %s;\n"
    "  --pn-selection: %s;\n  --pn-color-scheme: %s;\n",
    p->bg, p->fg, p->fg_dim, p->fg_quote, p->accent, p->border,
    p->quote_bar, p->code_bg, p->selection, p->color_scheme);
}

void
pn_reader_view_style_update (PnReaderView *self)
{
  const Palette *p = self->dark ? &dark_palette : &light_palette;
  char spacing[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) css = g_string_new (NULL);
  WebKitUserStyleSheet *sheet;
  GdkRGBA bg;

  g_ascii_formatd (spacing, sizeof spacing, "%.3g", self->line_spacing);

  g_string_append_printf (css,
    ":root {\n"
    "  --pn-font-size: %dpx;\n"
    "  --pn-line-height: %s;\n"
    "  --pn-font-family: %s;\n",
    self->font_size, spacing,
    self->font_family == PN_FONT_FAMILY_SANS ? "var(--pn-sans)" : "var(--pn-serif)");
  append_palette (css, p);
  g_string_append (css, "}\n");

  g_string_append (css, "@media print {\n:root {\n");
  append_palette (css, &print_palette);
  g_string_append (css, "  --pn-font-size: 11pt;\n}\n}\n");

  webkit_user_content_manager_remove_all_style_sheets (self->content_manager);
  sheet = webkit_user_style_sheet_new (css->str, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                       WEBKIT_USER_STYLE_LEVEL_USER, pack_uri_patterns, NULL);
  webkit_user_content_manager_add_style_sheet (self->content_manager, sheet);
  webkit_user_style_sheet_unref (sheet);

  if (gdk_rgba_parse (&bg, p->bg))
    webkit_web_view_set_background_color (self->web_view, &bg);
}

void
pn_reader_view_set_font_size (PnReaderView *self, int px)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  px = CLAMP (px, 8, 72);
  if (px == self->font_size)
    return;
  self->font_size = px;
  pn_reader_view_style_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), pn_reader_view_properties[PN_READER_VIEW_PROP_FONT_SIZE]);
}

void
pn_reader_view_set_font_family (PnReaderView *self, PnFontFamily family)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (family == PN_FONT_FAMILY_SERIF || family == PN_FONT_FAMILY_SANS);

  if (family == self->font_family)
    return;
  self->font_family = family;
  pn_reader_view_style_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), pn_reader_view_properties[PN_READER_VIEW_PROP_FONT_FAMILY]);
}

void
pn_reader_view_set_line_spacing (PnReaderView *self, double spacing)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (!isfinite (spacing))
    return;
  spacing = CLAMP (spacing, 1.0, 3.0);
  if (fabs (spacing - self->line_spacing) < 0.001)
    return;
  self->line_spacing = spacing;
  pn_reader_view_style_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), pn_reader_view_properties[PN_READER_VIEW_PROP_LINE_SPACING]);
}
