/* pn-hyphenation.h: which languages of a pack the system can hyphenate
 *
 * The reader asks for CSS hyphens: auto; WebKitGTK breaks the words with libhyphen and the
 * dictionaries it finds as hyph_LOCALE.dic in /usr/share/hyphen (or /usr/local/share/hyphen),
 * nowhere else. It hyphenates text whose lang is a dictionary's locale (case and - or _
 * ignored: "en-US" uses hyph_en_US.dic), or a bare language that some dictionary is for ("es"
 * uses hyph_es_ES.dic); a region without its own dictionary gets none ("en-CA" does not fall
 * back to en). A dictionary that is a dangling link (in Flatpak, a language whose Locale
 * extension is not installed) is no dictionary. This module finds them the same way and says
 * what to install when one is missing. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pn-pack.h"

G_BEGIN_DECLS

/* Where WebKitGTK looks for the dictionaries, NULL-terminated. */
const char * const *pn_hyphenation_default_dirs      (void);

/* The dictionary WebKitGTK would hyphenate @language with, searched in @dirs (NULL: the
 * default ones), or NULL when there is none. */
char               *pn_hyphenation_find_dictionary   (const char * const *dirs,
                                                      const char         *language);

/* The languages the documents of @pack are written in (each document's, else the pack's),
 * each once, in the order of the documents. */
GPtrArray          *pn_hyphenation_pack_languages    (PnPack             *pack);

/* The Debian package that holds the dictionary for @language ("hyphen-en-us" for "en"), or NULL
 * for a language Debian has none for (as far as the app knows). */
char               *pn_hyphenation_debian_package    (const char         *language);

/* The English name of @language's language ("English" for "en-GB"), for the languages Debian
 * has a hyphenation package for; NULL for others. */
const char         *pn_hyphenation_language_name     (const char         *language);

/* One line for a person who can install things: that text in @language is not hyphenated,
 * and what to do about it (the Debian package, the Flatpak Locale extension, or the tag to
 * write instead when only the region has no dictionary). @dirs as for
 * pn_hyphenation_find_dictionary(). */
char               *pn_hyphenation_describe_missing  (const char * const *dirs,
                                                      const char         *language);

/* Says (g_message, once per language and process) which languages of @pack the system cannot
 * hyphenate, with pn_hyphenation_describe_missing(). Returns how many it found (said before or not). */
guint               pn_hyphenation_log_missing       (PnPack             *pack);

G_END_DECLS
