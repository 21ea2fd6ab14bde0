/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "vitae-mail-error.h"
#include "vitae-mail-secret.h"

static const SecretSchema credential_schema = {
  VITAE_MAIL_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef struct {
  VitaeMailSecretKind  kind;
  char                *server;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->server);
  g_free (data);
}

static GHashTable *
attributes_for (VitaeMailSecretKind  kind,
                const char          *server,
                const char          *user)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer)"kind",
                       g_strdup (kind == VITAE_MAIL_SECRET_SMTP ? "smtp" : "relay"));
  g_hash_table_insert (attributes, (gpointer)"server", g_strdup (server));
  if (kind == VITAE_MAIL_SECRET_SMTP)
    g_hash_table_insert (attributes, (gpointer)"user", g_strdup (user ? user : ""));
  return attributes;
}

static char *
label_for (VitaeMailSecretKind  kind,
           const char          *server,
           const char          *user)
{
  if (kind == VITAE_MAIL_SECRET_SMTP)
    /* Translators: the keyring item of the SMTP password; user, then server */
    return g_strdup_printf (_("Vitae mail password for %s on %s"), user ? user : "", server);
  /* Translators: the keyring item of the mail relay's API key; %s is its URL */
  return g_strdup_printf (_("Vitae mail relay API key for %s"), server);
}

/* libsecret's errors are about D-Bus and the keyring, never the secret. */
static GError *
keyring_error (GError *error)
{
  GError *ours;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  ours = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_KEYRING,
                      _("The keyring could not be used: %s. Is it unlocked?"), error->message);
  g_error_free (error);
  return ours;
}

static GError *
no_secret_error (VitaeMailSecretKind  kind,
                 const char          *server)
{
  if (kind == VITAE_MAIL_SECRET_SMTP)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NO_SECRET,
                        _("No password for the mail server %s is in the keyring. Enter it in Email preferences."),
                        server);
  return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NO_SECRET,
                      _("No API key for the mail relay %s is in the keyring. Enter it in Email preferences."),
                      server);
}

typedef struct {
  GHashTable *attributes;
  char       *label;
  char       *secret;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_hash_table_unref (data->attributes);
  g_free (data->label);
  vitae_mail_secret_free (data->secret);
  g_free (data);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, keyring_error (error));
}

static void
on_cleared_before_store (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  StoreData *data = g_task_get_task_data (task);
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      g_object_unref (task);
      return;
    }
  secret_password_storev (&credential_schema, data->attributes, SECRET_COLLECTION_DEFAULT,
                          data->label, data->secret, g_task_get_cancellable (task), on_stored, task);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else if (secret == NULL)
    g_task_return_error (task, no_secret_error (data->kind, data->server));
  else
    {
      g_task_return_pointer (task, vitae_mail_secret_dup (secret), (GDestroyNotify)vitae_mail_secret_free);
      secret_password_free (secret);
    }
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_mail_secret_store_async:
 * @server: the SMTP host, or the relay's base URL
 * @user: (nullable): the SMTP user name
 *
 * Stores (or replaces) a password or API key in the default keyring.
 */
void
vitae_mail_secret_store_async (VitaeMailSecretKind  kind,
                               const char          *server,
                               const char          *user,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  StoreData *data = g_new0 (StoreData, 1);

  g_return_if_fail (server != NULL && secret != NULL);

  data->attributes = attributes_for (kind, server, user);
  data->label = label_for (kind, server, user);
  data->secret = vitae_mail_secret_dup (secret);
  g_task_set_source_tag (task, vitae_mail_secret_store_async);
  g_task_set_task_data (task, data, (GDestroyNotify)store_data_free);
  /* Remove, then create: gnome-keyring 42 can lose its item, or its mind,
   * when asked to replace one in place. */
  secret_password_clearv (&credential_schema, data->attributes, cancellable,
                          on_cleared_before_store, task);
}

