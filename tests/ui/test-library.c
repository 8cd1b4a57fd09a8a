/* test-library.c: the library page (run under Xvfb): the start page with packs
 * installed (and not without), a card opening its pack, the way back, the
 * progress figures, removing a pack with Undo, or for good with the notes
 * kept or deleted, and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pn-library-card.h"
#include "pn-library-page.h"
#include "pn-pack-cover.h"
#include "pn-store-annotations.h"
#include "pn-store-packs.h"
#include "pn-store-positions.h"
#include "window-test.h"

/* The temporary library folder ($PRISONNUM_LIBRARY_DIR). */
static char *library_dir;

static void
copy_tree (GFile *from,
           GFile *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_assert_true (g_file_make_directory_with_parents (to, NULL, &error));
  children = g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (from, g_file_info_get_name (info));
      g_autoptr(GFile) target = g_file_get_child (to, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (child, target);
      else
        {
          g_file_copy (child, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_no_error (error);
}

/* Installs the test pack @name (tests/packs/NAME) as the library would: a folder named by its id. */
static void
install (const char *name,
         const char *id)
{
  g_autofree char *from_path = g_build_filename (PN_TEST_PACKS_DIR, name, NULL);
  g_autofree char *to_path = g_build_filename (library_dir, id, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);

  copy_tree (from, to);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

/* An empty library (the bundled essay alone). */
static void
empty_library (void)
{
  remove_tree (library_dir);
  g_mkdir_with_parents (library_dir, 0755);
}

/* Whether an entry of the library folder has @id in its name (installed or moved aside). */
static gboolean
library_folder_mentions (const char *id)
{
  g_autoptr(GDir) dir = g_dir_open (library_dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, id) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
folder_gone_cb (gpointer data)
{
  return !library_folder_mentions (data);
}

static gboolean
installed (const char *id)
{
  g_autofree char *path = g_build_filename (library_dir, id, "pack.json", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static PnLibraryPage *
library_page (PnWindow *window)
{
  return PN_LIBRARY_PAGE (find_widget (GTK_WIDGET (window), PN_TYPE_LIBRARY_PAGE));
}

static gboolean
library_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (library_page (data))) && stacks_settled_cb (data);
}

static gboolean
course_shown_cb (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (library_page (data))) && stacks_settled_cb (data);
}

static PnLibraryCard *
card (PnWindow   *window,
      const char *id)
{
  return pn_library_page_get_card (library_page (window), id);
}

static guint
n_cards (PnWindow *window)
{
  g_autoptr(GPtrArray) cards = find_widgets (GTK_WIDGET (library_page (window)), PN_TYPE_LIBRARY_CARD, NULL, FALSE);

  return cards->len;
}

static PnWindow *
app_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (PN_IS_WINDOW (windows->data));
  return PN_WINDOW (windows->data);
}

/* The window the application opens at start (as when it is run without a pack). */
static PnWindow *
start_app_sized (int width,
                 int height)
{
  g_autofree char *pack_dir = g_strdup (g_getenv ("PRISONNUM_PACK_DIR"));
  PnWindow *window;

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_unsetenv ("PRISONNUM_PACK_DIR");
  g_application_activate (G_APPLICATION (app));
  g_setenv ("PRISONNUM_PACK_DIR", pack_dir, TRUE);
  window = app_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_until (window_mapped_cb, window, "the window to be shown");

  return window;
}

static PnWindow *
start_app (void)
{
  return start_app_sized (1000, 700);
}

static PnStore *
store (void)
{
  return pn_application_get_store (app);
}

/* Start page: the library with packs installed, the course without (and with a pack asked for). */
static void
test_library_start (void)
{
  PnWindow *window;

  /* Negative control: the bundled essay alone, the window opens it. */
  empty_library ();
  window = start_app ();
  wait_until (session_opened_cb, window, "the essay to be opened");
  wait_until (course_shown_cb, window, "the course");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "rauzy-prison-numerique");
  close_window (window);

  /* Two packs installed: the library, with the bundled essay first, and nothing opened. */
  install ("good", "test-good");
  install ("quiz", "test-quiz");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  g_assert_null (pn_window_get_pack (window));
  g_assert_cmpuint (n_cards (window), ==, 3);
  {
    g_autoptr(GPtrArray) cards = find_widgets (GTK_WIDGET (library_page (window)), PN_TYPE_LIBRARY_CARD, NULL, FALSE);

    g_assert_cmpstr (pn_library_card_get_pack_id (g_ptr_array_index (cards, 0)), ==, "rauzy-prison-numerique");
  }
  g_assert_true (shows_label (GTK_WIDGET (window), "Un dossier de test : tout va bien"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Camille Martin, Sam Durand"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Version 2.1.0"));
  close_window (window);

  /* A pack asked for ($PRISONNUM_PACK_DIR here) is opened, library or not. */
  {
    g_autoptr(GFile) essay = bundled_pack ();

    window = open_window (essay);
    wait_until (course_shown_cb, window, "the course");
    close_window (window);
  }
  empty_library ();
}

/* A card opens its pack; the menu's « Library » (Alt+Home) comes back, on the
 * card of the pack being read; that card goes back to the text as it was. */
static void
test_library_open (void)
{
  PnWindow *window;
  PnPack *pack;

  empty_library ();
  install ("good", "test-good");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");

  g_signal_emit_by_name (card (window, "test-good"), "activate");
  wait_until (session_opened_cb, window, "the pack to be opened");
  wait_until (course_shown_cb, window, "the course");
  pack = pn_window_get_pack (window);
  g_assert_cmpstr (pn_pack_get_id (pack), ==, "test-good");
  wait_until (reader_loaded_cb, window, "the text");
  /* Positive control of the find below: in the course it opens. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_widget (GTK_WIDGET (window),
                                                                               GTK_TYPE_SEARCH_BAR))));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  wait_until (library_shown_cb, window, "the library again");
  {
    FocusWait focus = { GTK_WIDGET (window), GTK_WIDGET (card (window, "test-good")) };

    g_assert_true (focus_within_cb (&focus));
  }
  /* The course's find is off in the library. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_widget (GTK_WIDGET (window),
                                                                                GTK_TYPE_SEARCH_BAR))));

  /* Back to the pack being read: not opened again. */
  g_signal_emit_by_name (card (window, "test-good"), "activate");
  wait_until (course_shown_cb, window, "the course again");
  g_assert_true (pn_window_get_pack (window) == pack);

  /* Another card opens another pack; the header's Library button back there. */
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (window), "win.show-library"), "clicked");
  wait_until (library_shown_cb, window, "the library once more");
  g_signal_emit_by_name (card (window, "rauzy-prison-numerique"), "activate");
  wait_until (session_opened_cb, window, "the essay to be opened");
  wait_until (course_shown_cb, window, "the course of the essay");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "rauzy-prison-numerique");

  close_window (window);
  empty_library ();
}

