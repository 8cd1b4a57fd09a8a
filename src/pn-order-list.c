/* pn-order-list.c: the steps of an ordering question, to put in order
 *
 * The rows stay where they are; the steps move through them: each position
 * shows the step the order puts there, and the keyboard focus follows the
 * step that moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-order-list.h"
#include "pn-question-parts.h"

/* The widgets of one position. */
typedef struct {
  GtkWidget *row;
  GtkWidget *number;
  GtkWidget *text;
  GtkWidget *mark;
  GtkWidget *handle;
  GtkWidget *up;
  GtkWidget *down;
} Place;

struct _PnOrderList
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *help;
  GtkWidget *answer;       /* the right order, shown with the grade */
  PnPack *pack;
  const PnQuizQuestion *question;
  guint n;
  GArray *order;           /* of guint: the step shown at each position */
  Place *places;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (PnOrderList, pn_order_list, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static guint
step_at (PnOrderList *self,
         guint        position)
{
  return g_array_index (self->order, guint, position);
}

/* Shows each position's step, its number and its name for screen readers. */
static void
refresh (PnOrderList *self)
{
  for (guint i = 0; i < self->n; i++)
    {
      Place *place = &self->places[i];
      const char *step = self->question->steps[step_at (self, i)];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *plain = pn_question_plain_text (self->pack, step);
      /* Translators: the name of a step of an ordering question for screen readers */
      g_autofree char *name = g_strdup_printf (_("Position %u of %u: %s"), i + 1, self->n, plain);

      gtk_label_set_text (GTK_LABEL (place->number), number);
      pn_question_label_set_markdown (GTK_LABEL (place->text), self->pack, step);
      gtk_accessible_update_property (GTK_ACCESSIBLE (place->row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_sensitive (place->up, !self->locked && i > 0);
      gtk_widget_set_sensitive (place->down, !self->locked && i + 1 < self->n);
      /* Once graded, nothing moves: no handle, no arrows. */
      gtk_widget_set_visible (place->up, !self->locked);
      gtk_widget_set_visible (place->down, !self->locked);
      gtk_widget_set_visible (place->handle, !self->locked);
    }
}

void
pn_order_list_move (PnOrderList *self,
                    guint        from,
                    guint        to)
{
  guint step;

  g_return_if_fail (PN_IS_ORDER_LIST (self));

  if (self->locked || from >= self->n || to >= self->n || from == to)
    return;

  step = step_at (self, from);
  g_array_remove_index (self->order, from);
  g_array_insert_val (self->order, to, step);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The position whose row holds the keyboard focus, or -1. */
static int
focused_position (PnOrderList *self,
                  GtkWidget  **focus_out)
{
  GtkWidget *row = gtk_widget_get_focus_child (self->list);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  *focus_out = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (guint i = 0; row != NULL && i < self->n; i++)
    if (self->places[i].row == row)
      return (int) i;
  return -1;
}

/* Moves the step at @from by @delta and keeps the focus on it: on the same
 * button of its new row while that button can still be pressed, else on the row. */
static void
move_by (PnOrderList *self,
         guint        from,
         int          delta,
         GtkWidget   *focus)
{
  int to = (int) from + delta;
  Place *old_place = &self->places[from];
  Place *new_place;

  if (to < 0 || (guint) to >= self->n || self->locked)
    return;

  pn_order_list_move (self, from, (guint) to);
  new_place = &self->places[to];
  if (focus == old_place->up && gtk_widget_get_sensitive (new_place->up))
    gtk_widget_grab_focus (new_place->up);
  else if (focus == old_place->down && gtk_widget_get_sensitive (new_place->down))
    gtk_widget_grab_focus (new_place->down);
  else
    gtk_widget_grab_focus (new_place->row);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PnOrderList *self = PN_ORDER_LIST (widget);
  GtkWidget *focus = NULL;
  int position = focused_position (self, &focus);

  if (position < 0)
    return;
  move_by (self, (guint) position, g_str_equal (action_name, "order.move-up") ? -1 : 1, focus);
}

static void
button_clicked_cb (GtkWidget   *button,
                   PnOrderList *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pn-position"));
  Place *place = &self->places[position];

  move_by (self, position, button == place->up ? -1 : 1, button);
}

/* Drag and drop: a row is dragged onto another's place. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 PnOrderList   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (self->locked)
    return NULL;
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, row);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               PnOrderList   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static int
position_of_row (PnOrderList *self,
                 GtkWidget   *row)
{
  for (guint i = 0; i < self->n; i++)
    if (self->places[i].row == row)
      return (int) i;
  return -1;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PnOrderList   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  int from, to;

  if (self->locked || !G_VALUE_HOLDS (value, GTK_TYPE_LIST_BOX_ROW))
    return FALSE;
  from = position_of_row (self, g_value_get_object (value));
  to = position_of_row (self, row);
  if (from < 0 || to < 0)
    return FALSE;

  pn_order_list_move (self, (guint) from, (guint) to);
  gtk_widget_grab_focus (self->places[to].row);
  return TRUE;
}

/* Building */

static GtkWidget *
move_button (PnOrderList *self,
             const char  *icon,
             const char  *name,
             guint        position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "pn-position", GUINT_TO_POINTER (position));
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);

  return button;
}

static void
build_place (PnOrderList *self,
             guint        position)
{
  Place *place = &self->places[position];
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);

  place->row = gtk_list_box_row_new ();
  place->handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  place->number = gtk_label_new (NULL);
  place->text = pn_question_label_new (self->pack, NULL);
  place->mark = pn_question_mark_new ();
  /* Translators: the buttons moving a step of an ordering question (Alt+Up / Alt+Down) */
  place->up = move_button (self, "go-up-symbolic", _("Move Up"), position);
  place->down = move_button (self, "go-down-symbolic", _("Move Down"), position);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (place->row), FALSE);
  gtk_widget_add_css_class (place->handle, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (place->handle), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_add_css_class (place->number, "numeric");
  gtk_widget_add_css_class (place->number, "heading");
  gtk_label_set_width_chars (GTK_LABEL (place->number), 2);
  gtk_widget_set_valign (middle, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (middle, TRUE);
  gtk_widget_set_halign (place->mark, GTK_ALIGN_START);
  gtk_widget_set_margin_top (line, 6);
  gtk_widget_set_margin_bottom (line, 6);
  gtk_widget_set_margin_start (line, 8);
  gtk_widget_set_margin_end (line, 6);

  gtk_box_append (GTK_BOX (middle), place->text);
  gtk_box_append (GTK_BOX (middle), place->mark);
  gtk_box_append (GTK_BOX (line), place->handle);
  gtk_box_append (GTK_BOX (line), place->number);
  gtk_box_append (GTK_BOX (line), middle);
  gtk_box_append (GTK_BOX (line), place->up);
  gtk_box_append (GTK_BOX (line), place->down);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (place->row), line);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (place->row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (place->row, GTK_EVENT_CONTROLLER (target));

  gtk_list_box_append (GTK_LIST_BOX (self->list), place->row);
}

GtkWidget *
pn_order_list_new (PnPack               *pack,
                   const PnQuizQuestion *question,
                   GRand                *rand)
{
  PnOrderList *self = g_object_new (PN_TYPE_ORDER_LIST, NULL);

  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  self->question = question;
  self->n = g_strv_length (question->steps);
  self->order = pn_question_shuffle (rand, self->n, TRUE);
  self->places = g_new0 (Place, self->n + 1);

  self->help = gtk_label_new (_("Put the steps in order: drag them, or use the arrows (Alt+Up, Alt+Down)."));
  gtk_label_set_wrap (GTK_LABEL (self->help), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->help), 0);
  gtk_widget_add_css_class (self->help, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->help);
  gtk_box_append (GTK_BOX (self->box), self->list);
  gtk_box_append (GTK_BOX (self->box), self->answer);
  for (guint i = 0; i < self->n; i++)
    build_place (self, i);
  refresh (self);

  return GTK_WIDGET (self);
}

/* Responses and grades */

void
pn_order_list_get_order (PnOrderList *self,
                         GArray      *indices)
{
  g_return_if_fail (PN_IS_ORDER_LIST (self));

  for (guint i = 0; i < self->n; i++)
    {
      int index = (int) step_at (self, i);

      g_array_append_val (indices, index);
    }
}

void
pn_order_list_set_order (PnOrderList  *self,
                         const GArray *indices)
{
  g_autofree gboolean *seen = NULL;

  g_return_if_fail (PN_IS_ORDER_LIST (self));

  if (indices == NULL || indices->len != self->n)
    return;
  seen = g_new0 (gboolean, self->n + 1);
  for (guint i = 0; i < self->n; i++)
    {
      int index = g_array_index (indices, int, i);

      if (index < 0 || (guint) index >= self->n || seen[index])
        return;
      seen[index] = TRUE;
    }

  for (guint i = 0; i < self->n; i++)
    g_array_index (self->order, guint, i) = (guint) g_array_index (indices, int, i);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Below the list: the steps in the right order. */
static void
show_right_order (PnOrderList *self)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *heading = g_markup_escape_text (_("The right order:"), -1);

  g_string_append_printf (markup, "<b>%s</b>", heading);
  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *plain = pn_question_plain_text (self->pack, self->question->steps[i]);
      g_autofree char *escaped = g_markup_escape_text (plain, -1);

      g_string_append_printf (markup, "\n%u. %s", i + 1, escaped);
    }
  gtk_label_set_markup (GTK_LABEL (self->answer), markup->str);
  gtk_widget_set_visible (self->answer, TRUE);
  g_string_free (markup, TRUE);
}

