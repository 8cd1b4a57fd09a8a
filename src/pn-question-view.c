/* pn-question-view.c: one question of a quiz, as the student answers it
 *
 * The choices (single, multiple, true/false), the entries (short, numerical)
 * and the text view (open) are made here; ordering, matching and cloze have
 * their own widgets (pn-order-list.c, pn-match-list.c, pn-cloze-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-question-view-private.h"
#include "pn-question-parts.h"
#include "pn-cloze-view.h"
#include "pn-match-list.h"
#include "pn-order-list.h"


G_DEFINE_FINAL_TYPE (PnQuestionView, pn_question_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ANSWERED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ACTIVATE_CHECK, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the student gave */

static char *
entry_text (PnQuestionView *self)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static char *
text_view_text (PnQuestionView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
_pn_question_view_is_active (PnQuestionView *self,
           guint           position)
{
  return gtk_check_button_get_active (g_ptr_array_index (self->buttons, position));
}

static gboolean
compute_answered (PnQuestionView *self)
{
  g_autofree char *text = NULL;
  double value;

  switch (self->question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
    case PN_QUESTION_TRUE_FALSE:
      for (guint i = 0; i < self->buttons->len; i++)
        if (_pn_question_view_is_active (self, i))
          return TRUE;
      return FALSE;
    case PN_QUESTION_SHORT:
      text = entry_text (self);
      return g_strstrip (text)[0] != '\0';
    case PN_QUESTION_NUMERICAL:
      text = entry_text (self);
      return pn_quiz_parse_number (text, &value);
    case PN_QUESTION_MATCHING:
      return pn_match_list_get_answered (PN_MATCH_LIST (self->parts));
    case PN_QUESTION_CLOZE:
      return pn_cloze_view_get_answered (PN_CLOZE_VIEW (self->parts));
    case PN_QUESTION_ORDERING:
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      return TRUE;
    }
}

static void
update_answered (PnQuestionView *self)
{
  gboolean answered = compute_answered (self);

  if (self->question->type == PN_QUESTION_NUMERICAL)
    {
      g_autofree char *text = entry_text (self);
      gboolean typed = g_strstrip (text)[0] != '\0';

      gtk_widget_set_visible (self->number_warning, typed && !answered);
      if (typed && !answered)
        gtk_widget_add_css_class (self->entry, "warning");
      else
        gtk_widget_remove_css_class (self->entry, "warning");
    }

  if (answered == self->answered)
    return;
  self->answered = answered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
}

static void
changed_cb (PnQuestionView *self)
{
  update_answered (self);
}

static void
entry_activate_cb (PnQuestionView *self)
{
  if (!self->locked)
    g_signal_emit (self, signals[ACTIVATE_CHECK], 0);
}

/* Building the controls */

static void
label_by_question (PnQuestionView *self,
                   GtkWidget      *widget)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->text_label, NULL,
                                  -1);
}

/* One check button per choice, in a card (a box, not a GtkListBox, whose own
 * arrow keys would not reach the buttons); @texts in shown order, Markdown
 * (or plain text when @pack is NULL). Grouped as radios when @radio. */
