/* test-flashcards.c: the Flashcards page in a real window (run under Xvfb): a
 * session from the keyboard only (Space, then 1–4), the count of the sidebar
 * row going down, the next due date kept across a restart, the desired
 * retention of the preferences reaching the grade buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-flashcards-page.h"
#include "pn-flashcards-text.h"
#include "pn-preferences-window.h"
#include "pn-sidebar-row.h"
#include "pn-store-cards.h"
#include "pn-store-private.h"
#include "window-test.h"

#define PACK_ID "test-cards"
#define RO_PACK_ID "test-cards-ro"

/* Three entries make cards; the fourth has no definition and makes none. */
static const char pack_json[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"" PACK_ID "\",\n"
  "  \"version\": \"1.0.0\",\n"
  "  \"title\": \"Des fiches\",\n"
  "  \"language\": \"fr\",\n"
  "  \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
  "  \"license\": \"CC-BY-SA-4.0\",\n"
  "  \"description\": \"Trois fiches et une entrée sans définition.\",\n"
  "  \"documents\": [{ \"id\": \"texte\", \"title\": \"Le texte\", \"file\": \"texte.md\" }],\n"
  "  \"glossary\": \"glossary.json\"\n"
  "}\n";

static const char glossary_json[] =
  "{\n"
  "  \"entries\": [\n"
  "    { \"id\": \"rente\", \"term\": \"rente\",\n"
  "      \"definition\": \"Un revenu tiré d'un droit de propriété plutôt que d'une production.\" },\n"
  "    { \"id\": \"seigneurage\", \"term\": \"seigneurage\",\n"
  "      \"definition\": \"Le gain de celui qui émet une monnaie.\" },\n"
  "    { \"id\": \"plus-value\", \"term\": \"plus-value\",\n"
  "      \"definition\": \"La valeur produite par le travail au-delà de ce qu'il est payé.\" },\n"
  "    { \"id\": \"sans-definition\", \"term\": \"sans définition\" }\n"
  "  ]\n"
  "}\n";

static const char text_md[] =
  "# Première partie\n\nLa rente, le seigneurage et la plus-value.\n";

/* The page's clock: the real one, moved on by the test. */
static gint64 clock_offset;

static gint64
test_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC + clock_offset;
}

static GFile *
make_cards_pack (void)
{
  return make_pack ("pack.json", pack_json,
                    "glossary.json", glossary_json,
                    "texte.md", text_md,
                    NULL);
}

static PnFlashcardsPage *
find_page (PnWindow *window)
{
  return PN_FLASHCARDS_PAGE (find_widget (GTK_WIDGET (window), PN_TYPE_FLASHCARDS_PAGE));
}

static gboolean
page_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (find_page (data)));
}

typedef struct {
  PnWindow   *window;
  const char *screen;
} ScreenWait;

static gboolean
screen_shown_cb (gpointer data)
{
  ScreenWait *wait = data;
  PnFlashcardsPage *page = find_page (wait->window);

  return gtk_widget_get_mapped (GTK_WIDGET (page)) &&
         g_strcmp0 (pn_flashcards_page_get_screen (page), wait->screen) == 0;
}

static void
screenshot (PnWindow   *window,
            const char *name)
{
  wait_until (stacks_settled_cb, window, "the page transitions to end");
  wait_for_paint (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), name);
}

static gboolean
focus_on_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

/* The mapped button named @name (its accessible label starts with it). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL, label, TRUE);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *button = gtk_widget_get_ancestor (g_ptr_array_index (labels, i), GTK_TYPE_BUTTON);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* The interval shown on a grade button, under its name. */
static const char *
grade_interval (GtkWidget *button)
{
  g_autoptr(GPtrArray) labels = find_widgets (button, GTK_TYPE_LABEL, NULL, TRUE);

  g_assert_cmpuint (labels->len, ==, 2);
  return gtk_label_get_label (g_ptr_array_index (labels, 1));
}

static const char *
row_count (PnWindow *window)
{
  return pn_sidebar_row_get_count (PN_SIDEBAR_ROW (find_row (window, "flashcards")));
}

