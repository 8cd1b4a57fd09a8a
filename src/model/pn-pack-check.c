/* pn-pack-check.c: a course pack loaded and every document rendered
 *
 * Loading and rendering a pack at the size limits takes seconds, so the window
 * does it in a worker thread (GTask); the teachers' tool calls the same code
 * directly. The result keeps each page, so nothing is rendered twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "pn-pack-annotations.h"
#include "pn-pack-archive.h"
#include "pn-pack-check.h"
#include "pn-pack-checksums.h"
#include "pn-pack-private.h"
#include "pn-quiz-check.h"
#include "pn-render.h"

struct _PnPackCheck {
  GObject parent_instance;

  PnPack *pack;
  PnGlossaryLinkMode mode;  /* the pages' */
  char *manifest_name;
  GPtrArray *loaded;        /* of PnDiagnostic: the load's and the checksums', as found (shared, never changed) */
  GPtrArray *diagnostics;   /* of PnDiagnostic */
  GHashTable *pages;        /* document id -> PnRenderedPage */
  GHashTable *terms;        /* document id -> its pages' PnTermOccurrence array (referenced) */
  gboolean complete;        /* every document rendered, the whole pack checked */
};

G_DEFINE_FINAL_TYPE (PnPackCheck, pn_pack_check, G_TYPE_OBJECT)

static void
pn_pack_check_finalize (GObject *object)
{
  PnPackCheck *self = PN_PACK_CHECK (object);

  g_clear_object (&self->pack);
  g_free (self->manifest_name);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_hash_table_unref);

  G_OBJECT_CLASS (pn_pack_check_parent_class)->finalize (object);
}

static void
pn_pack_check_class_init (PnPackCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_pack_check_finalize;
}

static void
pn_pack_check_init (PnPackCheck *self)
{
  self->diagnostics = pn_diagnostics_new ();
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/* Ordering the problems */

typedef struct {
  guint rank;          /* of the file: pack.json 0, then as met */
  guint index;         /* as found, so that equal places keep their order */
  PnDiagnostic *diagnostic;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a;
  const Placed *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->diagnostic->line != y->diagnostic->line)
    return x->diagnostic->line < y->diagnostic->line ? -1 : 1;
  if (x->diagnostic->column != y->diagnostic->column)
    return x->diagnostic->column < y->diagnostic->column ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;

  return 0;
}

static void
sort_diagnostics (GPtrArray  *diagnostics,
                  const char *manifest_name)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Placed *placed = g_new (Placed, MAX (diagnostics->len, 1));
  guint n = diagnostics->len;

  /* pack.json first: every other file is named there. */
  g_hash_table_insert (ranks, (gpointer) manifest_name, GUINT_TO_POINTER (1));

  for (guint i = 0; i < n; i++)
    {
      PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      const char *file = diagnostic->file != NULL ? diagnostic->file : "";
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, file));

      if (rank == 0)
        {
          rank = g_hash_table_size (ranks) + 1;
          g_hash_table_insert (ranks, (gpointer) file, GUINT_TO_POINTER (rank));
        }
      placed[i] = (Placed) { rank, i, diagnostic };
    }

  qsort (placed, n, sizeof (Placed), compare_placed);
  for (guint i = 0; i < n; i++)
    diagnostics->pdata[i] = placed[i].diagnostic;
}

/* Checking */

static char *
manifest_name_of (GFile *location)
{
  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return g_strdup ("pack.json");

  return g_file_get_basename (location);
}

/* The quotes of the quizzes' passages and of the teacher's notes, looked for
 * in the rendered pages, and the quizzes' texts through the safe passes. */
static void
check_quiz_quotes (PnPackCheck *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *quizzes = pn_pack_get_quizzes (self->pack);
  GHashTableIter iter;
  gpointer id;
  gpointer page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &id, &page))
    g_hash_table_insert (texts, id, (gpointer) pn_rendered_page_get_text (page));
  /* The teacher's notes are placed in the same texts. */
  pn_pack_check_teacher_notes (self->pack, texts, self->diagnostics);

  for (guint i = 0; i < quizzes->len; i++)
    {
      pn_quiz_check_quotes (g_ptr_array_index (quizzes, i), texts, self->diagnostics);
      pn_quiz_check_texts (self->pack, g_ptr_array_index (quizzes, i), self->diagnostics);
    }
}

