/* pn-library-card.c: one course pack of the library page (cover, title, authors, progress)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-library-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-library-card.h"
#include "pn-pack-cover.h"

struct _PnLibraryCard
{
  GtkFlowBoxChild  parent_instance;

  /* Template widgets */
  PnPackCover     *cover;
  GtkLabel        *title_label;
  GtkLabel        *author_label;
  GtkLabel        *version_label;
  GtkProgressBar  *read_bar;
  GtkLabel        *read_label;
  GtkLabel        *figures_label;
  GtkMenuButton   *menu_button;

  PnLibraryPack   *pack;
  /* What a screen reader is told of the pack (title, authors, version). */
  char            *description;
};

G_DEFINE_FINAL_TYPE (PnLibraryCard, pn_library_card, GTK_TYPE_FLOW_BOX_CHILD)

static void
pn_library_card_update_label (PnLibraryCard *self,
                              const char    *progress)
{
  g_autofree char *label = NULL;

  if (progress != NULL && progress[0] != '\0')
    /* Translators: a course pack in the library, for a screen reader: what
     * it is (title, authors, version), then the student's progress */
    label = g_strdup_printf (_("%s. %s"), self->description, progress);
  else
    label = g_strdup (self->description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
pn_library_card_set_progress (PnLibraryCard        *self,
                              const PnPackProgress *progress,
                              guint                 n_documents)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *read = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *said = NULL;
  g_autofree char *listed = NULL;

  g_return_if_fail (PN_IS_LIBRARY_CARD (self));

  gtk_widget_set_visible (GTK_WIDGET (self->read_bar), progress != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->read_label), progress != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_label), progress != NULL);
  if (progress == NULL)
    {
      pn_library_card_update_label (self, NULL);
      return;
    }

  gtk_progress_bar_set_fraction (self->read_bar, CLAMP (progress->read_fraction, 0.0, 1.0));
  if (progress->documents_started == 0)
    read = g_strdup (_("Not started yet"));
  else
    /* Translators: the texts of a course pack read to their end, of all its texts */
    read = g_strdup_printf (ngettext ("%u of %u text read", "%u of %u texts read", n_documents),
                            progress->documents_read, n_documents);
  gtk_label_set_label (self->read_label, read);

  if (progress->cards_due > 0)
    g_ptr_array_add (figures, g_strdup_printf (ngettext ("%u flashcard due", "%u flashcards due",
                                                         progress->cards_due),
                                               progress->cards_due));
  if (progress->quizzes_taken > 0)
    /* Translators: the mean of the best scores of the quizzes taken; use your language's percent sign and spacing */
    g_ptr_array_add (figures, g_strdup_printf (_("best quiz score %d%%"),
                                               (int) (CLAMP (progress->best_quiz_score, 0.0, 1.0) * 100 + 0.5)));
  if (progress->notes > 0)
    g_ptr_array_add (figures, g_strdup_printf (ngettext ("%u note", "%u notes", progress->notes),
                                               progress->notes));
  g_ptr_array_add (figures, NULL);
  /* Translators: between the progress figures of a course pack (« 3 flashcards due · 2 notes ») */
  shown = g_strjoinv (_(" · "), (char **) figures->pdata);
  gtk_label_set_label (self->figures_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_label), shown[0] != '\0');

  /* Translators: the student's progress in a course pack, for a screen reader:
   * texts read, then the other figures (« 1 of 2 texts read, 3 flashcards due, 2 notes ») */
  listed = g_strjoinv (", ", (char **) figures->pdata);
  said = shown[0] != '\0' ? g_strdup_printf (_("%s, %s"), read, listed) : g_strdup (read);
  pn_library_card_update_label (self, said);
}

char *
pn_library_card_get_figures (PnLibraryCard *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_CARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->read_label)))
    return g_strdup ("");

  return g_strdup_printf ("%s · %s", gtk_label_get_label (self->read_label),
                          gtk_label_get_label (self->figures_label));
}

