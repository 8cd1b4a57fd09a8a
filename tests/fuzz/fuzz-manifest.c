/* fuzz-manifest.c: the pack manifest (pack.json, pn-pack)
 *
 * Each input is written as pack.json in a folder that also holds a document,
 * a sources file and quiz files (JSON and GIFT) the manifest may name, and the pack is
 * loaded as the app loads it; what loads is read through every getter. The
 * library's reading of the same pack.json (pn_library_pack_read(), for its
 * list) goes through it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "pn-fuzz.h"
#include "pn-diagnostic.h"
#include "pn-library-private.h"
#include "pn-pack.h"

static char *pack_dir;
static char *manifest_path;

static void
remove_pack_dir (void)
{
  const char *names[] = { "pack.json", "doc.md", "sources.json", "quiz.json", "quiz.gift", "glossary.json",
                          "cover.png" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (pack_dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (pack_dir);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  struct { const char *name; const char *contents; } files[] = {
    { "doc.md", "# Titre\n\nUn texte, une [source](source:s1).\n" },
    { "sources.json", "[{ \"id\": \"s1\", \"type\": \"book\", \"title\": \"Un livre\" }]\n" },
    { "quiz.json", "{ \"id\": \"q\", \"title\": \"Q\", \"questions\": [ { \"id\": \"a\", \"type\": \"true_false\", "
                   "\"text\": \"Vrai ?\", \"answer\": true, \"passage\": { \"document\": \"doc\", \"quote\": \"Un texte\" } } ] }\n" },
    { "quiz.gift", "::A::Vrai ?{T}\n\n::B::Qui ?{=Lordon ~Durand}\n" },
    { "glossary.json", "{}\n" },
    { "cover.png", "\x89PNG\r\n\x1a\n" },
  };

  pack_dir = g_dir_make_tmp ("pn-fuzz-manifest-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (pack_dir, files[i].name, NULL);

      g_file_set_contents (path, files[i].contents, -1, &error);
      g_assert_no_error (error);
    }
  manifest_path = g_build_filename (pack_dir, "pack.json", NULL);
  atexit (remove_pack_dir);
}

static void
read_pack (PnPack *pack)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  GPtrArray *sources = pn_pack_get_sources (pack);
  const char * const *quizzes = pn_pack_get_quiz_files (pack);

  g_assert_nonnull (pn_pack_get_id (pack));
  g_assert_nonnull (pn_pack_get_title (pack));
  g_assert_nonnull (pn_pack_get_language (pack));
  g_assert_cmpuint (documents->len, <=, PN_PACK_MAX_DOCUMENTS);
  g_assert_cmpuint (sources->len, <=, PN_PACK_MAX_SOURCES);
  g_assert_cmpuint (pn_pack_get_authors (pack)->len, <=, PN_PACK_MAX_AUTHORS);
  g_assert_cmpuint (g_strv_length ((GStrv) quizzes), <=, PN_PACK_MAX_QUIZZES);
  g_assert_cmpuint (pn_pack_get_quizzes (pack)->len, <=, g_strv_length ((GStrv) quizzes));

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      GPtrArray *authors = pn_document_get_authors (document);

      g_assert_true (pn_pack_get_document (pack, pn_document_get_id (document)) == document);
      g_assert_nonnull (pn_document_get_title (document));
      g_assert_nonnull (pn_document_get_language (document));
      /* The text, or the reason there is none. */
      g_assert_true (pn_document_get_markdown (document) != NULL ||
                     pn_document_get_problem (document) != NULL);
      for (guint j = 0; j < authors->len; j++)
        {
          const PnPerson *person = g_ptr_array_index (authors, j);

          g_assert_nonnull (person->name);
          g_assert_cmpuint (g_strv_length (person->affiliations), <=, PN_PACK_MAX_AFFILIATIONS);
        }
    }

  for (guint i = 0; i < sources->len; i++)
    {
      const PnSource *source = g_ptr_array_index (sources, i);

      g_assert_true (pn_pack_get_source (pack, source->id) == source);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) location = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(PnLibraryPack) listed = NULL;

  if (pack_dir == NULL)
    set_up ();

  /* Anything goes in: the loader itself checks the size and the UTF-8. */
  pn_fuzz_write_file (manifest_path, data, size);

  location = g_file_new_for_path (pack_dir);
  diagnostics = pn_diagnostics_new ();
  pack = pn_pack_load (location, diagnostics, &error);

  pn_fuzz_check_diagnostics (diagnostics, FALSE);

  listed = pn_library_pack_read (pack_dir, FALSE);
  if (listed != NULL)
    {
      g_assert_true (g_utf8_validate (listed->id, -1, NULL) && listed->id[0] != '.');
      g_assert_nonnull (listed->title);
      g_assert_nonnull (listed->language);
      g_assert_nonnull (listed->document_ids);
      g_assert_cmpuint (g_strv_length (listed->document_ids), <=, PN_PACK_MAX_DOCUMENTS);
      g_assert_true (listed->cover_path == NULL || g_str_has_prefix (listed->cover_path, pack_dir));
    }

  if (pack == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  read_pack (pack);

  return 0;
}
