/* test-import.c: course pack files imported into the library from the window
 *
 * A new pack installed and opened; an update whose changes are listed
 * before it replaces the installed pack, the student's notes placed again
 * after it (one kept, one detached and said so); the same version and an
 * older one refused unless asked; another author's pack said to be so; a
 * broken file named with its line in a dialog, leaving nothing in the
 * library; files dropped on the window and given to the application.
 *
 * The library is a temporary folder ($PRISONNUM_LIBRARY_DIR), as are the
 * student's data and cache (pn_ui_test_init()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "notes-page-test.h"
#include "pn-pack-archive.h"
#include "pn-update-dialog.h"

static char *library_dir;
static char *work_dir;
/* A folder of the unpacking cache of earlier versions, made before the application starts. */
static char *old_cache;

static const char pack_json[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"%s\",\n"
  "  \"version\": \"%s\",\n"
  "  \"title\": \"Notes on a harbour\",\n"
  "  \"language\": \"en\",\n"
  "  \"authors\": [{ \"name\": \"%s\" }],\n"
  "  \"license\": \"CC-BY-SA-4.0\",\n"
  "  \"description\": \"A short text to annotate, in two versions.\",\n"
  "  \"documents\": [\n"
  "    { \"id\": \"harbour\", \"title\": \"The Harbour\", \"file\": \"harbour.md\" }%s\n"
  "  ]\n"
  "}\n";

static const char harbour_v1[] =
  "# The Harbour\n\n"
  "The summer was long that year. The boats came back at night with the tide, and the town waited for them.\n\n"
  "An old café stood on the quay, where the sailors talked until morning about everything and nothing.\n";

/* The second version: the café is gone, a paragraph comes first, and there is a second text. */
static const char harbour_v2[] =
  "# The Harbour\n\n"
  "A new first paragraph, written for the second version of the pack.\n\n"
  "The summer was long that year. The boats came back at night with the tide, and the town waited for them.\n";

static const char market_md[] =
  "# The Market\n\n"
  "Every morning the market opens before dawn, under the plane trees of the square.\n";

/* @folder written as the archive @name in the work folder; the folder goes. */
static GFile *
archive_folder (GFile      *folder,
                const char *name)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_pack_archive_write (folder_path, path, &error));
  g_assert_no_error (error);
  pn_pack_archive_remove_tree (folder_path);

  return g_file_new_for_path (path);
}

/* Writes the archive @name in the work folder: the pack @id at @version by
 * @author (v2: the second version's texts). */
static GFile *
write_archive (const char *name,
               const char *id,
               const char *version,
               const char *author,
               gboolean    v2)
{
  g_autofree char *json = g_strdup_printf (pack_json, id, version, author,
                                           v2 ? ",\n    { \"id\": \"market\", \"title\": \"The Market\", "
                                                "\"file\": \"market.md\" }" : "");
  g_autoptr(GFile) folder = v2 ? make_pack ("pack.json", json, "harbour.md", harbour_v2,
                                            "market.md", market_md, NULL)
                               : make_pack ("pack.json", json, "harbour.md", harbour_v1, NULL);

  return archive_folder (folder, name);
}

/* The archive @name in the work folder: a pack.json with a trailing comma at line 4. */
static GFile *
write_broken_archive (const char *name)
{
  g_autoptr(GFile) folder = make_pack ("pack.json",
                                       "{\n  \"format\": 1,\n  \"id\": \"test-import-broken\",\n"
                                       "  \"title\": \"Broken\",,\n}\n",
                                       "harbour.md", harbour_v1, NULL);

  return archive_folder (folder, name);
}

