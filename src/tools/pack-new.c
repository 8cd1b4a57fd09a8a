/* pack-new.c: `prisonnum-pack new DIR`, a small example pack to start from
 *
 * Every file is a working example of its format; README.md says what each
 * one does. The pack passes `prisonnum-pack check --strict` (a unit test
 * makes sure). The texts are the tool's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "prisonnum-pack.h"

static const char readme[] =
  "# An example course pack\n"
  "\n"
  "Made by `prisonnum-pack new`. Change it into your own course, then:\n"
  "\n"
  "    prisonnum-pack check .            # problems, one per line: file:line:column\n"
  "    prisonnum-pack check --strict .   # warnings count as problems too\n"
  "    prisonnum-pack build . -o ../my-course.prisonnum\n"
  "    prisonnum-pack info ../my-course.prisonnum\n"
  "\n"
  "This README is not part of the course: only the files that pack.json names are shown.\n"
  "\n"
  "## The files\n"
  "\n"
  "- `pack.json`: the manifest. `id` never changes once the pack is handed out (the\n"
  "  students' notes and results are kept by it); raise `version` at each new edition.\n"
  "  `license` is an SPDX identifier: `CC-BY-SA-4.0`, `LicenseRef-PublicDomain` for a\n"
  "  text in the public domain, `CC0-1.0` for your own work given to the public domain.\n"
  "  `authors` and `description` are shown on the pack's page; a document may have\n"
  "  `authors` and a `language` of its own.\n"
  "- `texts/*.md`: the documents, in Markdown. Do not start a text with its title:\n"
  "  the reader shows it above the text. Each heading gets an id made from its words\n"
  "  (`## Keeping the light` is `keeping-the-light`), for links such as\n"
  "  `[the second text](doc:second#keeping-the-light)`.\n"
  "- `glossary.json`: the terms, found in the texts wherever they occur (list the\n"
  "  other forms a term takes under `forms`); `[lantern](glossary:lantern)` links one\n"
  "  by hand.\n"
  "- `sources.json`: the works cited, in CSL-JSON (what Zotero exports);\n"
  "  `[a book](source:stevenson-1912)` cites one.\n"
  "- `quiz.json`: a quiz; each question may point to the passage it is about.\n"
  "\n"
  "The schemas of these files are installed with the app, in\n"
  "`/usr/share/prisonnum/schemas/` (pack, glossary, quiz, sources).\n";

static const char manifest[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"example-lighthouses\",\n"
  "  \"version\": \"1.0.0\",\n"
  "  \"title\": \"Lighthouses: an example course\",\n"
  "  \"language\": \"en\",\n"
  "  \"authors\": [\n"
  "    { \"name\": \"Your Name\", \"affiliations\": [\"Your School\"] }\n"
  "  ],\n"
  "  \"license\": \"CC-BY-SA-4.0\",\n"
  "  \"description\": \"Two short texts, a glossary, a source and a quiz, to change into a course of your own.\",\n"
  "  \"documents\": [\n"
  "    { \"id\": \"first\", \"title\": \"Lights on the coast\", \"file\": \"texts/first.md\" },\n"
  "    { \"id\": \"second\", \"title\": \"The keepers\", \"file\": \"texts/second.md\" }\n"
  "  ],\n"
  "  \"glossary\": \"glossary.json\",\n"
  "  \"sources\": \"sources.json\",\n"
  "  \"quizzes\": [\"quiz.json\"]\n"
  "}\n";

static const char first_text[] =
  "## Why a light\n"
  "\n"
  "A ship that nears the coast at night needs to know where the rocks are. A\n"
  "lighthouse tells it: a tower on the shore or on a reef, with a light at the top\n"
  "that sailors can see from far out at sea.\n"
  "\n"
  "## From fires to lenses\n"
  "\n"
  "The first lights were fires burning on hills. Later towers held candles, then oil\n"
  "lamps inside a glass room, the [lantern](glossary:lantern). A glass lens around the\n"
  "lamp gathered its light into a beam that reached much further. Engineers such as the\n"
  "Stevenson family wrote down how they built towers on rocks that the sea covered at\n"
  "high tide ([a book about them](source:stevenson-1912)).\n"
  "\n"
  "Who looked after the light is told in [the second text](doc:second#keeping-the-light).\n";

static const char second_text[] =
  "## Keeping the light\n"
  "\n"
  "For a long time each lighthouse had its keepers. They trimmed the wicks, cleaned the\n"
  "glass of the lantern and wound the clockwork that turned the lens, so that the beam\n"
  "kept its rhythm through the night.\n"
  "\n"
  "## Lights without keepers\n"
  "\n"
  "Electric lamps and automatic machines made the keepers' work unneeded. Today most\n"
  "lighthouses run on their own and are checked from time to time.\n";

static const char glossary[] =
  "{\n"
  "  \"entries\": [\n"
  "    {\n"
  "      \"id\": \"lighthouse\",\n"
  "      \"term\": \"lighthouse\",\n"
  "      \"forms\": [\"lighthouses\"],\n"
  "      \"definition\": \"A tower with a strong light that shows ships where the coast and its dangers are.\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"lantern\",\n"
  "      \"term\": \"lantern\",\n"
  "      \"definition\": \"The glass room at the top of a lighthouse, where the lamp stands.\",\n"
  "      \"related\": [\"lighthouse\"]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const char sources[] =
  "[\n"
  "  {\n"
  "    \"id\": \"stevenson-1912\",\n"
  "    \"type\": \"book\",\n"
  "    \"title\": \"Records of a Family of Engineers\",\n"
  "    \"author\": [{ \"family\": \"Stevenson\", \"given\": \"Robert Louis\" }],\n"
  "    \"publisher\": \"Chatto & Windus\",\n"
  "    \"issued\": { \"date-parts\": [[1912]] },\n"
  "    \"language\": \"en\"\n"
  "  }\n"
  "]\n";

static const char quiz[] =
  "{\n"
  "  \"id\": \"lights\",\n"
  "  \"title\": \"Lighthouses: check your reading\",\n"
  "  \"questions\": [\n"
  "    {\n"
  "      \"id\": \"first-lights\",\n"
  "      \"type\": \"single\",\n"
  "      \"text\": \"What were the first lights?\",\n"
  "      \"answers\": [\n"
  "        { \"text\": \"Fires burning on hills\", \"correct\": true },\n"
  "        { \"text\": \"Electric lamps\", \"feedback\": \"They came much later.\" }\n"
  "      ],\n"
  "      \"passage\": { \"document\": \"first\", \"quote\": \"The first lights were fires burning on hills.\" }\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"keepers\",\n"
  "      \"type\": \"true_false\",\n"
  "      \"text\": \"Most lighthouses still have keepers today.\",\n"
  "      \"answer\": false,\n"
  "      \"passage\": { \"document\": \"second\", \"quote\": \"Today most lighthouses run on their own\" }\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const struct {
  const char *path;
  const char *contents;
} example_files[] = {
  { "README.md", readme },
  { "pack.json", manifest },
  { "texts/first.md", first_text },
  { "texts/second.md", second_text },
  { "glossary.json", glossary },
  { "sources.json", sources },
  { "quiz.json", quiz },
};

/* TRUE when @dir is missing (it is made) or an empty folder. */
static gboolean
prepare_folder (const char *dir)
{
  g_autoptr(GDir) listing = NULL;

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (dir, 0755) == 0)
        return TRUE;
      fprintf (stderr, _("%s: cannot make the folder: %s\n"), dir, g_strerror (errno));
      return FALSE;
    }

  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL || g_dir_read_name (listing) != NULL)
    {
      fprintf (stderr, _("%s: the folder is not empty; 'new' writes only into a new or empty folder\n"), dir);
      return FALSE;
    }

  return TRUE;
}

int
pn_tool_new (const char *dir)
{
  if (!prepare_folder (dir))
    return PN_TOOL_EXIT_PROBLEMS;

  for (guint i = 0; i < G_N_ELEMENTS (example_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, example_files[i].path, NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autoptr(GError) error = NULL;

      if (g_mkdir_with_parents (parent, 0755) != 0 ||
          !g_file_set_contents (path, example_files[i].contents, -1, &error))
        {
          fprintf (stderr, "%s: %s\n", path, error != NULL ? error->message : g_strerror (errno));
          return PN_TOOL_EXIT_PROBLEMS;
        }
    }

  printf (_("%s: an example pack, to change into your own course; README.md says what each file is.\n"
            "Then: prisonnum-pack check %s\n"), dir, dir);

  return PN_TOOL_EXIT_VALID;
}
