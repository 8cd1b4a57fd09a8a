/* fuzz-page-message.c: the reader page's messages (pn-page-message)
 *
 * The page shares its DOM with the pack: any bytes may arrive. Each input is
 * refused with a reason or read as a message of a known type whose parts are
 * within their bounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-fuzz.h"
#include "pn-page-message.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPageMessage) message = pn_page_message_parse ((const char *) data, (gssize) size, &error);

  if (message == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_cmpint (message->type, <, PN_PAGE_MESSAGE_N_TYPES);
  g_assert_true (message->fraction >= 0.0 && message->fraction <= 1.0);
  g_assert_true (message->rect.width >= 0 && message->rect.height >= 0);
  g_assert_true (message->id == NULL || g_utf8_strlen (message->id, -1) <= PN_PAGE_MESSAGE_MAX_ID);
  g_assert_true (message->anchor == NULL || g_utf8_strlen (message->anchor, -1) <= PN_PAGE_MESSAGE_MAX_ID);
  g_assert_true (message->text == NULL || g_utf8_strlen (message->text, -1) <= PN_PAGE_MESSAGE_MAX_TEXT);
  for (guint i = 0; message->runs != NULL && i < message->runs->len; i++)
    {
      PnPageRun *run = g_ptr_array_index (message->runs, i);

      g_assert_true (g_utf8_validate (run->text, -1, NULL));
      g_assert_cmpuint (run->flags, <=, 7);
    }
  return 0;
}