/* Entries of the library folder, hidden ones (staging, trash) included. */
static guint
library_entries (void)
{
  g_autoptr(GDir) dir = g_dir_open (library_dir, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
installed_path (const char *id)
{
  return g_build_filename (library_dir, id, NULL);
}

typedef struct {
  PnWindow   *window;
  const char *id;
  const char *version;
} PackWait;

/* The window shows the installed pack @id (at @version when given), from the library. */
static gboolean
pack_installed_cb (gpointer data)
{
  PackWait *wait = data;
  PnPack *pack = pn_window_get_pack (wait->window);
  g_autofree char *root = NULL;

  if (pack == NULL || g_strcmp0 (pn_pack_get_id (pack), wait->id) != 0 ||
      (wait->version != NULL && g_strcmp0 (pn_pack_get_version (pack), wait->version) != 0))
    return FALSE;
  root = g_file_get_path (pn_pack_get_root (pack));

  return g_str_has_prefix (root, library_dir);
}

static void
wait_installed (PnWindow   *window,
                const char *id,
                const char *version)
{
  PackWait wait = { window, id, version };

  wait_until (pack_installed_cb, &wait, "the imported pack to be open");
}

static gboolean
update_dialog_shown_cb (gpointer data)
{
  GtkWindow *dialog = find_toplevel (PN_TYPE_UPDATE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static AdwMessageDialog *
wait_update_dialog (void)
{
  wait_until (update_dialog_shown_cb, NULL, "the update dialog");

  return ADW_MESSAGE_DIALOG (find_toplevel (PN_TYPE_UPDATE_DIALOG));
}

/* The import error dialog (an AdwMessageDialog of its own class name). */
static gboolean
error_dialog_shown_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (toplevel, "pn-import-error") && gtk_widget_get_mapped (toplevel))
        {
          *(GtkWidget **) data = toplevel;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return find_toplevel (G_TYPE_FROM_INSTANCE (data)) != data;
}

/* Clicks the button of @response (it must be shown), and waits until the dialog is gone. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_autoptr(GString) label = g_string_new (adw_message_dialog_get_response_label (dialog, response));

  g_string_replace (label, "_", "", 0);
  g_object_ref (dialog);
  g_signal_emit_by_name (button_labelled (GTK_WIDGET (dialog), label->str), "clicked");
  wait_until (dialog_gone_cb, dialog, "the dialog to close");
  g_object_unref (dialog);
}

static PnWindow *
open_essay_window (int width)
{
  g_autoptr(GFile) essay = bundled_pack ();

  return open_window_sized (essay, width, 700);
}

/* Imports @archive (a new pack) and waits until it is open. */
static void
import_new (PnWindow   *window,
            GFile      *archive,
            const char *id)
{
  pn_window_import_file (window, archive);
  wait_installed (window, id, NULL);
}

static gboolean
old_cache_gone_cb (gpointer data)
{
  g_autofree char *packs = g_path_get_dirname (old_cache);

  return !g_file_test (packs, G_FILE_TEST_EXISTS);
}

/* The cache where archives were unpacked before there was a library is
 * removed at start-up (it was there: main() made it). */
static void
test_import_old_cache (void)
{
  wait_until (old_cache_gone_cb, NULL, "the old cache to be removed");
}

/* A new pack: installed under its id, opened from there, said so; nothing
 * else is left in the library. */
static void
test_import_new (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) archive = write_archive ("new.prisonnum", "test-import-new", "1.0", "Camille Martin", FALSE);
  g_autofree char *installed = installed_path ("test-import-new");
  g_autofree char *manifest = g_build_filename (installed, "pack.json", NULL);
  guint before = library_entries ();

  import_new (window, archive, "test-import-new");
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (library_entries (), ==, before + 1);
  g_assert_true (pn_library_contains (pn_application_get_library (app), pn_pack_get_root (pn_window_get_pack (window))));
  wait_for_label (GTK_WIDGET (window), "added to the library");
  /* The archive itself is left where it was. */
  g_assert_true (g_file_query_exists (archive, NULL));

  close_window (window);
}

static GPtrArray *
stored_notes (PnWindow   *window,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notes = pn_store_get_annotations (window_store (window), id, "harbour", &error);

  g_assert_no_error (error);
  g_assert_nonnull (notes);

  return notes;
}

static const PnAnnotation *
note_quoting (GPtrArray  *notes,
              const char *quote)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const PnAnnotation *a = g_ptr_array_index (notes, i);

      if (g_strcmp0 (a->selectors.exact, quote) == 0)
        return a;
    }
  g_assert_not_reached ();
}

/* An update: the dialog lists what changed; « Update » installs it, the
 * note on a passage still there is placed at its new position, the one on
 * the café (gone) is detached, and the toast says so with the Notes page a
 * click away. */
