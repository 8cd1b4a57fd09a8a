/* test-reader.c: the reader view in a real window (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "reader-test.h"

/* ---------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------- */

/* (a) the bundled pack loads and the essay is in the DOM */
static void
test_bundled_pack (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *uri = NULL;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  uri = pn_render_document_uri (f->pack, "essai");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, uri);
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "essai");

  title = js (f, "const h = document.querySelector('body > header h1') || document.querySelector('h1');"
                 "return h ? h.textContent.replace(/\\s+/g, ' ').trim() : '';");
  g_assert_true (g_str_has_prefix (title, "Consommer et produire"));
  g_assert_nonnull (strstr (title, "prison numérique"));

  first = js (f, "const p = document.querySelector('article p');"
                 "return p ? p.textContent.replace(/\\s+/g, ' ').trim() : '';");
  g_assert_true (g_str_has_prefix (first, "En août 2025, Evgeny Morozov publiait"));

  /* The stylesheet from prisonnum://app/ applied: the text column is limited. */
  {
    g_autofree char *measure = js (f, "return getComputedStyle(document.querySelector('article')).maxWidth;");
    g_assert_cmpstr (measure, !=, "none");
  }
  g_assert_cmpuint (f->n_problems, ==, 0);
}

/* (b) clicking a footnote call shows its text in a native popover */
static void
test_footnote_popover (Fixture *f, gconstpointer data)
{
  GtkWidget *popover;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gboolean real;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  expected = js (f, "const a = document.querySelector('sup.footnote-ref a');"
                    "const note = document.getElementById(a.getAttribute('href').slice(1));"
                    "const p = note.querySelector('p') || note;"
                    "const clone = p.cloneNode(true);"
                    "clone.querySelectorAll('.footnote-backref').forEach((b) => b.remove());"
                    "return clone.textContent.replace(/\\s+/g, ' ').trim().slice(0, 30);");
  g_assert_cmpuint (strlen (expected), >, 5);

  real = click_element (f, "sup.footnote-ref a");
  WAIT_UNTIL (visible_popover (f) != NULL, "the footnote popover");
  popover = visible_popover (f);
  text = popover_text (popover);
  g_assert_nonnull (strstr (text, expected));

  /* The view did not navigate to the footnote. */
  {
    g_autofree char *uri = pn_render_document_uri (f->pack, "essai");
    g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, uri);
  }

  if (real)
    {
      press_key (GDK_KEY_Escape, 0);
      WAIT_UNTIL (visible_popover (f) == NULL, "Escape to close the popover");
    }
  else
    g_test_skip ("XTest is not available: the real click and Escape were not tried");
}

