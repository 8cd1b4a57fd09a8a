/* pn-gift-text.c: the texts of GIFT (formats, escapes) and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-gift-text.h"

const char *
pn_gift_text_take_format (const char   *text,
                          PnGiftFormat *format)
{
  static const struct { const char *prefix; PnGiftFormat format; } prefixes[] = {
    { "[moodle]", PN_GIFT_FORMAT_MOODLE },
    { "[html]", PN_GIFT_FORMAT_HTML },
    { "[plain]", PN_GIFT_FORMAT_PLAIN },
    { "[markdown]", PN_GIFT_FORMAT_MARKDOWN },
  };

  while (g_ascii_isspace (*text))
    text++;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i].prefix))
      {
        *format = prefixes[i].format;
        return text + strlen (prefixes[i].prefix);
      }

  return text;
}

/* Markdown */

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      gboolean line_start = out->len == 0 || out->str[out->len - 1] == '\n';

      if (strchr ("\\`*_[]<>", c) != NULL || (line_start && strchr ("#-+>=|", c) != NULL))
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

char *
pn_gift_text_escape_markdown (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text, strlen (text));

  return g_string_free (out, FALSE);
}

/* HTML */

static const struct { const char *name; const char *text; } entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\xc2\xa0" }, { "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" },
  { "eacute", "\xc3\xa9" }, { "egrave", "\xc3\xa8" }, { "agrave", "\xc3\xa0" },
  { "ccedil", "\xc3\xa7" }, { "rsquo", "\xe2\x80\x99" }, { "hellip", "\xe2\x80\xa6" },
  { "mdash", "\xe2\x80\x94" }, { "ndash", "\xe2\x80\x93" },
};

/* The entity at @p ("&amp;", "&#233;", "&#xE9;") appended to @out as text;
 * its length, or 0 when @p is no entity. */
static gsize
append_entity (GString    *out,
               const char *p)
{
  /* Looked for close by: a text of many '&' must not be read again and again. */
  const char *end = memchr (p, ';', strnlen (p, 12));
  g_autofree char *name = NULL;

  if (end == NULL || end - p < 2)
    return 0;
  name = g_strndup (p + 1, end - p - 1);

  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      char *stop = NULL;
      guint64 code = g_ascii_strtoull (name + (hex ? 2 : 1), &stop, hex ? 16 : 10);
      char utf8[8] = { 0 };

      if (stop == NULL || *stop != '\0' || !g_unichar_validate ((gunichar) code) || code == 0)
        return 0;
      g_unichar_to_utf8 ((gunichar) code, utf8);
      append_escaped (out, utf8, strlen (utf8));
      return end - p + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (name, entities[i].name))
      {
        append_escaped (out, entities[i].text, strlen (entities[i].text));
        return end - p + 1;
      }

  return 0;
}

/* The element name of the tag at @p ("<b>", "</B>", "<br/>"), lowercase. */
static char *
tag_name (const char *p,
          const char *end,
          gboolean   *closing)
{
  const char *start = p + 1;
  const char *q;

  *closing = *start == '/';
  if (*closing)
    start++;
  for (q = start; q < end && g_ascii_isalnum (*q); q++)
    ;

  return g_ascii_strdown (start, q - start);
}

/* The value of attribute href in the tag [p, end), or NULL. */
static char *
tag_href (const char *p,
          const char *end)
{
  g_autofree char *tag = g_strndup (p, end - p);
  g_autofree char *lower = g_ascii_strdown (tag, -1);
  const char *at = strstr (lower, "href=");
  char quote;
  const char *value;
  const char *stop;

  if (at == NULL)
    return NULL;
  value = tag + (at - lower) + 5;
  quote = *value;
  if (quote != '"' && quote != '\'')
    return NULL;
  stop = strchr (value + 1, quote);
  if (stop == NULL)
    return NULL;

  return g_strndup (value + 1, stop - value - 1);
}

static gboolean
is_drop_element (const char *name)
{
  return g_str_equal (name, "script") || g_str_equal (name, "style");
}