/* From the keyboard: Alt+Home to the library, Enter on a card, the Menu key on a card. */
static void
test_library_keyboard (void)
{
  PnWindow *window;
  GtkWidget *menu_button;
  GtkPopover *popover;

  empty_library ();
  install ("good", "test-good");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  wait_until (window_active_cb, window, "the window to have the keyboard");
  pn_library_page_focus_card (library_page (window), "test-good");

  if (!pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0))
    {
      close_window (window);
      g_test_skip ("No XTest: real keys cannot be pressed");
      return;
    }
  wait_until (session_opened_cb, window, "the pack to be opened from the keyboard");
  wait_until (course_shown_cb, window, "the course");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "test-good");
  wait_until (reader_loaded_cb, window, "the text");

  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Home, GDK_ALT_MASK));
  wait_until (library_shown_cb, window, "the library from Alt+Home");
  save_settled_screenshots (GTK_WIDGET (window), "library-keyboard.png");

  /* F6 goes from the cards to the library's header bar, and back. */
  {
    GtkWidget *header = pn_library_page_get_header_bar (library_page (window));
    FocusWait in_header = { GTK_WIDGET (window), header };
    FocusWait on_card = { GTK_WIDGET (window), GTK_WIDGET (card (window, "test-good")) };

    g_assert_true (focus_within_cb (&on_card));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
    g_assert_true (focus_within_cb (&in_header));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
    g_assert_true (focus_within_cb (&(FocusWait) { GTK_WIDGET (window),
                                                   pn_library_page_get_content (library_page (window)) }));
    pn_library_page_focus_card (library_page (window), "test-good");
  }

  /* The card has the keyboard; the Menu key opens its menu. */
  menu_button = find_widget (GTK_WIDGET (card (window, "test-good")), GTK_TYPE_MENU_BUTTON);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_false (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Menu, 0));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  wait_until ((Condition) gtk_widget_get_visible, popover, "the card's menu");
  gtk_popover_popdown (popover);

  close_window (window);
  empty_library ();
}

