/* pn-file.h: reading a pack file as text, with limits (internal to the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-diagnostic.h"

G_BEGIN_DECLS

/* Reads @file, named @name in diagnostics, as UTF-8 text. The size is checked
 * before anything is read, so an oversized file is never loaded. A leading
 * byte-order mark is dropped. On failure returns NULL and sets @problem to an
 * error naming @name (and the line of the first bad byte for invalid UTF-8). */
char         *pn_file_read_text     (GFile         *file,
                                     const char    *name,
                                     gsize          max_size,
                                     gsize         *length,
                                     PnDiagnostic **problem);

/* NULL when @data is valid UTF-8 without NUL bytes; otherwise an error
 * located at the first bad byte. */
PnDiagnostic *pn_file_check_utf8    (const char    *data,
                                     gsize          length,
                                     const char    *name);

/* "12.3 MB" in mebibytes, as the size messages show it */
char         *pn_file_format_size   (guint64        size);

G_END_DECLS
