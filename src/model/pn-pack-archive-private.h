/* pn-pack-archive-private.h: for the archive reader's tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lowers the limit on the bytes an archive unpacks to (0: back to
 * PN_PACK_ARCHIVE_MAX_SIZE), so that a test need not write 200 MB. Not
 * thread-safe: for tests that read one archive at a time. */
void pn_pack_archive_set_max_size_for_tests (guint64 size);

G_END_DECLS