/* (b') the same on a generated page, plus the citation popover */
static void
test_popovers_on_test_page (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = copy_hostile_pack (9);
  g_autofree char *page = long_test_page ();
  GtkWidget *popover;
  GtkWidget *button;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  f->pack = load_pack (dir);
  pn_reader_view_set_pack (f->view, f->pack);
  show_html (f, page);
  g_assert_cmpstr (pn_reader_view_get_title (f->view), ==, "Page d’essai");

  click_element (f, "sup.footnote-ref a");
  WAIT_UNTIL (visible_popover (f) != NULL, "the footnote popover");
  maybe_screenshot ("footnote-popover.png");
  text = popover_text (visible_popover (f));
  /* plain text, the markup-like text kept literally, the back-reference left out */
  g_assert_nonnull (strstr (text, "Le texte de la note, avec emphase et <b>pas de balise</b>."));
  g_assert_null (strstr (text, "↩"));
  /* the note's own styles and its pack citations are kept; nothing else becomes markup */
  {
    GtkWidget *label = NULL;
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    const char *markup;
    gboolean handled = FALSE;

    for (GtkWidget *w = visible_popover (f); w != NULL; )
      {
        GtkWidget *child = gtk_widget_get_first_child (w);

        if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "Le texte de la note"))
          {
            label = w;
            break;
          }
        while (child == NULL && w != NULL && w != visible_popover (f))
          {
            child = gtk_widget_get_next_sibling (w);
            if (child == NULL)
              w = gtk_widget_get_parent (w);
          }
        w = child;
      }
    g_assert_nonnull (label);
    /* the reading face at the reading size (19 px at zoom 1), and no caret */
    {
      PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (label));
      g_autofree char *desc = attrs ? pango_attr_list_to_string (attrs) : g_strdup ("");

      g_test_message ("note attributes: %s", desc);
      g_assert_nonnull (strstr (desc, "Noto Serif"));
      g_assert_nonnull (strstr (desc, "absolute-size 17"));
      g_assert_true (gtk_widget_has_css_class (label, "pn-note-text"));
    }
    /* it opens with nothing selected */
    WAIT_UNTIL (!gtk_label_get_selection_bounds (GTK_LABEL (label), NULL, NULL), "no selection in the note");
    markup = gtk_label_get_label (GTK_LABEL (label));
    g_test_message ("note markup: %s", markup);
    g_assert_nonnull (strstr (markup, "<i>emphase</i>"));
    g_assert_nonnull (strstr (markup, "&lt;b&gt;pas de balise&lt;/b&gt;"));
    g_assert_nonnull (strstr (markup, "<a href=\"source:src-one\">la source</a>"));
    g_assert_null (strstr (markup, "nowhere"));
    g_signal_emit_by_name (label, "activate-link", "source:src-one", &handled);
    g_assert_true (handled);
    g_assert_cmpstr (f->activated_source, ==, "src-one");
    g_clear_pointer (&f->activated_source, g_free);
  }
  /* Following the citation closed the note. */
  WAIT_UNTIL (visible_popover (f) == NULL, "the popover to close");

  /* From the keyboard: Return on the focused call opens it, Escape closes it. */
  if (xtest_available ())
    {
      g_autofree char *r = NULL;

      gtk_widget_grab_focus (GTK_WIDGET (f->view));
      WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the text to have the focus");
      r = js (f, "document.querySelector('sup.footnote-ref a').focus();"
                 "return document.activeElement.id;");
      g_assert_cmpstr (r, ==, "fnref-1");
      press_key (GDK_KEY_Return, 0);
      WAIT_UNTIL (visible_popover (f) != NULL, "Return to open the footnote popover");
      press_key (GDK_KEY_Escape, 0);
      WAIT_UNTIL (visible_popover (f) == NULL, "Escape to close the footnote popover");
      WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the focus back in the text");
    }
  else
    g_test_skip ("XTest is not available: the keyboard part was not tried");

  click_element (f, "a[data-source]");
  WAIT_UNTIL (visible_popover (f) != NULL, "the citation popover");
  maybe_screenshot ("citation-popover.png");
  popover = visible_popover (f);
  text2 = popover_text (popover);
  g_test_message ("citation popover: %s", text2);
  g_assert_nonnull (strstr (text2, "Doe"));
  /* the title's angle brackets are text, not markup */
  g_assert_nonnull (strstr (text2, "<b>bold</b>"));
  button = find_button (popover);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (f->activated_source, ==, "src-one");
  WAIT_UNTIL (visible_popover (f) == NULL, "the citation popover to close");

  remove_tree (dir);
}

/* (c) find in the text */
static void
test_find (Fixture *f, gconstpointer data)
{
  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  pn_reader_view_find (f->view, "seigneurage");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches");
  g_assert_cmpint (f->n_matches, >=, 1);

  f->n_matches = -1;
  pn_reader_view_find (f->view, "SEIGNEURAGE");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches (case-insensitive)");
  g_assert_cmpint (f->n_matches, >=, 1);

  f->n_matches = -1;
  pn_reader_view_find (f->view, "zqxjkv-introuvable");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches (no match)");
  g_assert_cmpint (f->n_matches, ==, 0);

  pn_reader_view_find_finish (f->view);
}