typedef struct {
  PnWindow   *window;
  const char *count;
} CountWait;


static gboolean
count_is_cb (gpointer data)
{
  CountWait *wait = data;

  return g_strcmp0 (row_count (wait->window), wait->count) == 0;
}

/* Presses @keyval as the student would, and waits for what it does. */
static void
press (PnWindow  *window,
       guint      keyval)
{
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), keyval, 0));
}

static void
wait_for_focus (PnWindow   *window,
                GtkWidget  *widget,
                const char *what)
{
  FocusWait wait = { GTK_WIDGET (window), widget };

  g_assert_nonnull (widget);
  wait_until (focus_on_cb, &wait, what);
}

static gboolean
reveal_shown_cb (gpointer data)
{
  return find_button (data, "Show Answer") != NULL;
}

static gboolean
grades_shown_cb (gpointer data)
{
  /* In the language of the run (the French one takes screenshots only). */
  return find_button (data, C_("flashcard grade", "Good")) != NULL;
}

/* Shows the answer with Space, checks the grade buttons, grades with @key. */
static void
review_card (PnWindow   *window,
             guint       key,
             const char *shot_name)
{
  GtkWidget *page = GTK_WIDGET (find_page (window));
  GtkWidget *reveal;
  GtkWidget *good;
  g_autofree char *shot = NULL;

  wait_until (reveal_shown_cb, page, "the next card's front");
  reveal = find_button (page, "Show Answer");
  wait_for_focus (window, reveal, "the focus on « Show Answer »");
  if (shot_name != NULL)
    {
      shot = g_strconcat (shot_name, "-front.png", NULL);
      screenshot (window, shot);
      g_clear_pointer (&shot, g_free);
    }

  press (window, GDK_KEY_space);
  wait_until (grades_shown_cb, page, "Space to show the answer and the grades");
  good = find_button (page, "Good");
  /* The focus moved to Good before « Show Answer » was hidden: never lost. */
  wait_for_focus (window, good, "the focus on « Good »");
  g_assert_false (gtk_widget_get_mapped (reveal));
  /* Each grade says when the card would come back, to the eye and in its name. */
  {
    GtkWidget *again = find_button (page, "Again");
    g_autofree char *name = g_strdup_printf ("Again, %s", grade_interval (again));
    g_autoptr(GPtrArray) kinds = find_widgets (page, GTK_TYPE_LABEL, "Definition", TRUE);
    g_autoptr(GPtrArray) terms = find_widgets (page, GTK_TYPE_LABEL, "Term", TRUE);
    GtkWidget *kind = kinds->len == 1 ? g_ptr_array_index (kinds, 0) : NULL;
    GtkWidget *answer;
    g_autofree char *said = NULL;
    char *error;

    g_assert_cmpstr (grade_interval (again), !=, "");
    g_assert_cmpstr (grade_interval (good), !=, "");
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (again), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
    g_assert_null (error);
    /* The answer is said with the button the focus lands on (GTK 4.8 has no
     * announcements): the kind of the back, then its text. */
    g_assert_cmpuint (terms->len, ==, 1);
    if (kind == NULL || gtk_widget_get_next_sibling (kind) == NULL)
      kind = g_ptr_array_index (terms, 0);
    answer = gtk_widget_get_next_sibling (kind);
    g_assert_true (GTK_IS_LABEL (answer));
    said = g_strdup_printf ("%s: %s", gtk_label_get_text (GTK_LABEL (kind)), gtk_label_get_text (GTK_LABEL (answer)));
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (good), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
    g_assert_null (error);
  }
  if (shot_name != NULL)
    {
      shot = g_strconcat (shot_name, "-revealed.png", NULL);
      screenshot (window, shot);
    }

  press (window, key);
}

