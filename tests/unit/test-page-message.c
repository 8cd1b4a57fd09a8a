/* test-page-message.c: validation of the reader page's messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-page-message.h"
#include "pn-test-util.h"

#define RECT "\"rect\":{\"x\":10,\"y\":20.5,\"w\":30,\"h\":12}"

static PnPageMessage *
parse_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  PnPageMessage *message = pn_page_message_parse (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (message);
  return message;
}

static void
refused (const char *json, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPageMessage) message = pn_page_message_parse (json, -1, &error);

  if (message != NULL)
    g_test_fail_printf ("accepted %s as “%s”", json, pn_page_message_type_to_string (message->type));
  g_assert_error (error, PN_PAGE_MESSAGE_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_good (void)
{
  g_autoptr(PnPageMessage) ready = parse_ok ("{\"v\":1,\"type\":\"ready\",\"href\":\"prisonnum://pack/p/doc/d\","
                                             "\"title\":\"Le texte\",\"words\":1234}");
  g_autoptr(PnPageMessage) untitled = parse_ok ("{\"v\":1,\"type\":\"ready\",\"href\":\"x\",\"title\":\"\"}");
  g_autoptr(PnPageMessage) position = parse_ok ("{\"v\":1,\"type\":\"position\",\"anchor\":\"p_3\","
                                                "\"fraction\":1.5,\"words\":12}");
  g_autoptr(PnPageMessage) top = parse_ok ("{\"v\":1,\"type\":\"position\",\"anchor\":null,\"fraction\":0}");
  g_autoptr(PnPageMessage) note = parse_ok ("{\"v\":1,\"type\":\"footnote\",\"id\":\"fn1\",\"label\":\"1\","
                                            "\"text\":\"Une note.\",\"runs\":[[\"Une \",0,\"\"],"
                                            "[\"note\",3,\"lordon-2025\"]]," RECT "}");
  g_autoptr(PnPageMessage) cite = parse_ok ("{\"v\":1,\"type\":\"citation\",\"id\":\"lordon-2025\"," RECT "}");
  g_autoptr(PnPageMessage) external = parse_ok ("{\"v\":1,\"type\":\"external\",\"href\":\"https://example.org/\"}");
  g_autoptr(PnPageMessage) jump = parse_ok ("{\"v\":1,\"type\":\"jump\",\"anchor\":\"p_1\",\"fraction\":0.25}");
  g_autoptr(PnPageMessage) leave = parse_ok ("{\"v\":1,\"type\":\"focus-leave\",\"forward\":false}");
  g_autoptr(PnPageMessage) term = parse_ok ("{\"v\":1,\"type\":\"glossary\",\"id\":\"t\"," RECT ",\"extra\":[1]}");
  g_autoptr(PnPageMessage) selected = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"rente\"," RECT "}");
  g_autoptr(PnPageMessage) unselected = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"\"}");
  PnPageRun *run;

  g_assert_cmpint (ready->type, ==, PN_PAGE_MESSAGE_READY);
  g_assert_cmpstr (ready->href, ==, "prisonnum://pack/p/doc/d");
  g_assert_cmpstr (ready->title, ==, "Le texte");
  g_assert_cmpuint (ready->words, ==, 1234);
  g_assert_null (untitled->title);

  g_assert_cmpint (position->type, ==, PN_PAGE_MESSAGE_POSITION);
  g_assert_cmpstr (position->anchor, ==, "p_3");
  g_assert_cmpfloat (position->fraction, ==, 1.0);   /* clamped */
  g_assert_cmpuint (position->words, ==, 12);
  g_assert_null (top->anchor);

  g_assert_cmpint (selected->type, ==, PN_PAGE_MESSAGE_SELECTION);
  g_assert_cmpstr (selected->text, ==, "rente");
  g_assert_cmpfloat (selected->rect.y, ==, 20.5);
  g_assert_cmpstr (unselected->text, ==, "");

  g_assert_cmpint (note->type, ==, PN_PAGE_MESSAGE_FOOTNOTE);
  g_assert_cmpstr (note->label, ==, "1");
  g_assert_cmpfloat (note->rect.y, ==, 20.5);
  g_assert_cmpfloat (note->rect.width, ==, 30);
  g_assert_nonnull (note->runs);
  g_assert_cmpuint (note->runs->len, ==, 2);
  run = g_ptr_array_index (note->runs, 1);
  g_assert_cmpstr (run->text, ==, "note");
  g_assert_cmpint (run->flags, ==, PN_PAGE_RUN_ITALIC | PN_PAGE_RUN_BOLD);
  g_assert_cmpstr (run->source_id, ==, "lordon-2025");
  g_assert_null (((PnPageRun *) g_ptr_array_index (note->runs, 0))->source_id);

  g_assert_cmpint (cite->type, ==, PN_PAGE_MESSAGE_CITATION);
  g_assert_cmpstr (cite->id, ==, "lordon-2025");
  g_assert_cmpint (external->type, ==, PN_PAGE_MESSAGE_EXTERNAL);
  g_assert_cmpint (jump->type, ==, PN_PAGE_MESSAGE_JUMP);
  g_assert_cmpfloat (jump->fraction, ==, 0.25);
  g_assert_cmpint (leave->type, ==, PN_PAGE_MESSAGE_FOCUS_LEAVE);
  g_assert_false (leave->forward);
  g_assert_cmpint (term->type, ==, PN_PAGE_MESSAGE_GLOSSARY);
}

