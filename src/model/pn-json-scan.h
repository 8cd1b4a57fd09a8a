/* pn-json-scan.h: one linear pass over a JSON text before json-glib parses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any pack file needs; json-glib recurses once a level, so a
 * hostile file nested thousands deep would overflow the stack. */
#define PN_JSON_MAX_DEPTH 64
/* Most members in one object: more than any pack file needs. */
#define PN_JSON_MAX_MEMBERS 10000
/* Most values in one file (counted as its commas and opening brackets): the
 * largest pack file (2000 sources) holds about 50,000. */
#define PN_JSON_MAX_VALUES 250000
/* Most repeated keys in one file. json-glib looks up a repeated key in a list
 * of all the object's members, so many of them take quadratic time. */
#define PN_JSON_MAX_REPEATED_KEYS 100

/* Checks @data (valid UTF-8, @length bytes, named @name in problems) for what
 * json-glib must not be given: nesting deeper than PN_JSON_MAX_DEPTH, comments
 * and single quotes (not JSON, and they could hide a '"' from this scan), more
 * than PN_JSON_MAX_VALUES values, an object with more than PN_JSON_MAX_MEMBERS
 * members, more than PN_JSON_MAX_REPEATED_KEYS repeated keys (each repeat is
 * reported as a warning). Returns FALSE, with the problem
 * appended to @diagnostics, when the text must not be parsed.
 *
 * A \u escape of half a UTF-16 pair standing alone (a lone surrogate) is
 * reported as an error and replaced with \ufffd, which has the same length:
 * json-glib would turn it into bytes that are not UTF-8 and drop the character
 * after it. When there is one, *@repaired is set to the repaired copy of
 * @data (otherwise NULL). */
gboolean pn_json_scan (const char  *data,
                       gsize        length,
                       const char  *name,
                       GPtrArray   *diagnostics,
                       char       **repaired);
/* The same with at most @max_values values instead of PN_JSON_MAX_VALUES
 * (files that are not a pack's, e.g. the student's notes). */
gboolean pn_json_scan_full (const char  *data,
                            gsize        length,
                            const char  *name,
                            guint        max_values,
                            GPtrArray   *diagnostics,
                            char       **repaired);

G_END_DECLS
