/* pn-cloze-view.c: the passage of a cloze question, with its gaps to fill
 *
 * The text is rendered once, each {{N}} first turned into a private-use
 * character (U+E000 + N) that the Markdown passes leave alone; the plain
 * text and its Pango attributes are then cut into words, a label each with
 * its own slice of the attributes (italics survive), and a gap widget where
 * each private-use character stands. Punctuation written against a gap
 * stays against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-cloze-view.h"
#include "pn-flow-layout.h"
#include "pn-question-parts.h"

#define GAP_MARK_BASE 0xE000
#define MAX_GAPS 0xFF

typedef struct {
  const PnQuizGap *gap;
  GtkWidget *holder;       /* the box in the flow: text glued before, the widget, text after, the mark */
  GtkWidget *widget;       /* GtkEntry or GtkDropDown */
  GtkWidget *mark;
  GArray *order;           /* choice gaps: the answer shown at each position, less one */
} Gap;

struct _PnClozeView
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *flow;
  GtkWidget *accepted;     /* after the grade: the accepted answers of the wrong gaps */
  PnPack *pack;
  const PnQuizQuestion *question;
  Gap *gaps;
  guint n_gaps;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (PnClozeView, pn_cloze_view, GTK_TYPE_WIDGET)

enum { CHANGED, ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The question's text with each {{N}} of a gap of the question as U+E000 + N
 * (a gap's second mention stays as written). */
static char *
mark_gaps (const char *text,
           guint       n_gaps)
{
  GString *marked = g_string_new (NULL);
  g_autofree gboolean *seen = g_new0 (gboolean, n_gaps + 1);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *end = NULL;
      guint64 number = 0;

      if (p[0] == '{' && p[1] == '{' && g_ascii_isdigit (p[2]))
        {
          number = g_ascii_strtoull (p + 2, (char **) &end, 10);
          if (end == NULL || end[0] != '}' || end[1] != '}' || number < 1 || number > n_gaps || seen[number])
            end = NULL;
        }
      if (end != NULL)
        {
          seen[number] = TRUE;
          g_string_append_unichar (marked, GAP_MARK_BASE + (gunichar) number);
          p = end + 2;
        }
      else
        g_string_append_c (marked, *p++);
    }

  /* Gaps the text forgot go at its end, so that all can be answered. */
  for (guint i = 1; i <= n_gaps; i++)
    if (!seen[i])
      {
        g_string_append_c (marked, ' ');
        g_string_append_unichar (marked, GAP_MARK_BASE + i);
      }

  return g_string_free (marked, FALSE);
}

static int
gap_number (gunichar c)
{
  return c > GAP_MARK_BASE && c <= GAP_MARK_BASE + MAX_GAPS ? (int) (c - GAP_MARK_BASE) : 0;
}

static gboolean
is_break (gunichar c)
{
  /* No-break spaces (French « ; : ! ? ») keep their word whole. */
  return g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x2007;
}

/* A label showing text[start, end) with its slice of @attrs. */
static GtkWidget *
word_label (const char    *text,
            int            start,
            int            end,
            PangoAttrList *attrs)
{
  g_autofree char *word = g_strndup (text + start, end - start);
  GtkWidget *label = gtk_label_new (word);
  PangoAttrList *slice = pango_attr_list_new ();
  GSList *all = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = all; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if ((int) attr->end_index > start && (int) attr->start_index < end)
        {
          PangoAttribute *copy = pango_attribute_copy (attr);

          copy->start_index = (guint) (MAX ((int) attr->start_index, start) - start);
          copy->end_index = (guint) (MIN ((int) attr->end_index, end) - start);
          pango_attr_list_insert (slice, copy);
        }
    }
  g_slist_free_full (all, (GDestroyNotify) pango_attribute_destroy);
  gtk_label_set_attributes (GTK_LABEL (label), slice);
  pango_attr_list_unref (slice);

  return label;
}

/* Signals of the gaps */

static void
gap_changed_cb (PnClozeView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
gap_activate_cb (PnClozeView *self)
{
  if (!self->locked)
    g_signal_emit (self, signals[ACTIVATE], 0);
}

/* Building */

static void
build_gap_widget (PnClozeView *self,
                  Gap         *gap,
                  guint        number,
                  GRand       *rand,
                  const char  *described)
{
  /* Translators: the name of a gap of a cloze question for screen readers */
  g_autofree char *name = g_strdup_printf (_("Gap %u of %u"), number, self->n_gaps);

  if (gap->gap->kind == PN_QUIZ_GAP_CHOICE)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

      gap->order = pn_question_shuffle (rand, gap->gap->answers->len, FALSE);
      for (guint i = 0; i < gap->order->len; i++)
        {
          const PnQuizAnswer *answer = g_ptr_array_index (gap->gap->answers, g_array_index (gap->order, guint, i));

          g_ptr_array_add (shown, pn_question_plain_text (self->pack, answer->text));
        }
      g_ptr_array_add (shown, NULL);
      gap->widget = pn_question_drop_down_new ((const char * const *) shown->pdata);
      g_signal_connect_swapped (gap->widget, "notify::selected", G_CALLBACK (gap_changed_cb), self);
    }
  else
    {
      gap->widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (gap->widget), 8);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (gap->widget), 14);
      g_signal_connect_swapped (gap->widget, "changed", G_CALLBACK (gap_changed_cb), self);
      g_signal_connect_swapped (gap->widget, "activate", G_CALLBACK (gap_activate_cb), self);
    }

  gtk_widget_set_valign (gap->widget, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gap->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described,
                                  -1);
}

