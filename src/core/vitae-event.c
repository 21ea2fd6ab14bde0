/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include "vitae-event.h"

/* One analytics event; immutable once recorded, but for the row id. */
struct _VitaeEvent
{
  GObject  parent_instance;

  gint64   id;
  gint64   user_id;
  gint64   resume_id;
  char    *action;
  char    *details;
  gint64   created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_RESUME_ID,
  PROP_ACTION,
  PROP_DETAILS,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeEvent, vitae_event, G_TYPE_OBJECT)

static void
vitae_event_finalize (GObject *object)
{
  VitaeEvent *self = (VitaeEvent *)object;

  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (vitae_event_parent_class)->finalize (object);
}

static void
vitae_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VitaeEvent *self = VITAE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_USER_ID: g_value_set_int64 (value, self->user_id); break;
    case PROP_RESUME_ID: g_value_set_int64 (value, self->resume_id); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_DETAILS: g_value_set_string (value, self->details); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_event_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VitaeEvent *self = VITAE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: vitae_event_set_id (self, g_value_get_int64 (value)); break;
    case PROP_USER_ID: self->user_id = g_value_get_int64 (value); break;
    case PROP_RESUME_ID: self->resume_id = g_value_get_int64 (value); break;
    case PROP_ACTION: self->action = g_value_dup_string (value); break;
    case PROP_DETAILS: self->details = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_event_class_init (VitaeEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitae_event_finalize;
  object_class->get_property = vitae_event_get_property;
  object_class->set_property = vitae_event_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] = g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RESUME_ID] = g_param_spec_int64 ("resume-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, ro);
  properties[PROP_DETAILS] = g_param_spec_string ("details", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_event_init (VitaeEvent *self)
{
}

VitaeEvent *
vitae_event_new (gint64      user_id,
                 gint64      resume_id,
                 const char *action,
                 const char *details,
                 gint64      created_at)
{
  g_return_val_if_fail (action != NULL, NULL);

  return g_object_new (VITAE_TYPE_EVENT,
                       "user-id", user_id,
                       "resume-id", resume_id,
                       "action", action,
                       "details", details,
                       "created-at", created_at,
                       NULL);
}

gint64 vitae_event_get_id (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), 0); return self->id; }
gint64 vitae_event_get_user_id (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), 0); return self->user_id; }
gint64 vitae_event_get_resume_id (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), 0); return self->resume_id; }
const char *vitae_event_get_action (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), NULL); return self->action; }
const char *vitae_event_get_details (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), NULL); return self->details; }
gint64 vitae_event_get_created_at (VitaeEvent *self) { g_return_val_if_fail (VITAE_IS_EVENT (self), 0); return self->created_at; }

void
vitae_event_set_id (VitaeEvent *self,
                    gint64      id)
{
  g_return_if_fail (VITAE_IS_EVENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