static AdwMessageDialog *
remove_dialog (PnWindow   *window,
               const char *id)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-pack", "s", id);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  wait_until (window_mapped_cb, dialog, "the dialog");

  return ADW_MESSAGE_DIALOG (dialog);
}

/* The label shown for @mnemonic (« _Undo »: « Undo »). */
static char *
plain (const char *mnemonic)
{
  g_autoptr(GString) label = g_string_new (mnemonic);

  g_string_replace (label, "_", "", 0);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

typedef struct {
  PnWindow   *window;
  const char *message;
  GtkWidget  *button;
} UndoWait;

/* The Undo button of the toast saying @message that is there to stay, not of
 * one leaving: an earlier removal's toast saying the same may still be fading
 * out while the new one waits its turn (pn-toast.c); libadwaita 1.7 makes a
 * leaving toast untargetable, 1.2 does not, but its Undo was the one clicked
 * last. The newest toast comes last. */
static GtkWidget *undo_clicked;

static gboolean
undo_shown_cb (gpointer data)
{
  UndoWait *wait = data;
  g_autofree char *undo = plain (_("_Undo"));
  g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (wait->window), GTK_TYPE_LABEL, wait->message, TRUE);

  for (guint i = labels->len; i-- > 0 && wait->button == NULL;)
    {
      GtkWidget *up;

      for (up = g_ptr_array_index (labels, i); up != NULL && gtk_widget_get_can_target (up);
           up = gtk_widget_get_parent (up))
        ;
      if (up != NULL)
        continue;  /* in a toast leaving */
      /* Up from the message to the toast holding the button. */
      for (up = g_ptr_array_index (labels, i); up != NULL && wait->button == NULL; up = gtk_widget_get_parent (up))
        {
          g_autoptr(GPtrArray) found = find_widgets (up, GTK_TYPE_LABEL, undo, TRUE);

          for (guint j = 0; j < found->len; j++)
            if (g_str_equal (gtk_label_get_text (g_ptr_array_index (found, j)), undo))
              wait->button = gtk_widget_get_ancestor (g_ptr_array_index (found, j), GTK_TYPE_BUTTON);
        }
      if (wait->button == undo_clicked)
        wait->button = NULL;
    }
  return wait->button != NULL;
}

static GtkWidget *
undo_button (PnWindow   *window,
             const char *message)
{
  UndoWait wait = { window, message, NULL };
  g_autofree char *what = g_strdup_printf ("an Undo button with “%s”", message);

  wait_until (undo_shown_cb, &wait, what);
  g_set_weak_pointer (&undo_clicked, wait.button);
  return wait.button;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *label)
{
  g_autofree char *shown = plain (label);

  g_signal_emit_by_name (button_labelled (GTK_WIDGET (dialog), shown), "clicked");
  wait_until (not_toplevel_cb, dialog, "the dialog to close");
}

static gboolean
has_card_cb (gpointer data)
{
  return card (data, "test-good") != NULL;
}

static gboolean
no_card_cb (gpointer data)
{
  return !has_card_cb (data);
}

static gboolean
has_quiz_card_cb (gpointer data)
{
  return card (data, "test-quiz") != NULL;
}

static gboolean
no_quiz_card_cb (gpointer data)
{
  return card (data, "test-quiz") == NULL;
}

