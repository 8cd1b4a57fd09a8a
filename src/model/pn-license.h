/* pn-license.h: whether a pack's licence is written as SPDX says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @expression is an SPDX licence expression: identifiers of the
 * SPDX list (the ones course texts use), "LicenseRef-…" identifiers of one's
 * own, joined by AND, OR, WITH and parentheses. When FALSE and the text looks
 * like a known identifier written another way ("CC BY-SA 4.0"), @suggestion
 * (may be NULL) gets that identifier; otherwise NULL. */
gboolean pn_license_is_spdx (const char  *expression,
                             char       **suggestion);

G_END_DECLS
