/* pn-match-list.c: the items of a matching question, each with its answer
 *
 * Every item's drop down lists the same answers in the same shuffled order
 * (position 0 is « Choose… »); a chip dragged onto an item carries the
 * answer's text and selects it in that item's drop down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-match-list.h"
#include "pn-flow-layout.h"
#include "pn-question-parts.h"
#include "model/pn-quiz-grade.h"

struct _PnMatchList
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *chips;
  GtkWidget *help;
  GtkWidget *list;
  PnPack *pack;
  const PnQuizQuestion *question;
  GPtrArray *options;      /* pn_quiz_matching_options(), borrowed texts */
  GArray *order;           /* of guint: the option shown at each position of the drop downs, less one */
  GPtrArray *items;        /* of const PnQuizPair *, the pairs with an item */
  GPtrArray *drop_downs;   /* per item */
  GPtrArray *marks;        /* per item */
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (PnMatchList, pn_match_list, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkDropDown *
drop_down_at (PnMatchList *self,
              guint        item)
{
  return g_ptr_array_index (self->drop_downs, item);
}

/* The drop down's position of option @index (0: none). */
static guint
shown_position (PnMatchList *self,
                int          index)
{
  for (guint i = 0; index >= 0 && i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == (guint) index)
      return i + 1;
  return 0;
}

static void
selected_cb (PnMatchList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
pn_match_list_drop (PnMatchList *self,
                    guint        item,
                    const char  *match)
{
  g_return_val_if_fail (PN_IS_MATCH_LIST (self), FALSE);

  if (self->locked || item >= self->items->len || match == NULL)
    return FALSE;

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *option = g_ptr_array_index (self->options, g_array_index (self->order, guint, i));

      if (g_str_equal (option, match))
        {
          gtk_drop_down_set_selected (drop_down_at (self, item), i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

/* Drag and drop: an answer's chip onto an item's row. */

static GdkContentProvider *
chip_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 PnMatchList   *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const char *option = g_object_get_data (G_OBJECT (chip), "pn-option");

  if (self->locked)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, option);
}

static void
chip_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               PnMatchList   *self)
{
  GtkWidget *chip = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (chip);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             PnMatchList   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pn-item"));

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;
  return pn_match_list_drop (self, item, g_value_get_string (value));
}

/* Building */

static void
add_chip (PnMatchList *self,
          const char  *option)
{
  g_autofree char *plain = pn_question_plain_text (self->pack, option);
  GtkWidget *chip = gtk_label_new (plain);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_label_set_wrap (GTK_LABEL (chip), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (chip), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (chip), 30);
  gtk_widget_add_css_class (chip, "card");
  gtk_widget_add_css_class (chip, "pn-match-chip");
  gtk_widget_set_cursor_from_name (chip, "grab");
  g_object_set_data (G_OBJECT (chip), "pn-option", (gpointer) option);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (chip_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (chip_begin_cb), self);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (source));
  gtk_box_append (GTK_BOX (self->chips), chip);
}

static void
add_item (PnMatchList      *self,
          const PnQuizPair *pair,
          const char      **shown)
{
  guint item = self->items->len;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = pn_question_label_new (self->pack, pair->item);
  GtkWidget *drop_down = pn_question_drop_down_new (shown);
  GtkWidget *mark = pn_question_mark_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_autofree char *plain = pn_question_plain_text (self->pack, pair->item);
  /* Translators: the name of an item's drop down in a matching question */
  g_autofree char *name = g_strdup_printf (_("Match for: %s"), plain);

  if (item > 0)
    gtk_box_append (GTK_BOX (self->list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_add_css_class (row, "pn-match-item");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_halign (mark, GTK_ALIGN_START);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (selected_cb), self);

  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), drop_down);
  gtk_box_append (GTK_BOX (row), mark);
  g_object_set_data (G_OBJECT (row), "pn-item", GUINT_TO_POINTER (item));
  g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  gtk_box_append (GTK_BOX (self->list), row);

  g_ptr_array_add (self->items, (gpointer) pair);
  g_ptr_array_add (self->drop_downs, drop_down);
  g_ptr_array_add (self->marks, mark);
}