static void
test_flashcards_session (void)
{
  g_autoptr(GFile) pack = make_cards_pack ();
  PnWindow *window = open_window (pack);
  PnFlashcardsPage *page = find_page (window);
  GtkWidget *row = find_row (window, "flashcards");
  CountWait count = { window, NULL };
  ScreenWait screen = { window, "session" };
  gint64 first_due;

  clock_offset = 0;
  pn_flashcards_page_set_clock (page, test_clock, NULL);
  wait_until (reader_loaded_cb, window, "the text");
  wait_until (window_active_cb, window, "the window to be active");

  /* Three cards (term → definition) are new today; the entry without a definition makes none. */
  g_assert_nonnull (row);
  g_assert_cmpstr (row_count (window), ==, "3");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "3 cards due today");

  /* From the sidebar with the keyboard: Return opens the page, on « Start Review ». */
  gtk_widget_grab_focus (row);
  press (window, GDK_KEY_Return);
  wait_until (page_mapped_cb, window, "the Flashcards page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (row)));
  g_assert_true (shows_label (GTK_WIDGET (page), "0 cards to review\n3 new cards today"));
  screenshot (window, "flashcards-start.png");
  /* Shift+F6 from the sidebar to the page: its first control, the start button. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  wait_for_focus (window, find_button (GTK_WIDGET (page), "Start Review"), "the focus on « Start Review »");
  press (window, GDK_KEY_Return);
  wait_until (screen_shown_cb, &screen, "the session");

  /* First card: the term, then its definition and the four grades. */
  g_assert_true (shows_label (GTK_WIDGET (page), "1 of 3"));
  review_card (window, GDK_KEY_4, "flashcards-session");
  /* Easy: out of today's session, the count goes down. */
  count.count = "2";
  wait_until (count_is_cb, &count, "the count to go down to 2");
  g_assert_true (shows_label (GTK_WIDGET (page), "2 of 3"));

  /* Second card: Again keeps it in the session. */
  review_card (window, GDK_KEY_1, NULL);
  wait_until (reveal_shown_cb, page, "the third card");
  g_assert_cmpstr (row_count (window), ==, "2");

  /* Third card: Easy; the one graded Again is not due yet: the page waits for it. */
  review_card (window, GDK_KEY_4, NULL);
  count.count = "1";
  wait_until (count_is_cb, &count, "the count to go down to 1");
  g_assert_cmpstr (pn_flashcards_page_get_screen (page), ==, "session");
  /* The page waits for the card graded Again, the focus on « End Session ». */
  wait_for_label (GTK_WIDGET (page), "The next card comes back in 1 min");
  wait_for_focus (window, find_button (GTK_WIDGET (page), "End Session"), "the focus on « End Session »");

  /* A minute later it is back; Good takes it to its second step (10 min),
   * Good again out of the session. */
  clock_offset += 61;
  pn_flashcards_page_refresh (page);
  review_card (window, GDK_KEY_3, NULL);
  /* The card waits for its second step. */
  wait_for_label (GTK_WIDGET (page), "The next card comes back in 10 min");
  save_screenshot (GTK_WIDGET (window), "flashcards-session-waiting.png");
  g_assert_cmpstr (row_count (window), ==, "1");
  clock_offset += 601;
  pn_flashcards_page_refresh (page);
  review_card (window, GDK_KEY_3, NULL);
  screen.screen = "end";
  wait_until (screen_shown_cb, &screen, "the end of the session");
  g_assert_null (row_count (window));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No cards due today");
  g_assert_true (shows_label (GTK_WIDGET (page), "3 new cards learnt") ||
                 shows_label_anywhere (GTK_WIDGET (page), "new cards learnt"));
  wait_for_focus (window, find_button (GTK_WIDGET (page), "Back"), "the focus on « Back »");
  screenshot (window, "flashcards-session-end.png");

  /* Back: nothing left today, and when the next cards are due. */
  press (window, GDK_KEY_Return);
  screen.screen = "start";
  wait_until (screen_shown_cb, &screen, "the start screen again");

  /* The store has the first card's next due date. */
  {
    PnFsrsCard card;

    g_assert_true (pn_store_get_card (pn_application_get_store (app), PACK_ID, "rente",
                                      PN_CARD_TERM_TO_DEFINITION, &card, NULL));
    first_due = card.due;
    g_assert_cmpint (first_due, >, test_clock (NULL) + 24 * 3600);
    /* Control: a card never graded has no row. */
    g_assert_false (pn_store_get_card (pn_application_get_store (app), PACK_ID, "rente",
                                       PN_CARD_DEFINITION_TO_TERM, &card, NULL));
  }
  close_window (window);
  clock_offset = 0;
}

