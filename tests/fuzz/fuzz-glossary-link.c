/* fuzz-glossary-link.c: linking a glossary's terms in a document (the matcher and the glossary pass)
 *
 * An input is a small glossary and a text: its first byte chooses the link
 * mode, then come lines "id|term|form|form…" (a term starting with '!' is
 * case-sensitive) up to an empty line, then the Markdown of a document of a
 * French pack. The glossary is built in code (its parser has its own
 * target), put in the pack, and the document rendered. Each match of the
 * matcher must be whole UTF-8, in order, never overlapping, and, normalised,
 * one of its entry's forms; the page must be valid UTF-8, with as many term
 * links as linked occurrences, each occurrence inside its block and the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "pn-fuzz.h"
#include "pn-glossary-matcher.h"
#include "pn-pack-private.h"
#include "pn-render.h"

#define MAX_ENTRIES 64

static char *pack_dir;
static char *doc_path;

#define MANIFEST \
  "{ \"format\": 1, \"id\": \"fuzz\", \"version\": \"1\", \"title\": \"Fuzz\", \"language\": \"fr\",\n" \
  "  \"license\": null, \"description\": \"\", \"authors\": [{ \"name\": \"Ada\" }],\n" \
  "  \"documents\": [{ \"id\": \"doc\", \"title\": \"Doc\", \"file\": \"doc.md\" }],\n" \
  "  \"glossary\": \"glossary.json\" }\n"

/* Every file of the pack folder, then the folder. */
static void
remove_pack_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (pack_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (pack_dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (pack_dir);
}

static void
write_in_pack (const char *name,
               const char *contents)
{
  g_autofree char *path = g_build_filename (pack_dir, name, NULL);

  pn_fuzz_write_file (path, (const guint8 *) contents, strlen (contents));
}

/* A French pack whose glossary file is empty: the input's is put in its place. */
static void
set_up (void)
{
  g_autoptr(GError) error = NULL;

  pack_dir = g_dir_make_tmp ("pn-fuzz-glossary-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_pack_dir);
  write_in_pack ("pack.json", MANIFEST);
  write_in_pack ("glossary.json", "{ \"entries\": [] }\n");
  doc_path = g_build_filename (pack_dir, "doc.md", NULL);
}

/* The glossary of the lines before the first empty one; *@rest is what follows. */
static PnGlossary *
parse_glossary (const char  *text,
                const char **rest)
{
  PnGlossary *glossary = pn_glossary_new ("glossary.json");
  const char *end = strstr (text, "\n\n");
  g_autofree char *head = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_auto(GStrv) lines = g_strsplit (head, "\n", MAX_ENTRIES + 1);

  *rest = end != NULL ? end + 2 : "";
  for (guint i = 0; lines[i] != NULL && i < MAX_ENTRIES; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "|", 16);
      gboolean case_sensitive;
      const char *term;

      if (fields[0] == NULL || fields[1] == NULL)
        continue;
      case_sensitive = fields[1][0] == '!';
      term = fields[1] + case_sensitive;
      pn_glossary_add (glossary, pn_glossary_entry_new (fields[0], term, (const char * const *) fields + 2,
                                                        "D.", NULL, NULL, NULL, case_sensitive));
    }

  return glossary;
}

static gboolean
is_form_of (const PnGlossaryEntry *entry,
            const char            *text)
{
  g_autofree char *found = pn_glossary_normalize (text, !entry->case_sensitive);
  g_autofree char *term = pn_glossary_normalize (entry->term, !entry->case_sensitive);

  if (g_str_equal (found, term))
    return TRUE;
  for (guint i = 0; entry->forms[i] != NULL; i++)
    {
      g_autofree char *form = pn_glossary_normalize (entry->forms[i], !entry->case_sensitive);

      if (g_str_equal (found, form))
        return TRUE;
    }

  return FALSE;
}

static void
check_matches (PnGlossary *glossary,
               const char *text)
{
  g_autoptr(GArray) matches = pn_glossary_matcher_find (pn_glossary_get_matcher (glossary), text, -1);
  gsize previous = 0;

  for (guint i = 0; i < matches->len; i++)
    {
      const PnGlossaryMatch *match = &g_array_index (matches, PnGlossaryMatch, i);
      g_autofree char *slice = NULL;

      g_assert_cmpuint (match->start, >=, previous);
      g_assert_cmpuint (match->start, <, match->end);
      g_assert_cmpuint (match->end, <=, strlen (text));
      g_assert_true (g_utf8_validate_len (text + match->start, match->end - match->start, NULL));
      slice = g_strndup (text + match->start, match->end - match->start);
      if (!is_form_of (match->entry, slice))
        g_error ("“%s” is not a form of %s", slice, match->entry->id);
      previous = match->end;
    }
}

static void
check_page (PnRenderedPage *page)
{
  const char *html = pn_rendered_page_get_html (page);
  const char *text = pn_rendered_page_get_text (page);
  GPtrArray *terms = pn_rendered_page_get_terms (page);
  gsize length = g_utf8_strlen (text, -1);
  guint linked = 0;
  guint links = 0;
  gsize previous = 0;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  for (guint i = 0; i < terms->len; i++)
    {
      const PnTermOccurrence *term = g_ptr_array_index (terms, i);
      const PnTextBlock *block = term->block_id != NULL ? pn_rendered_page_find_block (page, term->block_id) : NULL;

      g_assert_cmpuint (term->start, >=, previous);
      g_assert_cmpuint (term->start, <=, term->end);
      g_assert_cmpuint (term->end, <=, length);
      if (block != NULL)
        {
          g_assert_cmpuint (block->start, <=, term->start);
          g_assert_cmpuint (term->end, <=, block->end);
        }
      previous = term->end;
      linked += term->linked;
    }

  for (const char *p = strstr (html, "class=\"pn-term\""); p != NULL; p = strstr (p + 1, "class=\"pn-term\""))
    links++;
  g_assert_cmpuint (links, ==, linked);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const PnGlossaryLinkMode modes[] = { PN_GLOSSARY_LINK_ALL, PN_GLOSSARY_LINK_FIRST, PN_GLOSSARY_LINK_NONE };
  g_autofree char *input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(PnRenderedPage) page = NULL;
  PnGlossary *glossary;
  const char *markdown;

  if (size < 1)
    return 0;
  input = pn_fuzz_text (data + 1, size - 1);
  if (input == NULL)
    return 0;
  if (pack_dir == NULL)
    set_up ();

  glossary = parse_glossary (input, &markdown);
  check_matches (glossary, markdown);

  pn_fuzz_write_file (doc_path, (const guint8 *) markdown, strlen (markdown));
  location = g_file_new_for_path (pack_dir);
  pack = pn_pack_load (location, diagnostics, &error);
  g_assert_no_error (error);
  g_set_object (&pack->glossary, glossary);
  g_object_unref (glossary);

  page = pn_render_page_full (pack, pn_pack_get_document (pack, "doc"), modes[data[0] % G_N_ELEMENTS (modes)]);
  check_page (page);

  return 0;
}