static void
add_choices (PnQuestionView *self,
             PnPack         *pack,
             const char    **texts,
             guint           n,
             gboolean        radio)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "accessible-role", radio ? GTK_ACCESSIBLE_ROLE_RADIO_GROUP
                                                           : GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
  GtkCheckButton *group = NULL;

  gtk_widget_add_css_class (list, "card");
  gtk_widget_add_css_class (list, "pn-question-choices");
  /* Read as one group under the question. */
  label_by_question (self, list);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = pn_question_label_new (pack, texts[i]);
      GtkWidget *mark = pn_question_mark_new ();
      g_autofree char *plain = pn_question_plain_text (pack, texts[i]);

      /* The mark goes under the choice's text, where a narrow window has
       * room for it, outside the button so that locking it does not dim it. */
      if (i > 0)
        gtk_box_append (GTK_BOX (list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_widget_set_margin_top (content, 6);
      gtk_widget_set_margin_bottom (content, 6);
      gtk_widget_set_margin_start (content, 8);
      gtk_widget_set_margin_end (content, 12);
      gtk_widget_set_halign (mark, GTK_ALIGN_START);
      gtk_widget_set_margin_start (mark, 32);
      gtk_widget_set_margin_bottom (mark, 4);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      if (radio && group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      if (radio && group == NULL)
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed_cb), self);

      gtk_box_append (GTK_BOX (content), check);
      gtk_box_append (GTK_BOX (content), mark);
      gtk_box_append (GTK_BOX (list), content);
      g_ptr_array_add (self->buttons, check);
      g_ptr_array_add (self->marks, mark);
    }

  gtk_box_append (GTK_BOX (self->answer_box), list);
}

static void
build_choices (PnQuestionView *self)
{
  GPtrArray *answers = self->question->answers;
  g_autofree const char **texts = g_new0 (const char *, answers->len + 1);

  self->order = pn_question_shuffle (self->rand, answers->len, FALSE);
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, g_array_index (self->order, guint, i));

      texts[i] = answer->text;
    }
  add_choices (self, self->pack, texts, answers->len, self->question->type == PN_QUESTION_SINGLE);
}

static void
build_true_false (PnQuestionView *self)
{
  /* Translators: the two answers of a true or false question */
  const char *texts[] = { _("True"), _("False") };

  add_choices (self, NULL, texts, 2, TRUE);
}

static void
build_entry (PnQuestionView *self)
{
  gboolean numerical = self->question->type == PN_QUESTION_NUMERICAL;

  self->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  numerical ? _("Your answer, a number") : _("Your answer"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->text_label, NULL,
                                  -1);
  if (numerical)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("A number, such as 3.5"));
  else
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Your answer"));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_box_append (GTK_BOX (self->answer_box), self->entry);

  if (numerical)
    {
      self->number_warning = gtk_label_new (_("This is not a number: type digits, such as 3.5 or 1200."));
      gtk_label_set_wrap (GTK_LABEL (self->number_warning), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->number_warning), 0);
      gtk_widget_add_css_class (self->number_warning, "dim-label");
      gtk_widget_set_visible (self->number_warning, FALSE);
      gtk_box_append (GTK_BOX (self->answer_box), self->number_warning);
    }

  self->entry_mark = pn_question_mark_new ();
  gtk_widget_set_halign (self->entry_mark, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->answer_box), self->entry_mark);
}

static void
build_open (PnQuestionView *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_widget_set_size_request (self->text_view, -1, 140);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your answer"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->text_label, NULL,
                                  -1);
  gtk_widget_add_css_class (self->text_view, "pn-question-open");
  gtk_frame_set_child (GTK_FRAME (frame), self->text_view);
  gtk_box_append (GTK_BOX (self->answer_box), frame);
}

static void
add_parts (PnQuestionView *self,
           GtkWidget      *parts)
{
  self->parts = parts;
  g_signal_connect_swapped (parts, "changed", G_CALLBACK (changed_cb), self);
  gtk_box_append (GTK_BOX (self->answer_box), parts);
}