/* A warning for each glossary entry that no text of the pack holds. */
static void
warn_unused_entries (PnPackCheck *self)
{
  PnGlossary *glossary = pn_pack_get_glossary (self->pack);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer terms;
  GPtrArray *entries;

  if (glossary == NULL)
    return;

  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, NULL, &terms))
    {
      for (guint i = 0; i < ((GPtrArray *) terms)->len; i++)
        g_hash_table_add (used, ((PnTermOccurrence *) g_ptr_array_index ((GPtrArray *) terms, i))->entry_id);
    }

  entries = pn_glossary_get_entries (glossary);
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);

      if (!g_hash_table_contains (used, entry->id))
        pn_diagnostics_addf (self->diagnostics, PN_SEVERITY_WARNING, pn_glossary_get_file (glossary),
                             entry->line, 0,
                             _("glossary entry '%s' (“%s”) never occurs in the pack's texts: "
                               "list the forms it takes there"), entry->id, entry->term);
    }
}

/* The headings a doc:ID#ANCHOR link names, looked for in its document once
 * every document is rendered: a missing one would open the document's top. */
static void
check_doc_anchors (PnPackCheck *self)
{
  GPtrArray *documents = pn_pack_get_documents (self->pack);

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      PnRenderedPage *page = g_hash_table_lookup (self->pages, pn_document_get_id (document));
      GPtrArray *links = page != NULL ? pn_rendered_page_get_doc_links (page) : NULL;

      for (guint j = 0; links != NULL && j < links->len; j++)
        {
          const PnDocLink *link = g_ptr_array_index (links, j);
          PnRenderedPage *target = g_hash_table_lookup (self->pages, link->doc_id);
          g_autoptr(GPtrArray) ids = NULL;
          g_autoptr(GString) listed = NULL;

          if (target == NULL || pn_rendered_page_has_heading (target, link->anchor) ||
              g_str_has_prefix (link->anchor, "fn-") || g_str_has_prefix (link->anchor, "fnref-"))
            continue;

          ids = pn_rendered_page_list_headings (target);
          listed = g_string_new (NULL);
          for (guint k = 0; k < ids->len && k < 10; k++)
            g_string_append_printf (listed, "%s'%s'", k > 0 ? ", " : "", (const char *) g_ptr_array_index (ids, k));
          if (ids->len > 10)
            g_string_append (listed, ", …");
          if (ids->len == 0)
            pn_diagnostics_addf (self->diagnostics, PN_SEVERITY_WARNING, pn_document_get_file (document),
                                 link->line, link->column,
                                 _("document '%s' has no heading with the id '%s' (it has no headings): "
                                   "the link opens the top of the document"),
                                 link->doc_id, link->anchor);
          else
            pn_diagnostics_addf (self->diagnostics, PN_SEVERITY_WARNING, pn_document_get_file (document),
                                 link->line, link->column,
                                 _("document '%s' has no heading with the id '%s': the link opens the "
                                   "top of the document (its headings' ids: %s)"),
                                 link->doc_id, link->anchor, listed->str);
        }
    }
}

static gboolean
is_archive (GFile *location)
{
  g_autofree char *path = g_file_get_path (location);

  return path != NULL &&
         g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR &&
         pn_pack_archive_is_archive (path);
}

PnPackCheck *
pn_pack_check_run (GFile         *location,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return pn_pack_check_run_full (location, PN_GLOSSARY_LINK_ALL, cancellable, error);
}

/* The pack loaded (and its checksums verified), no document rendered yet. */
static PnPackCheck *
load_pack (GFile               *location,
           PnGlossaryLinkMode   mode,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(PnPackCheck) self = NULL;
  g_autoptr(GError) load_error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* A .prisonnum file is read once imported into the library
   * (pn_library_prepare_import() unpacks it, then checks the folder). */
  if (is_archive (location))
    {
      g_autofree char *name = g_file_get_parse_name (location);

      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_UNREADABLE,
                   _("%s is a course pack file: it is read once imported into the library"), name);
      return NULL;
    }

  self = g_object_new (PN_TYPE_PACK_CHECK, NULL);
  self->mode = mode;
  self->manifest_name = manifest_name_of (location);
  self->pack = pn_pack_load (location, self->diagnostics, &load_error);
  if (self->pack == NULL)
    {
      /* The other problems go with the error, for the tool to list them. */
      sort_diagnostics (self->diagnostics, self->manifest_name);
      if (self->diagnostics->len > 0)
        pn_pack_error_set_diagnostics (load_error, self->diagnostics);
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }

  pn_pack_checksums_verify (self->pack, self->manifest_name, self->diagnostics);

  self->loaded = pn_diagnostics_new ();
  for (guint i = 0; i < self->diagnostics->len; i++)
    pn_diagnostics_add (self->loaded, pn_diagnostic_copy (g_ptr_array_index (self->diagnostics, i)));

  return g_steal_pointer (&self);
}