static void
test_import_update (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) v1 = write_archive ("update-1.prisonnum", "test-import-update", "1.0", "Camille Martin", FALSE);
  g_autoptr(GFile) v2 = write_archive ("update-2.prisonnum", "test-import-update", "1.1", "Camille Martin", TRUE);
  g_autoptr(GPtrArray) notes = NULL;
  const PnAnnotation *kept;
  const PnAnnotation *gone;
  gint64 kept_start;
  AdwMessageDialog *dialog;
  guint before;

  import_new (window, v1, "test-import-update");
  wait_until (reader_loaded_cb, window, "the first version's text");
  add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_YELLOW,
                                         "The boats came back at night", "the boats", NULL, 0));
  add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_GREEN,
                                         "An old café stood on the quay", "the café", NULL, 0));
  notes = stored_notes (window, "test-import-update");
  kept_start = note_quoting (notes, "The boats came back at night")->selectors.start;
  g_clear_pointer (&notes, g_ptr_array_unref);
  before = library_entries ();

  pn_window_import_file (window, v2);
  dialog = wait_update_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, PN_UPDATE_DIALOG_REPLACE));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, PN_UPDATE_DIALOG_REPLACE), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_nonnull (strstr (pn_update_dialog_get_body (PN_UPDATE_DIALOG (dialog)), "1.0\u00a0→\u00a01.1"));
  /* The Market added, the Harbour edited. */
  g_assert_cmpuint (pn_update_dialog_get_n_changes (PN_UPDATE_DIALOG (dialog)), ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (dialog), "The Market"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Added"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Changed"));
  g_assert_false (shows_label (GTK_WIDGET (dialog), "Another author"));
  save_settled_screenshots (GTK_WIDGET (window), "import-update.png");
  save_screenshot (GTK_WIDGET (dialog), "import-update-dialog.png");
  /* Nothing is replaced while the dialog asks. */
  wait_installed (window, "test-import-update", "1.0");

  respond (dialog, PN_UPDATE_DIALOG_REPLACE);
  wait_installed (window, "test-import-update", "1.1");
  g_assert_cmpuint (library_entries (), ==, before);

  notes = stored_notes (window, "test-import-update");
  g_assert_cmpuint (notes->len, ==, 2);
  kept = note_quoting (notes, "The boats came back at night");
  gone = note_quoting (notes, "An old café stood on the quay");
  g_assert_false (kept->detached);
  g_assert_cmpint (kept->selectors.start, >, kept_start);
  g_assert_true (gone->detached);
  g_assert_cmpstr (gone->note, ==, "the café");
  wait_for_label (GTK_WIDGET (window), "1 note detached, 1 in place");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-notes", NULL);
  wait_until (notes_mapped_cb, window, "the Notes page");

  close_window (window);
}

/* The same version: said, nothing replaced (the installed folder is the
 * same one), no staging left; an older one: the installed one is newer,
 * replacing it takes an explicit, destructive « Replace Anyway ». */
