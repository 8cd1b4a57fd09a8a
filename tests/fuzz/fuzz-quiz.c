/* fuzz-quiz.c: the pack's quiz JSON files (pn-quiz-parse)
 *
 * Each input is read as a quiz file of a pack with one document; what is
 * read is graded and written back as JSON (which must read as the same
 * number of questions) and as GIFT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-fuzz-quiz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autoptr(PnJsonFile) json = pn_fuzz_load_json (data, size, "quiz.json", diagnostics, &text);
  g_autoptr(PnQuiz) quiz = NULL;

  if (json == NULL)
    return 0;

  g_hash_table_add (documents, "essai");
  quiz = pn_quiz_parse (json, documents, diagnostics);
  pn_fuzz_check_diagnostics (diagnostics, quiz == NULL);
  if (quiz == NULL)
    return 0;

  pn_fuzz_grade_all (quiz);
  pn_fuzz_write_back (quiz);

  return 0;
}
