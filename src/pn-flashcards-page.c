/* pn-flashcards-page.c: the study page: the pack's glossary as flashcards, scheduled by FSRS
 *
 * Three screens: the start (what is due), the session (one card at a time:
 * the front, Space shows the back, 1–4 grade it) and the end (what was
 * learnt, when the next cards are due). The day's queue is the deck's
 * (pn-flashcard-deck.h); every grade is in the student store at once.
 * This file: the page, its deck, the start and end screens, the day's
 * wake-ups; the session's screen is in pn-flashcards-page-session.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-flashcards-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pn-flashcard-deck.h"
#include "pn-flashcards-page-private.h"
#include "pn-flashcards-text.h"
#include "pn-fsrs.h"

G_DEFINE_FINAL_TYPE (PnFlashcardsPage, pn_flashcards_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void pn_flashcards_page_show_start (PnFlashcardsPage *self);

gint64
_pn_flashcards_page_now (PnFlashcardsPage *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The keyboard focus is in the page: it may be moved within it (never
 * taken from the sidebar or the header bar). */
gboolean
_pn_flashcards_page_has_focus (PnFlashcardsPage *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* Moves the focus to @widget before whatever held it is hidden, so that it is never lost. */
void
_pn_flashcards_page_move_focus (PnFlashcardsPage *self,
                               GtkWidget        *widget,
                               gboolean          had_focus)
{
  if (had_focus)
    gtk_widget_grab_focus (widget);
}

void
_pn_flashcards_page_set_n_due (PnFlashcardsPage *self,
                              guint             n_due)
{
  if (self->n_due == n_due)
    return;

  self->n_due = n_due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
}

/* The deck */

static gboolean wake_cb (gpointer user_data);

/* When the next card is due after what the deck holds now (0: never). */
static gint64
pn_flashcards_page_get_next_due (PnFlashcardsPage *self)
{
  PnFlashcardSummary summary;

  if (self->deck == NULL)
    return 0;

  pn_flashcard_deck_get_summary (self->deck, &summary);
  return summary.next_due;
}

/* Wakes at the next local midnight, or sooner when a card of today comes due
 * (and within the hour). */
static void
pn_flashcards_page_schedule_wake (PnFlashcardsPage *self,
                                  gint64            now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) tomorrow = NULL;
  gint64 wake, next_due;

  g_clear_handle_id (&self->wake_source, g_source_remove);
  if (self->deck == NULL || local == NULL)
    return;

  tomorrow = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                    g_date_time_get_day_of_month (local), 0, 0, 0);
  {
    GDateTime *next = g_date_time_add_days (tomorrow, 1);

    g_date_time_unref (tomorrow);
    tomorrow = next;
  }
  wake = g_date_time_to_unix (tomorrow);
  next_due = pn_flashcards_page_get_next_due (self);
  if (next_due > now && next_due < wake)
    wake = next_due;

  /* At least every hour: the timer's clock stops while the computer sleeps,
   * and the day may have changed on waking. */
  self->wake_source = g_timeout_add_seconds ((guint) CLAMP (wake - now + 1, 1, 3600),
                                             wake_cb, self);
}

static void
pn_flashcards_page_update_start (PnFlashcardsPage *self,
                                 gint64            now)
{
  guint n_review = self->n_review;
  guint n_new = self->n_due - MIN (self->n_due, self->n_review);
  gint64 next_due = pn_flashcards_page_get_next_due (self);
  g_autofree char *due = NULL;
  g_autofree char *news = NULL;
  g_autofree char *counts = NULL;

  /* Translators: on the flashcards start screen: cards seen before, due today */
  due = g_strdup_printf (ngettext ("%u card to review", "%u cards to review", n_review), n_review);
  /* Translators: on the flashcards start screen */
  news = g_strdup_printf (ngettext ("%u new card today", "%u new cards today", n_new), n_new);
  /* Translators: the two counts of the flashcards start screen, one per line */
  counts = g_strdup_printf (_("%s\n%s"), due, news);
  gtk_label_set_label (self->start_counts_label, counts);

  if (n_review + n_new > 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->start_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->start_next_label), FALSE);
    }
  else
    {
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;

      if (next_due > 0)
        {
          when = pn_flashcards_format_due (next_due, now);
          /* Translators: %s is when, e.g. "tomorrow at 09:00" */
          text = g_strdup_printf (_("Nothing to review: next cards due %s"), when);
        }
      else
        {
          text = g_strdup (_("Nothing to review"));
        }
      gtk_label_set_label (self->start_next_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->start_next_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->start_button), FALSE);
    }
}