/* Malformed runs only lose the note's styles: its plain text is still shown. */
static void
test_bad_runs (void)
{
  const char *bad_runs[] = {
    "\"runs\":\"x\"",
    "\"runs\":[[\"a\",0]]",
    "\"runs\":[[\"a\",8,\"\"]]",
    "\"runs\":[[\"a\",-1,\"\"]]",
    "\"runs\":[[1,0,\"\"]]",
    "\"runs\":[\"a\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_runs); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"v\":1,\"type\":\"footnote\",\"id\":\"fn1\","
                                               "\"text\":\"t\",%s," RECT "}", bad_runs[i]);
      g_autoptr(PnPageMessage) message = parse_ok (json);

      g_assert_null (message->runs);
      g_assert_cmpstr (message->text, ==, "t");
    }
}

static void
test_malformed (void)
{
  g_autofree char *long_text = g_strnfill (PN_PAGE_MESSAGE_MAX_TEXT + 1, 'a');
  g_autofree char *long_words = g_strnfill (PN_PAGE_MESSAGE_MAX_SELECTION + 1, 'a');
  g_autofree char *long_selection = g_strdup_printf ("{\"v\":1,\"type\":\"selection\",\"text\":\"%s\"," RECT "}",
                                                     long_words);
  g_autofree char *too_long = g_strdup_printf ("{\"v\":1,\"type\":\"footnote\",\"id\":\"f\",\"text\":\"%s\"," RECT "}",
                                               long_text);
  g_autofree char *huge = g_strnfill (PN_PAGE_MESSAGE_MAX_SIZE + 1, ' ');
  const char *malformed[] = {
    "",
    "null",
    "[1]",
    "\"ready\"",
    "{\"v\":1,\"type\":\"ready\"",
    "{\"type\":\"ready\",\"href\":\"x\"}",                          /* no version */
    "{\"v\":\"1\",\"type\":\"ready\",\"href\":\"x\"}",
    "{\"v\":1}",                                                    /* no type */
    "{\"v\":1,\"type\":7}",
    "{\"v\":1,\"type\":\"ready\"}",                                 /* no href */
    "{\"v\":1,\"type\":\"ready\",\"href\":5}",
    "{\"v\":1,\"type\":\"ready\",\"href\":\"x\",\"words\":-3}",
    "{\"v\":1,\"type\":\"ready\",\"href\":\"x\",\"words\":1.5}",
    "{\"v\":1,\"type\":\"position\",\"anchor\":\"a\"}",             /* no fraction */
    "{\"v\":1,\"type\":\"position\",\"fraction\":\"0.5\"}",
    "{\"v\":1,\"type\":\"position\",\"fraction\":1e300}",
    "{\"v\":1,\"type\":\"position\",\"fraction\":0,\"anchor\":[]}",
    "{\"v\":1,\"type\":\"footnote\",\"id\":\"f\",\"text\":\"t\"}",  /* no rect */
    "{\"v\":1,\"type\":\"footnote\",\"id\":\"f\",\"text\":\"t\",\"rect\":{\"x\":0,\"y\":0,\"w\":-1,\"h\":1}}",
    "{\"v\":1,\"type\":\"footnote\",\"id\":\"f\",\"text\":\"t\",\"rect\":{\"x\":0,\"y\":0,\"w\":1}}",
    "{\"v\":1,\"type\":\"footnote\",\"id\":\"f\",\"text\":\"t\",\"rect\":[0,0,1,1]}",
    "{\"v\":1,\"type\":\"footnote\",\"text\":\"t\"," RECT "}",       /* no id */
    "{\"v\":1,\"type\":\"citation\",\"id\":\"\"," RECT "}",
    "{\"v\":1,\"type\":\"external\"}",
    "{\"v\":1,\"type\":\"focus-leave\",\"forward\":1}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"rente\"}",            /* words but no rect */
    "{\"v\":1,\"type\":\"selection\"," RECT "}",                    /* no text */
    long_selection,
    too_long,
    huge,
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    refused (malformed[i], PN_PAGE_MESSAGE_ERROR_MALFORMED);

  refused ("{\"v\":2,\"type\":\"ready\",\"href\":\"x\"}", PN_PAGE_MESSAGE_ERROR_VERSION);
  refused ("{\"v\":0.5,\"type\":\"ready\",\"href\":\"x\"}", PN_PAGE_MESSAGE_ERROR_VERSION);
  refused ("{\"v\":1,\"type\":\"script\",\"code\":\"x\"}", PN_PAGE_MESSAGE_ERROR_UNKNOWN);
  refused ("{\"v\":1,\"type\":\"READY\",\"href\":\"x\"}", PN_PAGE_MESSAGE_ERROR_UNKNOWN);
}

/* The selection's place in the page text (notes): both offsets or none,
 * whole numbers, start before end, within bounds; a long selection comes
 * clipped. An opened highlight names its annotation. */
static void
test_selection_offsets (void)
{
  g_autoptr(PnPageMessage) placed = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"rente\"," RECT
                                              ",\"start\":120,\"end\":125}");
  g_autoptr(PnPageMessage) unplaced = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"rente\"," RECT "}");
  g_autoptr(PnPageMessage) clipped = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"abc\"," RECT
                                               ",\"clipped\":true,\"start\":0,\"end\":4000.0}");
  g_autoptr(PnPageMessage) gone = parse_ok ("{\"v\":1,\"type\":\"selection\",\"text\":\"\",\"start\":\"x\"}");
  g_autoptr(PnPageMessage) opened = parse_ok ("{\"v\":1,\"type\":\"annotation\","
                                              "\"id\":\"urn:uuid:0f0e\"," RECT "}");
  g_autoptr(PnPageMessage) teacher = parse_ok ("{\"v\":1,\"type\":\"teacher-note\","
                                               "\"id\":\"urn:uuid:7d1f\"," RECT "}");
  const char *bad[] = {
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":3}",                  /* no end */
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"end\":3}",                    /* no start */
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":5,\"end\":5}",         /* empty */
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":6,\"end\":5}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":-1,\"end\":5}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":1.5,\"end\":5}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":\"1\",\"end\":5}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":0,\"end\":1e300}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"start\":0,\"end\":99999999999}",
    "{\"v\":1,\"type\":\"selection\",\"text\":\"a\"," RECT ",\"clipped\":1}",
    "{\"v\":1,\"type\":\"annotation\",\"id\":\"\"," RECT "}",
    "{\"v\":1,\"type\":\"annotation\",\"id\":\"a\"}",                                         /* no rect */
    "{\"v\":1,\"type\":\"annotation\"," RECT "}",                                             /* no id */
    "{\"v\":1,\"type\":\"teacher-note\",\"id\":\"a\"}",                                       /* no rect */
    "{\"v\":1,\"type\":\"teacher-note\",\"id\":\"\"," RECT "}",
  };

  g_assert_cmpint (placed->type, ==, PN_PAGE_MESSAGE_SELECTION);
  g_assert_cmpint (placed->start, ==, 120);
  g_assert_cmpint (placed->end, ==, 125);
  g_assert_false (placed->clipped);
  g_assert_cmpint (unplaced->start, ==, -1);
  g_assert_cmpint (unplaced->end, ==, -1);
  g_assert_true (clipped->clipped);
  g_assert_cmpint (clipped->end, ==, 4000);
  g_assert_cmpstr (gone->text, ==, "");
  g_assert_cmpint (gone->start, ==, -1);
  g_assert_cmpint (opened->type, ==, PN_PAGE_MESSAGE_ANNOTATION);
  g_assert_cmpstr (opened->id, ==, "urn:uuid:0f0e");
  g_assert_cmpfloat (opened->rect.width, ==, 30);
  g_assert_cmpint (teacher->type, ==, PN_PAGE_MESSAGE_TEACHER_NOTE);
  g_assert_cmpstr (teacher->id, ==, "urn:uuid:7d1f");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    refused (bad[i], PN_PAGE_MESSAGE_ERROR_MALFORMED);
}