static void
build (PnQuestionView *self)
{
  const PnQuizQuestion *question = self->question;
  g_autofree char *plain = NULL;

  if (question->title != NULL && question->title[0] != '\0')
    {
      gtk_label_set_text (self->title_label, question->title);
      gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);
    }
  pn_question_label_set_markdown (self->text_label, self->pack, question->text);
  plain = pn_question_plain_text (self->pack, question->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      build_choices (self);
      break;
    case PN_QUESTION_TRUE_FALSE:
      build_true_false (self);
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      build_entry (self);
      break;
    case PN_QUESTION_OPEN:
      build_open (self);
      break;
    case PN_QUESTION_ORDERING:
      add_parts (self, pn_order_list_new (self->pack, question, self->rand));
      break;
    case PN_QUESTION_MATCHING:
      add_parts (self, pn_match_list_new (self->pack, question, self->rand));
      break;
    case PN_QUESTION_CLOZE:
      /* The passage with its gaps is the question's text. */
      gtk_widget_set_visible (GTK_WIDGET (self->text_label), FALSE);
      add_parts (self, pn_cloze_view_new (self->pack, question, self->rand));
      g_signal_connect_swapped (self->parts, "activate", G_CALLBACK (entry_activate_cb), self);
      break;
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }

  gtk_widget_set_visible (self->answer_box, gtk_widget_get_first_child (self->answer_box) != NULL);
  self->answered = compute_answered (self);
}

/* The position shown of the question's choice @index. */
guint
_pn_question_view_position_of (PnQuestionView *self,
             guint           index)
{
  for (guint i = 0; self->order != NULL && i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == index)
      return i;
  return index;
}

/* Responses */

PnQuizResponse *
pn_question_view_get_response (PnQuestionView *self)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  g_return_val_if_fail (PN_IS_QUESTION_VIEW (self), response);

  switch (self->question->type)
    {
    case PN_QUESTION_SINGLE:
      for (guint i = 0; i < self->buttons->len; i++)
        if (_pn_question_view_is_active (self, i))
          response->choice = (int) g_array_index (self->order, guint, i);
      break;
    case PN_QUESTION_TRUE_FALSE:
      response->choice = _pn_question_view_is_active (self, 0) ? 1 : _pn_question_view_is_active (self, 1) ? 0 : -1;
      break;
    case PN_QUESTION_MULTIPLE:
      /* In the question's order. */
      for (guint index = 0; index < self->question->answers->len; index++)
        if (_pn_question_view_is_active (self, _pn_question_view_position_of (self, index)))
          pn_quiz_response_add_index (response, (int) index);
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      response->text = entry_text (self);
      break;
    case PN_QUESTION_OPEN:
      response->text = text_view_text (self);
      break;
    case PN_QUESTION_ORDERING:
      pn_order_list_get_order (PN_ORDER_LIST (self->parts), response->indices);
      break;
    case PN_QUESTION_MATCHING:
      pn_match_list_get_indices (PN_MATCH_LIST (self->parts), response->indices);
      break;
    case PN_QUESTION_CLOZE:
      response->gaps = pn_cloze_view_get_gaps (PN_CLOZE_VIEW (self->parts));
      break;
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }

  return response;
}

static void
set_active (PnQuestionView *self,
            guint           position,
            gboolean        active)
{
  if (position < self->buttons->len)
    gtk_check_button_set_active (g_ptr_array_index (self->buttons, position), active);
}

void
pn_question_view_set_response (PnQuestionView       *self,
                               const PnQuizResponse *response)
{
  const PnQuizQuestion *question;

  g_return_if_fail (PN_IS_QUESTION_VIEW (self));
  g_return_if_fail (response != NULL);
  question = self->question;

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_TRUE_FALSE:
      for (guint i = 0; i < self->buttons->len; i++)
        set_active (self, i, FALSE);
      if (question->type == PN_QUESTION_TRUE_FALSE && response->choice >= 0)
        set_active (self, response->choice ? 0 : 1, TRUE);
      else if (response->choice >= 0 && (guint) response->choice < question->answers->len)
        set_active (self, _pn_question_view_position_of (self, (guint) response->choice), TRUE);
      break;
    case PN_QUESTION_MULTIPLE:
      for (guint i = 0; i < self->buttons->len; i++)
        set_active (self, i, FALSE);
      for (guint i = 0; response->indices != NULL && i < response->indices->len; i++)
        {
          int index = g_array_index (response->indices, int, i);

          if (index >= 0 && (guint) index < question->answers->len)
            set_active (self, _pn_question_view_position_of (self, (guint) index), TRUE);
        }
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      gtk_editable_set_text (GTK_EDITABLE (self->entry), response->text != NULL ? response->text : "");
      break;
    case PN_QUESTION_OPEN:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                                response->text != NULL ? response->text : "", -1);
      break;
    case PN_QUESTION_ORDERING:
      pn_order_list_set_order (PN_ORDER_LIST (self->parts), response->indices);
      break;
    case PN_QUESTION_MATCHING:
      pn_match_list_set_indices (PN_MATCH_LIST (self->parts), response->indices);
      break;
    case PN_QUESTION_CLOZE:
      pn_cloze_view_set_gaps (PN_CLOZE_VIEW (self->parts), (const char * const *) response->gaps);
      break;
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }

  update_answered (self);
}