/* A new deck for now, with the settings as they are. */
void
_pn_flashcards_page_load (PnFlashcardsPage *self)
{
  gint64 now = _pn_flashcards_page_now (self);
  int per_day = PN_FLASHCARD_DECK_DEFAULT_NEW_PER_DAY;

  g_clear_object (&self->deck);
  g_clear_handle_id (&self->wake_source, g_source_remove);
  self->n_review = 0;

  if (self->store != NULL && self->pack != NULL && pn_flashcards_page_has_cards (self))
    {
      PnFsrsParams params;

      pn_fsrs_params_init (&params);
      if (self->settings != NULL)
        params.desired_retention = g_settings_get_double (self->settings, "desired-retention");
      if (self->settings != NULL)
        per_day = g_settings_get_int (self->settings, "new-cards-per-day");
      self->deck = pn_flashcard_deck_new (self->store, self->pack, &params, now);
      pn_flashcard_deck_set_new_per_day (self->deck, (guint) MAX (per_day, 0));
      self->n_review = pn_flashcard_deck_count_due (self->deck) - pn_flashcard_deck_count_new (self->deck);
    }

  _pn_flashcards_page_set_n_due (self, self->deck ? pn_flashcard_deck_count_due (self->deck) : 0);
  pn_flashcards_page_update_start (self, now);
  pn_flashcards_page_schedule_wake (self, now);
}

static gboolean
wake_cb (gpointer user_data)
{
  PnFlashcardsPage *self = user_data;

  self->wake_source = 0;
  /* A session under way keeps its deck: the count follows its grades. The
   * start screen is shown again (its button may come or go, the focus with
   * it); the end screen stays, with the count brought up to date. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    pn_flashcards_page_show_start (self);
  else if (!self->in_session)
    _pn_flashcards_page_load (self);

  return G_SOURCE_REMOVE;
}

/* Screens */

/* @had_focus: whether the focus was in the page before anything changed. */
void
_pn_flashcards_page_set_screen (PnFlashcardsPage *self,
                               const char       *name,
                               GtkWidget        *focus,
                               gboolean          had_focus)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  _pn_flashcards_page_move_focus (self, focus, had_focus);
}

void
_pn_flashcards_page_update_actions (PnFlashcardsPage *self)
{
  gboolean can_start = !self->in_session && self->n_due > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.start", can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.reveal",
                                 self->in_session && self->has_card && !self->revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.grade",
                                 self->in_session && self->has_card && self->revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.back", !self->in_session);
  /* While the cards left wait for their step. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flashcards.finish", self->in_session && !self->has_card);
}

static void
pn_flashcards_page_show_start (PnFlashcardsPage *self)
{
  gboolean had_focus = _pn_flashcards_page_has_focus (self);

  self->in_session = FALSE;
  self->has_card = FALSE;
  _pn_flashcards_page_load (self);
  _pn_flashcards_page_update_actions (self);
  _pn_flashcards_page_set_screen (self, "start",
                                 gtk_widget_get_visible (GTK_WIDGET (self->start_button))
                                   ? GTK_WIDGET (self->start_button)
                                   : GTK_WIDGET (self->start_next_label),
                                 had_focus);
}

void
_pn_flashcards_page_show_end (PnFlashcardsPage *self)
{
  gint64 now = _pn_flashcards_page_now (self);
  gboolean had_focus = _pn_flashcards_page_has_focus (self);
  PnFlashcardSummary summary;
  gint64 next_due;
  g_autofree char *summary_text = NULL;
  g_autofree char *grades = NULL;
  g_autofree char *next = NULL;
  g_autofree char *description = NULL;

  self->in_session = FALSE;
  self->has_card = FALSE;
  pn_flashcard_deck_get_summary (self->deck, &summary);
  next_due = summary.next_due;

  summary_text = pn_flashcards_format_summary (summary.reviewed, summary.new_learnt);
  gtk_label_set_label (self->end_summary_label, summary_text);
  grades = pn_flashcards_format_grades (summary.by_rating);
  gtk_label_set_label (self->end_grades_label, grades);

  if (next_due > 0)
    {
      g_autofree char *when = pn_flashcards_format_due (next_due, now);

      /* Translators: %s is when, e.g. "tomorrow at 09:00" */
      next = g_strdup_printf (_("Next cards due %s"), when);
    }
  else
    {
      next = g_strdup (_("No cards are due again"));
    }
  gtk_label_set_label (self->end_next_label, next);

  _pn_flashcards_page_set_n_due (self, pn_flashcard_deck_count_due (self->deck));
  _pn_flashcards_page_update_actions (self);
  _pn_flashcards_page_set_screen (self, "end", GTK_WIDGET (self->end_button), had_focus);
  /* A screen reader hears the summary with the button the focus lands on. */
  description = g_strconcat (summary_text, "\n", grades, "\n", next, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  pn_flashcards_page_schedule_wake (self, now);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  pn_flashcards_page_show_start (PN_FLASHCARDS_PAGE (widget));
}

/* GObject */

static void
pn_flashcards_page_dispose (GObject *object)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (object);

  g_clear_handle_id (&self->wake_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_FLASHCARDS_PAGE);
  g_clear_object (&self->deck);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pn_flashcards_page_parent_class)->dispose (object);
}