static void
test_find_on_test_page (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();

  show_html (f, page);
  pn_reader_view_find (f->view, "seigneurage");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches");
  g_assert_cmpint (f->n_matches, ==, 2);
  pn_reader_view_find_next (f->view);
  pn_reader_view_find_previous (f->view);
  pn_reader_view_find_finish (f->view);
}

/* (d) the dark style changes the page colours, and back */
static char *
page_background (Fixture *f)
{
  return js (f, "return getComputedStyle(document.documentElement).backgroundColor;");
}

static gboolean
background_is (Fixture *f, const char *colour)
{
  g_autofree char *bg = page_background (f);
  return g_strcmp0 (bg, colour) == 0;
}

static void
test_dark_style (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *page = long_test_page ();
  g_autofree char *fg = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_html (f, page);
  WAIT_UNTIL (background_is (f, "rgb(255, 255, 255)"), "a white page");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (background_is (f, "rgb(30, 30, 30)"), "a dark page");
  fg = js (f, "return getComputedStyle(document.querySelector('p')).color;");
  g_assert_cmpstr (fg, ==, "rgb(255, 255, 255)");
  g_assert_true (js_true (f, "return getComputedStyle(document.documentElement).colorScheme === 'dark';"));

  /* a new document opens dark too */
  show_html (f, page);
  WAIT_UNTIL (background_is (f, "rgb(30, 30, 30)"), "a dark page after a load");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  WAIT_UNTIL (background_is (f, "rgb(255, 255, 255)"), "a white page again");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Appearance settings reach the page. */
static void
test_appearance (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  g_autofree char *size = NULL;
  g_autofree char *family = NULL;
  g_autofree char *hyphens = NULL;

  show_html (f, page);

  pn_reader_view_set_font_size (f->view, 24);
  pn_reader_view_set_line_spacing (f->view, 1.8);
  pn_reader_view_set_font_family (f->view, PN_FONT_FAMILY_SANS);
  WAIT_UNTIL (js_true (f, "return getComputedStyle(document.querySelector('p')).fontSize === '24px';"),
              "the new text size");
  size = js (f, "const s = getComputedStyle(document.querySelector('p'));"
                "return String(Math.round(parseFloat(s.lineHeight) / parseFloat(s.fontSize) * 10));");
  g_assert_cmpstr (size, ==, "18");
  family = js (f, "return getComputedStyle(document.querySelector('p')).fontFamily;");
  g_assert_nonnull (strstr (family, "Cantarell"));

  pn_reader_view_set_font_family (f->view, PN_FONT_FAMILY_SERIF);
  WAIT_UNTIL (js_true (f, "return getComputedStyle(document.querySelector('p')).fontFamily.includes('Noto Serif');"),
              "the serif face");

  hyphens = js (f, "return getComputedStyle(document.querySelector('p')).webkitHyphens || "
                   "getComputedStyle(document.querySelector('p')).hyphens;");
  g_assert_cmpstr (hyphens, ==, "auto");

  /* zoom steps */
  pn_reader_view_zoom_reset (f->view);
  pn_reader_view_zoom_in (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 1.1, 0.001);
  pn_reader_view_zoom_out (f->view);
  pn_reader_view_zoom_out (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 0.9, 0.001);
  for (int i = 0; i < 20; i++)
    pn_reader_view_zoom_in (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 3.0, 0.001);
  pn_reader_view_zoom_reset (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 1.0, 0.001);
}

/* The reading position is reported while scrolling and restored after a load. */
static void
test_position (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();

  show_html (f, page);

  pn_reader_view_set_position (f->view, NULL, 0.5);
  WAIT_UNTIL (f->n_positions > 0, "position-changed");
  g_assert_cmpfloat_with_epsilon (f->last_fraction, 0.5, 0.02);

  /* the position reported names the block at the top of the view */
  pn_reader_view_set_position (f->view, "g10", -1.0);
  WAIT_UNTIL (f->last_anchor != NULL && strcmp (f->last_anchor, "g10") == 0, "position-changed at g10");

  /* set while a load is under way, applied once the page is laid out */
  {
    guint before = f->n_loaded;

    pn_reader_view_load_html_for_testing (f->view, page);
    pn_reader_view_set_position (f->view, "f20", -1.0);
    WAIT_UNTIL (f->n_loaded > before, "document-loaded");
  }
  WAIT_UNTIL (js_true (f, "const t = document.getElementById('f20').getBoundingClientRect().top;"
                          "return t >= -1 && t < 10;"),
              "f20 at the top of the view");

  /* an exact fraction inside the anchor's block is kept as it is */
  {
    g_autofree char *wanted = js (f, "const e = document.scrollingElement;"
                                     "const top = document.getElementById('g5').getBoundingClientRect().top + scrollY;"
                                     "return String((top + 7) / (e.scrollHeight - innerHeight));");
    pn_reader_view_set_position (f->view, "g5", g_ascii_strtod (wanted, NULL));
    WAIT_UNTIL (js_true (f, "const t = document.getElementById('g5').getBoundingClientRect().top;"
                            "return t > -8.5 && t < -5.5;"),
                "g5 seven pixels above the top of the view");
  }

  /* an unknown anchor falls back to the fraction */
  pn_reader_view_set_position (f->view, "nulle-part", 1.0);
  WAIT_UNTIL (js_true (f, "const e = document.scrollingElement;"
                          "return e.scrollTop > 0 && e.scrollTop + innerHeight >= e.scrollHeight - 2;"),
              "the end of the page");
}

/* (e) hostile content reaches no network and runs no script */
static const char hostile_html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>raw</title>"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *; script-src * 'unsafe-inline'\">"
  "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:@PORT@/refresh\">"
  "<base href=\"http://127.0.0.1:@PORT@/base/\">"
  "<link rel=\"stylesheet\" href=\"http://127.0.0.1:@PORT@/style.css\">"
  "<link rel=\"preload\" as=\"image\" href=\"http://127.0.0.1:@PORT@/preload.png\">"
  "<link rel=\"prefetch\" href=\"http://127.0.0.1:@PORT@/prefetch\">"
  "<link rel=\"icon\" href=\"http://127.0.0.1:@PORT@/favicon.ico\">"
  "<script src=\"http://127.0.0.1:@PORT@/script.js\"></script>"
  "<script>document.title = 'PWNED'; document.documentElement.setAttribute('data-pwned', 'script');</script>"
  "<style>@import url(\"http://127.0.0.1:@PORT@/import.css\");"
  "body { background-image: url(\"http://127.0.0.1:@PORT@/bg.png\"); }"
  "@font-face { font-family: hostile; src: url(\"http://127.0.0.1:@PORT@/font.woff\"); }"
  "p { font-family: hostile; }</style>"
  "</head><body onload=\"document.documentElement.setAttribute('data-pwned', 'onload')\">"
  "<p>Hostile raw page.</p>"
  "<img src=\"http://127.0.0.1:@PORT@/img.png\">"
  "<img src=\"relative.png\">"
  "<img src=\"x\" onerror=\"document.documentElement.setAttribute('data-pwned', 'onerror')\">"
  "<img srcset=\"http://127.0.0.1:@PORT@/srcset.png 2x\">"
  "<picture><source srcset=\"http://127.0.0.1:@PORT@/picture.png\"><img alt=\"p\"></picture>"
  "<svg width=\"10\" height=\"10\"><image href=\"http://127.0.0.1:@PORT@/svg-image.png\"/>"
  "<script>document.documentElement.setAttribute('data-pwned', 'svg')</script></svg>"
  "<iframe src=\"http://127.0.0.1:@PORT@/iframe\"></iframe>"
  "<iframe srcdoc=\"<script>parent.document.documentElement.setAttribute('data-pwned', 'srcdoc')</script>\"></iframe>"
  "<object data=\"http://127.0.0.1:@PORT@/object\"></object>"
  "<embed src=\"http://127.0.0.1:@PORT@/embed\">"
  "<video src=\"http://127.0.0.1:@PORT@/video.mp4\" autoplay></video>"
  "<audio src=\"http://127.0.0.1:@PORT@/audio.ogg\" autoplay></audio>"
  "<div style=\"background: url('http://127.0.0.1:@PORT@/inline.png')\">inline style</div>"
  "<input type=\"image\" src=\"http://127.0.0.1:@PORT@/input.png\">"
  "<form action=\"http://127.0.0.1:@PORT@/form\" method=\"post\"><button id=\"submit\">go</button></form>"
  "<a id=\"js-link\" href=\"javascript:document.documentElement.setAttribute('data-pwned', 'javascript')\">js</a>"
  "<a id=\"ext-link\" href=\"http://127.0.0.1:@PORT@/clicked\" ping=\"http://127.0.0.1:@PORT@/ping\">external</a>"
  "<a id=\"blank-link\" target=\"_blank\" href=\"http://127.0.0.1:@PORT@/blank\">new window</a>"
  "<a id=\"other-pack\" href=\"prisonnum://pack/another-pack/doc/doc\">other pack</a>"
  "<a id=\"unknown-doc\" href=\"prisonnum://pack/hostile-test/doc/no-such-doc\">unknown doc</a>"
  "<a id=\"file-link\" href=\"file:///etc/passwd\">file</a>"
  "<img id=\"good\" src=\"prisonnum://pack/hostile-test/files/img/square.png\">"
  "<img id=\"not-image\" src=\"prisonnum://pack/hostile-test/files/hostile.md\">"
  "<img id=\"escape\" src=\"prisonnum://pack/hostile-test/files/%2e%2e/pack.json\">"
  "<img id=\"manifest\" src=\"prisonnum://pack/hostile-test/files/pack.json\">"
  "<img id=\"script\" src=\"prisonnum://app/reader.js\">"
  "<img id=\"other\" src=\"prisonnum://pack/another-pack/files/img/square.png\">"
  "</body></html>";

static void
assert_page_clean (Fixture *f, const char *expected_title)
{
  g_autofree char *title = js (f, "return document.title;");
  g_autofree char *pwned = js (f, "return String(document.documentElement.getAttribute('data-pwned'));");
  g_autofree char *page_world = js_in_world (f, NULL,
                                             "return String(typeof window.webkit === 'undefined' || "
                                             "!window.webkit.messageHandlers || "
                                             "!window.webkit.messageHandlers.pn);", NULL);

  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (pwned, ==, "null");
  /* the app's message handler is not reachable from the page's world */
  g_assert_cmpstr (page_world, ==, "true");
}

static guint32
png_crc (const guchar *data, gsize length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
    }
  return crc ^ 0xffffffffu;
}

