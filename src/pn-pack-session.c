/* pn-pack-session.c: the pack being read, its problems, the document shown and the reading position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-pack-session"

#include "config.h"

#include "pn-diagnostic.h"
#include "pn-hyphenation.h"
#include "pn-pack-check.h"
#include "pn-pack-session.h"
#include "pn-render.h"

struct _PnPackSession
{
  GObject            parent_instance;

  PnStore           *store;
  GFile             *location;
  PnPack            *pack;
  GPtrArray         *diagnostics;
  char              *error;
  PnReadingPosition *position;
  char              *document_id;
  char              *start_document;
  gboolean           loading;
  /* The open pack's other documents being checked, after "opened" */
  gboolean           checking;
  /* The open running (or its check), if any: cancelled by a newer one */
  GCancellable      *cancellable;
  /* The check of the rest of the pack, waiting for pn_pack_session_check_rest() */
  guint              check_rest_source;

  /* The start document's page, rendered by the check */
  char              *page_doc_id;
  PnRenderedPage    *page;          /* the start document as the check rendered it */
  /* The check of the open pack: every document's terms and text, for the glossary
   * (the start document's only while "checking"; the others are then rendered when
   * asked for, in extra_pages: document id -> PnRenderedPage) */
  PnPackCheck       *check;
  GHashTable        *extra_pages;
  /* Which occurrences of glossary terms the pages mark, and what the check
   * started last marks */
  PnGlossaryLinkMode link_mode;
  PnGlossaryLinkMode check_mode;
};

G_DEFINE_FINAL_TYPE (PnPackSession, pn_pack_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOCATION,
  PROP_LOADING,
  PROP_CHECKING,
  PROP_PACK,
  PROP_DIAGNOSTICS,
  PROP_ERROR,
  PROP_POSITION,
  PROP_DOCUMENT_ID,
  N_PROPS
};

