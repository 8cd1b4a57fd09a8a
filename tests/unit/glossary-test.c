/* glossary-test.c: a small pack with a glossary, for the glossary tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "glossary-test.h"

/* A pack with two sources whose glossary file holds @glossary. */
PnPack *
glossary_test_load (const char *glossary,
                    GPtrArray  *diagnostics)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", "
                                                     "\"glossary\": \"glossary.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", "# Texte\n\nLa rente et le profit.\n",
                                           "sources.json",
                                           "[{ \"id\": \"varoufakis-2023\", \"title\": \"Technofeudalism\" },"
                                           " { \"id\": \"durand-2020\", \"title\": \"Techno-féodalisme\" }]",
                                           G, glossary,
                                           NULL);
  PnPack *pack = pn_test_load (dir, diagnostics);

  pn_test_remove_dir (dir);

  return pack;
}
