/* window-test.c: what the window's test programs share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pn-sidebar-row.h"
#include "pn-ui-test.h"
#include "pn-web-shell.h"
#include "window-test.h"

PnApplication *app;

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until @widget's window has painted a frame after this call. */
void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (flag_set_cb, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

typedef struct {
  GType       type;
  const char *text;        /* for labels: a substring of the text shown */
  gboolean    mapped_only;
  GPtrArray  *found;
} Search;

static void
search_tree (GtkWidget *widget,
             Search    *search)
{
  if (search->mapped_only && !gtk_widget_get_mapped (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, search->type))
    {
      gboolean match = TRUE;

      if (search->text != NULL && GTK_IS_LABEL (widget))
        match = strstr (gtk_label_get_text (GTK_LABEL (widget)), search->text) != NULL;

      if (match)
        g_ptr_array_add (search->found, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    search_tree (child, search);
}

GPtrArray *
find_widgets (GtkWidget  *root,
              GType       type,
              const char *text,
              gboolean    mapped_only)
{
  Search search = { type, text, mapped_only, g_ptr_array_new () };

  search_tree (root, &search);

  return search.found;
}

GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = find_widgets (root, type, NULL, FALSE);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON, NULL, TRUE);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) found = find_widgets (root, GTK_TYPE_LABEL, text, TRUE);

  return found->len > 0;
}

/* Mapped or not (a closed menu's labels). */
gboolean
shows_label_anywhere (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GPtrArray) found = find_widgets (root, GTK_TYPE_LABEL, NULL, FALSE);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (found, i)), text))
      return TRUE;

  return FALSE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown_cb (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->root, wait->text);
}

void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };
  g_autofree char *what = g_strdup_printf ("a label showing “%s”", text);

  wait_until (label_shown_cb, &wait, what);
}

GtkWidget *
find_sidebar (GtkWidget *window)
{
  g_autoptr(GPtrArray) lists = find_widgets (window, GTK_TYPE_LIST_BOX, NULL, FALSE);

  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "navigation-sidebar"))
      return g_ptr_array_index (lists, i);

  return NULL;
}

/* Screenshots for people (PN_SCREENSHOT_DIR set): the window as GTK draws it. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PN_SCREENSHOT_DIR");
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  wait_for_paint (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: nothing drawn", name);
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_mkdir_with_parents (dir, 0755);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("Screenshot: %s", path);
}

gboolean
stacks_settled_cb (gpointer data)
{
  g_autoptr(GPtrArray) stacks = find_widgets (GTK_WIDGET (data), GTK_TYPE_STACK, NULL, TRUE);

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_transition_running (g_ptr_array_index (stacks, i)))
      return FALSE;
  return TRUE;
}

void
save_settled_screenshots (GtkWidget  *window,
                          const char *name)
{
  const char *dir = g_getenv ("PN_SCREENSHOT_DIR");

  pn_ui_test_wait_until (stacks_settled_cb, window, "the pages to settle");
  save_screenshot (window, name);
  if (dir != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s/screen-%s", dir, name);
      g_autofree char *command = g_strdup_printf ("import -window root %s", path);

      wait_for_paint (window);
      if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
        g_test_message ("Could not take %s", path);
    }
}

/* Windows */

gboolean
reader_loaded_cb (gpointer data)
{
  PnReaderView *reader = pn_window_get_reader_view (data);

  return pn_reader_view_get_document_id (reader) != NULL && !pn_reader_view_is_loading (reader);
}

gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

gboolean
window_active_cb (gpointer data)
{
  return gtk_window_is_active (data);
}

gboolean
session_opened_cb (gpointer data)
{
  PnPackSession *session = pn_window_get_session (data);

  /* Its whole check done too: every problem known, every document's text. */
  return !pn_pack_session_get_loading (session) && !pn_pack_session_get_checking (session) &&
         (pn_pack_session_get_pack (session) != NULL || pn_pack_session_get_error (session) != NULL);
}

/* Opens @pack in @window's session and waits until it is open (or refused). */
void
open_pack (PnWindow *window,
           GFile    *pack)
{
  pn_window_open_pack (window, pack);
  wait_until (session_opened_cb, window, "the pack to be opened");
}

PnWindow *
open_window_sized (GFile *pack,
                   int    width,
                   int    height)
{
  PnWindow *window = pn_application_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  /* As the application does: shown once the pack is. */
  pn_window_open_pack (window, pack);
  pn_window_present_when_ready (window);
  wait_until (session_opened_cb, window, "the pack to be opened");
  wait_until (window_mapped_cb, window, "the window to be shown");

  return window;
}

PnWindow *
open_window (GFile *pack)
{
  return open_window_sized (pack, 1000, 700);
}

static gboolean
is_toplevel_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == data)
        return TRUE;
    }

  return FALSE;
}

gboolean
not_toplevel_cb (gpointer data)
{
  return !is_toplevel_cb (data);
}