/* Sets the app's store to refuse writes (as a read-only database does) or
 * to take them again. */
static void
set_store_read_only (gboolean read_only)
{
  PnStore *store = pn_application_get_store (app);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement = pn_store_prepare (store, read_only ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0",
                                              &error);

  g_assert_no_error (error);
  g_assert_true (pn_store_step_done (store, statement, &error));
  g_assert_no_error (error);
}

/* A grade the store cannot keep: the reader is told, the card stays to be
 * graded again, and once the store works the same grade is kept. */
static void
test_flashcards_store_fails (void)
{
  /* A pack of its own: the other tests' grades are not in its deck. */
  g_auto(GStrv) parts = g_strsplit (pack_json, "\"id\": \"" PACK_ID "\"", 2);
  g_autofree char *json = g_strjoinv ("\"id\": \"" RO_PACK_ID "\"", parts);
  g_autoptr(GFile) pack = make_pack ("pack.json", json, "glossary.json", glossary_json, "texte.md", text_md, NULL);
  PnWindow *window = open_window (pack);
  PnFlashcardsPage *page = find_page (window);
  GtkWidget *row = find_row (window, "flashcards");
  CountWait count = { window, NULL };
  ScreenWait screen = { window, "session" };
  PnFsrsCard card;

  clock_offset = 0;
  pn_flashcards_page_set_clock (page, test_clock, NULL);
  wait_until (reader_loaded_cb, window, "the text");
  wait_until (window_active_cb, window, "the window to be active");
  g_assert_cmpstr (row_count (window), ==, "3");
  gtk_widget_grab_focus (row);
  press (window, GDK_KEY_Return);
  wait_until (page_mapped_cb, window, "the Flashcards page");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  wait_for_focus (window, find_button (GTK_WIDGET (page), "Start Review"), "the focus on « Start Review »");
  press (window, GDK_KEY_Return);
  wait_until (screen_shown_cb, &screen, "the session");
  g_assert_true (shows_label (GTK_WIDGET (page), "1 of 3"));

  set_store_read_only (TRUE);
  review_card (window, GDK_KEY_4, NULL);
  wait_for_label (GTK_WIDGET (window), "The grade could not be saved");
  /* Nothing kept, nothing lost: the same card, its grades still offered. */
  g_assert_false (pn_store_get_card (pn_application_get_store (app), RO_PACK_ID, "rente",
                                     PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  g_assert_true (shows_label (GTK_WIDGET (page), "1 of 3"));
  g_assert_cmpstr (row_count (window), ==, "3");
  g_assert_true (gtk_widget_get_mapped (find_button (GTK_WIDGET (page), "Easy")));

  /* The store works again: the same grade is kept (positive control). */
  set_store_read_only (FALSE);
  press (window, GDK_KEY_4);
  count.count = "2";
  wait_until (count_is_cb, &count, "the count to go down to 2");
  g_assert_true (pn_store_get_card (pn_application_get_store (app), RO_PACK_ID, "rente",
                                    PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  close_window (window);
}

/* After the session: the app restarted (a new window, the student data read
 * back by a store opened afresh) shows when the next card is due, from the
 * stored due dates. */
static void
test_flashcards_restart (void)
{
  g_autoptr(GFile) pack = make_cards_pack ();
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  GSettings *settings = pn_application_get_settings (app);
  const char *ids[] = { "rente", "seigneurage", "plus-value" };
  gint64 soonest = 0, now = test_clock (NULL);
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  PnWindow *window;
  PnFlashcardsPage *page;

  g_assert_no_error (error);
  /* Each card graded in the session is stored, due in the future. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PnFsrsCard card;

      g_assert_true (pn_store_get_card (store, PACK_ID, ids[i], PN_CARD_TERM_TO_DEFINITION, &card, NULL));
      g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
      g_assert_cmpint (card.due, >, now);
      if (soonest == 0 || card.due < soonest)
        soonest = card.due;
    }
  when = pn_flashcards_format_due (soonest, now);
  expected = g_strdup_printf ("Nothing to review: next cards due %s", when);

  /* No new cards (the reverse ones would come tomorrow): the next due is a stored card's. */
  g_settings_set_int (settings, "new-cards-per-day", 0);
  window = open_window (pack);
  page = find_page (window);
  wait_until (reader_loaded_cb, window, "the text");
  g_assert_nonnull (find_row (window, "flashcards"));
  g_assert_null (row_count (window));
  gtk_widget_activate (find_row (window, "flashcards"));
  wait_until (page_mapped_cb, window, "the Flashcards page");
  wait_for_label (GTK_WIDGET (page), expected);
  g_assert_null (find_button (GTK_WIDGET (page), "Start Review"));
  screenshot (window, "flashcards-restart.png");

  /* Control: with new cards allowed again, the reverse cards wait for tomorrow
   * and the date shown follows (the label is not fixed text). */
  g_settings_reset (settings, "new-cards-per-day");
  g_assert_false (shows_label (GTK_WIDGET (page), expected));
  g_assert_true (shows_label (GTK_WIDGET (page), "Nothing to review: next cards due tomorrow at 00:00"));

  /* The next day: the reverse cards are new, the row counts them. */
  pn_flashcards_page_set_clock (page, test_clock, NULL);
  clock_offset += 24 * 3600;
  pn_flashcards_page_refresh (page);
  g_assert_true (shows_label (GTK_WIDGET (page), "3 new cards today"));
  g_assert_nonnull (row_count (window));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Start Review"));
  clock_offset = 0;

  /* One of the pack's pages: the header's back button returns to the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-text", NULL));
  wait_until (reader_mapped_cb, window, "the text again");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==, "reader");
  close_window (window);
}

/* The preferences' desired retention and daily limit reach the settings and the
 * deck: a new card's Easy interval follows the retention. */
static void
test_flashcards_preferences (void)
{
  g_autoptr(GFile) pack = NULL;
  GSettings *settings = pn_application_get_settings (app);
  GtkWindow *preferences;
  g_autoptr(GPtrArray) spins = NULL;
  GtkSpinButton *retention = NULL, *new_cards = NULL;
  PnWindow *window;
  PnFlashcardsPage *page;
  char *easy[2];
  double retentions[2] = { 0.97, 0.70 };

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (PN_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  wait_until (window_mapped_cb, preferences, "the preferences window");
  spins = find_widgets (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, NULL, FALSE);
  for (guint i = 0; i < spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (spins, i);
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

      if (gtk_adjustment_get_upper (adjustment) == 97)
        retention = spin;
      else if (gtk_adjustment_get_upper (adjustment) > 1000)
        new_cards = spin;
    }
  g_assert_nonnull (retention);
  g_assert_nonnull (new_cards);
  /* The defaults, and the range of the key. */
  /* In percent, over the key's range. */
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (retention), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (retention)), 70, 1e-9);
  g_assert_cmpfloat (gtk_spin_button_get_value (new_cards), ==, 20);
  g_assert_true (shows_label (GTK_WIDGET (preferences), "higher means more reviews"));
  save_screenshot (GTK_WIDGET (preferences), "flashcards-preferences.png");

  gtk_spin_button_set_value (new_cards, 2);
  g_assert_cmpint (g_settings_get_int (settings, "new-cards-per-day"), ==, 2);

  /* A fresh pack: its new cards, two a day as just set. */
  pack = make_pack ("pack.json", pack_json, "glossary.json", glossary_json, "texte.md", text_md, NULL);
  {
    g_autofree char *json = g_strdup (pack_json);
    g_autofree char *path = NULL;
    GString *edited = g_string_new (json);

    g_string_replace (edited, PACK_ID, PACK_ID "-2", 1);
    path = g_build_filename (g_file_peek_path (pack), "pack.json", NULL);
    g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
    g_string_free (edited, TRUE);
  }
  window = open_window (pack);
  page = find_page (window);
  wait_until (reader_loaded_cb, window, "the text");
  g_assert_cmpstr (row_count (window), ==, "2");

  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    {
      ScreenWait screen = { window, "session" };
      GtkWidget *button;

      gtk_spin_button_set_value (retention, retentions[i] * 100);
      g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), retentions[i], 1e-9);
      gtk_widget_activate (find_row (window, "flashcards"));
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.start", NULL);
      wait_until (screen_shown_cb, &screen, "the session");
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.reveal", NULL);
      wait_until (grades_shown_cb, page, "the grades");
      button = find_button (GTK_WIDGET (page), "Easy");
      easy[i] = g_strdup (grade_interval (button));
      /* What FSRS gives a new card graded Easy at this retention. */
      {
        PnFsrsParams params;
        PnFsrsCard card;
        gint64 now = test_clock (NULL);
        g_autofree char *want = NULL;

        pn_fsrs_params_init (&params);
        params.desired_retention = retentions[i];
        pn_fsrs_card_init (&card, now);
        want = pn_flashcards_format_interval (pn_fsrs_next_due (&params, &card, PN_FSRS_EASY, now) - now);
        g_assert_cmpstr (easy[i], ==, want);
      }
      /* Leave the session without grading: back to the text, then the page again. */
      pn_flashcards_page_set_pack (page, NULL);
      pn_flashcards_page_set_pack (page, pn_window_get_pack (window));
    }
  /* Higher retention, sooner reviews. */
  g_assert_cmpstr (easy[0], !=, easy[1]);
  g_free (easy[0]);
  g_free (easy[1]);

  g_settings_reset (settings, "desired-retention");
  g_settings_reset (settings, "new-cards-per-day");
  gtk_window_destroy (preferences);
  close_window (window);
}

/* A glossary without entries makes no Flashcards row; one with entries does. */
static void
test_flashcards_row_only_with_cards (void)
{
  g_autoptr(GFile) empty = make_pack ("pack.json", pack_json,
                                      "glossary.json", "{ \"entries\": [] }\n",
                                      "texte.md", text_md,
                                      NULL);
  g_autoptr(GFile) cards = make_cards_pack ();
  PnWindow *window = open_window (empty);

  wait_until (reader_loaded_cb, window, "the test pack");
  /* The sidebar is filled (the document's row; no sources, so no Sources row). */
  g_assert_nonnull (find_row (window, "texte"));
  g_assert_null (find_row (window, "flashcards"));

  /* Positive control: the same window on a pack whose glossary has definitions. */
  open_pack (window, cards);
  g_assert_nonnull (find_row (window, "flashcards"));
  close_window (window);
}

/* A clean pack for the screenshots (no problem toast over the buttons). */
static GFile *
make_shots_pack (const char *id)
{
  g_autofree char *manifest = g_strdup_printf (
    "{ \"format\": 1, \"id\": \"%s\", \"version\": \"1.0.0\", \"title\": \"Des fiches\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
    "  \"license\": \"CC-BY-SA-4.0\", \"description\": \"Trois fiches.\",\n"
    "  \"documents\": [{ \"id\": \"texte\", \"title\": \"Le texte\", \"file\": \"texte.md\" }],\n"
    "  \"glossary\": \"glossary.json\" }\n", id);
  static const char glossary[] =
    "{ \"entries\": [\n"
    "  { \"id\": \"seigneurage\", \"term\": \"seigneurage\",\n"
    "    \"definition\": \"Le gain de celui qui émet une monnaie : la différence entre sa valeur et ce qu'elle coûte à produire.\" },\n"
    "  { \"id\": \"rente\", \"term\": \"rente\",\n"
    "    \"definition\": \"Un revenu tiré d'un droit de propriété plutôt que d'une production.\" },\n"
    "  { \"id\": \"plus-value\", \"term\": \"plus-value\",\n"
    "    \"definition\": \"La valeur produite par le travail au-delà de ce qu'il est payé.\" }\n"
    "] }\n";

  return make_pack ("pack.json", manifest, "glossary.json", glossary,
                    "texte.md", "# Première partie\n\nLa rente, le seigneurage et la plus-value.\n", NULL);
}

/* A session seen as a student sees it: front, answer, end, in the light and
 * dark styles and at 360 px wide (the four grades side by side still fit). */
static void
test_flashcards_screenshots (void)
{
  struct { const char *name; const char *scheme; int width; int height; } looks[] = {
    { "light", "light", 1000, 700 },
    { "dark", "dark", 1000, 700 },
    { "narrow", "light", 360, 640 },
    /* The bundled essay's own glossary, its first card at 360 px. */
    { "essay", "light", 360, 640 },
  };
  GSettings *settings = pn_application_get_settings (app);
  gboolean french = g_strcmp0 (g_getenv ("PN_TEST_FRENCH"), "1") == 0;

  /* The French run: the grades are translated (not the English source). */
  if (french)
    g_assert_cmpstr (C_("flashcard grade", "Again"), ==, "À revoir");

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *id = g_strdup_printf ("shots-%s%s", french ? "fr-" : "", looks[i].name);
      g_autoptr(GFile) pack = g_str_equal (looks[i].name, "essay") ? bundled_pack () : make_shots_pack (id);
      PnWindow *window;
      PnFlashcardsPage *page;
      ScreenWait screen;
      const char *lang = french ? "fr-" : "";
      g_autofree char *front = g_strdup_printf ("flashcards-%s%s-1-front.png", lang, looks[i].name);
      g_autofree char *revealed = g_strdup_printf ("flashcards-%s%s-2-revealed.png", lang, looks[i].name);
      g_autofree char *end = g_strdup_printf ("flashcards-%s%s-3-end.png", lang, looks[i].name);

      g_settings_set_string (settings, "color-scheme", looks[i].scheme);
      window = open_window_sized (pack, looks[i].width, looks[i].height);
      page = find_page (window);
      pn_flashcards_page_set_clock (page, test_clock, NULL);
      wait_until (reader_loaded_cb, window, "the text");
      g_assert_cmpuint (pn_window_get_diagnostics (window)->len, ==, 0);

      gtk_widget_activate (find_row (window, "flashcards"));
      wait_until (page_mapped_cb, window, "the Flashcards page");
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.start", NULL);
      screen = (ScreenWait) { window, "session" };
      wait_until (screen_shown_cb, &screen, "the session");
      screenshot (window, front);

      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.reveal", NULL);
      wait_until (grades_shown_cb, page, "the grades");
      screenshot (window, revealed);
      /* Nothing of the page is wider than the window. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, looks[i].width);
      g_assert_cmpint (gtk_widget_get_width (find_button (GTK_WIDGET (page), C_("flashcard grade", "Again"))), >, 0);
      if (g_str_equal (looks[i].name, "essay"))
        {
          close_window (window);
          continue;
        }

      for (guint n = 0; n < 3 && g_strcmp0 (pn_flashcards_page_get_screen (page), "session") == 0; n++)
        {
          gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.reveal", NULL);
          gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.grade", "i", n == 1 ? 3 : 4);
        }
      /* The card graded Good waits 10 minutes: a quarter of an hour later it is back. */
      clock_offset += 15 * 60;
      pn_flashcards_page_refresh (page);
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.reveal", NULL);
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.grade", "i", 3);
      screen.screen = "end";
      wait_until (screen_shown_cb, &screen, "the end of the session");
      screenshot (window, end);

      close_window (window);
      clock_offset = 0;
    }

  g_settings_reset (settings, "color-scheme");
}

/* The cards left all wait for their step: « End Session » ends it there; they
 * are still due today on the start screen. */
static void
test_flashcards_end_early (void)
{
  g_autoptr(GFile) pack = make_shots_pack ("end-early");
  PnWindow *window = open_window (pack);
  PnFlashcardsPage *page = find_page (window);
  ScreenWait screen = { window, "session" };

  pn_flashcards_page_set_clock (page, test_clock, NULL);
  wait_until (reader_loaded_cb, window, "the text");
  gtk_widget_activate (find_row (window, "flashcards"));
  wait_until (page_mapped_cb, window, "the Flashcards page");
  /* Control: nothing to end while a card is shown. */
  gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.start", NULL);
  wait_until (screen_shown_cb, &screen, "the session");
  gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.finish", NULL);
  g_assert_cmpstr (pn_flashcards_page_get_screen (page), ==, "session");

  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.reveal", NULL);
      gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.grade", "i", 1);
    }
  g_assert_true (shows_label (GTK_WIDGET (page), "The next card comes back in 1 min"));
  g_assert_cmpstr (row_count (window), ==, "3");

  gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.finish", NULL);
  screen.screen = "end";
  wait_until (screen_shown_cb, &screen, "the end screen");
  g_assert_true (shows_label (GTK_WIDGET (page), "3 reviews, 3 new cards learnt"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Again: 3"));

  gtk_widget_activate_action (GTK_WIDGET (page), "flashcards.back", NULL);
  screen.screen = "start";
  wait_until (screen_shown_cb, &screen, "the start screen");
  g_assert_true (shows_label (GTK_WIDGET (page), "3 cards to review"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Start Review"));
  close_window (window);
}

/* The intervals and due times as the page writes them. */
static void
test_flashcards_text (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 12, 1, 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  struct { gint64 seconds; const char *text; } intervals[] = {
    { 30, "1 min" }, { 60, "1 min" }, { 330, "6 min" }, { 600, "10 min" },
    { 5 * 3600, "5 h" }, { 86400, "1 day" }, { 3 * 86400, "3 days" },
    { 90 * 86400, "3 months" }, { 365 * 86400, "1 year" }, { 548 * 86400, "1.5 years" },
  };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      g_autofree char *got = pn_flashcards_format_interval (intervals[i].seconds);

      g_assert_cmpstr (got, ==, intervals[i].text);
    }

  text = pn_flashcards_format_due (now - 5, now);
  g_assert_cmpstr (text, ==, "now");
  g_clear_pointer (&text, g_free);
  text = pn_flashcards_format_due (now + 3600 + 30 * 60, now);
  g_assert_cmpstr (text, ==, "today at 13:30");
  g_clear_pointer (&text, g_free);
  text = pn_flashcards_format_due (now + 21 * 3600, now);
  g_assert_cmpstr (text, ==, "tomorrow at 09:00");
  g_clear_pointer (&text, g_free);
  text = pn_flashcards_format_due (now + 2 * 86400, now);
  g_assert_cmpstr (text, ==, "Thursday at 12:00");
  g_clear_pointer (&text, g_free);
  text = pn_flashcards_format_due (now + 20 * 86400, now);
  g_assert_cmpstr (text, ==, "21 December at 12:00");
  g_clear_pointer (&text, g_free);
  text = pn_flashcards_format_due (now + 60 * 86400, now);
  g_assert_cmpstr (text, ==, "30 January 2027");
}

int
main (int   argc,
      char *argv[])
{
  /* Not over the test's own (the French run's fr_FR.UTF-8 where glibc ignores LANGUAGE under C.UTF-8). */
  g_setenv ("LC_ALL", "C.UTF-8", FALSE);
  g_setenv ("TZ", "Europe/Paris", TRUE);
  window_test_init (&argc, &argv);

  g_test_add_func ("/flashcards/text", test_flashcards_text);
  g_test_add_func ("/flashcards/row-only-with-cards", test_flashcards_row_only_with_cards);
  g_test_add_func ("/flashcards/session", test_flashcards_session);
  g_test_add_func ("/flashcards/restart", test_flashcards_restart);
  g_test_add_func ("/flashcards/store-fails", test_flashcards_store_fails);
  g_test_add_func ("/flashcards/preferences", test_flashcards_preferences);
  g_test_add_func ("/flashcards/end-early", test_flashcards_end_early);
  g_test_add_func ("/flashcards/screenshots", test_flashcards_screenshots);

  return window_test_run ();
}