static guint
notes_of (const char *id)
{
  const char *docs[] = { "texte", "notes", NULL };
  PnPackProgress progress;
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_get_pack_progress (store (), id, docs, g_get_real_time () / G_USEC_PER_SEC,
                                             &progress, &error));
  g_assert_no_error (error);
  return progress.notes;
}

static void
add_note (const char *id)
{
  g_autoptr(GError) error = NULL;
  PnAnnotation *note = pn_annotation_new (id, "texte", PN_ANNOTATION_DOCUMENT_NOTE);

  g_free (note->note);
  note->note = g_strdup ("À relire avant l’examen");
  g_assert_true (pn_store_add_annotation (store (), note, &error));
  g_assert_no_error (error);
  pn_annotation_free (note);
}

/* Remove, Cancel (nothing happens), remove again, Undo: back as it was. */
static void
test_library_remove_undo (void)
{
  PnWindow *window;

  empty_library ();
  install ("good", "test-good");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  g_assert_nonnull (card (window, "test-good"));
  /* The bundled essay cannot be removed: no menu. */
  g_assert_false (pn_library_card_popup_menu (card (window, "rauzy-prison-numerique")));

  answer (remove_dialog (window, "test-good"), "Cancel");
  g_assert_true (installed ("test-good"));
  g_assert_nonnull (card (window, "test-good"));

  answer (remove_dialog (window, "test-good"), "Keep Notes");
  wait_until (no_card_cb, window, "the card to go");
  g_assert_false (installed ("test-good"));
  g_signal_emit_by_name (undo_button (window, "“Un dossier de test : tout va bien” removed"), "clicked");
  wait_until (has_card_cb, window, "the card to come back");
  g_assert_true (installed ("test-good"));

  /* The pack being read, removed from the course: the window goes to the library. */
  g_signal_emit_by_name (card (window, "test-good"), "activate");
  wait_until (session_opened_cb, window, "the pack to be opened");
  wait_until (course_shown_cb, window, "the course");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "test-good");
  answer (remove_dialog (window, "test-good"), "Keep Notes");
  wait_until (library_shown_cb, window, "the library, the pack read being gone");
  g_assert_null (card (window, "test-good"));
  /* Undo: its card opens it again (from its folder, back in place). */
  g_signal_emit_by_name (undo_button (window, "“Un dossier de test : tout va bien” removed"), "clicked");
  wait_until (has_card_cb, window, "the card of the pack read to come back");
  g_signal_emit_by_name (card (window, "test-good"), "activate");
  wait_until (course_shown_cb, window, "the course again");
  wait_until (reader_loaded_cb, window, "the text again");

  close_window (window);
  g_assert_true (installed ("test-good"));
  empty_library ();
}

/* Removed for good once the toast goes (another toast takes its place, or the
 * window closes): the folder is gone; the notes are kept or deleted as chosen. */
static void
test_library_remove_for_good (void)
{
  PnWindow *window;

  empty_library ();
  install ("good", "test-good");
  add_note ("test-good");
  g_assert_cmpuint (notes_of ("test-good"), ==, 1);

  /* Keep Notes, then the window closes. */
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  answer (remove_dialog (window, "test-good"), "Keep Notes");
  wait_until (no_card_cb, window, "the card to go");
  g_assert_true (library_folder_mentions ("test-good"));
  close_window (window);
  g_assert_false (library_folder_mentions ("test-good"));
  g_assert_cmpuint (notes_of ("test-good"), ==, 1);

  /* Delete Notes, then another toast takes the place of « removed ». */
  install ("good", "test-good");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  answer (remove_dialog (window, "test-good"), "Delete Notes");
  wait_until (no_card_cb, window, "the card to go");
  /* Not yet: Undo could still bring them back. */
  g_assert_cmpuint (notes_of ("test-good"), ==, 1);
  g_assert_true (library_folder_mentions ("test-good"));
  pn_window_add_toast (window, adw_toast_new ("Something else"));
  wait_until (folder_gone_cb, (gpointer) "test-good", "the pack's folder to go");
  g_assert_cmpuint (notes_of ("test-good"), ==, 0);
  close_window (window);
  empty_library ();
}

