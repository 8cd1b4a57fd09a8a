/* pn-json-scan.c: one linear pass over a JSON text before json-glib parses it
 *
 * json-glib has no limits of its own: it recurses once per nesting level, it
 * looks up each repeated key in a list of all the members before it, and it
 * mangles lone surrogate escapes. This pass bounds the first two and repairs
 * the third, so that whatever a pack holds, parsing takes linear time.
 *
 * Strings follow JSON (RFC 8259): they start and end with '"', and a backslash
 * escapes the next character. Keys are compared decoded, so "a" and "\u0061"
 * count as the same key, as json-glib sees them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-json-scan.h"

/* After this many lone surrogates, one more line says how many there were. */
#define MAX_SURROGATE_REPORTS 20
/* Up to this many members, an object's keys are compared one by one, without
 * a hash table: most objects are small. */
#define FEW_MEMBERS 16

/* A problem that stops the scan, at @line and @column of the file. */
#define ERROR_AT(scan, line, column, ...) \
  pn_diagnostics_addf ((scan)->diagnostics, PN_SEVERITY_ERROR, (scan)->name, (line), (column), __VA_ARGS__)

typedef struct {
  gsize start;             /* of the key text, after its quote */
  gsize end;               /* of its closing quote */
  gboolean escaped;        /* holds a backslash: compare it decoded */
} Span;

typedef struct {
  gboolean is_object;
  gboolean expect_key;     /* in an object, after '{' or ',' */
  guint n_members;
  GArray *spans;           /* of Span, the first FEW_MEMBERS keys (borrowed from the pool) */
  GHashTable *keys;        /* decoded keys, once there are more */
} Frame;

