/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-autosave"

#include "config.h"

#include "vitae-autosave.h"

/* Writes a resume shortly after each edit, in one transaction, so that there
 * is no Save button and an edit shown as saved survives a crash. The editor
 * and the crash test both go through here. */
struct _VitaeAutosave
{
  GObject             parent_instance;

  VitaeStore         *store;
  VitaeResume        *resume;
  guint               timeout_id;
  VitaeAutosaveState  state;
  GError             *error;
  guint64             saves;
};

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VitaeAutosave, vitae_autosave, G_TYPE_OBJECT)

static void
set_state (VitaeAutosave      *self,
           VitaeAutosaveState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
on_timeout (gpointer user_data)
{
  VitaeAutosave *self = user_data;

  self->timeout_id = 0;
  vitae_autosave_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_resume_changed (VitaeResume   *resume,
                   VitaeAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (VITAE_AUTOSAVE_DELAY_MS, on_timeout, self);
  set_state (self, VITAE_AUTOSAVE_PENDING);
}

static void
vitae_autosave_dispose (GObject *object)
{
  VitaeAutosave *self = (VitaeAutosave *)object;

  /* Nothing is dropped on the floor when the editor goes away. */
  if (self->state == VITAE_AUTOSAVE_PENDING && self->store != NULL)
    vitae_autosave_flush (self, NULL);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->resume != NULL)
    g_signal_handlers_disconnect_by_data (self->resume, self);
  g_clear_object (&self->resume);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vitae_autosave_parent_class)->dispose (object);
}

static void
vitae_autosave_finalize (GObject *object)
{
  VitaeAutosave *self = (VitaeAutosave *)object;

  g_clear_error (&self->error);

  G_OBJECT_CLASS (vitae_autosave_parent_class)->finalize (object);
}

static void
vitae_autosave_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VitaeAutosave *self = VITAE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_autosave_class_init (VitaeAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitae_autosave_dispose;
  object_class->finalize = vitae_autosave_finalize;
  object_class->get_property = vitae_autosave_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, VITAE_AUTOSAVE_SAVED, VITAE_AUTOSAVE_FAILED,
                      VITAE_AUTOSAVE_SAVED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitaeAutosave::saved:
   *
   * The resume as it was is now committed to the database.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vitae_autosave_init (VitaeAutosave *self)
{
  self->state = VITAE_AUTOSAVE_SAVED;
}

/**
 * vitae_autosave_new:
 *
 * Returns: (transfer full): an autosave that writes @resume to @store after
 *   each burst of edits
 */
VitaeAutosave *
vitae_autosave_new (VitaeStore  *store,
                    VitaeResume *resume)
{
  VitaeAutosave *self;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);
  g_return_val_if_fail (vitae_resume_get_id (resume) > 0, NULL);

  self = g_object_new (VITAE_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->resume = g_object_ref (resume);
  g_signal_connect (resume, "changed", G_CALLBACK (on_resume_changed), self);
  return self;
}

VitaeResume *
vitae_autosave_get_resume (VitaeAutosave *self)
{
  g_return_val_if_fail (VITAE_IS_AUTOSAVE (self), NULL);
  return self->resume;
}

VitaeAutosaveState
vitae_autosave_get_state (VitaeAutosave *self)
{
  g_return_val_if_fail (VITAE_IS_AUTOSAVE (self), VITAE_AUTOSAVE_FAILED);
  return self->state;
}

/**
 * vitae_autosave_get_error:
 *
 * Returns: (nullable): why the last save failed
 */
const GError *
vitae_autosave_get_error (VitaeAutosave *self)
{
  g_return_val_if_fail (VITAE_IS_AUTOSAVE (self), NULL);
  return self->error;
}

guint64
vitae_autosave_get_saves (VitaeAutosave *self)
{
  g_return_val_if_fail (VITAE_IS_AUTOSAVE (self), 0);
  return self->saves;
}

/**
 * vitae_autosave_flush:
 *
 * Writes pending edits now (closing the editor, switching resume, quitting).
 * A failed save stays pending-as-failed and is retried on the next edit.
 */
gboolean
vitae_autosave_flush (VitaeAutosave  *self,
                      GError        **error)
{
  g_return_val_if_fail (VITAE_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->state == VITAE_AUTOSAVE_SAVED)
    return TRUE;

  g_clear_error (&self->error);
  if (!vitae_store_save_resume (self->store, self->resume, &self->error))
    {
      g_message ("Could not save resume %" G_GINT64_FORMAT ": %s",
                 vitae_resume_get_id (self->resume), self->error->message);
      set_state (self, VITAE_AUTOSAVE_FAILED);
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }

  self->saves++;
  set_state (self, VITAE_AUTOSAVE_SAVED);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}
