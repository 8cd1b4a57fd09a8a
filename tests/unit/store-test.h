/* store-test.h: what the tests of the student's store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-annotation.h"

G_BEGIN_DECLS

/* Fails unless @a and @b agree in every member. */
void  store_test_assert_same_annotation (const PnAnnotation *a,
                                        const PnAnnotation *b);
/* The SHA-256 of the file at @path, which must be readable. */
char *store_test_checksum_file          (const char         *path);

G_END_DECLS