static void
png_chunk (GByteArray *png, const char *type, const guchar *data, gsize length)
{
  guchar head[8] = { length >> 24, length >> 16, length >> 8, length, type[0], type[1], type[2], type[3] };
  g_autoptr(GByteArray) crc_data = g_byte_array_new ();
  guint32 crc;
  guchar crc_bytes[4];

  g_byte_array_append (crc_data, head + 4, 4);
  g_byte_array_append (crc_data, data, length);
  crc = png_crc (crc_data->data, crc_data->len);
  crc_bytes[0] = crc >> 24; crc_bytes[1] = crc >> 16; crc_bytes[2] = crc >> 8; crc_bytes[3] = crc;
  g_byte_array_append (png, head, 8);
  g_byte_array_append (png, data, length);
  g_byte_array_append (png, crc_bytes, 4);
}

/* A valid 20000 × 20000 black-and-white PNG of some 50 KB: it would decode to
 * a bitmap of 1.6 GB. */
static void
write_huge_png (const char *path)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar ihdr[] = { 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 1, 0, 0, 0, 0 };
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autofree guchar *row = g_malloc0 (2501);   /* filter byte + 20000 bits */
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guchar out[65536];

  for (int y = 0; y <= 20000; y++)
    {
      gboolean last = y == 20000;
      const guchar *in = last ? NULL : row;
      gsize left = last ? 0 : 2501;
      GConverterResult result;

      do
        {
          gsize read = 0, written = 0;

          result = g_converter_convert (G_CONVERTER (zlib), in, left, out, sizeof out,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (idat, out, written);
          in = in ? in + read : NULL;
          left -= read;
        }
      while (left > 0 || (last && result != G_CONVERTER_FINISHED));
    }

  g_byte_array_append (png, signature, sizeof signature);
  png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  png_chunk (png, "IDAT", idat->data, idat->len);
  png_chunk (png, "IEND", NULL, 0);
  g_file_set_contents (path, (const char *) png->data, png->len, &error);
  g_assert_no_error (error);
}