static void
test_import_same_older (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) v2 = write_archive ("same-2.prisonnum", "test-import-same", "2.0", "Camille Martin", TRUE);
  g_autoptr(GFile) again = write_archive ("same-2b.prisonnum", "test-import-same", "2.0", "Camille Martin", FALSE);
  g_autoptr(GFile) v1 = write_archive ("same-1.prisonnum", "test-import-same", "1.0", "Camille Martin", FALSE);
  g_autofree char *installed = installed_path ("test-import-same");
  g_autofree char *market = g_build_filename (installed, "market.md", NULL);
  AdwMessageDialog *dialog;
  guint before;

  import_new (window, v2, "test-import-same");
  before = library_entries ();
  g_assert_true (g_file_test (market, G_FILE_TEST_IS_REGULAR));

  pn_window_import_file (window, again);
  dialog = wait_update_dialog ();
  g_assert_cmpstr (pn_update_dialog_get_heading (PN_UPDATE_DIALOG (dialog)), ==, "This Version Is Already Installed");
  g_assert_false (adw_message_dialog_has_response (dialog, PN_UPDATE_DIALOG_REPLACE));
  g_assert_true (adw_message_dialog_has_response (dialog, PN_UPDATE_DIALOG_OPEN));
  respond (dialog, PN_UPDATE_DIALOG_CANCEL);
  /* The installed one (with its second text) is still there, and only it. */
  g_assert_true (g_file_test (market, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (library_entries (), ==, before);

  pn_window_import_file (window, v1);
  dialog = wait_update_dialog ();
  g_assert_cmpstr (pn_update_dialog_get_heading (PN_UPDATE_DIALOG (dialog)), ==, "A Newer Version Is Installed");
  g_assert_true (adw_message_dialog_has_response (dialog, PN_UPDATE_DIALOG_REPLACE));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, PN_UPDATE_DIALOG_REPLACE), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, PN_UPDATE_DIALOG_OPEN);
  respond (dialog, PN_UPDATE_DIALOG_OPEN);
  wait_installed (window, "test-import-same", "2.0");
  g_assert_true (g_file_test (market, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (library_entries (), ==, before);

  /* Positive control: asked to, the older one does replace it. */
  pn_window_import_file (window, v1);
  respond (wait_update_dialog (), PN_UPDATE_DIALOG_REPLACE);
  wait_installed (window, "test-import-same", "1.0");
  g_assert_false (g_file_test (market, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (library_entries (), ==, before);

  close_window (window);
}

static gboolean
library_entries_are_cb (gpointer data)
{
  return library_entries () == GPOINTER_TO_UINT (data);
}

/* The window closed while the update dialog asks: the staged pack (there
 * while it asks) goes, the installed one stays. */
static void
test_import_abandoned (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) v1 = write_archive ("left-1.prisonnum", "test-import-left", "1.0", "Camille Martin", FALSE);
  g_autoptr(GFile) v2 = write_archive ("left-2.prisonnum", "test-import-left", "2.0", "Camille Martin", TRUE);
  g_autofree char *installed = installed_path ("test-import-left");
  g_autofree char *market = g_build_filename (installed, "market.md", NULL);
  guint before;

  import_new (window, v1, "test-import-left");
  before = library_entries ();
  pn_window_import_file (window, v2);
  wait_update_dialog ();
  /* The staging folder of the file being asked about. */
  g_assert_cmpuint (library_entries (), ==, before + 1);

  close_window (window);
  wait_until (library_entries_are_cb, GUINT_TO_POINTER (before), "the staging folder to go");
  g_assert_null (find_toplevel (PN_TYPE_UPDATE_DIALOG));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (market, G_FILE_TEST_EXISTS));
}

/* A pack by someone else claiming an installed pack's id: said first, with
 * both authors, and replacing is destructive and not the default. */
static void
test_import_other_author (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) mine = write_archive ("mine.prisonnum", "test-import-other", "1.0", "Camille Martin", FALSE);
  g_autoptr(GFile) theirs = write_archive ("theirs.prisonnum", "test-import-other", "3.0", "Dominique Vol", TRUE);
  AdwMessageDialog *dialog;

  import_new (window, mine, "test-import-other");

  pn_window_import_file (window, theirs);
  dialog = wait_update_dialog ();
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Another author"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Camille Martin"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Dominique Vol"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, PN_UPDATE_DIALOG_REPLACE), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, PN_UPDATE_DIALOG_CANCEL);
  save_settled_screenshots (GTK_WIDGET (window), "import-other-author.png");
  respond (dialog, PN_UPDATE_DIALOG_CANCEL);
  wait_installed (window, "test-import-other", "1.0");

  close_window (window);
}

/* A pack.json with a trailing comma at line 4: the dialog names the file,
 * and the message the line; the library holds nothing more. Positive
 * control: the same pack mended adds exactly one folder. */
static void
test_import_broken (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) broken = write_broken_archive ("broken.prisonnum");
  g_autoptr(GFile) good = write_archive ("mended.prisonnum", "test-import-broken", "1.0", "Camille Martin", FALSE);
  GtkWidget *dialog = NULL;
  guint before = library_entries ();

  pn_window_import_file (window, broken);
  wait_until (error_dialog_shown_cb, &dialog, "the import error dialog");
  g_assert_true (shows_label (dialog, "“broken.prisonnum” was not added"));
  g_assert_true (shows_label (dialog, "pack.json:4"));
  save_settled_screenshots (GTK_WIDGET (window), "import-error.png");
  save_screenshot (dialog, "import-error-dialog.png");
  respond (ADW_MESSAGE_DIALOG (dialog), "close");
  g_assert_cmpuint (library_entries (), ==, before);
  /* The window still shows what it showed. */
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), !=, "test-import-broken");

  import_new (window, good, "test-import-broken");
  g_assert_cmpuint (library_entries (), ==, before + 1);

  close_window (window);
}

/* Files dropped on the window: a pack file is imported, anything else is
 * refused with a word. */
