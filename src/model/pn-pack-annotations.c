/* pn-pack-annotations.c: the teacher's notes of a course pack, read and placed
 *
 * The file is read as the student's imports are (pn_annotations_from_w3c():
 * bounded, scanned, each unreadable item left out with its line), then held
 * to what a teacher's note is: words of a document of this pack (a quote),
 * and a text to show about them. What does not fit is left out with a
 * message naming the file and the line where the note starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-pack-annotations.h"
#include "pn-pack-private.h"

/* A problem of the whole file ("FILE:LINE:COLUMN: message" as the import
 * words it): at its own line when it has one, else where pack.json names
 * the file. */
static void
add_file_error (PnJsonFile *manifest,
                JsonNode   *node,
                const char *file,
                const char *message,
                GPtrArray  *diagnostics)
{
  gsize length = strlen (file);
  const char *rest = message;
  long line = 0;
  long column = 0;

  if (strncmp (message, file, length) == 0 && message[length] == ':')
    {
      char *end = NULL;

      rest = message + length + 1;
      if (g_ascii_isdigit (rest[0]))
        {
          line = strtol (rest, &end, 10);
          rest = end;
          if (rest[0] == ':' && g_ascii_isdigit (rest[1]))
            {
              column = strtol (rest + 1, &end, 10);
              rest = end;
            }
          if (rest[0] == ':')
            rest++;
        }
      while (rest[0] == ' ')
        rest++;
    }

  if (line > 0 && line <= G_MAXINT)
    /* A line without a column: its start (every message has both). */
    pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file, (int) line, (int) CLAMP (column, 1, G_MAXINT),
                         "%s", rest);
  else
    pn_json_file_report (manifest, diagnostics, PN_SEVERITY_ERROR, node, "%s: %s", file, rest);
}

/* TRUE when @annotation may be shown as a teacher's note; else reported at
 * @line and FALSE. */
static gboolean
check_note (PnPack                  *pack,
            PnAnnotation            *annotation,
            const char              *file,
            const PnAnnotationPlace *place,
            GPtrArray               *diagnostics)
{
  int line = place->line;
  int column = place->column;

  if (pn_pack_get_document (pack, annotation->document_id) == NULL)
    {
      pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file, line, column,
                           _("this note is on the document '%s', which the pack does not have; it was left out"),
                           annotation->document_id);
      return FALSE;
    }
  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE || annotation->selectors.exact == NULL ||
      annotation->selectors.exact[0] == '\0')
    {
      pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, file, line, column,
                           _("a teacher's note must quote the words it is about (a TextQuoteSelector); "
                             "this one was left out"));
      return FALSE;
    }
  if (g_strstrip (annotation->note)[0] == '\0')
    {
      pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, file, line, column,
                           _("this note has no text (a TextualBody) to show; it was left out"));
      return FALSE;
    }
  if (g_hash_table_contains (pack->teacher_places, annotation->id))
    {
      pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, file, line, column,
                           _("the id '%s' is already that of the note at line %d; this one was left out"),
                           annotation->id,
                           pn_pack_get_teacher_note_line (pack, annotation->id));
      return FALSE;
    }
  if (g_strcmp0 (annotation->pack_id, pack->id) != 0)
    pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, file, line, column,
                         _("this note names the pack '%s', not this one ('%s'); it is shown in this pack"),
                         annotation->pack_id, pack->id);

  return TRUE;
}

void
pn_pack_read_teacher_notes (PnPack     *pack,
                            PnJsonFile *manifest,
                            JsonNode   *node,
                            const char *file,
                            char       *data,
                            GPtrArray  *diagnostics)
{
  g_autofree char *text = data;
  g_autoptr(GArray) places = g_array_new (FALSE, TRUE, sizeof (PnAnnotationPlace));
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PN_IS_PACK (pack));
  g_return_if_fail (file != NULL);

  g_free (pack->annotations_file);
  pack->annotations_file = g_strdup (file);
  if (text == NULL)
    return;   /* why is already among the problems */

  read = pn_annotations_from_w3c_located (text, -1, file, diagnostics, places, &error);
  if (read == NULL)
    {
      add_file_error (manifest, node, file, error->message, diagnostics);
      return;
    }

  for (guint i = 0; i < read->len; i++)
    {
      PnAnnotation *annotation = g_ptr_array_index (read, i);
      PnAnnotationPlace place = { 0, 0 };

      if (i < places->len)
        place = g_array_index (places, PnAnnotationPlace, i);
      if (pack->teacher_notes->len >= PN_PACK_MAX_TEACHER_NOTES)
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, file, place.line, place.column,
                               _("a pack may carry %d teacher's notes; this one and those after it were "
                                 "left out"), PN_PACK_MAX_TEACHER_NOTES);
          break;
        }
      if (!check_note (pack, annotation, file, &place, diagnostics))
        continue;

      g_free (annotation->pack_id);
      annotation->pack_id = g_strdup (pack->id);
      annotation->kind = PN_ANNOTATION_HIGHLIGHT;
      annotation->detached = FALSE;
      g_hash_table_insert (pack->teacher_places, g_strdup (annotation->id), g_memdup2 (&place, sizeof place));
      g_ptr_array_add (pack->teacher_notes, g_ptr_array_steal_index (read, i));
      /* The element stolen, the next one is at i again. */
      g_array_remove_index (places, i);
      i--;
    }
}

