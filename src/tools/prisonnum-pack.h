/* prisonnum-pack.h: what the commands of the teachers' tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "pn-pack.h"

G_BEGIN_DECLS

enum {
  PN_TOOL_EXIT_VALID = 0,
  PN_TOOL_EXIT_PROBLEMS = 1,
  PN_TOOL_EXIT_USAGE = 2,
};

/* The folder to read for @path: @path itself, or for a .prisonnum file a
 * temporary folder it was unpacked into (*@temporary, to remove). NULL when
 * the archive cannot be unpacked (why is printed on @out's stream). */
char *pn_tool_open_path    (const char  *path,
                            FILE        *out,
                            char       **temporary);

/* Checks the pack folder @folder (named @display), printing each problem;
 * PN_TOOL_EXIT_PROBLEMS on errors, or on warnings when @strict. Prints
 * "DISPLAY: valid (…)" when @say_valid. */
int   pn_tool_check_folder (const char  *folder,
                            const char  *display,
                            gboolean     strict,
                            gboolean     say_valid);

/* The pack in @folder, NULL when it cannot be loaded (why is printed on @out). */
PnPack *pn_tool_load_folder (const char *folder,
                             GPtrArray  *diagnostics,
                             FILE       *out);

int   pn_tool_new          (const char  *dir);
int   pn_tool_build        (const char  *dir,
                            const char  *output,
                            gboolean     strict);
int   pn_tool_info         (const char  *path);
/* Prints what changed from the pack @old_path to @new_path (pn_pack_diff_to_text()). */
int   pn_tool_diff         (const char  *old_path,
                            const char  *new_path);

G_END_DECLS