static void
test_hostile (Fixture *f, gconstpointer data)
{
  Listener listener;
  g_autofree char *dir = NULL;
  g_autofree char *doc_uri = NULL;
  g_autofree char *html = NULL;
  g_autofree char *images = NULL;
  g_autofree char *r = NULL;

  listener_start (&listener);
  dir = copy_hostile_pack (listener.port);

  /* Through the normal pipeline: Markdown rendered in safe mode. */
  f->pack = load_pack (dir);
  show_document (f, f->pack, "hostile");
  doc_uri = pn_render_document_uri (f->pack, "hostile");
  settle (1000);
  assert_page_clean (f, "Hostile document");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);
  g_assert_cmpuint (listener.connections, ==, 0);
  /* the pack's own image is shown */
  r = js (f, "const img = document.querySelector('article img');"
             "return String(img !== null && await img.decode().then(() => img.naturalWidth, () => 0));");
  g_assert_cmpstr (r, ==, "40");
  g_clear_pointer (&r, g_free);

  /* An image that would decode to a huge bitmap is not served. */
  {
    g_autofree char *huge = g_build_filename (dir, "img", "huge.png", NULL);
    g_autofree char *script = NULL;

    write_huge_png (huge);
    script = g_strdup_printf ("const load = (src) => new Promise((done) => {"
                              "  const img = new Image(); img.onload = () => done('loaded');"
                              "  img.onerror = () => done('refused'); img.src = src; });"
                              "return (await load('prisonnum://pack/%s/files/img/square.png')) + ' ' +"
                              "       (await load('prisonnum://pack/%s/files/img/huge.png'));",
                              pn_pack_get_id (f->pack), pn_pack_get_id (f->pack));
    r = js (f, script);
    g_assert_cmpstr (r, ==, "loaded refused");
    g_clear_pointer (&r, g_free);
  }

  /* Raw hostile HTML straight through the scheme, past the sanitiser: the
   * WebKit layers alone must hold. */
  html = replace_port (hostile_html, listener.port);
  show_html (f, html);
  settle (1000);
  assert_page_clean (f, "raw");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, "prisonnum://pack/_test/doc/_test");
  /* page script markup was dropped by the parser (not only blocked by the CSP) */
  r = js (f, "return String(document.querySelectorAll('script').length + "
             "document.querySelectorAll('[onerror], [onload], [onclick]').length + "
             "document.querySelectorAll('a[href^=\"javascript:\"]').length);");
  g_assert_cmpstr (r, ==, "0");
  g_clear_pointer (&r, g_free);

  /* The scheme serves the pack's images and nothing else. */
  images = js (f, "const ids = ['good', 'not-image', 'escape', 'manifest', 'script', 'other'];"
                  "const out = [];"
                  "for (const id of ids) {"
                  "  const img = document.getElementById(id);"
                  "  const ok = await img.decode().then(() => true, () => false);"
                  "  out.push(id + '=' + (ok && img.naturalWidth > 0));"
                  "}"
                  "return out.join(' ');");
  g_assert_cmpstr (images, ==, "good=true not-image=false escape=false manifest=false script=false other=false");

  /* A script element made through the DOM (by our own code, say) is refused by the CSP. */
  r = js (f, "const s = document.createElement('script');"
             "s.textContent = \"document.documentElement.setAttribute('data-pwned', 'dom-script')\";"
             "document.body.appendChild(s); return true;");
  g_clear_pointer (&r, g_free);

  /* Requests made from a script world, which CSP may not cover: the content
   * filter stops them. */
  {
    g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", listener.port);
    GVariantDict args;

    g_variant_dict_init (&args, NULL);
    g_variant_dict_insert (&args, "base", "s", base);
    r = js_in_world (f, TEST_WORLD,
                     "try { await fetch(base + '/fetch'); } catch (e) {}"
                     "const img = new Image(); img.src = base + '/new-image.png';"
                     "await img.decode().catch(() => null);"
                     "try { const ws = new WebSocket(base.replace('http', 'ws') + '/ws');"
                     "      await new Promise((r) => { ws.onerror = r; ws.onclose = r; setTimeout(r, 500); }); } catch (e) {}"
                     "return true;",
                     g_variant_dict_end (&args));
  }

  settle (1000);
  g_assert_cmpuint (listener.connections, ==, 0);

  /* Clicks on links that must not navigate the view nor reach the network
   * (WebKit would connect to an http server ahead of the navigation policy if
   * the app's script did not stop the click). */
  {
    const char *links[] = { "#ext-link", "#js-link", "#other-pack", "#unknown-doc", "#file-link",
                            "#blank-link", "#submit", NULL };
    gboolean real = FALSE;

    for (guint i = 0; links[i] != NULL; i++)
      {
        real = click_element (f, links[i]);
        settle (200);
        g_test_message ("after a click on %s: %u connections", links[i], listener.connections);
      }
    settle (1000);
    assert_page_clean (f, "raw");
    g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, "prisonnum://pack/_test/doc/_test");
    if (real)
      {
        /* the user's clicks on the two http links ask the browser, nothing else does */
        g_autofree char *clicked = g_strdup_printf ("http://127.0.0.1:%u/clicked", listener.port);
        g_autofree char *blank = g_strdup_printf ("http://127.0.0.1:%u/blank", listener.port);

        g_assert_cmpuint (f->external_uris->len, ==, 2);
        g_assert_cmpstr (g_ptr_array_index (f->external_uris, 0), ==, clicked);
        g_assert_cmpstr (g_ptr_array_index (f->external_uris, 1), ==, blank);
      }
    else
      {
        g_assert_cmpuint (f->external_uris->len, ==, 0);
        g_test_skip ("XTest is not available: the user's clicks on external links were not tried");
      }
    g_assert_cmpuint (listener.connections, ==, 0);
  }

  /* Positive control: the same hostile page without the app's defences does
   * reach the listener, so the zero counts above mean something. */
  listener_positive_control (&listener, hostile_html);

  listener_stop (&listener);
  remove_tree (dir);
}

