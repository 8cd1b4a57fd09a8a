/* pn-diagnostic.h: a problem found in a course pack, located by file and line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PN_SEVERITY_ERROR,
  PN_SEVERITY_WARNING,
} PnSeverity;

typedef struct {
  PnSeverity severity;
  char *file;      /* path relative to the pack root, e.g. "pack.json" */
  int line;        /* 1-based; 0 when unknown */
  int column;      /* 1-based; 0 when unknown */
  char *message;   /* one sentence, no trailing newline */
} PnDiagnostic;

PnDiagnostic *pn_diagnostic_new      (PnSeverity          severity,
                                      const char         *file,
                                      int                 line,
                                      int                 column,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (5, 6);
PnDiagnostic *pn_diagnostic_copy     (const PnDiagnostic *diagnostic);
void          pn_diagnostic_free     (PnDiagnostic       *diagnostic);
/* "file:line:column: message", prefixed "warning: " for warnings */
char         *pn_diagnostic_to_string (const PnDiagnostic *diagnostic);
/* "file:line:column: message", whatever the severity (for people: the UI shows
 * the severity by other means) */
char         *pn_diagnostic_to_located_message (const PnDiagnostic *diagnostic);
/* A GPtrArray that frees its PnDiagnostic elements */
GPtrArray    *pn_diagnostics_new     (void);
gboolean      pn_diagnostics_has_errors (GPtrArray        *diagnostics);
/* Appends @diagnostic (taking it) to @diagnostics; frees it when @diagnostics is NULL. */
void          pn_diagnostics_add     (GPtrArray          *diagnostics,
                                      PnDiagnostic       *diagnostic);
/* Appends a new diagnostic made from @format (printf-style) to @diagnostics
 * (nothing when @diagnostics is NULL). */
void          pn_diagnostics_addf    (GPtrArray          *diagnostics,
                                      PnSeverity          severity,
                                      const char         *file,
                                      int                 line,
                                      int                 column,
                                      const char         *format,
                                      ...) G_GNUC_PRINTF (6, 7);
void          pn_diagnostics_addv    (GPtrArray          *diagnostics,
                                      PnSeverity          severity,
                                      const char         *file,
                                      int                 line,
                                      int                 column,
                                      const char         *format,
                                      va_list             args) G_GNUC_PRINTF (6, 0);
guint         pn_diagnostics_count   (GPtrArray          *diagnostics,
                                      PnSeverity          severity);
/* Puts the diagnostics from index @start on in reading order (by line, then
 * column; the order found otherwise), as a teacher fixes them. */
void          pn_diagnostics_sort_from (GPtrArray        *diagnostics,
                                        guint             start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDiagnostic, pn_diagnostic_free)

G_END_DECLS