/* The passage as a screen reader is told it: each gap as « ___ (N) ». */
static char *
described_text (const char *text)
{
  GString *said = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int number = gap_number (g_utf8_get_char (p));

      if (number > 0)
        g_string_append_printf (said, "___ (%d)", number);
      else
        g_string_append_unichar (said, g_utf8_get_char (p));
    }
  return g_string_free (said, FALSE);
}

/* Fills the flow with the words of @text and the gaps. */
static void
build_flow (PnClozeView   *self,
            const char    *text,
            PangoAttrList *attrs,
            GRand         *rand)
{
  g_autofree char *described = described_text (text);
  GtkWidget *glue = NULL;       /* the gap holder the next word sticks to */
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      int number = gap_number (c);

      if (is_break (c))
        {
          glue = NULL;
          p = g_utf8_next_char (p);
        }
      else if (number > 0)
        {
          Gap *gap = &self->gaps[number - 1];

          gap->holder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
          build_gap_widget (self, gap, (guint) number, rand, described);
          gap->mark = pn_question_mark_new ();
          /* A word written against the gap, before it, joins it. */
          if (glue != NULL && !GTK_IS_BOX (glue))
            {
              g_object_ref (glue);
              gtk_box_remove (GTK_BOX (self->flow), glue);
              gtk_box_append (GTK_BOX (gap->holder), glue);
              g_object_unref (glue);
            }
          gtk_box_append (GTK_BOX (gap->holder), gap->widget);
          gtk_box_append (GTK_BOX (gap->holder), gap->mark);
          gtk_box_append (GTK_BOX (self->flow), gap->holder);
          glue = gap->holder;
          p = g_utf8_next_char (p);
        }
      else
        {
          const char *end = p;
          GtkWidget *label;

          while (*end != '\0' && !is_break (g_utf8_get_char (end)) && gap_number (g_utf8_get_char (end)) == 0)
            end = g_utf8_next_char (end);
          label = word_label (text, (int) (p - text), (int) (end - text), attrs);
          if (glue != NULL)
            {
              /* After a gap: its punctuation, before the mark. */
              gtk_box_insert_child_after (GTK_BOX (glue), label,
                                          gtk_widget_get_prev_sibling (gtk_widget_get_last_child (glue)));
              glue = NULL;
            }
          else
            {
              gtk_box_append (GTK_BOX (self->flow), label);
              glue = label;
            }
          p = end;
        }
    }
}

GtkWidget *
pn_cloze_view_new (PnPack               *pack,
                   const PnQuizQuestion *question,
                   GRand                *rand)
{
  PnClozeView *self = g_object_new (PN_TYPE_CLOZE_VIEW, NULL);
  g_autofree char *marked = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *unlinked = NULL;
  g_autofree char *text = NULL;
  PangoAttrList *attrs = NULL;

  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  self->question = question;
  self->n_gaps = MIN (question->gaps->len, MAX_GAPS);
  self->gaps = g_new0 (Gap, self->n_gaps + 1);
  for (guint i = 0; i < self->n_gaps; i++)
    self->gaps[i].gap = g_ptr_array_index (question->gaps, i);

  marked = mark_gaps (question->text, self->n_gaps);
  markup = pn_question_render (pack, marked);
  unlinked = markup != NULL ? pn_question_strip_links (markup) : NULL;
  if (unlinked == NULL || !pango_parse_markup (unlinked, -1, 0, &attrs, &text, NULL, NULL))
    text = g_strdup (marked);

  /* Every gap must come out of the passes; else the text as written. */
  for (guint i = 0; i < self->n_gaps; i++)
    {
      char needle[8] = { 0 };

      g_unichar_to_utf8 (GAP_MARK_BASE + i + 1, needle);
      if (strstr (text, needle) == NULL)
        {
          g_free (text);
          text = g_strdup (marked);
          g_clear_pointer (&attrs, pango_attr_list_unref);
          break;
        }
    }

  build_flow (self, text, attrs, rand);
  g_clear_pointer (&attrs, pango_attr_list_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text with gaps"), -1);

  return GTK_WIDGET (self);
}

/* Responses */

static const PnQuizAnswer *
chosen_answer (Gap *gap)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (gap->widget));

  if (selected < 1 || selected > gap->order->len)
    return NULL;
  return g_ptr_array_index (gap->gap->answers, g_array_index (gap->order, guint, selected - 1));
}