/* (f) links: external ones go to the browser on a real click only; pack
 * links are handled by the app; unknown addresses are refused. */
static void
test_links (Fixture *f, gconstpointer data)
{
  Listener listener;
  g_autofree char *dir = NULL;
  g_autofree char *doc_uri = NULL;
  g_autofree char *autre_uri = NULL;
  g_autofree char *external = NULL;
  guint loaded;
  gboolean real;

  listener_start (&listener);
  dir = copy_hostile_pack (listener.port);
  f->pack = load_pack (dir);
  show_document (f, f->pack, "hostile");
  doc_uri = pn_render_document_uri (f->pack, "hostile");
  autre_uri = pn_render_document_uri (f->pack, "autre");
  external = g_strdup_printf ("http://127.0.0.1:%u/external-click", listener.port);

  /* An external link: never navigates the view. */
  real = click_element (f, "a.pn-external");
  settle (1000);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);
  if (real)
    {
      /* a user's click asks to open it in the browser */
      g_assert_cmpuint (f->external_uris->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (f->external_uris, 0), ==, external);
    }
  else
    {
      /* a script's click is not the user's: nothing opens */
      g_assert_cmpuint (f->external_uris->len, ==, 0);
      g_test_skip ("XTest is not available: a user's click on an external link was not tried");
    }

  /* Addresses the view does not know are refused. */
  webkit_web_view_load_uri (web_view (f), "prisonnum://pack/hostile-test/doc/no-such-doc");
  webkit_web_view_load_uri (web_view (f), "prisonnum://pack/another-pack/doc/hostile");
  webkit_web_view_load_uri (web_view (f), "http://127.0.0.1:1/");
  {
    g_autofree char *r = js (f, "location.href = 'prisonnum://app/reader.js'; return true;");
  }
  settle (1000);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);

  /* A doc: link loads that document and says so. */
  loaded = f->n_loaded;
  click_element (f, "a[href*='/autre']");
  WAIT_UNTIL (f->n_loaded > loaded, "the linked document to load");
  g_assert_cmpstr (f->activated_doc, ==, "autre");
  g_assert_cmpstr (f->activated_anchor, ==, "fin");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "autre");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, autre_uri);

  g_assert_cmpuint (listener.connections, ==, 0);
  /* Positive control: an unprotected view does reach the listener. */
  listener_positive_control (&listener, "<img src=\"http://127.0.0.1:@PORT@/control.png\">");
  listener_stop (&listener);
  remove_tree (dir);
}

