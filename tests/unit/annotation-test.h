/* annotation-test.h: what the tests of the annotations' store and export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-annotation.h"

G_BEGIN_DECLS

/* Fails unless @a and @b agree in every member. */
void annotation_test_assert_same (const PnAnnotation *a,
                                  const PnAnnotation *b);

G_END_DECLS
