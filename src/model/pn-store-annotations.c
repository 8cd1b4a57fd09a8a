/* pn-store-annotations.c: the student's highlights, notes and bookmarks
 *
 * One row per annotation, keyed by its W3C id ("urn:uuid:…"), with the pack
 * and document ids, both selectors and the hash of the text they were made
 * in; its tags in their own table, in the order the student gave them. Every
 * call that writes is one transaction (BEGIN IMMEDIATE … COMMIT), so a crash
 * leaves the annotation wholly there or wholly absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-store-private.h"
#include "pn-text.h"

/* Version 5: annotations and their tags. Kinds and colours are kept as their
 * names (pn-annotation.h), which outlive any reordering of the enums; a
 * colour read back that is not known falls back to yellow. A document note
 * has no selectors (NULLs, which sort first: the index gives the order
 * pn_store_get_annotations() promises, document notes then by position). */
const char pn_store_annotations_v1[] =
  "CREATE TABLE annotations ("
  "  id TEXT NOT NULL PRIMARY KEY,"
  "  pack_id TEXT NOT NULL REFERENCES packs (pack_id),"
  "  document_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('highlight', 'bookmark', 'document-note')),"
  "  color TEXT NOT NULL DEFAULT 'yellow',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  exact TEXT,"
  "  prefix TEXT,"
  "  suffix TEXT,"
  "  start_offset INTEGER,"
  "  end_offset INTEGER,"
  "  content_hash TEXT,"
  "  detached INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX annotations_by_document ON annotations (pack_id, document_id, start_offset, end_offset, created_at);"
  "CREATE TABLE annotation_tags ("
  "  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  tag TEXT NOT NULL,"
  "  PRIMARY KEY (annotation_id, tag)"
  ");"
  "CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);";

#define COLUMNS "id, pack_id, document_id, kind, color, note, exact, prefix, suffix, " \
                "start_offset, end_offset, content_hash, detached, created_at, updated_at"

static const char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  return (const char *) sqlite3_column_text (statement, column);
}

static char *
dup_column (sqlite3_stmt *statement,
            int           column,
            const char   *fallback)
{
  const char *text = column_text (statement, column);

  return g_strdup (text != NULL ? text : fallback);
}

static PnAnnotation *
read_annotation (sqlite3_stmt *statement)
{
  PnAnnotation *annotation = g_new0 (PnAnnotation, 1);
  const char *kind = column_text (statement, 3);
  const char *color = column_text (statement, 4);

  annotation->id = dup_column (statement, 0, "");
  annotation->pack_id = dup_column (statement, 1, "");
  annotation->document_id = dup_column (statement, 2, "");
  if (kind == NULL || !pn_annotation_kind_from_string (kind, &annotation->kind))
    annotation->kind = PN_ANNOTATION_HIGHLIGHT;
  if (color == NULL || !pn_annotation_color_from_string (color, &annotation->color))
    annotation->color = PN_ANNOTATION_YELLOW;
  annotation->note = dup_column (statement, 5, "");
  annotation->tags = g_new0 (char *, 1);
  annotation->selectors.exact = dup_column (statement, 6, NULL);
  annotation->selectors.prefix = dup_column (statement, 7, NULL);
  annotation->selectors.suffix = dup_column (statement, 8, NULL);
  annotation->selectors.start = sqlite3_column_int64 (statement, 9);
  annotation->selectors.end = sqlite3_column_int64 (statement, 10);
  annotation->content_hash = dup_column (statement, 11, NULL);
  annotation->detached = sqlite3_column_int (statement, 12) != 0;
  annotation->created_at = sqlite3_column_int64 (statement, 13);
  annotation->updated_at = sqlite3_column_int64 (statement, 14);

  return annotation;
}

static void
bind_text_or_null (sqlite3_stmt *statement,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, index);
}