void
pn_order_list_set_grade (PnOrderList *self,
                         GArray      *parts)
{
  gboolean all_right = TRUE;

  g_return_if_fail (PN_IS_ORDER_LIST (self));

  self->locked = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.move-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.move-down", FALSE);
  gtk_widget_set_visible (self->help, FALSE);
  refresh (self);

  for (guint i = 0; parts != NULL && i < self->n && i < parts->len; i++)
    {
      gboolean right = g_array_index (parts, gboolean, i);
      g_autofree char *words = NULL;

      if (!right)
        {
          /* Where this step belongs (the first place of its text). */
          guint belongs = step_at (self, i);

          for (guint j = 0; j < self->n; j++)
            if (g_str_equal (self->question->steps[j], self->question->steps[belongs]))
              {
                belongs = j;
                break;
              }
          /* Translators: a step of an ordering question in the wrong place */
          words = g_strdup_printf (_("Incorrect: this is step %u"), belongs + 1);
        }
      pn_question_mark_set (self->places[i].mark, right, words, self->places[i].row);
      all_right &= right;
    }

  if (parts != NULL && !all_right)
    show_right_order (self);
}

static void
pn_order_list_dispose (GObject *object)
{
  PnOrderList *self = PN_ORDER_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->places, g_free);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pn_order_list_parent_class)->dispose (object);
}

static void
pn_order_list_class_init (PnOrderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_order_list_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "order.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "order.move-down", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "order.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "order.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "order.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "order.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pn-order-list");
}

static void
pn_order_list_init (PnOrderList *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->list = gtk_list_box_new ();
  self->answer = gtk_label_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_label_set_wrap (GTK_LABEL (self->answer), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->answer), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->answer), 0);
  gtk_widget_set_visible (self->answer, FALSE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