enum {
  SIGNAL_OPENED,
  SIGNAL_ANNOTATIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
pn_pack_session_set_loading (PnPackSession *self,
                             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
pn_pack_session_set_checking (PnPackSession *self,
                              gboolean       checking)
{
  if (self->checking == checking)
    return;

  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* Where to start in @pack: the document read last (@position), else the first one. */
static char *
pick_document (PnPack            *pack,
               PnReadingPosition *position)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  g_autofree char *last = pn_reading_position_get_last_document (position);

  if (last != NULL && pn_pack_get_document (pack, last) != NULL)
    return g_steal_pointer (&last);

  if (documents->len > 0)
    return g_strdup (pn_document_get_id (g_ptr_array_index (documents, 0)));

  return NULL;
}

/* An open running: the session is not kept alive for it. */
typedef struct {
  GWeakRef           session;
  GCancellable      *cancellable;
  /* Once the pack is loaded: where the student is in it, and where to start */
  PnReadingPosition *position;
  char              *start_document;
} Opening;

static Opening *
opening_new (PnPackSession *self)
{
  Opening *opening = g_new0 (Opening, 1);

  g_weak_ref_init (&opening->session, self);
  opening->cancellable = g_object_ref (self->cancellable);
  return opening;
}

static void
opening_free (Opening *opening)
{
  g_weak_ref_clear (&opening->session);
  g_clear_object (&opening->cancellable);
  g_clear_object (&opening->position);
  g_free (opening->start_document);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

/* The session the step of @opening ran for, or NULL when it went away or a
 * newer open replaced this one. */
static PnPackSession *
opening_get_session (Opening *opening)
{
  PnPackSession *self = g_weak_ref_get (&opening->session);

  if (self != NULL && (opening->cancellable != self->cancellable ||
                       g_cancellable_is_cancelled (opening->cancellable)))
    g_clear_object (&self);
  return self;
}

static void check_done_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static gboolean check_rest_cb (gpointer user_data);

/* When nobody calls pn_pack_session_check_rest() after "opened". */
#define CHECK_REST_DELAY_S 2

/* The end of an open: every property changes at once, then "opened". A check
 * not yet complete goes on in a worker thread ("checking"). */
static void
pn_pack_session_finish_open (PnPackSession *self,
                             PnPackCheck   *check,
                             Opening       *opening,
                             const char    *error)
{
  PnPack *pack = check ? pn_pack_check_get_pack (check) : NULL;
  g_autoptr(GPtrArray) diagnostics = check ? g_ptr_array_ref (pn_pack_check_get_diagnostics (check))
                                           : pn_diagnostics_new ();
  gboolean complete = check == NULL || pn_pack_check_is_complete (check);
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  if (self->position != NULL)
    pn_reading_position_flush (self->position);
  g_clear_object (&self->position);
  g_clear_pointer (&self->start_document, g_free);
  g_clear_pointer (&self->page_doc_id, g_free);
  g_clear_object (&self->page);
  g_hash_table_remove_all (self->extra_pages);

  g_set_object (&self->pack, pack);
  g_set_object (&self->check, check);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = g_ptr_array_ref (diagnostics);
  g_free (self->error);
  self->error = g_strdup (error);

  if (pack != NULL)
    {
      self->position = g_steal_pointer (&opening->position);
      self->start_document = g_steal_pointer (&opening->start_document);
      /* The start-up check for this pack: a language the system cannot hyphenate is said
       * (once), with what to install. */
      pn_hyphenation_log_missing (pack);
      /* Rendered by the check: the reader need not render it again. */
      /* (unless the mode changed meanwhile: then the reader renders it) */
      self->page = self->link_mode == self->check_mode
                     ? pn_pack_check_get_page (check, self->start_document) : NULL;
      if (self->page != NULL)
        {
          g_object_ref (self->page);
          self->page_doc_id = g_strdup (self->start_document);
        }
    }

  if (self->document_id != NULL)
    {
      g_clear_pointer (&self->document_id, g_free);
      g_object_notify_by_pspec (object, properties[PROP_DOCUMENT_ID]);
    }

  g_object_notify_by_pspec (object, properties[PROP_PACK]);
  g_object_notify_by_pspec (object, properties[PROP_DIAGNOSTICS]);
  g_object_notify_by_pspec (object, properties[PROP_ERROR]);
  g_object_notify_by_pspec (object, properties[PROP_POSITION]);
  pn_pack_session_set_loading (self, FALSE);
  pn_pack_session_set_checking (self, !complete);

  g_object_thaw_notify (object);

  /* The other documents, once the first one is shown. */
  g_clear_handle_id (&self->check_rest_source, g_source_remove);
  if (complete)
    g_clear_object (&self->cancellable);
  else
    self->check_rest_source = g_timeout_add_seconds (CHECK_REST_DELAY_S, check_rest_cb, self);

  g_signal_emit (self, signals[SIGNAL_OPENED], 0);
}

static void
start_check_rest (PnPackSession *self)
{
  pn_pack_check_complete_async (self->check, self->cancellable, check_done_cb, opening_new (self));
}

/* Nobody said the first text was shown: the rest is checked all the same. */
static gboolean
check_rest_cb (gpointer user_data)
{
  PnPackSession *self = user_data;

  self->check_rest_source = 0;
  start_check_rest (self);
  return G_SOURCE_REMOVE;
}

void
pn_pack_session_check_rest (PnPackSession *self)
{
  g_return_if_fail (PN_IS_PACK_SESSION (self));

  if (self->check_rest_source == 0)
    return;

  g_clear_handle_id (&self->check_rest_source, g_source_remove);
  start_check_rest (self);
}

/* The whole pack checked: every problem, and every document's text. */
static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(PnPackSession) self = opening_get_session (opening);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run_finish (result, &error);

  if (self == NULL)
    return;

  g_clear_object (&self->cancellable);
  g_object_freeze_notify (G_OBJECT (self));
  if (check != NULL)
    {
      g_set_object (&self->check, check);
      g_hash_table_remove_all (self->extra_pages);
      g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
      self->diagnostics = g_ptr_array_ref (pn_pack_check_get_diagnostics (check));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSTICS]);
    }
  else
    {
      g_warning ("The pack could not be checked whole: %s", error->message);
    }
  pn_pack_session_set_checking (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The pack loaded and its first document rendered (or the start document). */
static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(PnPackSession) self = opening_get_session (opening);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run_finish (result, &error);
  PnPack *pack;

  if (self == NULL)
    return;

  if (check == NULL)
    {
      g_clear_object (&self->cancellable);
      pn_pack_session_finish_open (self, NULL, opening, error->message);
      return;
    }

  /* Where to start; rendered first when it is not the first document (this
   * callback then comes again). */
  pack = pn_pack_check_get_pack (check);
  if (opening->position == NULL)
    {
      opening->position = pn_reading_position_new (self->store, pn_pack_get_id (pack));
      opening->start_document = pick_document (pack, opening->position);
      if (opening->start_document != NULL && !pn_pack_check_is_complete (check) &&
          pn_pack_check_get_page (check, opening->start_document) == NULL)
        {
          const char *start = opening->start_document;

          pn_pack_check_render_document_async (check, start, self->cancellable,
                                               open_done_cb, g_steal_pointer (&opening));
          return;
        }
    }

  pn_pack_session_finish_open (self, check, opening, NULL);
}

void
pn_pack_session_open (PnPackSession *self,
                      GFile         *location)
{
  g_return_if_fail (PN_IS_PACK_SESSION (self));
  g_return_if_fail (G_IS_FILE (location));

  if (self->position != NULL)
    pn_reading_position_flush (self->position);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_rest_source, g_source_remove);
  self->cancellable = g_cancellable_new ();