void
close_window (PnWindow *window)
{
  g_assert_true (is_toplevel_cb (window));
  gtk_window_close (GTK_WINDOW (window));
  wait_until (not_toplevel_cb, window, "the window to close");
}

GFile *
bundled_pack (void)
{
  return pn_application_get_default_pack ();
}

/* Writes @files (name, content, name, content, ..., NULL) in a new folder. */
GFile *
make_pack (const char *first_name,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-pack-XXXXXX", &error);
  const char *name = first_name;
  va_list args;

  g_assert_no_error (error);

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *content = va_arg (args, const char *);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_file_set_contents (path, content, -1, &error);
      g_assert_no_error (error);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return g_file_new_for_path (dir);
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

gboolean
sources_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_sources_page (data)));
}

gboolean
reader_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_reader_view (data)));
}

gboolean
reader_unmapped_cb (gpointer data)
{
  return !reader_mapped_cb (data);
}

/* The keyboard focus is on FocusWait.widget or inside it. */
gboolean
focus_within_cb (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));

  return focus != NULL && (focus == wait->widget || gtk_widget_is_ancestor (focus, wait->widget));
}

gboolean
error_page_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) pages = find_widgets (data, ADW_TYPE_STATUS_PAGE, NULL, TRUE);

  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)),
                   _("This course pack cannot be opened")) == 0)
      return TRUE;

  return FALSE;
}

typedef struct {
  gboolean done;
  char    *result;
} Eval;

static void
eval_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                          result, &error);

  g_assert_no_error (error);
  eval->result = jsc_value_is_null (value) ? NULL : jsc_value_to_string (value);
  eval->done = TRUE;
}

static gboolean
eval_done (gpointer data)
{
  return ((Eval *) data)->done;
}

char *
eval_js (PnWindow   *window,
         const char *script)
{
  WebKitWebView *view = pn_reader_view_get_web_view (pn_window_get_reader_view (window));
  Eval eval = { FALSE, NULL };

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, eval_done_cb, &eval);
  wait_until (eval_done, &eval, "a script in the page");

  return eval.result;
}

typedef struct {
  gboolean done;
  char *result;
} AppEval;

static void
app_eval_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  AppEval *eval = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);

  g_assert_no_error (error);
  eval->result = jsc_value_is_null (value) || jsc_value_is_undefined (value) ? NULL : jsc_value_to_string (value);
  eval->done = TRUE;
}

static gboolean
app_eval_done (gpointer data)
{
  return ((AppEval *) data)->done;
}

/* @script in the app's own script world (where pnBridge and pnText live). */
char *
eval_in_app_world (PnWindow *window, const char *script)
{
  WebKitWebView *view = pn_reader_view_get_web_view (pn_window_get_reader_view (window));
  AppEval eval = { FALSE, NULL };

  webkit_web_view_evaluate_javascript (view, script, -1, pn_web_shell_get_world (pn_web_shell_get_default ()),
                                       NULL, NULL, app_eval_done_cb, &eval);
  wait_until (app_eval_done, &eval, "a script in the app's world");
  return eval.result;
}

/* The id of the last numbered block whose top is at or above the top of the view. */
char *
top_block (PnWindow *window)
{
  return eval_js (window,
                  "(() => { let id = null;"
                  "  for (const e of document.querySelectorAll('p[id], li[id]')) {"
                  "    if (e.getBoundingClientRect().top <= 1) id = e.id; else break; }"
                  "  return id; })()");
}

gboolean
top_block_is_cb (gpointer data)
{
  TopWait *wait = data;
  g_autofree char *top = top_block (wait->window);

  return g_strcmp0 (top, wait->id) == 0;
}

gboolean
flap_hidden_cb (gpointer data)
{
  return !adw_flap_get_reveal_flap (data) && adw_flap_get_reveal_progress (data) == 0.0;
}

/* WebKit's own sandbox check: without working bubblewrap the web process cannot start. */
gboolean
focus_in_reader_cb (gpointer data)
{
  PnWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (pn_window_get_reader_view (window)));
}

GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL, text, TRUE);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), text))
      {
        GtkWidget *button = gtk_widget_get_ancestor (g_ptr_array_index (labels, i), GTK_TYPE_BUTTON);

        if (button != NULL)
          return button;
      }
  g_error ("No button labelled “%s”", text);
  return NULL;
}

GtkWidget *
find_row (PnWindow   *window,
          const char *page)
{
  g_autoptr(GPtrArray) rows = find_widgets (find_sidebar (GTK_WIDGET (window)), PN_TYPE_SIDEBAR_ROW, NULL, FALSE);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (pn_sidebar_row_get_page (g_ptr_array_index (rows, i)), page) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

void
window_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  pn_ui_test_init (argc, argv);

  app = pn_application_new ();
  /* Several test programs may run at once on the same bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

int
window_test_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
