/* pn-license.c: whether a pack's licence is written as SPDX says
 *
 * Only the identifiers that texts, courses and data are published under are
 * listed: a software licence a pack would not use is still reported, with the
 * way to write any licence of one's own ("LicenseRef-…").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-license.h"

static const char * const known_ids[] = {
  "CC0-1.0", "CC-PDDC", "PDDL-1.0", "ODbL-1.0", "ODC-By-1.0",
  "CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0",
  "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
  "CC-BY-ND-1.0", "CC-BY-ND-2.0", "CC-BY-ND-2.5", "CC-BY-ND-3.0", "CC-BY-ND-4.0",
  "CC-BY-NC-1.0", "CC-BY-NC-2.0", "CC-BY-NC-2.5", "CC-BY-NC-3.0", "CC-BY-NC-4.0",
  "CC-BY-NC-SA-1.0", "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-2.5", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0",
  "CC-BY-NC-ND-1.0", "CC-BY-NC-ND-2.0", "CC-BY-NC-ND-2.5", "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-4.0",
  "CC-BY-3.0-FR", "CC-BY-SA-3.0-FR", "CC-BY-NC-SA-2.0-FR",
  "GFDL-1.1-only", "GFDL-1.1-or-later", "GFDL-1.2-only", "GFDL-1.2-or-later",
  "GFDL-1.3-only", "GFDL-1.3-or-later", "LAL-1.2", "LAL-1.3", "etalab-2.0", "OGL-UK-3.0",
  "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later",
  "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later",
  "AGPL-3.0-only", "AGPL-3.0-or-later", "MPL-2.0", "Apache-2.0", "MIT", "ISC",
  "BSD-2-Clause", "BSD-3-Clause", "Unlicense", "0BSD", "OFL-1.1",
  NULL
};

static const char * const exceptions[] = {
  "Classpath-exception-2.0", "GCC-exception-3.1", "LLVM-exception", NULL
};

static gboolean
in_list (const char * const *list,
         const char          *id)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (list[i], id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_own_id (const char *id)
{
  const char *rest;

  if (g_ascii_strncasecmp (id, "DocumentRef-", strlen ("DocumentRef-")) == 0)
    {
      rest = strchr (id, ':');
      if (rest == NULL)
        return FALSE;
      id = rest + 1;
    }
  if (g_ascii_strncasecmp (id, "LicenseRef-", strlen ("LicenseRef-")) != 0)
    return FALSE;

  rest = id + strlen ("LicenseRef-");
  if (*rest == '\0')
    return FALSE;
  for (const char *p = rest; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

/* Splits @expression into identifiers, operators and parentheses. */
static GPtrArray *
tokenize (const char *expression)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = expression;

  while (*p != '\0')
    {
      const char *start;

      if (*p == ' ')
        {
          p++;
          continue;
        }
      if (*p == '(' || *p == ')')
        {
          g_ptr_array_add (tokens, g_strndup (p, 1));
          p++;
          continue;
        }
      start = p;
      while (*p != '\0' && *p != ' ' && *p != '(' && *p != ')')
        p++;
      g_ptr_array_add (tokens, g_strndup (start, (gsize) (p - start)));
    }

  return tokens;
}

/* A known identifier that @text spells with spaces, or lower case. */
static char *
suggest (const char *text)
{
  g_autofree char *joined = g_strstrip (g_strdup (text));

  g_strdelimit (joined, " _", '-');
  for (guint i = 0; known_ids[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (known_ids[i], joined) == 0)
        return g_strdup (known_ids[i]);
    }

  return NULL;
}

gboolean
pn_license_is_spdx (const char  *expression,
                    char       **suggestion)
{
  g_autoptr(GPtrArray) tokens = NULL;
  gboolean expect_id = TRUE;
  gboolean after_with = FALSE;
  int depth = 0;
  gboolean ok = TRUE;

  if (suggestion != NULL)
    *suggestion = NULL;
  if (expression == NULL)
    return FALSE;

  tokens = tokenize (expression);
  for (guint i = 0; ok && i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (g_str_equal (token, "("))
        {
          ok = expect_id && !after_with;
          depth++;
        }
      else if (g_str_equal (token, ")"))
        {
          ok = !expect_id && depth > 0;
          depth--;
        }
      else if (g_str_equal (token, "AND") || g_str_equal (token, "OR") || g_str_equal (token, "WITH"))
        {
          ok = !expect_id;
          expect_id = TRUE;
          after_with = g_str_equal (token, "WITH");
        }
      else if (expect_id)
        {
          ok = after_with ? in_list (exceptions, token)
                          : in_list (known_ids, token) || is_own_id (token);
          expect_id = FALSE;
          after_with = FALSE;
        }
      else
        {
          ok = FALSE;
        }
    }

  ok = ok && tokens->len > 0 && !expect_id && depth == 0;
  if (!ok && suggestion != NULL)
    *suggestion = suggest (expression);

  return ok;
}