/* Appends the Markdown of the tag [p, end) (its name @name). */
static void
append_tag (GString    *out,
            const char *p,
            const char *end,
            const char *name,
            gboolean    closing,
            GString    *link_href,
            gboolean   *in_pre)
{
  if (g_str_equal (name, "b") || g_str_equal (name, "strong"))
    g_string_append (out, "**");
  else if (g_str_equal (name, "i") || g_str_equal (name, "em"))
    g_string_append_c (out, '*');
  else if (g_str_equal (name, "code") || g_str_equal (name, "tt"))
    {
      if (!*in_pre)
        g_string_append_c (out, '`');
    }
  else if (g_str_equal (name, "br"))
    g_string_append (out, "\\\n");
  else if (g_str_equal (name, "p") || g_str_equal (name, "div") || g_str_equal (name, "ul") ||
           g_str_equal (name, "ol"))
    g_string_append (out, "\n\n");
  else if (g_str_equal (name, "li"))
    g_string_append (out, closing ? "\n" : "\n- ");
  else if (g_str_equal (name, "pre"))
    {
      g_string_append (out, closing ? "\n```\n\n" : "\n\n```\n");
      *in_pre = !closing;
    }
  else if (g_str_equal (name, "a"))
    {
      if (!closing)
        {
          g_autofree char *href = tag_href (p, end);

          g_string_truncate (link_href, 0);
          if (href != NULL)
            {
              g_string_append (link_href, href);
              g_string_append_c (out, '[');
            }
        }
      else if (link_href->len > 0)
        {
          g_string_append_printf (out, "](%s)", link_href->str);
          g_string_truncate (link_href, 0);
        }
    }
  else
    /* Anything else stays raw HTML, for the sanitizer to leave out at display. */
    g_string_append_len (out, p, end - p);
}

static char *
html_to_markdown (const char *text,
                  gboolean    keep_breaks)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) link_href = g_string_new (NULL);
  gboolean in_pre = FALSE;
  gboolean no_more_tags = FALSE;    /* no '>' after here: every '<' is text */
  const char *p = text;
  char *blank;

  while (*p != '\0')
    {
      if (*p == '<' && !no_more_tags && (g_ascii_isalpha (p[1]) || (p[1] == '/' && g_ascii_isalpha (p[2]))))
        {
          const char *end = strchr (p, '>');
          g_autofree char *name = NULL;
          gboolean closing;

          if (end == NULL)
            {
              no_more_tags = TRUE;
              append_escaped (out, p, 1);
              p++;
              continue;
            }
          end++;
          name = tag_name (p, end, &closing);
          if (is_drop_element (name) && !closing)
            {
              const char *stop = end;

              /* Up to its closing tag, whatever its case, or the end. */
              while ((stop = strstr (stop, "</")) != NULL &&
                     g_ascii_strncasecmp (stop + 2, name, strlen (name)) != 0)
                stop += 2;
              p = stop != NULL ? stop : end + strlen (end);
              if (*p != '\0')
                p = strchr (p, '>') != NULL ? strchr (p, '>') + 1 : p + strlen (p);
              continue;
            }
          append_tag (out, p, end, name, closing, link_href, &in_pre);
          p = end;
        }
      else if (*p == '&')
        {
          gsize length = append_entity (out, p);

          if (length == 0)
            append_escaped (out, p, 1);
          p += MAX (length, 1);
        }
      else if (in_pre)
        {
          g_string_append_c (out, *p);
          p++;
        }
      else if (*p == '\n' && !keep_breaks)
        {
          g_string_append_c (out, ' ');
          p++;
        }
      else
        {
          append_escaped (out, p, 1);
          p++;
        }
    }

  if (in_pre)
    g_string_append (out, "\n```\n");

  /* No more than one blank line, none at the ends: one pass. */
  blank = g_string_free (out, FALSE);
  {
    gsize kept = 0;

    for (gsize i = 0; blank[i] != '\0'; i++)
      if (blank[i] != '\n' || kept < 2 || blank[kept - 1] != '\n' || blank[kept - 2] != '\n')
        blank[kept++] = blank[i];
    blank[kept] = '\0';
  }

  return g_strstrip (blank);
}

char *
pn_gift_text_to_markdown (const char   *text,
                          PnGiftFormat  format)
{
  switch (format)
    {
    case PN_GIFT_FORMAT_MARKDOWN:
      return g_strstrip (g_strdup (text));
    case PN_GIFT_FORMAT_PLAIN:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        return pn_gift_text_escape_markdown (stripped);
      }
    case PN_GIFT_FORMAT_HTML:
      return html_to_markdown (text, FALSE);
    case PN_GIFT_FORMAT_MOODLE:
    default:
      return html_to_markdown (text, TRUE);
    }
}

/* GIFT */

char *
pn_gift_text_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        continue;
      else
        {
          if (strchr ("~=#{}:\\", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}