static void
test_import_drop (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) archive = write_archive ("dropped.prisonnum", "test-import-drop", "1.0", "Camille Martin", FALSE);
  g_autoptr(GFile) essay = bundled_pack ();
  GtkEventController *target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  controllers = gtk_widget_observe_controllers (overlay);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = controller;
    }
  g_assert_nonnull (target);

  /* A folder: not imported. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  files = g_slist_prepend (NULL, essay);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_false (accepted);
  g_value_unset (&value);
  wait_for_label (GTK_WIDGET (window), "Only course pack files");

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  files = g_slist_prepend (NULL, archive);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_value_unset (&value);
  wait_installed (window, "test-import-drop", NULL);

  close_window (window);
}

static gboolean
chooser_shown_cb (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_chosen_cb (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* « Import Course Pack… » (Ctrl+Shift+O): the file chooser (GTK's own here,
 * the portal's inside Flatpak) offers course pack files; the one chosen is
 * imported. */
static void
test_import_chooser (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) archive = write_archive ("chosen.prisonnum", "test-import-chosen", "1.0", "Camille Martin", FALSE);
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;
  GtkFileFilter *filter;

  /* From the keyboard, as the student would (through XTest, on X11). */
  wait_until (window_active_cb, window, "the window to have the keyboard");
  if (!pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    {
      g_test_message ("No XTest: the action activated instead of Ctrl+Shift+O");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-pack", NULL));
    }
  wait_until (chooser_shown_cb, NULL, "the file chooser");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Course Pack Files");
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), archive, &error));
  g_assert_no_error (error);
  /* Selected once the chooser has read the folder. */
  wait_until (file_chosen_cb, chooser, "the file to be selected");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_installed (window, "test-import-chosen", NULL);

  close_window (window);
}

/* « Open With » and the command line: a pack file is imported, a folder
 * opened where it is (not installed). */
static void
test_import_open (void)
{
  PnWindow *window = open_essay_window (1000);
  g_autoptr(GFile) archive = write_archive ("opened.prisonnum", "test-import-open", "1.0", "Camille Martin", FALSE);
  g_autoptr(GFile) folder = make_notes_pack ("test-import-folder");
  guint before = library_entries ();

  g_application_open (G_APPLICATION (app), &archive, 1, "");
  wait_installed (window, "test-import-open", NULL);
  g_assert_cmpuint (library_entries (), ==, before + 1);

  g_application_open (G_APPLICATION (app), &folder, 1, "");
  wait_until (session_opened_cb, window, "the folder");
  g_assert_true (g_file_equal (pn_pack_get_root (pn_window_get_pack (window)), folder));
  g_assert_false (pn_library_contains (pn_application_get_library (app), folder));
  g_assert_cmpuint (library_entries (), ==, before + 1);

  close_window (window);
}

/* The toast showing @text has stopped moving, the one before it gone. */
static void
wait_toast_settled (PnWindow   *window,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, text, TRUE);
  GtkWidget *toast = gtk_widget_get_ancestor (g_ptr_array_index (labels, 0), ADW_TYPE_BIN);
  graphene_rect_t before = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  graphene_rect_t now;

  g_assert_nonnull (toast);
  for (;;)
    {
      wait_for_paint (GTK_WIDGET (window));
      g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &now));
      if (graphene_rect_equal (&before, &now) &&
          gtk_widget_get_opacity (toast) == 1.0)
        break;
      before = now;
    }
}

/* For people to look at (PN_SCREENSHOT_DIR): the update dialog, an import
 * error and the drop highlight, 1000 and 360 px wide, in the language of the
 * run (LANGUAGE=fr) and in the dark style with PN_TEST_DARK=1. */
