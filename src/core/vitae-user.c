/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include "vitae-user.h"

/* A local profile. The OS account is the security boundary: no password. */
struct _VitaeUser
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *email;
  GBytes  *avatar;
  gint64   created_at;
  gint64   updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_AVATAR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeUser, vitae_user, G_TYPE_OBJECT)

static void
vitae_user_finalize (GObject *object)
{
  VitaeUser *self = (VitaeUser *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->avatar, g_bytes_unref);

  G_OBJECT_CLASS (vitae_user_parent_class)->finalize (object);
}

static void
vitae_user_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VitaeUser *self = VITAE_USER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_AVATAR: g_value_set_boxed (value, self->avatar); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_user_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VitaeUser *self = VITAE_USER (object);

  switch (prop_id)
    {
    case PROP_ID: vitae_user_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: vitae_user_set_name (self, g_value_get_string (value)); break;
    case PROP_EMAIL: vitae_user_set_email (self, g_value_get_string (value)); break;
    case PROP_AVATAR: vitae_user_set_avatar (self, g_value_get_boxed (value)); break;
    case PROP_CREATED_AT: vitae_user_set_created_at (self, g_value_get_int64 (value)); break;
    case PROP_UPDATED_AT: vitae_user_set_updated_at (self, g_value_get_int64 (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_user_class_init (VitaeUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitae_user_finalize;
  object_class->get_property = vitae_user_get_property;
  object_class->set_property = vitae_user_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_AVATAR] = g_param_spec_boxed ("avatar", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_user_init (VitaeUser *self)
{
}

VitaeUser *
vitae_user_new (void)
{
  return g_object_new (VITAE_TYPE_USER, NULL);
}

#define DEFINE_INT64(name, NAME)                                         \
gint64                                                                   \
vitae_user_get_##name (VitaeUser *self)                                  \
{                                                                        \
  g_return_val_if_fail (VITAE_IS_USER (self), 0);                        \
  return self->name;                                                     \
}                                                                        \
void                                                                     \
vitae_user_set_##name (VitaeUser *self,                                  \
                       gint64     value)                                 \
{                                                                        \
  g_return_if_fail (VITAE_IS_USER (self));                               \
  if (self->name == value)                                               \
    return;                                                              \
  self->name = value;                                                    \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);   \
}

#define DEFINE_STRING(name, NAME)                                        \
const char *                                                             \
vitae_user_get_##name (VitaeUser *self)                                  \
{                                                                        \
  g_return_val_if_fail (VITAE_IS_USER (self), NULL);                     \
  return self->name;                                                     \
}                                                                        \
void                                                                     \
vitae_user_set_##name (VitaeUser  *self,                                 \
                       const char *value)                                \
{                                                                        \
  g_return_if_fail (VITAE_IS_USER (self));                               \
  if (g_strcmp0 (self->name, value) == 0)                                \
    return;                                                              \
  g_free (self->name);                                                   \
  self->name = g_strdup (value);                                         \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);   \
}

DEFINE_INT64 (id, ID)
DEFINE_INT64 (created_at, CREATED_AT)
DEFINE_INT64 (updated_at, UPDATED_AT)
DEFINE_STRING (name, NAME)
DEFINE_STRING (email, EMAIL)

/**
 * vitae_user_get_avatar:
 *
 * Returns: (nullable) (transfer none): the avatar image bytes (PNG).
 */
GBytes *
vitae_user_get_avatar (VitaeUser *self)
{
  g_return_val_if_fail (VITAE_IS_USER (self), NULL);
  return self->avatar;
}

void
vitae_user_set_avatar (VitaeUser *self,
                       GBytes    *avatar)
{
  g_return_if_fail (VITAE_IS_USER (self));

  if (self->avatar == avatar || (self->avatar && avatar && g_bytes_equal (self->avatar, avatar)))
    return;
  g_clear_pointer (&self->avatar, g_bytes_unref);
  self->avatar = avatar ? g_bytes_ref (avatar) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVATAR]);
}
