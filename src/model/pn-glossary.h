/* pn-glossary.h: the pack's glossary (the manifest's "glossary" file)
 *
 * Entries in file order, looked up by id. Built by the pack loader from the
 * glossary file (pn-glossary-parse.c); the linker (pn-glossary-matcher.h)
 * builds its automaton from the entries once per pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Most entries a glossary holds; the ones after are left out with a message. */
#define PN_GLOSSARY_MAX_ENTRIES 10000

/* Which occurrences of a term the reader marks as a link to its entry. */
typedef enum {
  PN_GLOSSARY_LINK_ALL,        /* every occurrence */
  PN_GLOSSARY_LINK_FIRST,      /* the first of each term in each section (between headings) */
  PN_GLOSSARY_LINK_NONE,       /* none (explicit glossary: links stay) */
} PnGlossaryLinkMode;

typedef struct {
  char *id;                /* [a-z0-9][a-z0-9_-]*, the target of glossary:ID links */
  char *term;              /* as shown, e.g. "subsomption totale" */
  char **forms;            /* other forms met in texts (plurals, feminine, inclusive); never NULL */
  char *definition;        /* short definition, plain text, two sentences at most */
  char *explanation;       /* longer explanation, Markdown; NULL when none */
  char **related;          /* ids of related entries; never NULL */
  char **sources;          /* ids in the pack's sources file; never NULL */
  gboolean case_sensitive; /* acronyms: forms match only in their own case */
  int line;                /* of the entry in the glossary file; 0 when built in code */
  int explanation_line;    /* of its explanation in the file; 0 when none or built in code */
  char *explanation_markup; /* the explanation as Pango markup, made when the pack is read; NULL until then */
} PnGlossaryEntry;

/* A new entry; @forms, @related and @sources may be NULL (empty). Copies everything. */
PnGlossaryEntry *pn_glossary_entry_new  (const char         *id,
                                         const char         *term,
                                         const char * const *forms,
                                         const char         *definition,
                                         const char         *explanation,
                                         const char * const *related,
                                         const char * const *sources,
                                         gboolean            case_sensitive);
void             pn_glossary_entry_free (PnGlossaryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnGlossaryEntry, pn_glossary_entry_free)

#define PN_TYPE_GLOSSARY (pn_glossary_get_type ())
G_DECLARE_FINAL_TYPE (PnGlossary, pn_glossary, PN, GLOSSARY, GObject)

/* An empty glossary named after @file (the path in the pack, for messages; may be NULL). */
PnGlossary            *pn_glossary_new         (const char *file);
/* Takes @entry; FALSE (and frees it) when its id is already there. */
gboolean               pn_glossary_add         (PnGlossary      *self,
                                                PnGlossaryEntry *entry);
const char            *pn_glossary_get_file    (PnGlossary *self);
guint                  pn_glossary_get_n_entries (PnGlossary *self);
/* Of PnGlossaryEntry, in file order (owned by @self). */
GPtrArray             *pn_glossary_get_entries (PnGlossary *self);
const PnGlossaryEntry *pn_glossary_lookup      (PnGlossary *self,
                                                const char *id);

/* What is made from the entries once and kept with the glossary (the
 * matcher's automaton, the links' tags, the search index), under @key: made
 * by @make on first use, dropped when an entry is added. Safe from several
 * threads once the entries are all added (two callers may both make it; one
 * is kept, the other destroyed, and both get the one kept). */
typedef gpointer (*PnGlossaryMakeFunc) (PnGlossary *self,
                                        gpointer    user_data);
gpointer               pn_glossary_get_derived (PnGlossary         *self,
                                                const char         *key,
                                                PnGlossaryMakeFunc  make,
                                                gpointer            user_data,
                                                GDestroyNotify      destroy);

G_END_DECLS
