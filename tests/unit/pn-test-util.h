/* pn-test-util.h: helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-diagnostic.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* A fresh temporary folder holding the given files: pairs of relative path and
 * contents, NULL-terminated. Folders along the paths are created. */
char               *pn_test_make_dir         (const char *first_path,
                                              ...) G_GNUC_NULL_TERMINATED;
void                pn_test_write_file       (const char *dir,
                                              const char *path,
                                              const char *contents,
                                              gssize      length);
/* The whole file at @path (a failed read fails the test). */
GBytes             *pn_test_read_bytes       (const char *path);
/* Removes @dir and everything in it (symbolic links are removed, not followed). */
void                pn_test_remove_dir       (const char *dir);

/* A manifest for a one-document pack whose document is @file. */
char               *pn_test_manifest         (const char *file);
/* The same, with @extra_members (e.g. "\"sources\": \"s.json\", ") on line 8. */
char               *pn_test_manifest_with    (const char *file,
                                              const char *extra_members);

/* Loads the pack at @dir, which must load (a GError fails the test). */
PnPack             *pn_test_load             (const char *dir,
                                              GPtrArray  *diagnostics);
PnPack             *pn_test_load_fixture     (const char *name,
                                              GPtrArray  *diagnostics);

/* The first diagnostic whose text ("file:line:column: message") contains @needle. */
const PnDiagnostic *pn_test_find             (GPtrArray  *diagnostics,
                                              const char *needle);
/* Fails unless a diagnostic of @severity in @file at @line (0: any line)
 * contains @needle. */
void                pn_test_assert_diagnostic (GPtrArray  *diagnostics,
                                               PnSeverity  severity,
                                               const char *file,
                                               int         line,
                                               const char *needle);
/* Prints every diagnostic, to help when an assertion fails. */
void                pn_test_dump             (GPtrArray  *diagnostics);
guint               pn_test_count_matches    (const char *haystack,
                                              const char *needle);

/* 1 to 3 random edits of @text (a byte replaced, inserted or removed), the
 * new bytes drawn from @alphabet: for robustness tests of the parsers. */
void                pn_test_mutate           (GRand      *rand,
                                              GString    *text,
                                              const char *alphabet);

/* The code point offset of the first @needle in @text (which must hold it). */
gint64              pn_test_offset_of        (const char *text,
                                              const char *needle);

G_END_DECLS
