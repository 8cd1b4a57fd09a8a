/* test-sources.c: the Sources page: search as you type, names for screen readers,
 * one address per entry, unknown words in the pack's language (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pn-sources-page.h"
#include "pn-test-util.h"
#include "pn-ui-test.h"

#define LONG_URL "https://www.example.org/read-offline/46231/capitalisme-numerique-technofeodalisme-durand-morozov.print"

/* A French pack citing three works: one with an address, one whose address and
 * date are unknown, one by Frédéric Lordon. */
static const char sources_json[] =
  "[\n"
  "  { \"id\": \"durand\", \"type\": \"webpage\", \"title\": \"Capitalisme numérique\",\n"
  "    \"author\": [{ \"family\": \"Durand\", \"given\": \"Cédric\" }], \"language\": \"fr\",\n"
  "    \"URL\": \"" LONG_URL "\" },\n"
  "  { \"id\": \"morozov\", \"type\": \"article-newspaper\", \"title\": \"Controverses\",\n"
  "    \"author\": [{ \"family\": \"Morozov\", \"given\": \"Evgeny\" }],\n"
  "    \"container-title\": \"Le Monde diplomatique\", \"language\": \"fr\",\n"
  "    \"abstract\": \"Sur le techno-féodalisme.\",\n"
  "    \"custom\": { \"unconfirmed\": [\"URL\", \"issued\"] } },\n"
  "  { \"id\": \"lordon\", \"type\": \"book\", \"title\": \"Figures du communisme\",\n"
  "    \"author\": [{ \"family\": \"Lordon\", \"given\": \"Frédéric\" }], \"publisher\": \"La Fabrique\",\n"
  "    \"issued\": { \"date-parts\": [[2021]] }, \"language\": \"fr\" }\n"
  "]\n";

typedef struct {
  char          *dir;
  PnPack        *pack;
  GtkWindow     *window;
  GtkWidget     *outside;      /* a button beside the page, as the sidebar is */
  PnSourcesPage *page;
} Fixture;

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", ");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  GtkWidget *box;

  fixture->dir = pn_test_make_dir ("pack.json", manifest,
                                   "doc.md", "# Doc\n\nVoir [Durand](source:durand).\n",
                                   "sources.json", sources_json,
                                   NULL);
  fixture->pack = pn_test_load (fixture->dir, diagnostics);
  pn_test_dump (diagnostics);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 640);
  fixture->page = PN_SOURCES_PAGE (pn_sources_page_new ());
  fixture->outside = gtk_button_new_with_label ("Outside");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), fixture->outside);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->page));
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->page), TRUE);
  gtk_window_set_child (fixture->window, box);
  pn_sources_page_set_pack (fixture->page, fixture->pack);
  gtk_window_present (fixture->window);
  pn_ui_test_wait_until (mapped_cb, fixture->page, "the Sources page on screen");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->pack);
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Widget tree helpers */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* Everything the row shows, labels and buttons, one line each. */
static char *
row_text (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = find_all (row, GTK_TYPE_LABEL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (text, "%s\n", gtk_label_get_text (g_ptr_array_index (labels, i)));

  return g_string_free (text, FALSE);
}

static GtkWidget *
row_containing (PnSourcesPage *page,
                const char    *needle)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      if (strstr (text, needle) != NULL)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* The first label of the row: the reference. */
static const char *
reference_of (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = find_all (row, GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, >, 0);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

/* Each row is named by its reference; the address is shown once, in full. */
static void
test_sources_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *durand = row_containing (fixture->page, "Durand");
  GtkWidget *morozov = row_containing (fixture->page, "Morozov");
  g_autofree char *durand_text = NULL;
  g_autofree char *morozov_text = NULL;
  g_autoptr(GPtrArray) links = NULL;

  g_assert_cmpuint (pn_sources_page_get_n_sources (fixture->page), ==, 3);
  g_assert_nonnull (durand);
  g_assert_nonnull (morozov);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (durand), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       reference_of (durand));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (morozov), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       reference_of (morozov));
  g_assert_nonnull (strstr (reference_of (durand), "Cédric Durand"));

  durand_text = row_text (durand);
  g_assert_cmpuint (pn_test_count_matches (durand_text, LONG_URL), ==, 1);
  links = find_all (durand, GTK_TYPE_LINK_BUTTON);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (gtk_link_button_get_uri (g_ptr_array_index (links, 0)), ==, LONG_URL);

  /* The interface is English here; the pack is French, and so are the words
   * for what is unknown in its references. */
  g_assert_cmpstr (_("URL unknown"), ==, "URL unknown");
  morozov_text = row_text (morozov);
  g_assert_nonnull (strstr (morozov_text, "date inconnue"));
  g_assert_nonnull (strstr (morozov_text, "Adresse web inconnue."));
  g_assert_null (strstr (morozov_text, "unknown"));
}

