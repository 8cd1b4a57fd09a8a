/* pn-pack-diff.c: what changed between two versions of a course pack
 *
 * Each thing (document, glossary entry, quiz question) is reduced to a key
 * (its id; a question's quiz id and its own) and a fingerprint of what the
 * student sees of it; same key and other fingerprint is an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-pack-diff.h"

/* How long a question's text is shown, in characters, before it is cut. */
#define QUESTION_LABEL_LENGTH 80

typedef struct {
  char *key;
  char *label;
  char *fingerprint;
} Item;

static void
item_free (Item *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item->fingerprint);
  g_free (item);
}

static void
add_item (GPtrArray *items,
          char      *key,
          char      *label,
          char      *fingerprint)
{
  Item *item = g_new (Item, 1);

  item->key = key;
  item->label = label;
  item->fingerprint = fingerprint;
  g_ptr_array_add (items, item);
}

/* Fields joined by a separator no pack text holds. */
static void
put (GString    *fingerprint,
     const char *field)
{
  g_string_append (fingerprint, field != NULL ? field : "\x02");
  g_string_append_c (fingerprint, '\x1f');
}

static void
put_strv (GString            *fingerprint,
          const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    put (fingerprint, strv[i]);
  g_string_append_c (fingerprint, '\x1e');
}

static void
put_number (GString *fingerprint,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  put (fingerprint, g_ascii_dtostr (buffer, sizeof buffer, value));
}

static void
put_answers (GString   *fingerprint,
             GPtrArray *answers)
{
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      put (fingerprint, answer->text);
      put_number (fingerprint, answer->weight);
      put (fingerprint, answer->feedback);
      put (fingerprint, answer->any ? "any" : "");
      put_number (fingerprint, answer->min);
      put_number (fingerprint, answer->max);
    }
  g_string_append_c (fingerprint, '\x1e');
}

static void
put_people (GString   *fingerprint,
            GPtrArray *people)
{
  for (guint i = 0; people != NULL && i < people->len; i++)
    put (fingerprint, ((const PnPerson *) g_ptr_array_index (people, i))->name);
  g_string_append_c (fingerprint, '\x1e');
}

static GPtrArray *
document_items (PnPack *pack)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  GPtrArray *documents = pn_pack_get_documents (pack);

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      GString *fingerprint = g_string_new (NULL);

      put (fingerprint, pn_document_get_title (document));
      put (fingerprint, pn_document_get_markdown (document));
      put_people (fingerprint, pn_document_get_authors (document));
      add_item (items, g_strdup (pn_document_get_id (document)),
                g_strdup (pn_document_get_title (document)), g_string_free (fingerprint, FALSE));
    }
  return items;
}

static GPtrArray *
entry_items (PnPack *pack)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  GPtrArray *entries = glossary != NULL ? pn_glossary_get_entries (glossary) : NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      GString *fingerprint = g_string_new (NULL);

      put (fingerprint, entry->term);
      put_strv (fingerprint, (const char * const *) entry->forms);
      put (fingerprint, entry->definition);
      put (fingerprint, entry->explanation);
      put_strv (fingerprint, (const char * const *) entry->related);
      put_strv (fingerprint, (const char * const *) entry->sources);
      put (fingerprint, entry->case_sensitive ? "case" : "");
      add_item (items, g_strdup (entry->id), g_strdup (entry->term), g_string_free (fingerprint, FALSE));
    }
  return items;
}

/* "Quiz title: the question's text" on one line, cut to about 80 characters. */
static char *
question_label (PnQuiz               *quiz,
                const PnQuizQuestion *question)
{
  const char *text = question->text != NULL && *question->text != '\0' ? question->text
                     : question->title != NULL ? question->title : question->id;
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autofree char *joined = NULL;
  g_autoptr(GString) label = g_string_new (NULL);
  GString *flat = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[i]);
  joined = g_string_free (flat, FALSE);
  if (g_utf8_strlen (joined, -1) > QUESTION_LABEL_LENGTH)
    {
      char *end = g_utf8_offset_to_pointer (joined, QUESTION_LABEL_LENGTH - 1);

      *end = '\0';
      g_strchomp (joined);
      g_string_append_printf (label, "%s: %s…", pn_quiz_get_title (quiz), joined);
    }
  else
    g_string_append_printf (label, "%s: %s", pn_quiz_get_title (quiz), joined);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static char *