/* A copy of the good pack under @id and @title, with a cover image (a blue and orange picture). */
static void
install_with_cover (const char *id,
                    const char *title)
{
  g_autofree char *folder = g_build_filename (library_dir, id, NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *cover_path = g_build_filename (folder, "cover.png", NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\",\n  \"cover\": \"cover.png\"", id);
  g_autofree char *title_member = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autoptr(GdkPixbuf) picture = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 400);
  g_autoptr(GdkPixbuf) band = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  install ("good", id);
  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, &error));
  text = g_string_new (manifest);
  g_assert_cmpuint (g_string_replace (text, "\"id\": \"test-good\"", id_member, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"title\": \"Un dossier de test : tout va bien\"", title_member, 1), ==, 1);
  g_assert_true (g_file_set_contents (manifest_path, text->str, -1, &error));

  gdk_pixbuf_fill (picture, 0x1c71d8ff);
  band = gdk_pixbuf_new_subpixbuf (picture, 0, 250, 300, 80);
  gdk_pixbuf_fill (band, 0xf5c211ff);
  g_assert_true (gdk_pixbuf_save (picture, cover_path, "png", &error, NULL));
  g_assert_no_error (error);
}

/* Where the student is: the good pack's first text half read, and a note. */
static void
add_progress (const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_set_position (store (), id, "texte", NULL, 0.5, &error));
  g_assert_no_error (error);
  add_note (id);
}

static void
forget (const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_forget_pack (store (), id, &error));
  g_assert_no_error (error);
}

/* The progress figures: the pack with a reading position and a note says so,
 * on the card and to a screen reader; the pack not started says that. */