static void
test_import_screenshots (void)
{
  const int widths[] = { 1000, 360 };
  const char *style = g_strcmp0 (g_getenv ("PN_TEST_DARK"), "1") == 0 ? "dark" : "light";
  const char *language = g_getenv ("LANGUAGE") != NULL && g_getenv ("LANGUAGE")[0] != '\0'
                         ? g_getenv ("LANGUAGE") : "en";

  if (g_getenv ("PN_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("screenshots only with PN_SCREENSHOT_DIR");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *id = g_strdup_printf ("test-import-shot-%d", widths[i]);
      g_autoptr(GFile) v1 = write_archive ("shot-1.prisonnum", id, "1.0", "Camille Martin", FALSE);
      g_autoptr(GFile) v2 = write_archive ("shot-2.prisonnum", id, "1.1", "Camille Martin", TRUE);
      g_autoptr(GFile) broken = write_broken_archive ("course-v2.prisonnum");
      GtkWidget *overlay;
      GtkWidget *error_dialog = NULL;
      AdwMessageDialog *dialog;
      PnWindow *window = open_essay_window (widths[i]);
      g_autofree char *name = NULL;

      import_new (window, v1, id);
      pn_window_import_file (window, v2);
      dialog = wait_update_dialog ();
      name = g_strdup_printf ("import-update-%d-%s-%s.png", widths[i], style, language);
      save_settled_screenshots (GTK_WIDGET (window), name);
      respond (dialog, PN_UPDATE_DIALOG_CANCEL);

      pn_window_import_file (window, broken);
      wait_until (error_dialog_shown_cb, &error_dialog, "the import error dialog");
      g_free (name);
      name = g_strdup_printf ("import-error-%d-%s-%s.png", widths[i], style, language);
      save_settled_screenshots (GTK_WIDGET (window), name);
      respond (ADW_MESSAGE_DIALOG (error_dialog), "close");

      /* The update, with a note on the café (gone from the second version). */
      wait_until (reader_loaded_cb, window, "the first version's text");
      add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_YELLOW,
                                             "An old café stood on the quay", NULL, NULL, 0));
      add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_GREEN,
                                             "The boats came back at night", NULL, NULL, 0));
      pn_window_import_file (window, v2);
      respond (wait_update_dialog (), PN_UPDATE_DIALOG_REPLACE);
      wait_installed (window, id, "1.1");
      wait_until (reader_loaded_cb, window, "the second version's text");
      /* In the language of the run; the toast seen once it has come up. */
      g_free (name);
      name = g_strdup_printf (ngettext ("%u note detached", "%u notes detached", 1), 1);
      wait_for_label (GTK_WIDGET (window), name);
      wait_toast_settled (window, name);
      g_free (name);
      name = g_strdup_printf ("import-updated-%d-%s-%s.png", widths[i], style, language);
      save_settled_screenshots (GTK_WIDGET (window), name);

      /* As while files are dragged over the window. */
      overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
      gtk_widget_set_state_flags (overlay, GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
      g_free (name);
      name = g_strdup_printf ("import-drop-%d-%s-%s.png", widths[i], style, language);
      save_settled_screenshots (GTK_WIDGET (window), name);
      gtk_widget_unset_state_flags (overlay, GTK_STATE_FLAG_DROP_ACTIVE);

      close_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before the application starts: it opens its library there. */
  work_dir = g_dir_make_tmp ("pn-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  library_dir = g_build_filename (work_dir, "library", NULL);
  g_setenv ("PRISONNUM_LIBRARY_DIR", library_dir, TRUE);

  /* window_test_init(), with a folder left by an older version in the
   * unpacking cache before the application starts. */
  pn_ui_test_init (&argc, &argv);
  old_cache = g_build_filename (g_get_user_cache_dir (), "prisonnum", "packs", "0123abcd", NULL);
  g_assert_cmpint (g_mkdir_with_parents (old_cache, 0700), ==, 0);
  {
    g_autofree char *manifest = g_build_filename (old_cache, "pack.json", NULL);

    g_assert_true (g_file_set_contents (manifest, "{}", -1, NULL));
  }
  app = pn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* PN_TEST_DARK=1: the screenshots in the dark style. */
  if (g_strcmp0 (g_getenv ("PN_TEST_DARK"), "1") == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new ("org.example.Prisonnum");

      g_settings_set_string (settings, "color-scheme", "dark");
    }

  g_test_add_func ("/import/old-cache", test_import_old_cache);
  g_test_add_func ("/import/new", test_import_new);
  g_test_add_func ("/import/update", test_import_update);
  g_test_add_func ("/import/same-older", test_import_same_older);
  g_test_add_func ("/import/other-author", test_import_other_author);
  g_test_add_func ("/import/abandoned", test_import_abandoned);
  g_test_add_func ("/import/broken", test_import_broken);
  g_test_add_func ("/import/drop", test_import_drop);
  g_test_add_func ("/import/chooser", test_import_chooser);
  g_test_add_func ("/import/open", test_import_open);
  g_test_add_func ("/import/screenshots", test_import_screenshots);

  status = window_test_run ();
  pn_pack_archive_remove_tree (work_dir);
  g_free (library_dir);
  g_free (work_dir);
  g_free (old_cache);

  return status;
}
