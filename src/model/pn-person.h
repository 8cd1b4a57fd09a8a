/* pn-person.h: a person named in a pack: an author, with affiliations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A person: a pack or document author, or a source's creator. */
typedef struct {
  char *name;            /* display name, e.g. "Pablo Rauzy" */
  char *email;           /* nullable */
  char **affiliations;   /* NULL-terminated, never NULL */
} PnPerson;
void pn_person_free (PnPerson *person);

G_END_DECLS
