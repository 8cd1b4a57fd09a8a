/* pn-diagnostic.c: a problem found in a course pack, located by file and line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-diagnostic.h"

static PnDiagnostic *
diagnostic_new_valist (PnSeverity  severity,
                       const char *file,
                       int         line,
                       int         column,
                       const char *format,
                       va_list     args)
{
  PnDiagnostic *self = g_new0 (PnDiagnostic, 1);

  self->severity = severity;
  self->file = g_strdup (file);
  self->line = MAX (line, 0);
  self->column = self->line > 0 ? MAX (column, 0) : 0;
  self->message = g_strdup_vprintf (format, args);

  return self;
}

PnDiagnostic *
pn_diagnostic_new (PnSeverity  severity,
                   const char *file,
                   int         line,
                   int         column,
                   const char *format,
                   ...)
{
  PnDiagnostic *self;
  va_list args;

  va_start (args, format);
  self = diagnostic_new_valist (severity, file, line, column, format, args);
  va_end (args);

  return self;
}

PnDiagnostic *
pn_diagnostic_copy (const PnDiagnostic *diagnostic)
{
  g_return_val_if_fail (diagnostic != NULL, NULL);

  return pn_diagnostic_new (diagnostic->severity, diagnostic->file, diagnostic->line,
                            diagnostic->column, "%s", diagnostic->message);
}

void
pn_diagnostic_free (PnDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->file);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* "file:line:column: message"; the parts that are unknown are left out,
 * so a problem with the whole file reads "file: message". */
char *
pn_diagnostic_to_located_message (const PnDiagnostic *diagnostic)
{
  GString *out;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  out = g_string_new (NULL);
  if (diagnostic->file != NULL && diagnostic->file[0] != '\0')
    {
      g_string_append (out, diagnostic->file);
      if (diagnostic->line > 0)
        g_string_append_printf (out, ":%d", diagnostic->line);
      if (diagnostic->line > 0 && diagnostic->column > 0)
        g_string_append_printf (out, ":%d", diagnostic->column);
      g_string_append (out, ": ");
    }

  g_string_append (out, diagnostic->message);

  return g_string_free (out, FALSE);
}

/* The located message, prefixed "warning: " (never translated: tools read it)
 * for a warning. */
char *
pn_diagnostic_to_string (const PnDiagnostic *diagnostic)
{
  g_autofree char *located = NULL;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  located = pn_diagnostic_to_located_message (diagnostic);
  if (diagnostic->severity == PN_SEVERITY_WARNING)
    return g_strconcat ("warning: ", located, NULL);

  return g_steal_pointer (&located);
}

GPtrArray *
pn_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_diagnostic_free);
}

gboolean
pn_diagnostics_has_errors (GPtrArray *diagnostics)
{
  return pn_diagnostics_count (diagnostics, PN_SEVERITY_ERROR) > 0;
}

void
pn_diagnostics_add (GPtrArray    *diagnostics,
                    PnDiagnostic *diagnostic)
{
  if (diagnostics != NULL)
    g_ptr_array_add (diagnostics, diagnostic);
  else
    pn_diagnostic_free (diagnostic);
}

void
pn_diagnostics_addv (GPtrArray  *diagnostics,
                     PnSeverity  severity,
                     const char *file,
                     int         line,
                     int         column,
                     const char *format,
                     va_list     args)
{
  if (diagnostics != NULL)
    g_ptr_array_add (diagnostics, diagnostic_new_valist (severity, file, line, column, format, args));
}

void
pn_diagnostics_addf (GPtrArray  *diagnostics,
                     PnSeverity  severity,
                     const char *file,
                     int         line,
                     int         column,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  pn_diagnostics_addv (diagnostics, severity, file, line, column, format, args);
  va_end (args);
}

guint
pn_diagnostics_count (GPtrArray  *diagnostics,
                      PnSeverity  severity)
{
  guint count = 0;

  if (diagnostics == NULL)
    return 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == severity)
        count++;
    }

  return count;
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const PnDiagnostic *first = *(const PnDiagnostic * const *) a;
  const PnDiagnostic *second = *(const PnDiagnostic * const *) b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;

  return 0;
}

void
pn_diagnostics_sort_from (GPtrArray *diagnostics,
                          guint      start)
{
  g_autoptr(GPtrArray) range = NULL;

  if (diagnostics == NULL || diagnostics->len <= start + 1)
    return;

  /* g_ptr_array_sort() is stable: equal places keep the order found. */
  range = g_ptr_array_new ();
  for (guint i = start; i < diagnostics->len; i++)
    g_ptr_array_add (range, g_ptr_array_index (diagnostics, i));
  g_ptr_array_sort (range, compare_places);
  for (guint i = 0; i < range->len; i++)
    diagnostics->pdata[start + i] = g_ptr_array_index (range, i);
}
