/* pn-pack-uri.h: the app's prisonnum: addresses as typed routes
 *
 * App resources and pack content live in separate namespaces, and inside a
 * pack each kind of thing has its own keyword, so no id can stand for another:
 *   prisonnum://app/NAME                     a resource of the app (stylesheet, blank page)
 *   prisonnum://pack/PACK/doc/DOC[#ANCHOR]   a document of the pack
 *   prisonnum://pack/PACK/files/PATH…        a file of the pack (images)
 *   prisonnum://pack/PACK/source/ID          a source of the pack (the Sources page)
 *   prisonnum://pack/PACK/glossary/ID        a glossary entry
 * A document whose id is "sources" or "glossary" is PACK/doc/sources: it can
 * never be taken for the citation route.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#ifndef PN_SCHEME
#define PN_SCHEME "prisonnum"
#endif

/* Longest address parsed, and longest id or fragment in one. */
#define PN_PACK_URI_MAX_LENGTH 4096
#define PN_PACK_URI_MAX_ID     512

typedef enum {
  PN_ROUTE_APP_RESOURCE,
  PN_ROUTE_PACK_DOCUMENT,
  PN_ROUTE_PACK_MEDIA,
  PN_ROUTE_PACK_SOURCE,
  PN_ROUTE_PACK_GLOSSARY,
} PnRoute;

typedef struct {
  PnRoute route;
  char *pack_id;    /* NULL for app resources */
  char *id;         /* resource name, document, source or entry id, or the
                     * media path relative to the pack folder ("img/a.png") */
  char *fragment;   /* decoded, or NULL */
  char *base;       /* the address as given, without its fragment */
} PnPackUri;

#define PN_PACK_URI_ERROR (pn_pack_uri_error_quark ())
GQuark      pn_pack_uri_error_quark   (void);

typedef enum {
  PN_PACK_URI_ERROR_MALFORMED,   /* not a prisonnum: address we can read */
  PN_PACK_URI_ERROR_UNKNOWN,     /* well formed, but no such route */
  PN_PACK_URI_ERROR_OUTSIDE,     /* a media path that would leave the pack */
} PnPackUriError;

/* Parses @uri; NULL with @error set for anything that is not one of the
 * routes above (other schemes, user info, port, query, empty, undecodable or
 * over-long parts, "." or ".." in a media path). */
PnPackUri  *pn_pack_uri_parse         (const char *uri,
                                       GError    **error);
void        pn_pack_uri_free          (PnPackUri  *uri);
const char *pn_route_to_string        (PnRoute     route);

/* Builders: every part escaped; @anchor may be NULL. */
char       *pn_pack_uri_for_app       (const char *name);
char       *pn_pack_uri_for_document  (const char *pack_id,
                                       const char *doc_id,
                                       const char *anchor);
char       *pn_pack_uri_for_media     (const char *pack_id,
                                       const char *path);
char       *pn_pack_uri_for_source    (const char *pack_id,
                                       const char *source_id);
char       *pn_pack_uri_for_glossary  (const char *pack_id,
                                       const char *entry_id);

/* @uri without its "#fragment" (a copy). */
char       *pn_pack_uri_strip_fragment (const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnPackUri, pn_pack_uri_free)

G_END_DECLS