/* Export to PDF without a dialog. */
static void
test_export_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint problems = f->n_problems;

  show_html (f, page);
  pn_reader_view_export_pdf (f->view, file);
  WAIT_UNTIL (f->pdf_done || f->n_problems > problems, "the PDF export");
  g_assert_true (f->pdf_done);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_remove (path);

  /* A place that cannot be written: a problem, not a crash nor silence. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "missing-folder", "out.pdf", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    f->pdf_done = FALSE;
    problems = f->n_problems;
    pn_reader_view_export_pdf (f->view, bad);
    WAIT_UNTIL (f->pdf_done || f->n_problems > problems, "the failed PDF export");
    g_assert_false (f->pdf_done);
    g_assert_cmpuint (f->n_problems, ==, problems + 1);
  }

  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  reader_test_init (&argc, &argv);

  g_test_add ("/reader/bundled-pack", Fixture, NULL, fixture_setup, test_bundled_pack, fixture_teardown);
  g_test_add ("/reader/footnote-popover", Fixture, NULL, fixture_setup, test_footnote_popover, fixture_teardown);
  g_test_add ("/reader/popovers", Fixture, NULL, fixture_setup, test_popovers_on_test_page, fixture_teardown);
  g_test_add ("/reader/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/reader/find-test-page", Fixture, NULL, fixture_setup, test_find_on_test_page, fixture_teardown);
  g_test_add ("/reader/dark-style", Fixture, NULL, fixture_setup, test_dark_style, fixture_teardown);
  g_test_add ("/reader/appearance", Fixture, NULL, fixture_setup, test_appearance, fixture_teardown);
  g_test_add ("/reader/position", Fixture, NULL, fixture_setup, test_position, fixture_teardown);
  g_test_add ("/reader/hostile", Fixture, NULL, fixture_setup, test_hostile, fixture_teardown);
  g_test_add ("/reader/links", Fixture, NULL, fixture_setup, test_links, fixture_teardown);
  g_test_add ("/reader/export-pdf", Fixture, NULL, fixture_setup, test_export_pdf, fixture_teardown);

  return g_test_run ();
}