/* @page (rendered from @document) kept, with its problems. */
static void
add_page (PnPackCheck    *self,
          PnDocument     *document,
          PnRenderedPage *page)
{
  GPtrArray *found = pn_rendered_page_get_diagnostics (page);

  for (guint j = 0; j < found->len; j++)
    pn_diagnostics_add (self->diagnostics, pn_diagnostic_copy (g_ptr_array_index (found, j)));
  g_hash_table_insert (self->pages, g_strdup (pn_document_get_id (document)), g_object_ref (page));
  g_hash_table_insert (self->terms, g_strdup (pn_document_get_id (document)),
                       g_ptr_array_ref (pn_rendered_page_get_terms (page)));
}

static PnRenderedPage *
render (PnPackCheck *self,
        PnDocument  *document)
{
  PnRenderedPage *page = pn_render_page_full (self->pack, document, self->mode);

  /* Made now, in the thread that rendered: the page is read by others afterwards. */
  pn_rendered_page_get_doc_links (page);

  return page;
}

/* The checks that need every page. */
static void
check_whole_pack (PnPackCheck *self)
{
  warn_unused_entries (self);
  check_quiz_quotes (self);
  check_doc_anchors (self);
  self->complete = TRUE;
}

PnPackCheck *
pn_pack_check_run_full (GFile               *location,
                        PnGlossaryLinkMode   mode,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(PnPackCheck) loaded = NULL;

  g_return_val_if_fail (G_IS_FILE (location), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loaded = load_pack (location, mode, cancellable, error);
  if (loaded == NULL)
    return NULL;

  return pn_pack_check_complete (loaded, cancellable, error);
}

PnPackCheck *
pn_pack_check_run_start (GFile               *location,
                         PnGlossaryLinkMode   mode,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(PnPackCheck) self = NULL;
  GPtrArray *documents;

  g_return_val_if_fail (G_IS_FILE (location), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = load_pack (location, mode, cancellable, error);
  if (self == NULL)
    return NULL;

  /* A pack without documents is checked whole at once. With one, the checks
   * of the whole pack (quiz quotes, anchors, unused entries: 0.1 s for the
   * essay) still wait for pn_pack_check_complete(), after the first text is
   * shown. */
  documents = pn_pack_get_documents (self->pack);
  if (documents->len == 0)
    return pn_pack_check_complete (self, cancellable, error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  pn_pack_check_render_document (self, pn_document_get_id (g_ptr_array_index (documents, 0)));
  sort_diagnostics (self->diagnostics, self->manifest_name);

  return g_steal_pointer (&self);
}

void
pn_pack_check_render_document (PnPackCheck *self,
                               const char  *doc_id)
{
  PnDocument *document;
  g_autoptr(PnRenderedPage) page = NULL;

  g_return_if_fail (PN_IS_PACK_CHECK (self));
  g_return_if_fail (doc_id != NULL);

  document = pn_pack_get_document (self->pack, doc_id);
  if (self->complete || document == NULL || pn_document_get_markdown (document) == NULL ||
      g_hash_table_contains (self->pages, doc_id))
    return;

  page = render (self, document);
  add_page (self, document, page);
  sort_diagnostics (self->diagnostics, self->manifest_name);
}

gboolean
pn_pack_check_is_complete (PnPackCheck *self)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), FALSE);

  return self->complete;
}