question_fingerprint (const PnQuizQuestion *question)
{
  GString *fingerprint = g_string_new (NULL);

  put (fingerprint, pn_question_type_to_string (question->type));
  put (fingerprint, question->title);
  put (fingerprint, question->text);
  put (fingerprint, question->explanation);
  put (fingerprint, question->hint);
  put (fingerprint, question->passage != NULL ? question->passage->document : NULL);
  put (fingerprint, question->passage != NULL ? question->passage->quote : NULL);
  put_answers (fingerprint, question->answers);
  for (guint i = 0; question->pairs != NULL && i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);

      put (fingerprint, pair->item);
      put (fingerprint, pair->match);
    }
  put_strv (fingerprint, (const char * const *) question->steps);
  for (guint i = 0; question->gaps != NULL && i < question->gaps->len; i++)
    {
      const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);

      put (fingerprint, gap->kind == PN_QUIZ_GAP_TEXT ? "text" : "choice");
      put_answers (fingerprint, gap->answers);
    }
  put (fingerprint, question->truth ? "true" : "false");
  put (fingerprint, question->feedback_true);
  put (fingerprint, question->feedback_false);
  put (fingerprint, question->match_case ? "case" : "");
  put (fingerprint, question->match_accents ? "accents" : "");
  put (fingerprint, question->allow_typo ? "typo" : "");
  return g_string_free (fingerprint, FALSE);
}

static GPtrArray *
question_items (PnPack *pack)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  GPtrArray *quizzes = pn_pack_get_quizzes (pack);

  for (guint i = 0; i < quizzes->len; i++)
    {
      PnQuiz *quiz = g_ptr_array_index (quizzes, i);
      GPtrArray *questions = pn_quiz_get_questions (quiz);

      for (guint j = 0; j < questions->len; j++)
        {
          const PnQuizQuestion *question = g_ptr_array_index (questions, j);

          /* A question is the quiz's id and its own; "\n" is in neither. */
          add_item (items, g_strconcat (pn_quiz_get_id (quiz), "\n", question->id, NULL),
                    question_label (quiz, question), question_fingerprint (question));
        }
    }
  return items;
}

static GHashTable *
index_items (GPtrArray *items)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      g_hash_table_insert (index, item->key, item);
    }
  return index;
}

static void
compare_items (GPtrArray *old_items,
               GPtrArray *new_items,
               GPtrArray *added,
               GPtrArray *removed,
               GPtrArray *edited)
{
  g_autoptr(GHashTable) old_index = index_items (old_items);
  g_autoptr(GHashTable) new_index = index_items (new_items);

  for (guint i = 0; i < new_items->len; i++)
    {
      Item *item = g_ptr_array_index (new_items, i);
      Item *old = g_hash_table_lookup (old_index, item->key);

      if (old == NULL)
        g_ptr_array_add (added, g_strdup (item->label));
      else if (strcmp (old->fingerprint, item->fingerprint) != 0)
        g_ptr_array_add (edited, g_strdup (item->label));
    }
  for (guint i = 0; i < old_items->len; i++)
    {
      Item *item = g_ptr_array_index (old_items, i);

      if (!g_hash_table_contains (new_index, item->key))
        g_ptr_array_add (removed, g_strdup (item->label));
    }
}

static char *
details_fingerprint (PnPack *pack)
{
  GString *fingerprint = g_string_new (NULL);
  GPtrArray *sources = pn_pack_get_sources (pack);

  put (fingerprint, pn_pack_get_title (pack));
  put (fingerprint, pn_pack_get_description (pack));
  put (fingerprint, pn_pack_get_license (pack));
  put_people (fingerprint, pn_pack_get_authors (pack));
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PnSource *source = g_ptr_array_index (sources, i);

      put (fingerprint, source->id);
      put (fingerprint, source->type);
      put (fingerprint, source->title);
      put_strv (fingerprint, (const char * const *) source->authors);
      put (fingerprint, source->container_title);
      put (fingerprint, source->publisher);
      put (fingerprint, source->publisher_place);
      put (fingerprint, source->issued);
      put (fingerprint, source->url);
      put (fingerprint, source->abstract);
      put (fingerprint, source->note);
    }
  return g_string_free (fingerprint, FALSE);
}