static void
pn_flashcards_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_flashcards_page_class_init (PnFlashcardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* The grades' buttons and interval labels in the template, by PnFsrsRating - 1. */
  static const char * const grade_ids[N_GRADES][2] = {
    { "again_button", "again_label" }, { "hard_button", "hard_label" },
    { "good_button", "good_label" }, { "easy_button", "easy_label" },
  };

  object_class->dispose = pn_flashcards_page_dispose;
  object_class->get_property = pn_flashcards_page_get_property;

  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-flashcards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, start_status);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, start_counts_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, start_next_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, card_box);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, front_kind_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, front_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, back_kind_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, back_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, wait_box);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, wait_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, grade_box);
  for (guint i = 0; i < N_GRADES; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, grade_ids[i][0], FALSE,
                                                 G_STRUCT_OFFSET (PnFlashcardsPage, grade_buttons) +
                                                 i * sizeof (GtkButton *));
      gtk_widget_class_bind_template_child_full (widget_class, grade_ids[i][1], FALSE,
                                                 G_STRUCT_OFFSET (PnFlashcardsPage, grade_labels) +
                                                 i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, end_summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, end_grades_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, end_next_label);
  gtk_widget_class_bind_template_child (widget_class, PnFlashcardsPage, end_button);

  gtk_widget_class_install_action (widget_class, "flashcards.back", NULL, back_action);
  _pn_flashcards_page_class_session_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "pn-flashcards-page");
}

static void
pn_flashcards_page_init (PnFlashcardsPage *self)
{
  static const char *grade_tips[N_GRADES] = {
    /* Translators: tooltips of the grade buttons, with their key */
    N_("Forgotten (1)"), N_("Recalled with effort (2)"), N_("Recalled (3)"), N_("Recalled at once (4)"),
  };
  static const char *grade_keys[N_GRADES] = { "1", "2", "3", "4" };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_GRADES; i++)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_buttons[i]), _(grade_tips[i]));
      /* Named by the grade; the interval joins the name once the answer is shown. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pn_flashcards_grade_name ((PnFsrsRating) (i + 1)),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, grade_keys[i],
                                      -1);
    }
  _pn_flashcards_page_update_actions (self);
}

GtkWidget *
pn_flashcards_page_new (void)
{
  return g_object_new (PN_TYPE_FLASHCARDS_PAGE, NULL);
}

static void
settings_changed_cb (PnFlashcardsPage *self)
{
  pn_flashcards_page_refresh (self);
}

void
pn_flashcards_page_set_store (PnFlashcardsPage *self,
                              PnStore          *store,
                              GSettings        *settings)
{
  g_return_if_fail (PN_IS_FLASHCARDS_PAGE (self));
  g_return_if_fail (store == NULL || PN_IS_STORE (store));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->store == store && self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  g_set_object (&self->store, store);
  g_set_object (&self->settings, settings);
  /* The daily limit and the retention apply at once outside a session, at the next one else. */
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::new-cards-per-day",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::desired-retention",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (!self->in_session)
    pn_flashcards_page_show_start (self);
}

void
pn_flashcards_page_set_pack (PnFlashcardsPage *self,
                             PnPack           *pack)
{
  g_return_if_fail (PN_IS_FLASHCARDS_PAGE (self));
  g_return_if_fail (pack == NULL || PN_IS_PACK (pack));

  if (self->pack == pack)
    return;

  g_set_object (&self->pack, pack);
  pn_flashcards_page_show_start (self);
}

gboolean
pn_flashcards_page_has_cards (PnFlashcardsPage *self)
{
  PnGlossary *glossary;
  GPtrArray *entries;

  g_return_val_if_fail (PN_IS_FLASHCARDS_PAGE (self), FALSE);

  glossary = self->pack ? pn_pack_get_glossary (self->pack) : NULL;
  if (glossary == NULL)
    return FALSE;

  entries = pn_glossary_get_entries (glossary);
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->definition != NULL && entry->definition[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

guint
pn_flashcards_page_get_n_due (PnFlashcardsPage *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARDS_PAGE (self), 0);

  return self->n_due;
}

void
pn_flashcards_page_refresh (PnFlashcardsPage *self)
{
  g_return_if_fail (PN_IS_FLASHCARDS_PAGE (self));

  /* A session waiting for a card graded Again looks again; a card shown,
   * or the end screen, stays as it is. */
  if (self->in_session)
    {
      if (!self->has_card)
        {
          _pn_flashcards_page_wait_over (self);
        }
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    {
      pn_flashcards_page_show_start (self);
    }
}

const char *
pn_flashcards_page_get_screen (PnFlashcardsPage *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARDS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
pn_flashcards_page_set_clock (PnFlashcardsPage  *self,
                              PnFlashcardsClock  clock,
                              gpointer           user_data)
{
  g_return_if_fail (PN_IS_FLASHCARDS_PAGE (self));

  self->clock = clock;
  self->clock_data = user_data;
}