GtkWidget *
pn_match_list_new (PnPack               *pack,
                   const PnQuizQuestion *question,
                   GRand                *rand)
{
  PnMatchList *self = g_object_new (PN_TYPE_MATCH_LIST, NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  self->question = question;
  self->options = pn_quiz_matching_options (question);
  self->order = pn_question_shuffle (rand, self->options->len, FALSE);

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *option = g_ptr_array_index (self->options, g_array_index (self->order, guint, i));

      g_ptr_array_add (shown, pn_question_plain_text (pack, option));
      add_chip (self, option);
    }
  g_ptr_array_add (shown, NULL);

  for (guint i = 0; i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);

      if (pair->item != NULL)
        add_item (self, pair, (const char **) shown->pdata);
    }

  return GTK_WIDGET (self);
}

/* Responses and grades */

void
pn_match_list_get_indices (PnMatchList *self,
                           GArray      *indices)
{
  g_return_if_fail (PN_IS_MATCH_LIST (self));

  for (guint i = 0; i < self->drop_downs->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (drop_down_at (self, i));
      int index = selected >= 1 && selected <= self->order->len
                  ? (int) g_array_index (self->order, guint, selected - 1) : -1;

      g_array_append_val (indices, index);
    }
}

void
pn_match_list_set_indices (PnMatchList  *self,
                           const GArray *indices)
{
  g_return_if_fail (PN_IS_MATCH_LIST (self));

  for (guint i = 0; i < self->drop_downs->len; i++)
    {
      int index = indices != NULL && i < indices->len ? g_array_index (indices, int, i) : -1;

      gtk_drop_down_set_selected (drop_down_at (self, i), shown_position (self, index));
    }
}

gboolean
pn_match_list_get_answered (PnMatchList *self)
{
  g_return_val_if_fail (PN_IS_MATCH_LIST (self), FALSE);

  for (guint i = 0; i < self->drop_downs->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (drop_down_at (self, i));

      if (selected >= 1 && selected != GTK_INVALID_LIST_POSITION)
        return TRUE;
    }
  return FALSE;
}

void
pn_match_list_set_grade (PnMatchList *self,
                         GArray      *parts)
{
  g_return_if_fail (PN_IS_MATCH_LIST (self));

  self->locked = TRUE;
  gtk_widget_set_visible (self->chips, FALSE);
  gtk_widget_set_visible (self->help, FALSE);

  for (guint i = 0; i < self->drop_downs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (self->items, i);
      gboolean right = parts != NULL && i < parts->len && g_array_index (parts, gboolean, i);
      g_autofree char *words = NULL;

      gtk_widget_set_sensitive (GTK_WIDGET (drop_down_at (self, i)), FALSE);
      if (parts == NULL)
        continue;
      if (!right)
        {
          g_autofree char *plain = pn_question_plain_text (self->pack, pair->match);

          /* Translators: after a wrong match, the right one */
          words = g_strdup_printf (_("Incorrect. Right match: %s"), plain);
        }
      pn_question_mark_set (g_ptr_array_index (self->marks, i), right, words,
                            GTK_WIDGET (drop_down_at (self, i)));
    }
}

static void
pn_match_list_dispose (GObject *object)
{
  PnMatchList *self = PN_MATCH_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->drop_downs, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pn_match_list_parent_class)->dispose (object);
}

static void
pn_match_list_class_init (PnMatchListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_match_list_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pn-match-list");
}

static void
pn_match_list_init (PnMatchList *self)
{
  self->items = g_ptr_array_new ();
  self->drop_downs = g_ptr_array_new ();
  self->marks = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->help = gtk_label_new (_("Choose each item's answer, or drag an answer onto an item."));
  self->chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* A card, not a GtkListBox: its keyboard handling would not reach the drop downs. */
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_label_set_wrap (GTK_LABEL (self->help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->help), 0);
  gtk_widget_add_css_class (self->help, "dim-label");
  /* The chips flow like words; the drop downs say the same to the keyboard and screen readers. */
  gtk_widget_set_layout_manager (self->chips, pn_flow_layout_new (6, 6));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chips), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Answers to drag"), -1);
  gtk_widget_add_css_class (self->list, "card");

  gtk_box_append (GTK_BOX (self->box), self->help);
  gtk_box_append (GTK_BOX (self->box), self->chips);
  gtk_box_append (GTK_BOX (self->box), self->list);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