static gboolean
focus_in (GtkWindow *window,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
has_search_cb (gpointer data)
{
  return pn_sources_page_get_search (PN_SOURCES_PAGE (data)) != NULL;
}

/* The list narrows as one types; Ctrl+F's action puts the focus in the search. */
static void
test_sources_search (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = find_all (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *entry;
  GtkWidget *lordon = row_containing (fixture->page, "Lordon");
  GtkWidget *durand = row_containing (fixture->page, "Durand");

  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search Sources");

  /* From an entry of the list, as after reading it. */
  g_assert_true (gtk_widget_grab_focus (durand));
  g_assert_false (focus_in (fixture->window, entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "sources.search", NULL));
  g_assert_true (focus_in (fixture->window, entry));

  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 3);
  /* Without accents or capitals, from the start of a word. */
  pn_sources_page_set_search (fixture->page, "frederic");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 1);
  g_assert_true (gtk_widget_get_child_visible (lordon));
  g_assert_false (gtk_widget_get_child_visible (durand));

  /* The summary counts, and every word must be found. */
  pn_sources_page_set_search (fixture->page, "feodalisme");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 1);
  g_assert_true (gtk_widget_get_child_visible (row_containing (fixture->page, "Morozov")));
  /* The summary of one, the address of the other. */
  pn_sources_page_set_search (fixture->page, "techno");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 2);
  pn_sources_page_set_search (fixture->page, "techno lordon");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 0);
  g_assert_nonnull (row_containing (fixture->page, "Lordon"));

  /* Following a citation shows its entry, whatever the search. */
  g_assert_true (pn_sources_page_show_source (fixture->page, "durand"));
  g_assert_true (gtk_widget_get_child_visible (durand));
  g_assert_null (pn_sources_page_get_search (fixture->page));

  /* Typing in the entry searches too (after its short delay). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Lordon");
  pn_ui_test_wait_until (has_search_cb, fixture->page, "the typed search");
  g_assert_cmpstr (pn_sources_page_get_search (fixture->page), ==, "Lordon");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 1);

  pn_sources_page_set_search (fixture->page, "");
  g_assert_cmpuint (pn_sources_page_get_n_shown (fixture->page), ==, 3);
}

static gboolean
entry_focused_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) entries = find_all (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);

  return focus_in (fixture->window, g_ptr_array_index (entries, 0));
}

static gboolean
key_seen_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             guint                 *presses)
{
  if (keyval == GDK_KEY_f && (state & GDK_CONTROL_MASK))
    (*presses)++;
  return FALSE;
}

static gboolean
count_reached_cb (gpointer data)
{
  return ((guint *) data)[0] >= ((guint *) data)[1];
}

/* Ctrl+F pressed with the focus outside the page (in the sidebar, say) goes
 * to the page's search while the page is on screen, and not once it is hidden. */
static void
test_sources_ctrl_f (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  guint presses[2] = { 0, 1 };   /* seen, waited for */

  /* Sees every key press first, without taking it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_seen_cb), &presses[0]);
  gtk_widget_add_controller (GTK_WIDGET (fixture->window), keys);

  gtk_widget_grab_focus (fixture->outside);
  if (!pn_ui_test_press_ctrl_key (fixture->window, GDK_KEY_f))
    {
      g_test_skip ("no XTest on this display: a real Ctrl+F cannot be pressed");
      return;
    }
  pn_ui_test_wait_until (count_reached_cb, presses, "the first Ctrl+F to arrive");
  pn_ui_test_wait_until (entry_focused_cb, fixture, "Ctrl+F to reach the sources' search");

  /* Hidden, the page leaves Ctrl+F alone (the window's find has it then). */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  gtk_widget_grab_focus (fixture->outside);
  g_assert_true (gtk_widget_has_focus (fixture->outside));
  presses[1] = 2;
  g_assert_true (pn_ui_test_press_ctrl_key (fixture->window, GDK_KEY_f));
  pn_ui_test_wait_until (count_reached_cb, presses, "the second Ctrl+F to arrive");
  g_assert_true (gtk_widget_has_focus (fixture->outside));
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  g_assert_false (entry_focused_cb (fixture));
}

int
main (int   argc,
      char *argv[])
{
  pn_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/sources/rows", Fixture, NULL, fixture_set_up, test_sources_rows, fixture_tear_down);
  g_test_add ("/sources/search", Fixture, NULL, fixture_set_up, test_sources_search, fixture_tear_down);
  g_test_add ("/sources/ctrl-f", Fixture, NULL, fixture_set_up, test_sources_ctrl_f, fixture_tear_down);

  return g_test_run ();
}
