/* pn-render-media.c: the media pass: images only from inside the pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-pack-uri.h"
#include "pn-render-private.h"

static const char * const image_extensions[] = {
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", NULL
};

static gboolean
has_image_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; image_extensions[i] != NULL; i++)
    {
      if (g_str_has_suffix (lower, image_extensions[i]))
        return TRUE;
    }

  return FALSE;
}

/* The in-pack file an image points to, as a path relative to the pack root;
 * NULL (with a warning) when the image cannot be shown. */
static char *
image_path (PnRenderContext *ctx,
            cmark_node *image)
{
  const char *url = cmark_node_get_url (image);
  const char *scheme;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (url == NULL || url[0] == '\0')
    {
      pn_render_warn (ctx, image, "%s", _("image without a file; its description is kept"));
      return NULL;
    }

  scheme = g_uri_peek_scheme (url);
  if (scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")))
    {
      pn_render_warn (ctx, image, _("remote image '%s' was left out (its description is kept): images "
                               "must be files inside the pack"), url);
      return NULL;
    }
  if (scheme != NULL || url[0] == '/')
    {
      pn_render_warn (ctx, image, _("image '%s' was left out (its description is kept): images must be "
                               "files inside the pack"), url);
      return NULL;
    }

  path = g_uri_unescape_string (url, NULL);
  if (path == NULL || !has_image_extension (path))
    {
      pn_render_warn (ctx, image, _("'%s' is not an image file (PNG, JPEG, GIF, WebP, SVG or AVIF); it "
                               "was left out (its description is kept)"), url);
      return NULL;
    }

  file = pn_pack_resolve (ctx->pack, path);
  if (file == NULL)
    {
      pn_render_warn (ctx, image, _("image '%s' is outside the pack; it was left out (its description "
                               "is kept)"), url);
      return NULL;
    }

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      pn_render_warn (ctx, image, _("image file '%s' not found; its description is kept"), url);
      return NULL;
    }

  return g_steal_pointer (&path);
}

void
pn_render_pass_media (PnRenderContext *ctx,
                      cmark_node      *root,
                      gpointer         data)
{
  g_autoptr(GPtrArray) images = pn_render_collect (root, CMARK_NODE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    {
      cmark_node *image = g_ptr_array_index (images, i);
      g_autofree char *path = image_path (ctx, image);
      g_autofree char *uri = NULL;

      if (path == NULL)
        {
          pn_render_unwrap (image);
          continue;
        }

      uri = pn_pack_uri_for_media (pn_pack_get_id (ctx->pack), path);
      cmark_node_set_url (image, uri);
    }
}