  if (self->location != location)
    {
      g_set_object (&self->location, location);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
    }
  pn_pack_session_set_loading (self, TRUE);
  pn_pack_session_set_checking (self, FALSE);

  /* Loading and rendering happen in a worker thread: a pack at the size limits
   * does not freeze the window. The document to start with is rendered first,
   * shown ("opened"), and the others are checked meanwhile. */
  self->check_mode = self->link_mode;
  pn_pack_check_run_start_async (location, self->link_mode, self->cancellable, open_done_cb,
                                 opening_new (self));
}

/* GObject */

static void
pn_pack_session_dispose (GObject *object)
{
  PnPackSession *self = PN_PACK_SESSION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_rest_source, g_source_remove);
  if (self->position != NULL)
    pn_reading_position_flush (self->position);
  g_clear_object (&self->position);
  g_clear_object (&self->pack);
  g_clear_object (&self->location);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pn_pack_session_parent_class)->dispose (object);
}

static void
pn_pack_session_finalize (GObject *object)
{
  PnPackSession *self = PN_PACK_SESSION (object);

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->document_id);
  g_free (self->start_document);
  g_free (self->page_doc_id);
  g_clear_object (&self->page);
  g_clear_object (&self->check);
  g_clear_pointer (&self->extra_pages, g_hash_table_unref);

  G_OBJECT_CLASS (pn_pack_session_parent_class)->finalize (object);
}

static void
pn_pack_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnPackSession *self = PN_PACK_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_DIAGNOSTICS:
      g_value_set_boxed (value, self->diagnostics);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_POSITION:
      g_value_set_object (value, self->position);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_pack_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PnPackSession *self = PN_PACK_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT_ID:
      pn_pack_session_set_document_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_pack_session_class_init (PnPackSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_pack_session_dispose;
  object_class->finalize = pn_pack_session_finalize;
  object_class->get_property = pn_pack_session_get_property;
  object_class->set_property = pn_pack_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, PN_TYPE_PACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIAGNOSTICS] =
    g_param_spec_boxed ("diagnostics", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_object ("position", NULL, NULL, PN_TYPE_READING_POSITION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ANNOTATIONS_CHANGED] =
    g_signal_new ("annotations-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pn_pack_session_init (PnPackSession *self)
{
  self->diagnostics = pn_diagnostics_new ();
  self->extra_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

PnPackSession *
pn_pack_session_new (PnStore *store)
{
  g_return_val_if_fail (store == NULL || PN_IS_STORE (store), NULL);

  return g_object_new (PN_TYPE_PACK_SESSION, "store", store, NULL);
}

PnStore *
pn_pack_session_get_store (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->store;
}

gboolean
pn_pack_session_get_loading (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), FALSE);

  return self->loading;
}

gboolean
pn_pack_session_get_checking (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), FALSE);

  return self->checking;
}

GFile *
pn_pack_session_get_location (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->location;
}

PnPack *
pn_pack_session_get_pack (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->pack;
}