gboolean
pn_library_card_popup_menu (PnLibraryCard *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_CARD (self), FALSE);

  if (gtk_menu_button_get_menu_model (self->menu_button) == NULL)
    return FALSE;

  gtk_menu_button_popup (self->menu_button);
  return TRUE;
}

static gboolean
popup_menu_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return pn_library_card_popup_menu (PN_LIBRARY_CARD (widget));
}

static void
pn_library_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_LIBRARY_CARD);

  G_OBJECT_CLASS (pn_library_card_parent_class)->dispose (object);
}

static void
pn_library_card_finalize (GObject *object)
{
  PnLibraryCard *self = PN_LIBRARY_CARD (object);

  g_clear_pointer (&self->pack, pn_library_pack_free);
  g_free (self->description);

  G_OBJECT_CLASS (pn_library_card_parent_class)->finalize (object);
}

static void
pn_library_card_class_init (PnLibraryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_library_card_dispose;
  object_class->finalize = pn_library_card_finalize;

  g_type_ensure (PN_TYPE_PACK_COVER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-library-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, cover);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, author_label);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, version_label);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, read_bar);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, read_label);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, figures_label);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryCard, menu_button);

  /* The card's menu from the keyboard, as a context menu. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu_cb, NULL);
}

static void
pn_library_card_init (PnLibraryCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_library_card_new (const PnLibraryPack *pack)
{
  PnLibraryCard *self;
  g_autofree char *version = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GString) description = NULL;

  g_return_val_if_fail (pack != NULL, NULL);

  self = g_object_new (PN_TYPE_LIBRARY_CARD, NULL);
  self->pack = pn_library_pack_copy (pack);

  pn_pack_cover_set_pack (self->cover, pack->id, pack->title, pack->cover_path);
  gtk_label_set_label (self->title_label, pack->title);
  gtk_label_set_label (self->author_label, pack->authors ? pack->authors : "");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), pack->authors != NULL);

  description = g_string_new (pack->title);
  if (pack->authors != NULL)
    /* Translators: after a course pack's title, for a screen reader: its authors */
    g_string_append_printf (description, _(", by %s"), pack->authors);
  if (pack->version != NULL)
    {
      /* Translators: a course pack's version, e.g. « Version 1.2 » */
      version = g_strdup_printf (_("Version %s"), pack->version);
      g_string_append_printf (description, ", %s", version);
    }
  if (pack->bundled)
    {
      g_autofree char *with_app = NULL;

      /* Translators: said of the course pack bundled with the app, which cannot be removed */
      with_app = version ? g_strdup_printf (_("%s, comes with the app"), version)
                         : g_strdup (_("Comes with the app"));
      g_free (version);
      version = g_steal_pointer (&with_app);
    }
  gtk_label_set_label (self->version_label, version ? version : "");
  gtk_widget_set_visible (GTK_WIDGET (self->version_label), version != NULL);
  self->description = g_string_free (g_steal_pointer (&description), FALSE);

  /* The bundled essay stays: no menu to remove it (its button keeps its
   * place, unseen, so that the cards line up). */
  if (pack->bundled)
    {
      gtk_widget_set_opacity (GTK_WIDGET (self->menu_button), 0.0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), FALSE);
      gtk_widget_set_can_target (GTK_WIDGET (self->menu_button), FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
  else
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.remove-pack", g_variant_new_string (pack->id));
      g_menu_append_item (menu, item);
      gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
      /* Translators: the button opening the menu of a course pack in the library */
      menu_label = g_strdup_printf (_("More for “%s”"), pack->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
    }

  pn_library_card_set_progress (self, NULL, 0);

  return GTK_WIDGET (self);
}

const char *
pn_library_card_get_pack_id (PnLibraryCard *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_CARD (self), NULL);

  return self->pack->id;
}

const char *
pn_library_card_get_title (PnLibraryCard *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_CARD (self), NULL);

  return self->pack->title;
}

const char *
pn_library_card_get_path (PnLibraryCard *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_CARD (self), NULL);

  return self->pack->path;
}
