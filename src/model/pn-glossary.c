/* pn-glossary.c: the pack's glossary: entries in file order, by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-glossary.h"

struct _PnGlossary {
  GObject parent_instance;
  char *file;
  GPtrArray *entries;        /* of PnGlossaryEntry, owned */
  GHashTable *by_id;         /* id -> entry (borrowed) */
  GMutex derived_lock;
  GHashTable *derived;       /* key -> Derived, see pn_glossary_get_derived() */
};

typedef struct {
  gpointer data;
  GDestroyNotify destroy;
} Derived;

static void
derived_free (Derived *derived)
{
  if (derived->destroy != NULL)
    derived->destroy (derived->data);
  g_free (derived);
}

G_DEFINE_FINAL_TYPE (PnGlossary, pn_glossary, G_TYPE_OBJECT)

static char **
copy_strv (const char * const *strv)
{
  return strv != NULL ? g_strdupv ((char **) strv) : g_new0 (char *, 1);
}

PnGlossaryEntry *
pn_glossary_entry_new (const char         *id,
                       const char         *term,
                       const char * const *forms,
                       const char         *definition,
                       const char         *explanation,
                       const char * const *related,
                       const char * const *sources,
                       gboolean            case_sensitive)
{
  PnGlossaryEntry *entry = g_new0 (PnGlossaryEntry, 1);

  g_return_val_if_fail (id != NULL && term != NULL, NULL);

  entry->id = g_strdup (id);
  entry->term = g_strdup (term);
  entry->forms = copy_strv (forms);
  entry->definition = g_strdup (definition);
  entry->explanation = g_strdup (explanation);
  entry->related = copy_strv (related);
  entry->sources = copy_strv (sources);
  entry->case_sensitive = case_sensitive;
  return entry;
}

void
pn_glossary_entry_free (PnGlossaryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->term);
  g_strfreev (entry->forms);
  g_free (entry->definition);
  g_free (entry->explanation);
  g_free (entry->explanation_markup);
  g_strfreev (entry->related);
  g_strfreev (entry->sources);
  g_free (entry);
}

static void
pn_glossary_finalize (GObject *object)
{
  PnGlossary *self = PN_GLOSSARY (object);

  g_hash_table_unref (self->derived);
  g_mutex_clear (&self->derived_lock);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->entries);
  g_free (self->file);

  G_OBJECT_CLASS (pn_glossary_parent_class)->finalize (object);
}

static void
pn_glossary_class_init (PnGlossaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_glossary_finalize;
}

static void
pn_glossary_init (PnGlossary *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_glossary_entry_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->derived_lock);
  self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) derived_free);
}

PnGlossary *
pn_glossary_new (const char *file)
{
  PnGlossary *self = g_object_new (PN_TYPE_GLOSSARY, NULL);

  self->file = g_strdup (file);
  return self;
}

gboolean
pn_glossary_add (PnGlossary      *self,
                 PnGlossaryEntry *entry)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (g_hash_table_contains (self->by_id, entry->id))
    {
      pn_glossary_entry_free (entry);
      return FALSE;
    }
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_id, entry->id, entry);
  /* What was made from the entries no longer holds. */
  g_mutex_lock (&self->derived_lock);
  g_hash_table_remove_all (self->derived);
  g_mutex_unlock (&self->derived_lock);
  return TRUE;
}

const char *
pn_glossary_get_file (PnGlossary *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);
  return self->file;
}

guint
pn_glossary_get_n_entries (PnGlossary *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (self), 0);
  return self->entries->len;
}

GPtrArray *
pn_glossary_get_entries (PnGlossary *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);
  return self->entries;
}

const PnGlossaryEntry *
pn_glossary_lookup (PnGlossary *self,
                    const char *id)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

gpointer
pn_glossary_get_derived (PnGlossary         *self,
                         const char         *key,
                         PnGlossaryMakeFunc  make,
                         gpointer            user_data,
                         GDestroyNotify      destroy)
{
  Derived *found;
  Derived *made;

  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (key != NULL && make != NULL, NULL);

  g_mutex_lock (&self->derived_lock);
  found = g_hash_table_lookup (self->derived, key);
  g_mutex_unlock (&self->derived_lock);
  if (found != NULL)
    return found->data;

  /* Made without the lock held: the automaton of a large glossary takes a while. */
  made = g_new0 (Derived, 1);
  made->data = make (self, user_data);
  made->destroy = destroy;

  g_mutex_lock (&self->derived_lock);
  found = g_hash_table_lookup (self->derived, key);
  if (found == NULL)
    g_hash_table_insert (self->derived, g_strdup (key), made);
  g_mutex_unlock (&self->derived_lock);

  if (found != NULL)
    {
      derived_free (made);
      return found->data;
    }
  return made->data;
}
