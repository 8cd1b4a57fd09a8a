/* pn-pack-cover.h: a course pack's cover (its own image, or one drawn from its title)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PN_TYPE_PACK_COVER (pn_pack_cover_get_type ())
G_DECLARE_FINAL_TYPE (PnPackCover, pn_pack_cover, PN, PACK_COVER, GtkWidget)

/* A cover 3:4, as tall as its height request (128 px unless set). Without an
 * image (or one that cannot be read) a coloured cover is drawn with @title
 * set on it; its colour comes from @pack_id, so a pack keeps it. */
GtkWidget  *pn_pack_cover_new        (void);
void        pn_pack_cover_set_pack   (PnPackCover *self,
                                      const char  *pack_id,
                                      const char  *title,
                                      const char  *image_path);
/* Whether the pack's own image is shown (FALSE: the drawn cover). */
gboolean    pn_pack_cover_has_image  (PnPackCover *self);
/* The drawn cover's colour, as "#rrggbb" (for tests). */
char       *pn_pack_cover_get_color  (PnPackCover *self);

G_END_DECLS