PnPackCheck *
pn_pack_check_complete (PnPackCheck   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(PnPackCheck) whole = NULL;
  GPtrArray *documents;

  g_return_val_if_fail (PN_IS_PACK_CHECK (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->complete)
    return g_object_ref (self);

  /* A new check: @self is only read, and may be meanwhile by another thread. */
  whole = g_object_new (PN_TYPE_PACK_CHECK, NULL);
  whole->pack = g_object_ref (self->pack);
  whole->mode = self->mode;
  whole->manifest_name = g_strdup (self->manifest_name);
  whole->loaded = g_ptr_array_ref (self->loaded);
  for (guint i = 0; i < self->loaded->len; i++)
    pn_diagnostics_add (whole->diagnostics, pn_diagnostic_copy (g_ptr_array_index (self->loaded, i)));

  /* In the documents' order, as if none had been rendered before. */
  documents = pn_pack_get_documents (self->pack);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      PnRenderedPage *done = g_hash_table_lookup (self->pages, pn_document_get_id (document));
      g_autoptr(PnRenderedPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (pn_document_get_markdown (document) == NULL)
        continue;   /* why is already among the problems */

      page = done != NULL ? g_object_ref (done) : render (whole, document);
      add_page (whole, document, page);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  check_whole_pack (whole);
  sort_diagnostics (whole->diagnostics, whole->manifest_name);

  return g_steal_pointer (&whole);
}

typedef enum {
  STEP_WHOLE,     /* pn_pack_check_run_full() */
  STEP_START,     /* pn_pack_check_run_start() */
  STEP_DOCUMENT,  /* pn_pack_check_render_document() */
  STEP_COMPLETE,  /* pn_pack_check_complete() */
} Step;

typedef struct {
  Step step;
  GFile *location;
  PnGlossaryLinkMode mode;
  PnPackCheck *check;
  char *doc_id;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->location);
  g_clear_object (&data->check);
  g_free (data->doc_id);
  g_free (data);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *data = task_data;
  GError *error = NULL;
  PnPackCheck *check = NULL;

  switch (data->step)
    {
    case STEP_WHOLE:
      check = pn_pack_check_run_full (data->location, data->mode, cancellable, &error);
      break;
    case STEP_START:
      check = pn_pack_check_run_start (data->location, data->mode, cancellable, &error);
      break;
    case STEP_DOCUMENT:
      pn_pack_check_render_document (data->check, data->doc_id);
      check = g_object_ref (data->check);
      break;
    case STEP_COMPLETE:
      check = pn_pack_check_complete (data->check, cancellable, &error);
      break;
    }

  if (check == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, check, g_object_unref);
}

static void
run_async (RunData             *data,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, pn_pack_check_run_async);
  g_task_set_name (task, "[prisonnum] pack check");
  /* A cancelled check reports it even when the thread had already finished. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

void
pn_pack_check_run_async (GFile               *location,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  pn_pack_check_run_async_full (location, PN_GLOSSARY_LINK_ALL, cancellable, callback, user_data);
}

static RunData *
run_data_new (Step                step,
              GFile              *location,
              PnGlossaryLinkMode  mode)
{
  RunData *data = g_new0 (RunData, 1);

  data->step = step;
  data->location = location != NULL ? g_file_dup (location) : NULL;
  data->mode = mode;
  return data;
}

void
pn_pack_check_run_async_full (GFile               *location,
                              PnGlossaryLinkMode   mode,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (location));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (run_data_new (STEP_WHOLE, location, mode), cancellable, callback, user_data);
}

void
pn_pack_check_run_start_async (GFile               *location,
                               PnGlossaryLinkMode   mode,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (location));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (run_data_new (STEP_START, location, mode), cancellable, callback, user_data);
}

void
pn_pack_check_render_document_async (PnPackCheck         *self,
                                     const char          *doc_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  RunData *data;

  g_return_if_fail (PN_IS_PACK_CHECK (self));
  g_return_if_fail (doc_id != NULL);

  data = run_data_new (STEP_DOCUMENT, NULL, self->mode);
  data->check = g_object_ref (self);
  data->doc_id = g_strdup (doc_id);
  run_async (data, cancellable, callback, user_data);
}

void
pn_pack_check_complete_async (PnPackCheck         *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RunData *data;

  g_return_if_fail (PN_IS_PACK_CHECK (self));

  data = run_data_new (STEP_COMPLETE, NULL, self->mode);
  data->check = g_object_ref (self);
  run_async (data, cancellable, callback, user_data);
}

PnPackCheck *
pn_pack_check_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pn_pack_check_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The result */

PnPack *
pn_pack_check_get_pack (PnPackCheck *self)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), NULL);
  return self->pack;
}

GPtrArray *
pn_pack_check_get_diagnostics (PnPackCheck *self)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), NULL);
  return self->diagnostics;
}

PnRenderedPage *
pn_pack_check_get_page (PnPackCheck *self,
                        const char  *doc_id)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), NULL);

  if (doc_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->pages, doc_id);
}

const char *
pn_pack_check_get_html (PnPackCheck *self,
                        const char  *doc_id)
{
  PnRenderedPage *page = pn_pack_check_get_page (self, doc_id);

  return page != NULL ? pn_rendered_page_get_html (page) : NULL;
}

GPtrArray *
pn_pack_check_get_terms (PnPackCheck *self,
                         const char  *doc_id)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), NULL);

  return doc_id != NULL ? g_hash_table_lookup (self->terms, doc_id) : NULL;
}

PnGlossaryLinkMode
pn_pack_check_get_mode (PnPackCheck *self)
{
  g_return_val_if_fail (PN_IS_PACK_CHECK (self), PN_GLOSSARY_LINK_ALL);

  return self->mode;
}