static void
test_library_progress (void)
{
  PnWindow *window;
  g_autofree char *figures = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *error = NULL;

  empty_library ();
  install ("good", "test-good");
  install ("quiz", "test-quiz");
  add_progress ("test-good");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");

  figures = pn_library_card_get_figures (card (window, "test-good"));
  g_assert_cmpstr (figures, ==, "0 of 2 texts read · 1 note");
  g_assert_true (shows_label (GTK_WIDGET (window), "1 note"));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card (window, "test-good")),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Un dossier de test : tout va bien, by Camille Martin, Sam Durand, "
                                              "Version 2.1.0. 0 of 2 texts read, 1 note");
  g_assert_cmpstr (error, ==, NULL);
  /* Negative control: nothing done in the quiz pack. */
  {
    PnLibraryCard *quiz = pn_library_page_get_card (library_page (window), "test-quiz");

    untouched = pn_library_card_get_figures (quiz);
    g_assert_true (g_str_has_prefix (untouched, "Not started yet"));
  }

  /* Read to the end: counted as read once the library is shown again. */
  g_assert_true (pn_store_set_position (store (), "test-good", "texte", NULL, 1.0, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  g_clear_pointer (&figures, g_free);
  figures = pn_library_card_get_figures (card (window, "test-good"));
  g_assert_cmpstr (figures, ==, "1 of 2 texts read · 1 note");

  close_window (window);
  forget ("test-good");
  empty_library ();
}

/* A cover from the pack's image; else drawn, in a colour kept by the pack's id. */
static void
test_library_covers (void)
{
  PnWindow *window;
  g_autoptr(GPtrArray) covers = NULL;
  PnPackCover *drawn, *pictured;
  g_autofree char *color = NULL;

  empty_library ();
  install ("good", "test-good");
  install_with_cover ("test-cover", "Un dossier avec sa couverture");
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");

  drawn = PN_PACK_COVER (find_widget (GTK_WIDGET (card (window, "test-good")), PN_TYPE_PACK_COVER));
  pictured = PN_PACK_COVER (find_widget (GTK_WIDGET (card (window, "test-cover")), PN_TYPE_PACK_COVER));
  g_assert_false (pn_pack_cover_has_image (drawn));
  g_assert_true (pn_pack_cover_has_image (pictured));
  color = pn_pack_cover_get_color (drawn);
  g_assert_cmpuint (strlen (color), ==, 7);
  close_window (window);

  /* The same colour the next time. */
  window = start_app ();
  wait_until (library_shown_cb, window, "the library");
  drawn = PN_PACK_COVER (find_widget (GTK_WIDGET (card (window, "test-good")), PN_TYPE_PACK_COVER));
  {
    g_autofree char *again = pn_pack_cover_get_color (drawn);

    g_assert_cmpstr (again, ==, color);
  }
  close_window (window);
  empty_library ();
}

/* For people: the library light, dark and at 360 px (one column), the
 * dialog and the toast of a removal; in French in the library-fr run. */
static void
test_library_screenshots (void)
{
  struct { const char *name; const char *scheme; int width; int height; } looks[] = {
    { "light", "light", 1000, 700 },
    { "dark", "dark", 1000, 700 },
    { "narrow", "light", 360, 720 },
  };
  GSettings *settings = pn_application_get_settings (app);
  const char *lang = g_strcmp0 (g_getenv ("PN_TEST_FRENCH"), "1") == 0 ? "fr-" : "";

  empty_library ();
  install ("good", "test-good");
  install ("quiz", "test-quiz");
  install_with_cover ("test-cover", "Un dossier avec sa couverture");
  add_progress ("test-good");

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *shot = g_strdup_printf ("library-%s%s.png", lang, looks[i].name);
      g_autofree char *dialog_shot = g_strdup_printf ("library-%s%s-remove.png", lang, looks[i].name);
      g_autofree char *toast_shot = g_strdup_printf ("library-%s%s-removed.png", lang, looks[i].name);
      PnWindow *window;
      AdwMessageDialog *dialog;
      GtkWidget *flow_box;

      g_settings_set_string (settings, "color-scheme", looks[i].scheme);
      window = start_app_sized (looks[i].width, looks[i].height);
      wait_until (library_shown_cb, window, "the library");
      g_assert_cmpuint (n_cards (window), ==, 4);
      /* Nothing wider than the window; one column at 360 px. */
      flow_box = pn_library_page_get_content (library_page (window));
      g_assert_cmpint (gtk_widget_get_width (flow_box), <=, looks[i].width);
      if (looks[i].width == 360)
        {
          graphene_rect_t first, second;

          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (window, "rauzy-prison-numerique")), flow_box, &first));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card (window, "test-cover")), flow_box, &second));
          g_assert_cmpfloat (second.origin.y, >=, first.origin.y + first.size.height);
          g_assert_cmpfloat (first.origin.x + first.size.width, <=, 360);
        }
      save_settled_screenshots (GTK_WIDGET (window), shot);

      dialog = remove_dialog (window, "test-quiz");
      wait_for_paint (GTK_WIDGET (dialog));
      save_settled_screenshots (GTK_WIDGET (dialog), dialog_shot);
      answer (dialog, _("_Keep Notes"));
      wait_until (no_quiz_card_cb, window, "the card to go");
      {
        g_autofree char *removed = g_strdup_printf (_("“%s” removed"), "Un petit questionnaire");
        GtkWidget *undo = undo_button (window, removed);

        save_settled_screenshots (GTK_WIDGET (window), toast_shot);
        g_signal_emit_by_name (undo, "clicked");
        wait_until (has_quiz_card_cb, window, "the card to come back");
      }
      close_window (window);
      g_assert_true (installed ("test-quiz"));
    }

  g_settings_reset (settings, "color-scheme");
  forget ("test-good");
  empty_library ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  library_dir = g_dir_make_tmp ("pn-test-library-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("PRISONNUM_LIBRARY_DIR", library_dir, TRUE);

  window_test_init (&argc, &argv);

  g_test_add_func ("/library/start", test_library_start);
  g_test_add_func ("/library/open", test_library_open);
  g_test_add_func ("/library/keyboard", test_library_keyboard);
  g_test_add_func ("/library/remove-undo", test_library_remove_undo);
  g_test_add_func ("/library/remove-for-good", test_library_remove_for_good);
  g_test_add_func ("/library/progress", test_library_progress);
  g_test_add_func ("/library/covers", test_library_covers);
  g_test_add_func ("/library/screenshots", test_library_screenshots);

  ret = window_test_run ();
  remove_tree (library_dir);
  g_free (library_dir);

  return ret;
}
