/* fuzz-gift.c: Moodle GIFT files (pn-gift-parse)
 *
 * Any bytes go in, as a GIFT file named in a pack or given to
 * "prisonnum-pack gift import"; what is read is graded and written back.
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
  g_autoptr(PnQuiz) quiz = pn_gift_parse ((const char *) data, size, "fuzz.gift", NULL, NULL, diagnostics);

  /* Refused only when it is not text. */
  pn_fuzz_check_diagnostics (diagnostics, quiz == NULL);
  if (quiz == NULL)
    return 0;

  pn_fuzz_grade_all (quiz);
  pn_fuzz_write_back (quiz);

  return 0;
}