GStrv
pn_cloze_view_get_gaps (PnClozeView *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv gaps;

  for (guint i = 0; i < self->n_gaps; i++)
    {
      Gap *gap = &self->gaps[i];

      if (gap->order != NULL)
        {
          const PnQuizAnswer *answer = chosen_answer (gap);

          g_strv_builder_add (builder, answer != NULL && answer->text != NULL ? answer->text : "");
        }
      else
        g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (gap->widget)));
    }

  gaps = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return gaps;
}

void
pn_cloze_view_set_gaps (PnClozeView        *self,
                        const char * const *gaps)
{
  guint n = gaps != NULL ? g_strv_length ((char **) gaps) : 0;

  g_return_if_fail (PN_IS_CLOZE_VIEW (self));

  for (guint i = 0; i < self->n_gaps; i++)
    {
      Gap *gap = &self->gaps[i];
      const char *given = i < n ? gaps[i] : "";

      if (gap->order == NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (gap->widget), given);
          continue;
        }
      gtk_drop_down_set_selected (GTK_DROP_DOWN (gap->widget), 0);
      for (guint j = 0; j < gap->order->len; j++)
        {
          const PnQuizAnswer *answer = g_ptr_array_index (gap->gap->answers, g_array_index (gap->order, guint, j));

          if (g_strcmp0 (answer->text, given) == 0)
            {
              gtk_drop_down_set_selected (GTK_DROP_DOWN (gap->widget), j + 1);
              break;
            }
        }
    }
}

gboolean
pn_cloze_view_get_answered (PnClozeView *self)
{
  g_return_val_if_fail (PN_IS_CLOZE_VIEW (self), FALSE);

  for (guint i = 0; i < self->n_gaps; i++)
    {
      Gap *gap = &self->gaps[i];

      if (gap->order != NULL ? chosen_answer (gap) != NULL
                             : gtk_editable_get_text (GTK_EDITABLE (gap->widget))[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Grades */

/* The best answer of @gap, as plain text. */
static char *
best_answer (PnClozeView *self,
             Gap         *gap)
{
  const PnQuizAnswer *best = NULL;

  for (guint i = 0; i < gap->gap->answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (gap->gap->answers, i);

      if (answer->text != NULL && (best == NULL || answer->weight > best->weight))
        best = answer;
    }
  if (best == NULL || best->weight <= 0)
    return NULL;
  return gap->order != NULL ? pn_question_plain_text (self->pack, best->text) : g_strdup (best->text);
}

void
pn_cloze_view_set_grade (PnClozeView *self,
                         GArray      *parts)
{
  GString *accepted = g_string_new (NULL);

  g_return_if_fail (PN_IS_CLOZE_VIEW (self));

  self->locked = TRUE;
  for (guint i = 0; i < self->n_gaps; i++)
    {
      Gap *gap = &self->gaps[i];
      gboolean right = parts != NULL && i < parts->len && g_array_index (parts, gboolean, i);

      if (gap->order != NULL)
        gtk_widget_set_sensitive (gap->widget, FALSE);
      else
        gtk_editable_set_editable (GTK_EDITABLE (gap->widget), FALSE);
      if (parts == NULL)
        continue;
      pn_question_mark_set (gap->mark, right, NULL, gap->widget);
      if (!right)
        {
          g_autofree char *best = best_answer (self, gap);

          if (best != NULL)
            {
              /* Translators: after a cloze question, the accepted answer of a gap wrongly filled */
              g_autofree char *line = g_strdup_printf (_("Gap %u: %s"), i + 1, best);

              g_string_append_printf (accepted, "\n%s", line);
            }
        }
    }

  if (accepted->len > 0)
    {
      g_autofree char *heading = g_markup_escape_text (_("Accepted answers:"), -1);
      g_autofree char *lines = g_markup_escape_text (accepted->str, -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>%s", heading, lines);

      gtk_label_set_markup (GTK_LABEL (self->accepted), markup);
      gtk_widget_set_visible (self->accepted, TRUE);
    }
  g_string_free (accepted, TRUE);
}

static void
pn_cloze_view_dispose (GObject *object)
{
  PnClozeView *self = PN_CLOZE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  for (guint i = 0; self->gaps != NULL && i < self->n_gaps; i++)
    g_clear_pointer (&self->gaps[i].order, g_array_unref);
  g_clear_pointer (&self->gaps, g_free);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pn_cloze_view_parent_class)->dispose (object);
}

static void
pn_cloze_view_class_init (PnClozeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_cloze_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pn-cloze-view");
}

static void
pn_cloze_view_init (PnClozeView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->flow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->accepted = gtk_label_new (NULL);

  /* Words and gaps flow like a line of text. */
  gtk_widget_set_layout_manager (self->flow, pn_flow_layout_new (4, 6));
  gtk_label_set_wrap (GTK_LABEL (self->accepted), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->accepted), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->accepted), 0);
  gtk_widget_set_visible (self->accepted, FALSE);

  gtk_box_append (GTK_BOX (self->box), self->flow);
  gtk_box_append (GTK_BOX (self->box), self->accepted);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