gboolean
vitae_mail_secret_store_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
vitae_mail_secret_store_sync (VitaeMailSecretKind   kind,
                              const char           *server,
                              const char           *user,
                              const char           *secret,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (kind, server, user);
  g_autofree char *label = label_for (kind, server, user);
  GError *local_error = NULL;

  g_return_val_if_fail (server != NULL && secret != NULL, FALSE);

  /* Remove, then create: see vitae_mail_secret_store_async(). */
  secret_password_clearv_sync (&credential_schema, attributes, cancellable, &local_error);
  if (local_error == NULL &&
      secret_password_storev_sync (&credential_schema, attributes, SECRET_COLLECTION_DEFAULT,
                                   label, secret, cancellable, &local_error))
    return TRUE;
  g_propagate_error (error, keyring_error (local_error));
  return FALSE;
}

/**
 * vitae_mail_secret_lookup_async:
 *
 * Finds a password or API key; no such item is %VITAE_MAIL_ERROR_NO_SECRET.
 */
void
vitae_mail_secret_lookup_async (VitaeMailSecretKind  kind,
                                const char          *server,
                                const char          *user,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (kind, server, user);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  LookupData *data = g_new0 (LookupData, 1);

  g_return_if_fail (server != NULL);

  data->kind = kind;
  data->server = g_strdup (server);
  g_task_set_source_tag (task, vitae_mail_secret_lookup_async);
  g_task_set_task_data (task, data, (GDestroyNotify)lookup_data_free);
  secret_password_lookupv (&credential_schema, attributes, cancellable, on_looked_up, task);
}

/**
 * vitae_mail_secret_lookup_finish:
 *
 * Returns: (transfer full): the secret; free it with vitae_mail_secret_free()
 */
char *
vitae_mail_secret_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
vitae_mail_secret_lookup_sync (VitaeMailSecretKind   kind,
                               const char           *server,
                               const char           *user,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (kind, server, user);
  GError *local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (server != NULL, NULL);

  secret = secret_password_lookupv_sync (&credential_schema, attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, keyring_error (local_error));
      return NULL;
    }
  if (secret == NULL)
    {
      g_propagate_error (error, no_secret_error (kind, server));
      return NULL;
    }
  copy = vitae_mail_secret_dup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
vitae_mail_secret_clear_sync (VitaeMailSecretKind   kind,
                              const char           *server,
                              const char           *user,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (kind, server, user);
  GError *local_error = NULL;

  secret_password_clearv_sync (&credential_schema, attributes, cancellable, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, keyring_error (local_error));
  return FALSE;
}

char *
vitae_mail_secret_dup (const char *secret)
{
  return g_strdup (secret);
}

void
vitae_mail_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  /* volatile: the compiler may not drop a write before free(). */
  for (volatile char *p = secret; *p; p++)
    *p = '\0';
  g_free (secret);
}

static void
cut (char       **text,
     const char  *needle)
{
  g_autoptr(GString) out = NULL;

  if (needle == NULL || strlen (needle) < 3 || strstr (*text, needle) == NULL)
    return;
  out = g_string_new (*text);
  g_string_replace (out, needle, "…", 0);
  g_free (*text);
  *text = g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * vitae_mail_secret_redact:
 * @text: (inout): a message for a person or a log
 * @user: (nullable): the user name the secret goes with
 * @secret: (nullable): the password or key
 *
 * Replaces @secret, and the base64 forms SMTP AUTH sends it in, with "…".
 */
void
vitae_mail_secret_redact (char       **text,
                          const char  *user,
                          const char  *secret)
{
  g_autofree char *b64 = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *plain_b64 = NULL;
  gsize user_len, secret_len;

  g_return_if_fail (text != NULL);

  if (*text == NULL || secret == NULL || *secret == '\0')
    return;

  user_len = user ? strlen (user) : 0;
  secret_len = strlen (secret);
  b64 = g_base64_encode ((const guchar *)secret, secret_len);
  /* AUTH PLAIN: "\0user\0password" */
  plain = g_malloc0 (user_len + secret_len + 2);
  if (user_len)
    memcpy (plain + 1, user, user_len);
  memcpy (plain + user_len + 2, secret, secret_len);
  plain_b64 = g_base64_encode ((const guchar *)plain, user_len + secret_len + 2);
  memset (plain, 0, user_len + secret_len + 2);

  cut (text, secret);
  cut (text, b64);
  cut (text, plain_b64);
}