const char *
pn_pack_get_annotations_file (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->annotations_file;
}

GPtrArray *
pn_pack_get_teacher_notes (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->teacher_notes;
}

const PnAnnotation *
pn_pack_get_teacher_note (PnPack     *self,
                          const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  for (guint i = 0; id != NULL && i < self->teacher_notes->len; i++)
    {
      const PnAnnotation *annotation = g_ptr_array_index (self->teacher_notes, i);

      if (g_str_equal (annotation->id, id))
        return annotation;
    }
  return NULL;
}

int
pn_pack_get_teacher_note_line (PnPack     *self,
                               const char *id)
{
  const PnAnnotationPlace *place;

  g_return_val_if_fail (PN_IS_PACK (self), 0);
  place = id != NULL ? g_hash_table_lookup (self->teacher_places, id) : NULL;
  return place != NULL ? place->line : 0;
}

GPtrArray *
pn_pack_get_teacher_notes_of (PnPack     *self,
                              const char *document_id)
{
  GPtrArray *notes = pn_annotations_new ();

  g_return_val_if_fail (PN_IS_PACK (self), notes);

  for (guint i = 0; document_id != NULL && i < self->teacher_notes->len; i++)
    {
      const PnAnnotation *annotation = g_ptr_array_index (self->teacher_notes, i);

      if (g_str_equal (annotation->document_id, document_id))
        g_ptr_array_add (notes, pn_annotation_copy (annotation));
    }
  return notes;
}

GPtrArray *
pn_pack_anchor_teacher_notes (PnPack       *self,
                              const char   *document_id,
                              PnAnchorText *text,
                              guint        *n_detached)
{
  g_autoptr(GPtrArray) notes = pn_pack_get_teacher_notes_of (self, document_id);
  GPtrArray *placed = pn_annotations_new ();
  guint detached = 0;

  g_return_val_if_fail (text != NULL, placed);

  for (guint i = 0; i < notes->len; i++)
    {
      PnAnnotation *annotation = g_ptr_array_index (notes, i);
      PnAnchorResult result;

      if (pn_anchor_annotation (text, annotation, &result) == PN_ANCHOR_DETACHED)
        detached++;
      else
        g_ptr_array_add (placed, pn_annotation_copy (annotation));
    }
  if (n_detached != NULL)
    *n_detached = detached;
  return placed;
}

void
pn_pack_check_teacher_notes (PnPack     *self,
                             GHashTable *texts,
                             GPtrArray  *diagnostics)
{
  g_autoptr(GHashTable) anchor_texts = NULL;

  g_return_if_fail (PN_IS_PACK (self));
  g_return_if_fail (texts != NULL);

  anchor_texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) pn_anchor_text_free);
  for (guint i = 0; i < self->teacher_notes->len; i++)
    {
      const PnAnnotation *note = g_ptr_array_index (self->teacher_notes, i);
      g_autoptr(PnAnnotation) annotation = pn_annotation_copy (note);
      const char *text = g_hash_table_lookup (texts, note->document_id);
      PnAnchorText *anchor_text;
      PnAnchorResult result;

      if (text == NULL)
        continue;   /* the document could not be read: already a problem */
      anchor_text = g_hash_table_lookup (anchor_texts, note->document_id);
      if (anchor_text == NULL)
        {
          anchor_text = pn_anchor_text_new (text, -1);
          g_hash_table_insert (anchor_texts, note->document_id, anchor_text);
        }
      if (pn_anchor_annotation (anchor_text, annotation, &result) == PN_ANCHOR_DETACHED)
        {
          /* (g_utf8_substring() reads past a shorter string's end.) */
          g_autofree char *start = g_utf8_strlen (note->selectors.exact, -1) > 60
                                     ? g_utf8_substring (note->selectors.exact, 0, 60) : NULL;
          g_autofree char *quote = start != NULL ? g_strconcat (start, "…", NULL)
                                                 : g_strdup (note->selectors.exact);

          const PnAnnotationPlace *place = g_hash_table_lookup (self->teacher_places, note->id);

          pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, self->annotations_file,
                               place->line, place->column,
                               _("the words this note is about (“%s”) are not in the document '%s'; "
                                 "it is not shown"), quote, note->document_id);
        }
    }
}
