/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-profile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-image.h"
#include "vitae-profile-dialog.h"

#define AVATAR_SIZE 256

struct _VitaeProfileDialog
{
  AdwWindow             parent_instance;

  AdwAvatar            *avatar;
  AdwEntryRow          *email_row;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  GtkButton            *save_button;

  GBytes               *avatar_bytes;
  GtkFileChooserNative *chooser;
  char                 *name;
  char                 *email;
};

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VitaeProfileDialog, vitae_profile_dialog, ADW_TYPE_WINDOW)

static void
update_state (VitaeProfileDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  gboolean email_ok = vitae_validate_email (email);

  adw_avatar_set_text (self->avatar, stripped);
  if (email_ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->email_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->email_row),
                                   _("An email address looks like name@example.com"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", *stripped != '\0' && email_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.remove-avatar", self->avatar_bytes != NULL);
}

static void
show_avatar (VitaeProfileDialog *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->avatar_bytes != NULL)
    texture = gdk_texture_new_from_bytes (self->avatar_bytes, NULL);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
on_field_changed (VitaeProfileDialog *self)
{
  update_state (self);
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     VitaeProfileDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && !vitae_profile_dialog_set_avatar_file (self, file, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
choose_avatar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitaeProfileDialog *self = VITAE_PROFILE_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);

  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_avatar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitaeProfileDialog *self = VITAE_PROFILE_DIALOG (widget);

  g_clear_pointer (&self->avatar_bytes, g_bytes_unref);
  show_avatar (self);
  update_state (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitae_profile_dialog_save (VITAE_PROFILE_DIALOG (widget));
}

static void
vitae_profile_dialog_dispose (GObject *object)
{
  VitaeProfileDialog *self = (VitaeProfileDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_PROFILE_DIALOG);

  G_OBJECT_CLASS (vitae_profile_dialog_parent_class)->dispose (object);
}

static void
vitae_profile_dialog_finalize (GObject *object)
{
  VitaeProfileDialog *self = (VitaeProfileDialog *)object;

  g_clear_pointer (&self->avatar_bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (vitae_profile_dialog_parent_class)->finalize (object);
}

static void
vitae_profile_dialog_class_init (VitaeProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_profile_dialog_dispose;
  object_class->finalize = vitae_profile_dialog_finalize;

  /**
   * VitaeProfileDialog::save:
   *
   * The user confirmed; read the values with the getters.
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeProfileDialog, avatar);
  gtk_widget_class_bind_template_child (widget_class, VitaeProfileDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeProfileDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeProfileDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "profile.choose-avatar", NULL, choose_avatar_action);
  gtk_widget_class_install_action (widget_class, "profile.remove-avatar", NULL, remove_avatar_action);
  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "profile.save", NULL);
}

static void
vitae_profile_dialog_init (VitaeProfileDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vitae_profile_dialog_new:
 * @user: (nullable): the profile to edit, or %NULL for a new one
 */
VitaeProfileDialog *
vitae_profile_dialog_new (GtkWindow *parent,
                          VitaeUser *user)
{
  VitaeProfileDialog *self;

  self = g_object_new (VITAE_TYPE_PROFILE_DIALOG, "transient-for", parent, NULL);

  if (user != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Profile"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), vitae_user_get_name (user));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             vitae_user_get_email (user) ? vitae_user_get_email (user) : "");
      if (vitae_user_get_avatar (user) != NULL)
        self->avatar_bytes = g_bytes_ref (vitae_user_get_avatar (user));
      show_avatar (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Profile"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }

  update_state (self);
  return self;
}

const char *
vitae_profile_dialog_get_name (VitaeProfileDialog *self)
{
  g_return_val_if_fail (VITAE_IS_PROFILE_DIALOG (self), NULL);

  g_free (self->name);
  self->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  return self->name;
}

const char *
vitae_profile_dialog_get_email (VitaeProfileDialog *self)
{
  g_return_val_if_fail (VITAE_IS_PROFILE_DIALOG (self), NULL);

  g_free (self->email);
  self->email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  return self->email;
}

/**
 * vitae_profile_dialog_get_avatar:
 *
 * Returns: (nullable) (transfer none): the picture as PNG bytes
 */
GBytes *
vitae_profile_dialog_get_avatar (VitaeProfileDialog *self)
{
  g_return_val_if_fail (VITAE_IS_PROFILE_DIALOG (self), NULL);
  return self->avatar_bytes;
}

void
vitae_profile_dialog_set_name (VitaeProfileDialog *self,
                               const char         *name)
{
  g_return_if_fail (VITAE_IS_PROFILE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

void
vitae_profile_dialog_set_email (VitaeProfileDialog *self,
                                const char         *email)
{
  g_return_if_fail (VITAE_IS_PROFILE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
}

/**
 * vitae_profile_dialog_set_avatar_file:
 *
 * Loads a picture, scaled down to at most 256 px and kept as PNG. A file that
 * is not an image is refused with a message saying so.
 */
gboolean
vitae_profile_dialog_set_avatar_file (VitaeProfileDialog  *self,
                                      GFile               *file,
                                      GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VITAE_IS_PROFILE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = vitae_image_load_scaled (file, AVATAR_SIZE, "png", error);
  if (bytes == NULL)
    return FALSE;

  g_clear_pointer (&self->avatar_bytes, g_bytes_unref);
  self->avatar_bytes = g_steal_pointer (&bytes);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_avatar (self);
  update_state (self);
  return TRUE;
}

/**
 * vitae_profile_dialog_save:
 *
 * Emits #VitaeProfileDialog::save and closes, when the values are valid.
 */
void
vitae_profile_dialog_save (VitaeProfileDialog *self)
{
  g_return_if_fail (VITAE_IS_PROFILE_DIALOG (self));

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->save_button)))
    return;
  g_signal_emit (self, signals[SAVE], 0);
  gtk_window_close (GTK_WINDOW (self));
}
