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
  GPtrArray *diagnostics;   /* of PnDiagnostic */
  GHashTable *pages;        /* document id -> PnRenderedPage */
  GHashTable *terms;        /* document id -> its pages' PnTermOccurrence array (referenced) */
};

G_DEFINE_FINAL_TYPE (PnPackCheck, pn_pack_check, G_TYPE_OBJECT)

static void
pn_pack_check_finalize (GObject *object)
{
  PnPackCheck *self = PN_PACK_CHECK (object);

  g_clear_object (&self->pack);
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

PnPackCheck *
pn_pack_check_run_full (GFile               *location,
                        PnGlossaryLinkMode   mode,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(PnPackCheck) self = NULL;
  g_autofree char *manifest_name = NULL;
  g_autoptr(GError) load_error = NULL;
  GPtrArray *documents;

  g_return_val_if_fail (G_IS_FILE (location), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
  manifest_name = manifest_name_of (location);
  self->pack = pn_pack_load (location, self->diagnostics, &load_error);
  if (self->pack == NULL)
    {
      /* The other problems go with the error, for the tool to list them. */
      sort_diagnostics (self->diagnostics, manifest_name);
      if (self->diagnostics->len > 0)
        pn_pack_error_set_diagnostics (load_error, self->diagnostics);
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }

  pn_pack_checksums_verify (self->pack, manifest_name, self->diagnostics);

  documents = pn_pack_get_documents (self->pack);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      PnRenderedPage *page;
      GPtrArray *found;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (pn_document_get_markdown (document) == NULL)
        continue;   /* why is already among the problems */

      page = pn_render_page_full (self->pack, document, mode);
      found = pn_rendered_page_get_diagnostics (page);
      for (guint j = 0; j < found->len; j++)
        pn_diagnostics_add (self->diagnostics, pn_diagnostic_copy (g_ptr_array_index (found, j)));
      g_hash_table_insert (self->pages, g_strdup (pn_document_get_id (document)), page);
      g_hash_table_insert (self->terms, g_strdup (pn_document_get_id (document)),
                           g_ptr_array_ref (pn_rendered_page_get_terms (page)));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  warn_unused_entries (self);
  check_quiz_quotes (self);
  check_doc_anchors (self);

  sort_diagnostics (self->diagnostics, manifest_name);

  return g_steal_pointer (&self);
}

typedef struct {
  GFile *location;
  PnGlossaryLinkMode mode;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->location);
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
  PnPackCheck *check = pn_pack_check_run_full (data->location, data->mode, cancellable, &error);

  if (check == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, check, g_object_unref);
}

void
pn_pack_check_run_async (GFile               *location,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  pn_pack_check_run_async_full (location, PN_GLOSSARY_LINK_ALL, cancellable, callback, user_data);
}

void
pn_pack_check_run_async_full (GFile               *location,
                              PnGlossaryLinkMode   mode,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (G_IS_FILE (location));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_pack_check_run_async);
  g_task_set_name (task, "[prisonnum] pack check");
  /* A cancelled check reports it even when the thread had already finished. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  data = g_new0 (RunData, 1);
  data->location = g_file_dup (location);
  data->mode = mode;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_in_thread);
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
