/* glossary-test.h: a small pack with a glossary, for the glossary tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-test-util.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define G "glossary.json"

/* The pack (French, one document "doc", sources "varoufakis-2023" and
 * "durand-2020") whose glossary file glossary.json holds @glossary. */
PnPack *glossary_test_load (const char *glossary,
                            GPtrArray  *diagnostics);