/* Every type in the table has a name, and each name parses back to its type
 * (a good message of each type is in test_good). */
static void
test_table (void)
{
  for (guint i = 0; i < PN_PAGE_MESSAGE_N_TYPES; i++)
    {
      const char *name = pn_page_message_type_to_string (i);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "unknown");
    }
  g_assert_cmpstr (pn_page_message_type_to_string (PN_PAGE_MESSAGE_N_TYPES), ==, "unknown");
}

/* Random damage to good messages: each is refused with a reason or parses
 * to a message of a known type; never a crash (run under ASan in CI). */
static void
test_mutations (void)
{
  const char *seeds[] = {
    "{\"v\":1,\"type\":\"ready\",\"href\":\"prisonnum://pack/p/doc/d\",\"title\":\"T\",\"words\":12}",
    "{\"v\":1,\"type\":\"position\",\"anchor\":\"p_3\",\"fraction\":0.5,\"words\":3}",
    "{\"v\":1,\"type\":\"footnote\",\"id\":\"fn1\",\"label\":\"1\",\"text\":\"t\","
    "\"runs\":[[\"a\",1,\"s\"],[\"b\",0,\"\"]]," RECT "}",
    "{\"v\":1,\"type\":\"citation\",\"id\":\"s\"," RECT "}",
    "{\"v\":1,\"type\":\"focus-leave\",\"forward\":true}",
  };
  const char alphabet[] = "{}[]\",:0123456789.-eE \\u\x01\xff\xc3\xa9";
  GRand *rand = g_rand_new_with_seed (20261201);
  guint parsed = 0, refused = 0;

  for (guint round = 0; round < 20000; round++)
    {
      const char *seed = seeds[round % G_N_ELEMENTS (seeds)];
      g_autoptr(GString) text = g_string_new (seed);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnPageMessage) message = NULL;

      pn_test_mutate (rand, text, alphabet);
      message = pn_page_message_parse (text->str, text->len, &error);
      if (message != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (message->type, <, PN_PAGE_MESSAGE_N_TYPES);
          g_assert_cmpfloat (message->fraction, >=, 0.0);
          g_assert_cmpfloat (message->fraction, <=, 1.0);
          parsed++;
        }
      else
        {
          g_assert_nonnull (error);
          refused++;
        }
    }
  g_test_message ("%u parsed, %u refused", parsed, refused);
  g_assert_cmpuint (parsed, >, 0);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-message/good", test_good);
  g_test_add_func ("/page-message/bad-runs", test_bad_runs);
  g_test_add_func ("/page-message/malformed", test_malformed);
  g_test_add_func ("/page-message/selection-offsets", test_selection_offsets);
  g_test_add_func ("/page-message/table", test_table);
  g_test_add_func ("/page-message/mutations", test_mutations);

  return g_test_run ();
}
