/* pn-notes-command.h: `prisonnum-pack notes export|import`, the student's
 * annotations in and out of their database from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* Its lines of the tool's help. */
void pn_notes_command_print_usage (FILE  *out);
/* Runs `notes ARGS…` (@argv[0] is "notes"); the exit status: 0 done, 1
 * problems (an annotation left out, the database not usable), 2 usage. */
int  pn_notes_command_run         (int    argc,
                                   char **argv);

G_END_DECLS