static GPtrArray *
new_list (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

PnPackDiff *
pn_pack_diff_new (PnPack *old_pack,
                  PnPack *new_pack)
{
  PnPackDiff *diff;

  g_return_val_if_fail (PN_IS_PACK (old_pack), NULL);
  g_return_val_if_fail (PN_IS_PACK (new_pack), NULL);

  diff = g_new0 (PnPackDiff, 1);
  diff->documents_added = new_list ();
  diff->documents_removed = new_list ();
  diff->documents_edited = new_list ();
  diff->entries_added = new_list ();
  diff->entries_removed = new_list ();
  diff->entries_edited = new_list ();
  diff->questions_added = new_list ();
  diff->questions_removed = new_list ();
  diff->questions_edited = new_list ();

  {
    g_autoptr(GPtrArray) old_items = document_items (old_pack);
    g_autoptr(GPtrArray) new_items = document_items (new_pack);

    compare_items (old_items, new_items, diff->documents_added, diff->documents_removed,
                   diff->documents_edited);
  }
  {
    g_autoptr(GPtrArray) old_items = entry_items (old_pack);
    g_autoptr(GPtrArray) new_items = entry_items (new_pack);

    compare_items (old_items, new_items, diff->entries_added, diff->entries_removed,
                   diff->entries_edited);
  }
  {
    g_autoptr(GPtrArray) old_items = question_items (old_pack);
    g_autoptr(GPtrArray) new_items = question_items (new_pack);

    compare_items (old_items, new_items, diff->questions_added, diff->questions_removed,
                   diff->questions_edited);
  }
  {
    g_autofree char *old_details = details_fingerprint (old_pack);
    g_autofree char *new_details = details_fingerprint (new_pack);

    diff->details_changed = strcmp (old_details, new_details) != 0;
  }
  return diff;
}

/* The lists in the order pn_pack_diff_to_text() writes them. */
static void
get_lists (PnPackDiff *diff,
           GPtrArray  *lists[9])
{
  lists[0] = diff->documents_added;
  lists[1] = diff->documents_removed;
  lists[2] = diff->documents_edited;
  lists[3] = diff->entries_added;
  lists[4] = diff->entries_removed;
  lists[5] = diff->entries_edited;
  lists[6] = diff->questions_added;
  lists[7] = diff->questions_removed;
  lists[8] = diff->questions_edited;
}

gboolean
pn_pack_diff_is_empty (PnPackDiff *diff)
{
  GPtrArray *lists[9];

  g_return_val_if_fail (diff != NULL, TRUE);

  get_lists (diff, lists);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i]->len > 0)
      return FALSE;
  return !diff->details_changed;
}

char *
pn_pack_diff_to_text (PnPackDiff *diff)
{
  static const char * const kinds[] = { "document", "entry", "question" };
  static const char signs[] = { '+', '-', '~' };
  GString *text = g_string_new (NULL);
  GPtrArray *lists[9];

  g_return_val_if_fail (diff != NULL, g_string_free (text, FALSE));

  get_lists (diff, lists);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; j < lists[i]->len; j++)
      g_string_append_printf (text, "%c %s: %s\n", signs[i % 3], kinds[i / 3],
                              (const char *) g_ptr_array_index (lists[i], j));
  if (diff->details_changed)
    g_string_append (text, "~ details\n");
  return g_string_free (text, FALSE);
}

void
pn_pack_diff_free (PnPackDiff *diff)
{
  GPtrArray *lists[9];

  if (diff == NULL)
    return;
  get_lists (diff, lists);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_ptr_array_unref (lists[i]);
  g_free (diff);
}
