/* pn-file.c: reading a pack file as text, with limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-file.h"

#define BYTE_ORDER_MARK "\xef\xbb\xbf"

char *
pn_file_format_size (guint64 size)
{
  /* Translators: a file size in megabytes, e.g. "100.0 MB" */
  return g_strdup_printf (_("%.1f MB"), (double) size / (1024.0 * 1024.0));
}

static PnDiagnostic *
problem_from_error (const char   *name,
                    const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0, "%s", _("file not found"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0, "%s",
                              _("the file cannot be read (permission denied)"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0, "%s",
                              _("this is a folder, not a file"));

  return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0,
                            _("the file cannot be read (%s)"), error->message);
}

/* Type and size, following symbolic links. */
static PnDiagnostic *
check_file_info (GFile      *file,
                 const char *name,
                 gsize       max_size,
                 guint64    *size)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GFileType type;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return problem_from_error (name, error);

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0, "%s",
                              _("this is a folder, not a file"));
  if (type != G_FILE_TYPE_REGULAR)
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0, "%s",
                              _("this is not a regular file"));

  *size = (guint64) g_file_info_get_size (info);
  if (*size > max_size)
    {
      g_autofree char *actual = pn_file_format_size (*size);

      return pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0,
                                _("file is too large (%s; the limit is %u MB)"),
                                actual, (guint) (max_size / (1024 * 1024)));
    }

  return NULL;
}

/* Reads in chunks and stops past @max_size, so a file that grew after it
 * was measured is still caught without being loaded whole. */
static char *
read_bounded (GFile         *file,
              const char    *name,
              guint64        expected_size,
              gsize          max_size,
              gsize         *length,
              PnDiagnostic **problem)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 chunk[16384];

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      *problem = problem_from_error (name, error);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) MIN (expected_size, (guint64) max_size) + 1);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      NULL, &error);

      if (n < 0)
        {
          *problem = problem_from_error (name, error);
          return NULL;
        }
      if (n == 0)
        break;

      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max_size)
        {
          *problem = pn_diagnostic_new (PN_SEVERITY_ERROR, name, 0, 0,
                                        _("file is too large (the limit is %u MB)"),
                                        (guint) (max_size / (1024 * 1024)));
          return NULL;
        }
    }

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

PnDiagnostic *
pn_file_check_utf8 (const char *data,
                    gsize       length,
                    const char *name)
{
  const char *end = NULL;
  const char *line_start = data;
  int line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return NULL;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  if (*end == '\0')
    return pn_diagnostic_new (PN_SEVERITY_ERROR, name, line,
                              (int) g_utf8_strlen (line_start, end - line_start) + 1,
                              "%s", _("the file contains a NUL byte; is it really a text file?"));

  return pn_diagnostic_new (PN_SEVERITY_ERROR, name, line,
                            (int) g_utf8_strlen (line_start, end - line_start) + 1,
                            "%s", _("invalid UTF-8; the file must be saved in the UTF-8 encoding"));
}

char *
pn_file_read_text (GFile         *file,
                   const char    *name,
                   gsize          max_size,
                   gsize         *length,
                   PnDiagnostic **problem)
{
  g_autofree char *data = NULL;
  guint64 size = 0;
  gsize data_length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problem != NULL && *problem == NULL, NULL);

  if ((*problem = check_file_info (file, name, max_size, &size)) != NULL)
    return NULL;

  data = read_bounded (file, name, size, max_size, &data_length, problem);
  if (data == NULL)
    return NULL;

  if ((*problem = pn_file_check_utf8 (data, data_length, name)) != NULL)
    return NULL;

  if (g_str_has_prefix (data, BYTE_ORDER_MARK))
    {
      data_length -= strlen (BYTE_ORDER_MARK);
      memmove (data, data + strlen (BYTE_ORDER_MARK), data_length + 1);
    }

  if (length != NULL)
    *length = data_length;

  return g_steal_pointer (&data);
}