/* The rest of the API */

const PnQuizQuestion *
pn_question_view_get_question (PnQuestionView *self)
{
  g_return_val_if_fail (PN_IS_QUESTION_VIEW (self), NULL);
  return self->question;
}

gboolean
pn_question_view_get_answered (PnQuestionView *self)
{
  g_return_val_if_fail (PN_IS_QUESTION_VIEW (self), FALSE);
  return self->answered;
}

void
pn_question_view_show_hint (PnQuestionView *self)
{
  const char *hint;

  g_return_if_fail (PN_IS_QUESTION_VIEW (self));
  hint = self->question->hint;
  if (hint == NULL || hint[0] == '\0')
    return;

  pn_question_label_set_markdown (self->hint_label, self->pack, hint);
  gtk_widget_set_visible (self->hint_box, TRUE);
}

/* The first widget under @widget, in tree order, that takes the keyboard
 * (gtk_widget_child_focus() would move on from a focus already inside). */
static GtkWidget *
first_focusable (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;
  /* A list box hands its focus to a row: the row, then. */
  if (gtk_widget_get_focusable (widget) && !GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_focusable (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
pn_question_view_focus_answer (PnQuestionView *self)
{
  g_return_if_fail (PN_IS_QUESTION_VIEW (self));

  /* A radio group takes the keyboard on its chosen button. */
  for (guint i = 0; self->buttons != NULL && i < self->buttons->len; i++)
    if (_pn_question_view_is_active (self, i) && gtk_widget_grab_focus (g_ptr_array_index (self->buttons, i)))
      return;

  if (self->buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->buttons, 0));
  else if (self->entry != NULL)
    gtk_widget_grab_focus (self->entry);
  else if (self->text_view != NULL)
    gtk_widget_grab_focus (self->text_view);
  else
    {
      GtkWidget *first = first_focusable (self->answer_box);

      if (first != NULL)
        gtk_widget_grab_focus (first);
    }
}

GtkWidget *
pn_question_view_new (PnPack               *pack,
                      const PnQuizQuestion *question,
                      guint32               seed)
{
  PnQuestionView *self;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (PN_TYPE_QUESTION_VIEW, NULL);
  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  self->question = question;
  self->rand = g_rand_new_with_seed (seed);
  build (self);

  return GTK_WIDGET (self);
}

static void
pn_question_view_dispose (GObject *object)
{
  PnQuestionView *self = PN_QUESTION_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_QUESTION_VIEW);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pn_question_view_parent_class)->dispose (object);
}

static void
pn_question_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnQuestionView *self = PN_QUESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      g_value_set_boolean (value, self->answered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_question_view_class_init (PnQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_question_view_dispose;
  object_class->get_property = pn_question_view_get_property;

  properties[PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_CHECK] =
    g_signal_new ("activate-check", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-question-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, text_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, hint_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, result_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuestionView, explanation_label);
  gtk_widget_class_set_css_name (widget_class, "pn-question-view");
}

static void
pn_question_view_init (PnQuestionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();
  self->marks = g_ptr_array_new ();
}