typedef struct {
  const char *data;
  gsize length;
  const char *name;
  GPtrArray *diagnostics;
  char *repaired;          /* copy of data, made at the first lone surrogate */
  int line;
  int column;              /* of the byte at i, 1-based, in characters */
  GArray *frames;          /* of Frame */
  GPtrArray *span_pool;    /* a GArray of Span per depth, reused */
  guint n_repeated;
  guint n_values;          /* commas and opening brackets: about one per value */
  guint max_values;
  guint n_surrogates;      /* strings holding one */
} Scan;

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The \uXXXX escape at @p (of @left bytes), or -1. */
static int
escape_at (const char *p,
           gsize       left)
{
  if (left < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  return hex_value (p + 2);
}

/* Appends the key text between the quotes, decoded, to @out. Lone surrogates
 * are already \ufffd in @text; unknown escapes are json-glib's to report. */
static void
decode_key (const char *text,
            gsize       length,
            GString    *out)
{
  for (gsize i = 0; i < length; i++)
    {
      int code;

      if (text[i] != '\\' || i + 1 >= length)
        {
          g_string_append_c (out, text[i]);
          continue;
        }

      code = escape_at (text + i, length - i);
      if (code < 0)
        {
          g_string_append_c (out, text[i + 1]);
          i++;
          continue;
        }

      i += 5;
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          int low = escape_at (text + i + 1, length - i - 1);

          if (low < 0xDC00 || low > 0xDFFF)
            {
              g_string_append_unichar (out, 0xFFFD);
              continue;
            }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      g_string_append_unichar (out, code >= 0xDC00 && code <= 0xDFFF ? 0xFFFD : (gunichar) code);
    }
}

/* Replaces the lone surrogates of the string whose text starts at @start
 * (after its quote) and sets @end to the index of its closing quote (or the
 * end of the text, a parse error json-glib reports).
 * FALSE when an escape is not JSON (reported): json-glib would read "\udcP0"
 * as half a pair, drop "\u00zz" and more, and take "\x" for "x". */
static gboolean
scan_string (Scan     *scan,
             gsize     start,
             int       quote_column,
             gboolean *escaped,
             gsize    *end)
{
  const char *data = scan->repaired != NULL ? scan->repaired : scan->data;
  gboolean lone = FALSE;
  gsize i = start;

  *escaped = FALSE;

  while (i < scan->length && data[i] != '"')
    {
      int code;

      /* JSON has none in strings; json-glib takes them, line breaks too,
       * which would put this scan out of step with it. */
      if ((guchar) data[i] < 0x20)
        {
          ERROR_AT (scan, scan->line, scan->column,
                    "%s", _("a string holds a line break or another control character; "
                            "write it as an escape such as \\n or \\t"));
          return FALSE;
        }
      if (data[i] != '\\')
        {
          if (((guchar) data[i] & 0xC0) != 0x80)
            scan->column++;
          i++;
          continue;
        }
      *escaped = TRUE;
      if (i + 1 >= scan->length)
        {
          i++;
          continue;
        }

      code = escape_at (data + i, scan->length - i);
      if (data[i + 1] == 'u' && code < 0)
        {
          ERROR_AT (scan, scan->line, scan->column, "%s",
                    _("invalid \\u escape: four hexadecimal digits must follow it"));
          return FALSE;
        }
      if (data[i + 1] != 'u' && strchr ("\"\\/bfnrt", data[i + 1]) == NULL)
        {
          /* Named as written: one character, which may take several bytes. */
          g_autofree char *written = g_utf8_make_valid (data + i, (gssize) MIN (scan->length - i, 2 + 3));
          char *after = g_utf8_next_char (g_utf8_next_char (written));

          *after = '\0';
          ERROR_AT (scan, scan->line, scan->column,
                    _("invalid escape '%s'; a string may hold \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                    written);
          return FALSE;
        }
      if (code >= 0xD800 && code <= 0xDFFF)
        {
          int low = scan->length - i > 6 ? escape_at (data + i + 6, scan->length - i - 6) : -1;

          if (code <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF)
            {
              i += 12;
              scan->column += 12;
              continue;
            }

          if (scan->repaired == NULL)
            {
              scan->repaired = g_malloc (scan->length + 1);
              memcpy (scan->repaired, scan->data, scan->length);
              scan->repaired[scan->length] = '\0';
              data = scan->repaired;
            }
          memcpy (scan->repaired + i + 2, "fffd", 4);
          lone = TRUE;
          i += 6;
          scan->column += 6;
          continue;
        }

      /* Any other escape: the backslash and the character after it. */
      i += 2;
      scan->column += 2;
    }

  if (lone)
    {
      scan->n_surrogates++;
      if (scan->n_surrogates <= MAX_SURROGATE_REPORTS)
        ERROR_AT (scan, scan->line, quote_column,
                  "%s", _("text holds an invalid \\u escape (a lone surrogate)"));
    }

  *end = i;
  return TRUE;
}

static char *
decoded_key (Scan       *scan,
             const Span *span)
{
  const char *data = scan->repaired != NULL ? scan->repaired : scan->data;
  GString *key = g_string_sized_new (span->end - span->start);

  decode_key (data + span->start, span->end - span->start, key);

  return g_string_free (key, FALSE);
}

static gboolean
same_key (Scan       *scan,
          const Span *a,
          const Span *b)
{
  const char *data = scan->repaired != NULL ? scan->repaired : scan->data;
  g_autofree char *decoded_a = NULL;
  g_autofree char *decoded_b = NULL;

  if (!a->escaped && !b->escaped)
    return a->end - a->start == b->end - b->start &&
           memcmp (data + a->start, data + b->start, a->end - a->start) == 0;

  decoded_a = decoded_key (scan, a);
  decoded_b = decoded_key (scan, b);

  return g_str_equal (decoded_a, decoded_b);
}

/* TRUE when @span's key is new in @frame, and adds it. */
static gboolean
remember_key (Scan       *scan,
              Frame      *frame,
              const Span *span)
{
  if (frame->keys == NULL && frame->spans->len < FEW_MEMBERS)
    {
      for (guint i = 0; i < frame->spans->len; i++)
        {
          if (same_key (scan, &g_array_index (frame->spans, Span, i), span))
            return FALSE;
        }
      g_array_append_val (frame->spans, *span);
      return TRUE;
    }

  if (frame->keys == NULL)
    {
      frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < frame->spans->len; i++)
        g_hash_table_add (frame->keys, decoded_key (scan, &g_array_index (frame->spans, Span, i)));
    }

  return g_hash_table_add (frame->keys, decoded_key (scan, span));
}

/* A key was read at @span: counts it in its object. FALSE when a limit is
 * passed (reported). */
static gboolean
add_key (Scan       *scan,
         Frame      *frame,
         const Span *span,
         int         line,
         int         column)
{
  g_autofree char *key = NULL;

  frame->n_members++;
  if (frame->n_members > PN_JSON_MAX_MEMBERS)
    {
      ERROR_AT (scan, line, column,
                _("an object may hold at most %d members"), PN_JSON_MAX_MEMBERS);
      return FALSE;
    }

  if (remember_key (scan, frame, span))
    return TRUE;

  scan->n_repeated++;
  if (scan->n_repeated > PN_JSON_MAX_REPEATED_KEYS)
    {
      ERROR_AT (scan, line, column,
                _("more than %d keys are repeated inside their object; write each key once"),
                PN_JSON_MAX_REPEATED_KEYS);
      return FALSE;
    }

  key = decoded_key (scan, span);
  pn_diagnostics_addf (scan->diagnostics, PN_SEVERITY_WARNING, scan->name, line, column,
                       _("duplicate key '%s'; only the last value is used"), key);

  return TRUE;
}

static Frame *
top_frame (Scan *scan)
{
  if (scan->frames->len == 0)
    return NULL;

  return &g_array_index (scan->frames, Frame, scan->frames->len - 1);
}

static gboolean
scan_text (Scan *scan)
{
  for (gsize i = 0; i < scan->length; i++)
    {
      char c = scan->data[i];
      Frame *frame = top_frame (scan);

      if (c == ',' || c == '[' || c == '{')
        {
          scan->n_values++;
          if (scan->n_values > scan->max_values && scan->max_values == PN_JSON_MAX_VALUES)
            {
              ERROR_AT (scan, scan->line, scan->column,
                        _("the file holds more than %d values, more than a course pack needs"),
                        PN_JSON_MAX_VALUES);
              return FALSE;
            }
          if (scan->n_values > scan->max_values)
            {
              ERROR_AT (scan, scan->line, scan->column, _("the file holds more than %u values"),
                        scan->max_values);
              return FALSE;
            }
        }

      if (c == '\n')
        {
          scan->line++;
          scan->column = 1;
          continue;
        }

      switch (c)
        {
        case '"':
          {
            int line = scan->line;
            int column = scan->column;
            Span span = { i + 1, 0, FALSE };
            gsize end;

            scan->column++;
            if (!scan_string (scan, i + 1, column, &span.escaped, &end))
              return FALSE;
            span.end = end;
            if (frame != NULL && frame->is_object && frame->expect_key)
              {
                frame->expect_key = FALSE;
                if (!add_key (scan, frame, &span, line, column))
                  return FALSE;
              }
            if (end >= scan->length)
              return TRUE;   /* unterminated: json-glib reports it */
            i = end;
            break;
          }
        case '/':
        case '\'':
          ERROR_AT (scan, scan->line, scan->column,
                    "%s", _("comments and single quotes are not JSON"));
          return FALSE;
        case '[':
        case '{':
          {
            Frame opened = { c == '{', c == '{', 0, NULL, NULL };
            guint depth = scan->frames->len;

            if (depth >= PN_JSON_MAX_DEPTH)
              {
                ERROR_AT (scan, scan->line, scan->column,
                          _("values are nested too deeply (more than %d levels)"), PN_JSON_MAX_DEPTH);
                return FALSE;
              }
            if (scan->span_pool->len <= depth)
              g_ptr_array_add (scan->span_pool, g_array_new (FALSE, FALSE, sizeof (Span)));
            opened.spans = g_ptr_array_index (scan->span_pool, depth);
            g_array_set_size (opened.spans, 0);
            g_array_append_val (scan->frames, opened);
            break;
          }
        case ']':
        case '}':
          /* One too many is a parse error json-glib reports. */
          if (scan->frames->len > 0)
            g_array_set_size (scan->frames, scan->frames->len - 1);
          break;
        case ',':
          if (frame != NULL && frame->is_object)
            frame->expect_key = TRUE;
          break;
        default:
          break;
        }

      if (((guchar) c & 0xC0) != 0x80)
        scan->column++;
    }

  return TRUE;
}

gboolean
pn_json_scan (const char  *data,
              gsize        length,
              const char  *name,
              GPtrArray   *diagnostics,
              char       **repaired)
{
  return pn_json_scan_full (data, length, name, PN_JSON_MAX_VALUES, diagnostics, repaired);
}

gboolean
pn_json_scan_full (const char  *data,
                   gsize        length,
                   const char  *name,
                   guint        max_values,
                   GPtrArray   *diagnostics,
                   char       **repaired)
{
  Scan scan = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (repaired != NULL, FALSE);

  scan.data = data;
  scan.length = length;
  scan.name = name;
  scan.diagnostics = diagnostics;
  scan.max_values = max_values;
  scan.line = 1;
  scan.column = 1;
  scan.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (scan.frames, clear_frame);
  scan.span_pool = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  ok = scan_text (&scan);

  if (ok && scan.n_surrogates > MAX_SURROGATE_REPORTS)
    ERROR_AT (&scan, 0, 0,
              g_dngettext (GETTEXT_PACKAGE, "%u more string holds a lone surrogate",
                           "%u more strings hold a lone surrogate",
                           scan.n_surrogates - MAX_SURROGATE_REPORTS),
              scan.n_surrogates - MAX_SURROGATE_REPORTS);

  g_array_unref (scan.frames);
  g_ptr_array_unref (scan.span_pool);
  *repaired = g_steal_pointer (&scan.repaired);

  return ok;
}