GPtrArray *
pn_pack_session_get_diagnostics (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->diagnostics;
}

const char *
pn_pack_session_get_error (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->error;
}

PnReadingPosition *
pn_pack_session_get_position (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->position;
}

const char *
pn_pack_session_get_document_id (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->document_id;
}

void
pn_pack_session_set_document_id (PnPackSession *self,
                                 const char    *doc_id)
{
  g_return_if_fail (PN_IS_PACK_SESSION (self));

  if (doc_id != NULL && (self->pack == NULL || pn_pack_get_document (self->pack, doc_id) == NULL))
    {
      g_warning ("No document “%s” in the open pack", doc_id);
      return;
    }

  if (g_strcmp0 (self->document_id, doc_id) == 0)
    return;

  if (self->position != NULL)
    pn_reading_position_flush (self->position);

  g_free (self->document_id);
  self->document_id = g_strdup (doc_id);
  if (doc_id != NULL)
    pn_reading_position_set_last_document (self->position, doc_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

const char *
pn_pack_session_get_start_document (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  return self->start_document;
}

PnRenderedPage *
pn_pack_session_take_page (PnPackSession *self,
                           const char    *doc_id)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  if (doc_id == NULL || g_strcmp0 (self->page_doc_id, doc_id) != 0)
    return NULL;

  g_clear_pointer (&self->page_doc_id, g_free);

  return g_steal_pointer (&self->page);
}

/* The glossary */

/* The page of @doc_id as checked; while the check goes on, one the check has
 * not reached yet is rendered here (as the check will), and kept until it ends. */
static PnRenderedPage *
checked_page (PnPackSession *self,
              const char    *doc_id)
{
  PnRenderedPage *page;
  PnDocument *document;

  if (self->check == NULL || doc_id == NULL)
    return NULL;
  page = pn_pack_check_get_page (self->check, doc_id);
  if (page != NULL || pn_pack_check_is_complete (self->check))
    return page;

  page = g_hash_table_lookup (self->extra_pages, doc_id);
  document = pn_pack_get_document (self->pack, doc_id);
  if (page == NULL && document != NULL && pn_document_get_markdown (document) != NULL)
    {
      page = pn_render_page_full (self->pack, document, pn_pack_check_get_mode (self->check));
      g_hash_table_insert (self->extra_pages, g_strdup (doc_id), page);
    }
  return page;
}

GPtrArray *
pn_pack_session_get_terms (PnPackSession *self,
                           const char    *doc_id)
{
  PnRenderedPage *page;

  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  if (self->check != NULL && pn_pack_check_is_complete (self->check))
    return doc_id != NULL ? pn_pack_check_get_terms (self->check, doc_id) : NULL;
  page = checked_page (self, doc_id);
  return page != NULL ? pn_rendered_page_get_terms (page) : NULL;
}

const char *
pn_pack_session_get_page_text (PnPackSession *self,
                               const char    *doc_id)
{
  PnRenderedPage *page;

  g_return_val_if_fail (PN_IS_PACK_SESSION (self), NULL);

  page = checked_page (self, doc_id);
  return page != NULL ? pn_rendered_page_get_text (page) : NULL;
}

void
pn_pack_session_set_link_mode (PnPackSession      *self,
                               PnGlossaryLinkMode  mode)
{
  g_return_if_fail (PN_IS_PACK_SESSION (self));
  g_return_if_fail (mode <= PN_GLOSSARY_LINK_NONE);

  self->link_mode = mode;
  /* A page the check marked otherwise is not handed over. */
  if (mode != self->check_mode)
    {
      g_clear_pointer (&self->page_doc_id, g_free);
      g_clear_object (&self->page);
    }
}

PnGlossaryLinkMode
pn_pack_session_get_link_mode (PnPackSession *self)
{
  g_return_val_if_fail (PN_IS_PACK_SESSION (self), PN_GLOSSARY_LINK_ALL);

  return self->link_mode;
}

void
pn_pack_session_annotations_changed (PnPackSession *self,
                                     const char    *document_id)
{
  g_return_if_fail (PN_IS_PACK_SESSION (self));

  g_signal_emit (self, signals[SIGNAL_ANNOTATIONS_CHANGED], 0, document_id);
}
