/* pn-question-parts.c: pieces the answer widgets of a question share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-question-parts.h"
#include "model/pn-render-pango.h"

GArray *
pn_question_shuffle (GRand    *rand,
                     guint     n,
                     gboolean  avoid_identity)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  gboolean identity = TRUE;

  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);

  /* Fisher–Yates, from the end. */
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint tmp = g_array_index (order, guint, i - 1);

      g_array_index (order, guint, i - 1) = g_array_index (order, guint, j);
      g_array_index (order, guint, j) = tmp;
    }

  for (guint i = 0; i < n && identity; i++)
    identity = g_array_index (order, guint, i) == i;
  /* Steps already in order would give the answer away: turn them by one. */
  if (avoid_identity && identity && n >= 2)
    for (guint i = 0; i < n; i++)
      g_array_index (order, guint, i) = (i + 1) % n;

  return order;
}

char *
pn_question_render (PnPack     *pack,
        const char *markdown)
{
  if (pack == NULL || markdown == NULL || markdown[0] == '\0')
    return NULL;
  return pn_render_markdown_pango (pack, markdown, pn_pack_get_language (pack), NULL);
}

char *
pn_question_strip_links (const char *markup)
{
  g_autoptr(GRegex) links = g_regex_new ("</?a(\\s[^>]*)?>", G_REGEX_OPTIMIZE, 0, NULL);

  return g_regex_replace_literal (links, markup, -1, 0, "", 0, NULL);
}

void
pn_question_label_set_markdown (GtkLabel   *label,
                                PnPack     *pack,
                                const char *markdown)
{
  g_autofree char *markup = pn_question_render (pack, markdown);
  g_autofree char *unlinked = markup != NULL ? pn_question_strip_links (markup) : NULL;

  /* The model's markup is escaped text and vetted links, which GtkLabel reads
   * (Pango alone does not know <a>). */
  if (unlinked != NULL && pango_parse_markup (unlinked, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (label, markup);
  else
    gtk_label_set_text (label, markdown != NULL ? markdown : "");
}

GtkWidget *
pn_question_label_new (PnPack     *pack,
                       const char *markdown)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_widget_set_hexpand (label, TRUE);
  pn_question_label_set_markdown (GTK_LABEL (label), pack, markdown);

  return label;
}

char *
pn_question_plain_text (PnPack     *pack,
                        const char *markdown)
{
  g_autofree char *markup = pn_question_render (pack, markdown);
  g_autofree char *unlinked = markup != NULL ? pn_question_strip_links (markup) : NULL;
  char *text = NULL;

  if (unlinked != NULL && pango_parse_markup (unlinked, -1, 0, NULL, &text, NULL, NULL))
    {
      g_strstrip (text);
      return text;
    }
  return g_strdup (markdown != NULL ? markdown : "");
}

/* Drop downs: a label per item, cut short on the button, wrapped in the list. */

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_list)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  in_list)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
item_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), GINT_TO_POINTER (in_list));

  return factory;
}

GtkWidget *
pn_question_drop_down_new (const char * const *items)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  g_autoptr(GtkListItemFactory) button_factory = item_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = item_factory (TRUE);

  /* Translators: the first entry of a drop down of answers, standing for none */
  gtk_string_list_append (model, _("Choose…"));
  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (model, items[i]);

  drop_down = gtk_drop_down_new (G_LIST_MODEL (model), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);

  return drop_down;
}

GtkWidget *
pn_question_mark_new (void)
{
  GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *words = gtk_label_new (NULL);

  /* The words say it; the icon only repeats them. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (words), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_box_append (GTK_BOX (mark), icon);
  gtk_box_append (GTK_BOX (mark), words);
  gtk_widget_add_css_class (mark, "pn-question-mark");
  gtk_widget_set_visible (mark, FALSE);

  return mark;
}

void
pn_question_mark_set (GtkWidget  *mark,
                      gboolean    right,
                      const char *words,
                      GtkWidget  *described)
{
  GtkWidget *icon = gtk_widget_get_first_child (mark);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  const char *text = words != NULL ? words : right ? _("Correct") : _("Incorrect");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), right ? "emblem-ok-symbolic" : "window-close-symbolic");
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (mark, right ? "error" : "success");
  gtk_widget_add_css_class (mark, right ? "success" : "error");
  gtk_widget_set_visible (mark, TRUE);
  if (described != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (described),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}