/* Binds ?3 … ?12 (the members an update writes) and ?13 updated_at. */
static void
bind_body (sqlite3_stmt       *statement,
           const PnAnnotation *annotation)
{
  gboolean has_selectors = annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE;

  sqlite3_bind_text (statement, 3, pn_annotation_kind_to_string (annotation->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, pn_annotation_color_to_string (annotation->color), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, annotation->note != NULL ? annotation->note : "", -1, SQLITE_TRANSIENT);
  bind_text_or_null (statement, 6, has_selectors ? annotation->selectors.exact : NULL);
  bind_text_or_null (statement, 7, has_selectors ? annotation->selectors.prefix : NULL);
  bind_text_or_null (statement, 8, has_selectors ? annotation->selectors.suffix : NULL);
  if (has_selectors)
    {
      sqlite3_bind_int64 (statement, 9, annotation->selectors.start);
      sqlite3_bind_int64 (statement, 10, annotation->selectors.end);
    }
  else
    {
      sqlite3_bind_null (statement, 9);
      sqlite3_bind_null (statement, 10);
    }
  bind_text_or_null (statement, 11, annotation->content_hash);
  sqlite3_bind_int (statement, 12, annotation->detached ? 1 : 0);
  sqlite3_bind_int64 (statement, 13, annotation->updated_at);
}

static gboolean
write_tags (PnStore             *self,
            const PnAnnotation  *annotation,
            GError             **error)
{
  sqlite3_stmt *statement = pn_store_prepare_cached (self, "DELETE FROM annotation_tags WHERE annotation_id = ?1",
                                                     error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, annotation->id, -1, SQLITE_TRANSIENT);
  if (!pn_store_step_cached (self, statement, error))
    return FALSE;

  for (guint i = 0; annotation->tags != NULL && annotation->tags[i] != NULL; i++)
    {
      if (annotation->tags[i][0] == '\0')
        continue;

      /* A tag given twice is kept once, where it came first. */
      statement = pn_store_prepare_cached (self,
                                           "INSERT INTO annotation_tags (annotation_id, position, tag) "
                                           "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                                           error);
      if (statement == NULL)
        return FALSE;
      sqlite3_bind_text (statement, 1, annotation->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (statement, 2, (int) i);
      sqlite3_bind_text (statement, 3, annotation->tags[i], -1, SQLITE_TRANSIENT);
      if (!pn_store_step_cached (self, statement, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_annotation (const PnAnnotation  *annotation,
                  GError             **error)
{
  if (annotation->id == NULL || annotation->id[0] == '\0' ||
      annotation->pack_id == NULL || annotation->pack_id[0] == '\0' ||
      annotation->document_id == NULL || annotation->document_id[0] == '\0')
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                   _("cannot save the note %s: it has no id, pack or document"),
                   annotation->id != NULL ? annotation->id : "");
      return FALSE;
    }

  return TRUE;
}

/* Inserts @annotation and its tags inside the caller's transaction. */
static gboolean
insert_annotation (PnStore             *self,
                   const PnAnnotation  *annotation,
                   GError             **error)
{
  sqlite3_stmt *statement;

  if (!check_annotation (annotation, error) || !pn_store_ensure_pack (self, annotation->pack_id, error))
    return FALSE;

  statement = pn_store_prepare_cached (self,
                                       "INSERT INTO annotations (" COLUMNS ") "
                                       "VALUES (?1, ?2, ?14, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?15, ?13) "
                                       "ON CONFLICT (id) DO NOTHING",
                                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, annotation->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, annotation->pack_id, -1, SQLITE_TRANSIENT);
  bind_body (statement, annotation);
  sqlite3_bind_text (statement, 14, annotation->document_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 15, annotation->created_at);
  if (!pn_store_step_cached (self, statement, error))
    return FALSE;

  if (pn_store_changes (self) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                   _("cannot add the note %s: there is one with that id already"), annotation->id);
      return FALSE;
    }

  return write_tags (self, annotation, error);
}

static gboolean
commit_or_roll_back (PnStore   *self,
                     gboolean   ok,
                     GError   **error)
{
  if (ok && pn_store_run (self, "COMMIT", error))
    return TRUE;

  /* Nothing of it stays: the database is as it was before the call. */
  pn_store_run (self, "ROLLBACK", NULL);
  return FALSE;
}

typedef gboolean (*WriteFunc) (PnStore             *self,
                               const PnAnnotation  *annotation,
                               GError             **error);

/* @write of @annotation as one transaction. */
static gboolean
write_one (PnStore             *self,
           WriteFunc            write,
           const PnAnnotation  *annotation,
           GError             **error)
{
  if (!pn_store_run (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  return commit_or_roll_back (self, write (self, annotation, error), error);
}

gboolean
pn_store_add_annotation (PnStore             *self,
                         const PnAnnotation  *annotation,
                         GError             **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_one (self, insert_annotation, annotation, error);
}

static gboolean
update_in_transaction (PnStore             *self,
                       const PnAnnotation  *annotation,
                       GError             **error)
{
  sqlite3_stmt *statement;

  if (!check_annotation (annotation, error))
    return FALSE;

  statement = pn_store_prepare_cached (self,
                                       "UPDATE annotations SET kind = ?3, color = ?4, note = ?5, exact = ?6, "
                                       "prefix = ?7, suffix = ?8, start_offset = ?9, end_offset = ?10, "
                                       "content_hash = ?11, detached = ?12, updated_at = ?13 "
                                       "WHERE id = ?1",
                                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, annotation->id, -1, SQLITE_TRANSIENT);
  bind_body (statement, annotation);
  if (!pn_store_step_cached (self, statement, error))
    return FALSE;

  if (pn_store_changes (self) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                   _("cannot save the note %s: it is not in the database (deleted?)"), annotation->id);
      return FALSE;
    }

  return write_tags (self, annotation, error);
}

gboolean
pn_store_update_annotation (PnStore             *self,
                            const PnAnnotation  *annotation,
                            GError             **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_one (self, update_in_transaction, annotation, error);
}

gboolean
pn_store_update_annotations (PnStore    *self,
                             GPtrArray  *annotations,
                             GError    **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pn_store_run (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; ok && i < annotations->len; i++)
    ok = update_in_transaction (self, g_ptr_array_index (annotations, i), error);

  return commit_or_roll_back (self, ok, error);
}

gboolean
pn_store_delete_annotation (PnStore     *self,
                            const char  *id,
                            GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One statement: its tags go with it (ON DELETE CASCADE). Deleting what
   * is not there is no failure: the note is gone either way. */
  statement = pn_store_prepare (self, "DELETE FROM annotations WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);

  return pn_store_step_done (self, statement, error);
}

typedef struct {
  gint64 position;
  char *tag;
} Tag;

static void
clear_tag (gpointer data)
{
  g_free (((Tag *) data)->tag);
}

static void
free_tags (gpointer data)
{
  g_array_unref (data);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  gint64 pa = ((const Tag *) a)->position;
  gint64 pb = ((const Tag *) b)->position;

  return (pa > pb) - (pa < pb);
}

/* Reads the tags of the annotations in @by_id (id → PnAnnotation) that
 * @statement (annotation_id, tag, position; in any order) yields, each
 * annotation's in the order of their positions. */
static gboolean
read_tags (PnStore       *self,
           sqlite3_stmt  *statement,
           GHashTable    *by_id,
           GError       **error)
{
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_tags);
  GHashTableIter iter;
  gpointer key, value;
  int status;

  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PnAnnotation *annotation = g_hash_table_lookup (by_id, column_text (statement, 0));
      Tag tag;
      GArray *of_annotation;

      if (annotation == NULL || column_text (statement, 1) == NULL)
        continue;

      of_annotation = g_hash_table_lookup (tags, annotation->id);
      if (of_annotation == NULL)
        {
          of_annotation = g_array_sized_new (FALSE, FALSE, sizeof (Tag), 2);
          g_array_set_clear_func (of_annotation, clear_tag);
          g_hash_table_insert (tags, annotation->id, of_annotation);
        }
      tag.position = sqlite3_column_int64 (statement, 2);
      tag.tag = g_strdup (column_text (statement, 1));
      g_array_append_val (of_annotation, tag);
    }

  if (!pn_store_rows_done (self, statement, status, _("cannot read the notes"), error))
    return FALSE;

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PnAnnotation *annotation = g_hash_table_lookup (by_id, key);
      GArray *of_annotation = value;

      g_array_sort (of_annotation, compare_positions);
      g_strfreev (annotation->tags);
      annotation->tags = g_new (char *, of_annotation->len + 1);
      for (guint i = 0; i < of_annotation->len; i++)
        annotation->tags[i] = g_steal_pointer (&g_array_index (of_annotation, Tag, i).tag);
      annotation->tags[of_annotation->len] = NULL;
    }

  return TRUE;
}

PnAnnotation *
pn_store_get_annotation (PnStore     *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(PnAnnotation) annotation = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = pn_store_prepare (self, "SELECT " COLUMNS " FROM annotations WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  status = sqlite3_step (statement);
  if (status == SQLITE_ROW)
    {
      annotation = read_annotation (statement);
      status = SQLITE_DONE;
    }
  if (!pn_store_rows_done (self, statement, status, _("cannot read the notes"), error) || annotation == NULL)
    return NULL;

  statement = pn_store_prepare (self,
                                "SELECT annotation_id, tag, position FROM annotation_tags "
                                "WHERE annotation_id = ?1",
                                error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, id, -1, SQLITE_TRANSIENT);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (by_id, annotation->id, annotation);
  if (!read_tags (self, statement, by_id, error))
    return NULL;

  return g_steal_pointer (&annotation);
}

/* ?1 the pack (NULL: every pack), ?2 the document (NULL: every document). */
#define WHERE_PACK_AND_DOCUMENT "(?1 IS NULL OR a.pack_id = ?1) AND (?2 IS NULL OR a.document_id = ?2)"

static sqlite3_stmt *
prepare_where (PnStore     *self,
               const char  *sql,
               const char  *pack_id,
               const char  *document_id,
               GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);

  if (statement != NULL)
    {
      bind_text_or_null (statement, 1, pack_id);
      bind_text_or_null (statement, 2, document_id);
    }

  return statement;
}

GPtrArray *
pn_store_get_annotations (PnStore     *self,
                          const char  *pack_id,
                          const char  *document_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Both reads in one transaction, so that they see the same notes. */
  if (!pn_store_run (self, "BEGIN", error))
    return NULL;

  statement = prepare_where (self,
                             "SELECT " COLUMNS " FROM annotations a INDEXED BY annotations_by_document "
                             "WHERE " WHERE_PACK_AND_DOCUMENT " "
                             "ORDER BY pack_id, document_id, start_offset, end_offset, created_at",
                             pack_id, document_id, error);
  if (statement == NULL)
    goto failed;

  annotations = pn_annotations_new ();
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PnAnnotation *annotation = read_annotation (statement);

      g_ptr_array_add (annotations, annotation);
      g_hash_table_insert (by_id, annotation->id, annotation);
    }
  if (!pn_store_rows_done (self, statement, status, _("cannot read the notes"), error))
    goto failed;

  /* In no order: sorting them in SQL cost more than reading them. */
  statement = prepare_where (self,
                             "SELECT t.annotation_id, t.tag, t.position FROM annotation_tags t "
                             "JOIN annotations a ON a.id = t.annotation_id "
                             "WHERE " WHERE_PACK_AND_DOCUMENT,
                             pack_id, document_id, error);
  if (statement == NULL || !read_tags (self, statement, by_id, error))
    goto failed;

  pn_store_run (self, "COMMIT", NULL);
  return g_steal_pointer (&annotations);

failed:
  pn_store_run (self, "ROLLBACK", NULL);
  return NULL;
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b,
                  gpointer      keys)
{
  const char *key_a = g_hash_table_lookup (keys, *(char * const *) a);
  const char *key_b = g_hash_table_lookup (keys, *(char * const *) b);
  int order = strcmp (key_a, key_b);

  return order != 0 ? order : strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
pn_store_get_annotation_tags (PnStore     *self,
                              const char  *pack_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = prepare_where (self,
                             "SELECT DISTINCT t.tag FROM annotation_tags t "
                             "JOIN annotations a ON a.id = t.annotation_id WHERE " WHERE_PACK_AND_DOCUMENT,
                             pack_id, NULL, error);
  if (statement == NULL)
    return NULL;

  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    if (column_text (statement, 0) != NULL)
      g_ptr_array_add (tags, g_strdup (column_text (statement, 0)));
  if (!pn_store_rows_done (self, statement, status, _("cannot read the tags"), error))
    return NULL;

  /* In the order of a dictionary, not of the bytes ("élève" beside
   * "examen", not after "zone"), whatever the locale: by the tags without
   * case and accents, then as written. */
  for (guint i = 0; i < tags->len; i++)
    {
      char *tag = g_ptr_array_index (tags, i);

      g_hash_table_insert (keys, tag, pn_text_fold_accents (tag));
    }
  g_ptr_array_sort_with_data (tags, compare_collated, keys);
  g_ptr_array_add (tags, NULL);

  return (GStrv) g_ptr_array_steal (tags, NULL);
}

/* TRUE when the store holds @annotation already: its id, or the same
 * target and body. */
static gboolean
is_there (PnStore             *self,
          const PnAnnotation  *annotation,
          gboolean            *there,
          GError             **error)
{
  gboolean has_selectors = annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE;
  sqlite3_stmt *statement;
  int status;

  statement = pn_store_prepare_cached (self,
                                       "SELECT 1 FROM annotations WHERE id = ?1 OR "
                                       "(pack_id = ?2 AND document_id = ?3 AND kind = ?4 AND exact IS ?5 "
                                       " AND start_offset IS ?6 AND end_offset IS ?7 AND note = ?8) LIMIT 1",
                                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, annotation->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, annotation->pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, annotation->document_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, pn_annotation_kind_to_string (annotation->kind), -1, SQLITE_STATIC);
  bind_text_or_null (statement, 5, has_selectors ? annotation->selectors.exact : NULL);
  if (has_selectors)
    {
      sqlite3_bind_int64 (statement, 6, annotation->selectors.start);
      sqlite3_bind_int64 (statement, 7, annotation->selectors.end);
    }
  sqlite3_bind_text (statement, 8, annotation->note != NULL ? annotation->note : "", -1, SQLITE_TRANSIENT);

  status = sqlite3_step (statement);
  *there = status == SQLITE_ROW;
  sqlite3_reset (statement);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, pn_store_error_code_for (status), "%s: %s: %s",
                   pn_store_get_path (self), _("cannot read the notes"),
                   sqlite3_errmsg (pn_store_get_connection (self)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_in_transaction (PnStore    *self,
                       GPtrArray  *annotations,
                       guint      *n_added,
                       guint      *n_skipped,
                       GError    **error)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      const PnAnnotation *annotation = g_ptr_array_index (annotations, i);
      gboolean there = FALSE;

      if (!check_annotation (annotation, error) || !is_there (self, annotation, &there, error))
        return FALSE;

      /* Those added before in this import count too: a file that holds a
       * note twice adds it once. */
      if (there)
        {
          (*n_skipped)++;
          continue;
        }

      if (!insert_annotation (self, annotation, error))
        return FALSE;
      (*n_added)++;
    }

  return TRUE;
}

gboolean
pn_store_import_annotations (PnStore     *self,
                             GPtrArray   *annotations,
                             guint       *n_added,
                             guint       *n_skipped,
                             GError     **error)
{
  guint added = 0;
  guint skipped = 0;
  gboolean ok;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pn_store_run (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = commit_or_roll_back (self, import_in_transaction (self, annotations, &added, &skipped, error), error);

  /* All or nothing, in the counts too. */
  if (n_added != NULL)
    *n_added = ok ? added : 0;
  if (n_skipped != NULL)
    *n_skipped = ok ? skipped : 0;

  return ok;
}
