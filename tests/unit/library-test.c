/* library-test.c: course packs written by the library's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "library-test.h"
#include "pn-pack-archive.h"
#include "pn-test-util.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_glossary (const char            *folder,
                const LibraryTestPack *pack)
{
  g_autoptr(GString) json = g_string_new ("{ \"entries\": [\n");

  for (guint i = 0; pack->entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pack->entries[i], "|", 3);

      g_string_append_printf (json, "%s  { \"id\": ", i > 0 ? ",\n" : "");
      append_json_string (json, parts[0]);
      g_string_append (json, ", \"term\": ");
      append_json_string (json, parts[1]);
      g_string_append (json, ", \"definition\": ");
      append_json_string (json, parts[2]);
      g_string_append (json, " }");
    }
  g_string_append (json, "\n] }\n");
  pn_test_write_file (folder, "glossary.json", json->str, -1);
}

static void
write_quiz (const char            *folder,
            const LibraryTestPack *pack)
{
  g_autoptr(GString) json = g_string_new ("{\n  \"id\": \"quiz\",\n  \"title\": \"Check\",\n"
                                          "  \"questions\": [\n");

  for (guint i = 0; pack->questions[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pack->questions[i], "|", 2);

      g_string_append_printf (json, "%s    { \"id\": ", i > 0 ? ",\n" : "");
      append_json_string (json, parts[0]);
      g_string_append (json, ", \"type\": \"single\", \"text\": ");
      append_json_string (json, parts[1]);
      g_string_append (json, ", \"answers\": [ { \"text\": \"Yes\", \"correct\": true },"
                             " { \"text\": \"No\" } ] }");
    }
  g_string_append (json, "\n  ]\n}\n");
  pn_test_write_file (folder, "quiz.json", json->str, -1);
}

char *
library_test_write_pack (const char            *dir,
                         const char            *name,
                         const LibraryTestPack *pack)
{
  g_autofree char *folder = g_build_filename (dir, name, NULL);
  g_autoptr(GString) manifest = g_string_new ("{\n  \"format\": 1,\n  \"id\": ");

  append_json_string (manifest, pack->id);
  if (pack->version != NULL)
    {
      g_string_append (manifest, ",\n  \"version\": ");
      append_json_string (manifest, pack->version);
    }
  g_string_append (manifest, ",\n  \"title\": ");
  append_json_string (manifest, pack->id);
  g_string_append (manifest, ",\n  \"language\": \"en\",\n  \"authors\": [{ \"name\": ");
  append_json_string (manifest, pack->author);
  g_string_append (manifest, " }],\n  \"license\": \"CC-BY-4.0\",\n"
                             "  \"description\": \"A pack of the tests.\",\n  \"documents\": [");

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; pack->documents[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pack->documents[i], "|", 3);
      g_autofree char *file = g_strdup_printf ("%s.md", parts[0]);

      pn_test_write_file (folder, file, parts[2], -1);
      g_string_append_printf (manifest, "%s\n    { \"id\": ", i > 0 ? "," : "");
      append_json_string (manifest, parts[0]);
      g_string_append (manifest, ", \"title\": ");
      append_json_string (manifest, parts[1]);
      g_string_append (manifest, ", \"file\": ");
      append_json_string (manifest, file);
      g_string_append (manifest, " }");
    }
  g_string_append (manifest, "\n  ]");
  if (pack->entries != NULL)
    {
      write_glossary (folder, pack);
      g_string_append (manifest, ",\n  \"glossary\": \"glossary.json\"");
    }
  if (pack->questions != NULL)
    {
      write_quiz (folder, pack);
      g_string_append (manifest, ",\n  \"quizzes\": [\"quiz.json\"]");
    }
  if (pack->extra != NULL)
    g_string_append (manifest, pack->extra);
  if (pack->cover != NULL)
    {
      pn_test_write_file (folder, pack->cover, "\x89PNG\r\n\x1a\n", 8);
      g_string_append (manifest, ",\n  \"cover\": ");
      append_json_string (manifest, pack->cover);
    }
  g_string_append (manifest, "\n}\n");
  pn_test_write_file (folder, "pack.json", manifest->str, -1);
  return g_steal_pointer (&folder);
}

char *
library_test_write_archive (const char            *dir,
                            const char            *name,
                            const LibraryTestPack *pack)
{
  g_autofree char *folder_name = g_strconcat (name, "-folder", NULL);
  g_autofree char *folder = library_test_write_pack (dir, folder_name, pack);
  g_autofree char *file_name = g_strconcat (name, ".prisonnum", NULL);
  char *archive = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_pack_archive_write (folder, archive, &error));
  g_assert_no_error (error);
  return archive;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
library_test_list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return g_strdup ("");
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}
