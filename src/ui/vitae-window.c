/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-dashboard.h"
#include "vitae-export.h"
#include "vitae-json-resume.h"
#include "vitae-preview.h"
#include "vitae-profile-dialog.h"
#include "vitae-resume-editor.h"
#include "vitae-resume-stats.h"
#include "vitae-search-view.h"
#include "vitae-window.h"
#include "vitae-window-email.h"
#include "vitae-window-transfer.h"

struct _VitaeWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  GtkToggleButton      *archived_button;
  VitaeDashboard       *dashboard;
  GtkWidget            *editor_bin;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_new_button;
  AdwStatusPage        *error_page;
  AdwViewSwitcherBar   *library_switcher_bar;
  AdwViewSwitcherTitle *library_title;
  GtkStack             *library_stack;
  AdwViewStack         *library_view_stack;
  GtkStack             *main_stack;
  GtkWidget            *preview_bin;
  GtkToggleButton      *preview_button;
  AdwLeaflet           *resume_leaflet;
  GMenuModel           *primary_menu;
  GtkListView          *resume_list;
  AdwWindowTitle       *resume_title;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  VitaeSearchView      *search_view;
  GMenu                *switch_profile_submenu;
  AdwToastOverlay      *toast_overlay;
  GtkButton            *welcome_create_button;
  AdwEntryRow          *welcome_email_row;
  AdwEntryRow          *welcome_name_row;

  VitaeStore           *store;
  VitaeUser            *user;
  GSettings            *settings;
  GListStore           *resumes;
  GtkSingleSelection   *selection;
  VitaeResume          *open_resume;
  VitaeResumeEditor    *editor;
  gboolean              show_archived;

  GtkFileChooserNative *import_chooser;
  GtkFileChooserNative *export_chooser;
  VitaePreview         *preview;
  gboolean              preview_viewed;

  /* A deleted resume stays in the database until its toast goes away
   * without Undo: deleting is instant, and undoing it loses nothing. */
  VitaeResume          *pending_import;     /* read before any profile existed */
  char                 *pending_import_name;
  gint64                pending_delete_id;
  AdwToast             *pending_delete_toast;
};

enum {
  PROP_0,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void close_editor (VitaeWindow *self);

static void close_preview (VitaeWindow *self);

G_DEFINE_FINAL_TYPE (VitaeWindow, vitae_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (VitaeWindow  *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (VitaeWindow *self,
            const char  *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static VitaeResume *
find_resume (VitaeWindow *self,
             gint64       resume_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->resumes));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeResume) resume = g_list_model_get_item (G_LIST_MODEL (self->resumes), i);
      if (vitae_resume_get_id (resume) == resume_id)
        return resume;
    }
  return NULL;
}

static gboolean library_refresh_search (VitaeWindow *self);
static void     library_set_profile    (VitaeWindow *self);

static void
update_library_state (VitaeWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->resumes)) == 0;

  if (!library_refresh_search (self))
    gtk_stack_set_visible_child_name (self->library_stack, empty ? "empty" : "list");

  if (self->show_archived)
    {
      adw_view_switcher_title_set_title (self->library_title, _("Archived Resumes"));
      adw_status_page_set_title (self->empty_page, _("No Archived Resumes"));
      adw_status_page_set_description (self->empty_page,
                                       _("Resumes you archive wait here, out of the way"));
      gtk_widget_set_visible (self->empty_new_button, FALSE);
    }
  else
    {
      adw_view_switcher_title_set_title (self->library_title, _("Resumes"));
      adw_status_page_set_title (self->empty_page, _("No Resumes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Start a resume and Vitae saves it as you type"));
      gtk_widget_set_visible (self->empty_new_button, TRUE);
    }
  adw_view_switcher_title_set_subtitle (self->library_title,
                                        self->user ? vitae_user_get_name (self->user) : NULL);
}

static void
reload_resumes (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) resumes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store == NULL || self->user == NULL)
    {
      g_list_store_remove_all (self->resumes);
      return;
    }

  resumes = vitae_store_list_resumes (self->store, vitae_user_get_id (self->user),
                                      self->show_archived ? VITAE_RESUME_FILTER_ARCHIVED
                                                          : VITAE_RESUME_FILTER_ACTIVE,
                                      &error);
  if (resumes == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (resumes); i++)
    {
      VitaeResume *resume = g_list_model_get_item (resumes, i);

      if (vitae_resume_get_id (resume) == self->pending_delete_id)
        g_object_unref (resume);
      else
        g_ptr_array_add (items, resume);
    }

  g_list_store_splice (self->resumes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->resumes)),
                       items->pdata, items->len);
  update_library_state (self);
}

static void
rebuild_profile_menu (VitaeWindow *self)
{
  g_autoptr(GListModel) users = NULL;

  g_menu_remove_all (self->switch_profile_submenu);
  if (self->store == NULL)
    return;

  users = vitae_store_list_users (self->store, NULL);
  if (users == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(VitaeUser) user = g_list_model_get_item (users, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (vitae_user_get_name (user), NULL);

      g_menu_item_set_action_and_target_value (item, "win.switch-profile",
                                               g_variant_new_int64 (vitae_user_get_id (user)));
      g_menu_append_item (self->switch_profile_submenu, item);
    }
}

static void
commit_pending_delete (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->pending_delete_id;

  if (id == 0)
    return;

  self->pending_delete_id = 0;
  if (self->pending_delete_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->pending_delete_toast);
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }

  if (self->store != NULL && !vitae_store_delete_resume (self->store, id, &error) &&
      !g_error_matches (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND))
    show_error (self, error);
}

static void store_imported_resume (VitaeWindow *self,
                                   VitaeResume *resume,
                                   const char  *name);

static void
set_user (VitaeWindow *self,
          VitaeUser   *user)
{
  commit_pending_delete (self);

  if (!g_set_object (&self->user, user))
    return;

  if (self->settings != NULL && user != NULL)
    g_settings_set_int64 (self->settings, "last-profile", vitae_user_get_id (user));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-profile", user != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-profile", user != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-resume", user != NULL);

  close_editor (self);
  close_preview (self);
  g_clear_object (&self->open_resume);
  library_set_profile (self);
  reload_resumes (self);
  rebuild_profile_menu (self);
  gtk_stack_set_visible_child_name (self->main_stack, user ? "library" : "welcome");
  if (user == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome_name_row));
  else if (self->pending_import != NULL)
    {
      g_autoptr(VitaeResume) resume = g_steal_pointer (&self->pending_import);
      g_autofree char *name = g_steal_pointer (&self->pending_import_name);

      store_imported_resume (self, resume, name);
    }
}

static VitaeUser *
pick_initial_user (VitaeWindow  *self,
                   const char   *profile)
{
  g_autoptr(GListModel) users = NULL;
  gint64 last = 0;

  if (profile != NULL)
    {
      g_autoptr(GError) error = NULL;
      VitaeUser *user = vitae_store_find_user (self->store, profile, &error);

      if (user != NULL)
        return user;
      show_error (self, error);
    }

  users = vitae_store_list_users (self->store, NULL);
  if (users == NULL || g_list_model_get_n_items (users) == 0)
    return NULL;

  if (self->settings != NULL)
    last = g_settings_get_int64 (self->settings, "last-profile");
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      VitaeUser *user = g_list_model_get_item (users, i);

      if (vitae_user_get_id (user) == last)
        return user;
      g_object_unref (user);
    }
  return g_list_model_get_item (users, 0);
}

static char *
format_relative_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTimeSpan span;
  gint64 minutes, hours, days;

  if (then == NULL)
    return g_strdup ("");

  span = g_date_time_difference (now, then);
  minutes = span / G_TIME_SPAN_MINUTE;
  hours = span / G_TIME_SPAN_HOUR;
  days = span / G_TIME_SPAN_DAY;

  if (minutes < 1)
    return g_strdup (_("Edited just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d minute ago",
                                         "Edited %d minutes ago", minutes), (int)minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d hour ago",
                                         "Edited %d hours ago", hours), (int)hours);
  if (days < 2)
    return g_strdup (_("Edited yesterday"));
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edited %d day ago",
                                         "Edited %d days ago", days), (int)days);
  {
    g_autofree char *date = g_date_time_format (then, "%x");
    /* Translators: %s is a date */
    return g_strdup_printf (_("Edited %s"), date);
  }
}

static GMenuModel *
build_row_menu (VitaeResume *resume)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GVariant *target = g_variant_new_int64 (vitae_resume_get_id (resume));
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (target);

#define ADD(menu_, label_, action_)                                        \
  item = g_menu_item_new (label_, NULL);                                   \
  g_menu_item_set_action_and_target_value (item, action_, target);         \
  g_menu_append_item (menu_, item);                                        \
  g_clear_object (&item);

  ADD (section, _("_Open"), "win.open-resume");
  ADD (section, _("_Rename…"), "win.rename-resume");
  ADD (section, _("D_uplicate"), "win.duplicate-resume");
  ADD (section, vitae_resume_get_is_active (resume) ? _("_Archive") : _("Un_archive"),
       "win.archive-resume");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  ADD (section, _("_Delete"), "win.delete-resume");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

#undef ADD

  g_variant_unref (target);
  return G_MENU_MODEL (menu);
}

static void
update_row (GtkListItem *list_item)
{
  VitaeResume *resume = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (box), "menu");
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *menu_label = NULL;
  const char *name;

  if (resume == NULL)
    return;

  name = vitae_resume_get_candidate_name (resume);
  when = format_relative_time (vitae_resume_get_updated_at (resume));
  text = name && *name ? g_strdup_printf ("%s · %s", name, when) : g_strdup (when);

  gtk_label_set_label (title, vitae_resume_get_title (resume));
  gtk_label_set_label (subtitle, text);

  /* The menu is built when it opens (create_row_menu): a popover menu per
   * row made up front costs more than the rest of the row at 10,000 resumes. */
  gtk_menu_button_set_menu_model (menu_button, NULL);
  menu_label = g_strdup_printf (_("Actions for “%s”"), vitae_resume_get_title (resume));
  gtk_widget_set_tooltip_text (GTK_WIDGET (menu_button), _("Resume Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
}

static void
create_row_menu (GtkMenuButton *menu_button,
                 gpointer       user_data)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (menu_button), "list-item");
  VitaeResume *resume = list_item ? gtk_list_item_get_item (list_item) : NULL;
  g_autoptr(GMenuModel) menu = NULL;

  if (resume == NULL)
    return;
  menu = build_row_menu (resume);
  gtk_menu_button_set_menu_model (menu_button, menu);
}

static void
on_row_resume_notify (VitaeResume *resume,
                      GParamSpec  *pspec,
                      GtkListItem *list_item)
{
  update_row (list_item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_widget_add_css_class (box, "resume-row");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  g_object_set_data (G_OBJECT (menu), "list-item", list_item);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), create_row_menu, NULL, NULL);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), menu);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "menu", menu);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  VitaeResume *resume = gtk_list_item_get_item (list_item);

  update_row (list_item);
  g_signal_connect_object (resume, "notify", G_CALLBACK (on_row_resume_notify), list_item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  VitaeResume *resume = gtk_list_item_get_item (list_item);

  if (resume != NULL)
    g_signal_handlers_disconnect_by_func (resume, on_row_resume_notify, list_item);
}

static void
on_open_resume_title (VitaeResume *resume,
                      GParamSpec  *pspec,
                      VitaeWindow *self)
{
  adw_window_title_set_title (self->resume_title, vitae_resume_get_title (resume));
}

/* Writes what the editor still holds, then lets it go. */
static void
close_editor (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL)
    return;
  if (!vitae_resume_editor_flush (self->editor, &error))
    show_error (self, error);
  g_signal_handlers_disconnect_by_func (vitae_resume_editor_get_resume (self->editor),
                                        on_open_resume_title, self);
  adw_bin_set_child (ADW_BIN (self->editor_bin), NULL);
  g_clear_object (&self->editor);
}

/* A view counts once an opening, when the preview is first on screen. */
static void
on_preview_shown (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeEvent) event = NULL;
  VitaeResume *resume = self->open_resume;

  if (self->preview_viewed || resume == NULL || self->preview == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->preview)) ||
      vitae_preview_get_pdf (self->preview) == NULL)
    return;

  self->preview_viewed = TRUE;
  event = vitae_store_record_event (self->store, vitae_resume_get_user_id (resume),
                                    vitae_resume_get_id (resume), VITAE_EVENT_VIEW, NULL, &error);
  if (event == NULL)
    show_error (self, error);
  else
    vitae_resume_set_view_count (resume, vitae_resume_get_view_count (resume) + 1);
}

static void
close_preview (VitaeWindow *self)
{
  if (self->preview == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->preview, self);
  vitae_preview_set_resume (self->preview, NULL);
  adw_bin_set_child (ADW_BIN (self->preview_bin), NULL);
  self->preview = NULL;
}

static void
open_preview (VitaeWindow *self,
              VitaeResume *resume)
{
  close_preview (self);
  self->preview = vitae_preview_new ();
  self->preview_viewed = FALSE;
  g_signal_connect_swapped (self->preview, "rendered", G_CALLBACK (on_preview_shown), self);
  g_signal_connect_swapped (self->preview, "map", G_CALLBACK (on_preview_shown), self);
  adw_bin_set_child (ADW_BIN (self->preview_bin), GTK_WIDGET (self->preview));
  vitae_preview_set_resume (self->preview, resume);
}

static void
open_resume (VitaeWindow *self,
             gint64       resume_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;

  resume = vitae_store_load_resume (self->store, resume_id, &error);
  if (resume == NULL)
    {
      show_error (self, error);
      return;
    }

  close_editor (self);
  g_set_object (&self->open_resume, resume);
  open_preview (self, resume);
  adw_window_title_set_title (self->resume_title, vitae_resume_get_title (resume));

  self->editor = g_object_ref_sink (vitae_resume_editor_new (self->store, resume));
  g_object_bind_property (self->editor, "status", self->resume_title, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (resume, "notify::title", G_CALLBACK (on_open_resume_title), self, 0);
  adw_bin_set_child (ADW_BIN (self->editor_bin), GTK_WIDGET (self->editor));
  adw_leaflet_set_visible_child (self->resume_leaflet, self->editor_bin);
  gtk_stack_set_visible_child_name (self->main_stack, "resume");
}

/* Library: search and dashboard ------------------------------------------- */

static gboolean
library_shows_list (gpointer    this,
                    const char *view)
{
  return g_strcmp0 (view, "resumes") == 0;
}

static gboolean
library_is_searching (VitaeWindow *self)
{
  return gtk_search_bar_get_search_mode (self->search_bar) &&
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

/* Runs the search again when one is shown, and says whether one is. */
static gboolean
library_refresh_search (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!library_is_searching (self))
    return FALSE;
  if (!vitae_search_view_search (self->search_view,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &error))
    show_error (self, error);
  gtk_stack_set_visible_child_name (self->library_stack, "search");
  return TRUE;
}

static void
library_reload_dashboard (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->library_view_stack), "dashboard") == 0 &&
      !vitae_dashboard_reload (self->dashboard, &error))
    show_error (self, error);
}

static void
library_set_profile (VitaeWindow *self)
{
  VitaeStore *store = self->user != NULL ? self->store : NULL;
  gint64 user_id = self->user != NULL ? vitae_user_get_id (self->user) : 0;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  vitae_search_view_set_profile (self->search_view, store, user_id);
  vitae_dashboard_set_profile (self->dashboard, store, user_id);
  library_reload_dashboard (self);
}

/* Typing starts a search only where the list of resumes is. */
static void
library_update_key_capture (VitaeWindow *self)
{
  gboolean list = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0 &&
                  library_shows_list (NULL, adw_view_stack_get_visible_child_name (self->library_view_stack));

  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         list ? GTK_WIDGET (self) : NULL);
}

static void
on_main_page_changed (VitaeWindow *self)
{
  library_update_key_capture (self);
  library_reload_dashboard (self);
}

static void
on_library_view_changed (VitaeWindow *self)
{
  on_main_page_changed (self);
}

/* Typing on the list started the search: the key capture forwards letters
 * but never spaces, so the rest of the typing must go to the entry itself,
 * without selecting what is already there. */
static void
library_focus_search (VitaeWindow *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));

  if (gtk_search_bar_get_search_mode (self->search_bar) && !gtk_widget_has_focus (text))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), -1, -1);
    }
}

static void
on_search_changed (VitaeWindow *self)
{
  library_focus_search (self);
  if (!library_refresh_search (self))
    update_library_state (self);
}

static void
on_search_mode_changed (VitaeWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed (self);
}

/* A search begun by typing on the list gets its first letters through the
 * key capture; after that, GTK 4.8 loses a space typed in the entry before
 * it reaches it. Typed there, a space is a space in the query. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       VitaeWindow           *self)
{
  GtkEditable *entry = GTK_EDITABLE (self->search_entry);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int position;

  if (keyval != GDK_KEY_space || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)))
    return GDK_EVENT_PROPAGATE;
  gtk_editable_delete_selection (entry);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, " ", 1, &position);
  gtk_editable_set_position (entry, position);
  return GDK_EVENT_STOP;
}

static void
on_search_resume_activated (VitaeWindow *self,
                            gint64       resume_id)
{
  open_resume (self, resume_id);
}

/* Enter opens the first result. */
static void
on_search_activate (VitaeWindow *self)
{
  g_autoptr(VitaeSearchResult) first = NULL;

  if (!library_is_searching (self))
    return;
  first = g_list_model_get_item (vitae_search_view_get_results (self->search_view), 0);
  if (first != NULL)
    open_resume (self, vitae_search_result_get_resume_id (first));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->library_view_stack, "resumes");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_statistics_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  VitaeResumeStats *stats;

  if (self->open_resume == NULL || self->store == NULL)
    return;
  stats = vitae_resume_stats_new (GTK_WINDOW (self), self->store, self->open_resume, &error);
  if (stats == NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (stats));
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_resume_list_activate (VitaeWindow *self,
                         guint        position)
{
  g_autoptr(VitaeResume) resume = g_list_model_get_item (G_LIST_MODEL (self->resumes), position);

  if (resume != NULL)
    open_resume (self, vitae_resume_get_id (resume));
}

static void
on_welcome_changed (VitaeWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->welcome_name_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->welcome_email_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  gboolean email_ok = vitae_validate_email (email);

  if (email_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->welcome_email_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->welcome_email_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->welcome_create_button), *stripped != '\0' && email_ok);
}

static void
on_welcome_create_clicked (VitaeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) user = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->welcome_create_button)))
    return;

  user = vitae_store_create_user (self->store,
                                  gtk_editable_get_text (GTK_EDITABLE (self->welcome_name_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->welcome_email_row)),
                                  &error);
  if (user == NULL)
    {
      show_error (self, error);
      return;
    }
  set_user (self, user);
  vitae_window_email_notify (self, VITAE_MAIL_NOTIFY_WELCOME, user, NULL);
}

static void
on_pending_toast_dismissed (AdwToast    *toast,
                            VitaeWindow *self)
{
  if (toast == self->pending_delete_toast)
    commit_pending_delete (self);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VitaeWindow      *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "resume-id"));
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*title == '\0')
    return;

  if (!vitae_store_rename_resume (self->store, id, title, &error))
    {
      show_error (self, error);
      return;
    }
  if (self->open_resume != NULL && vitae_resume_get_id (self->open_resume) == id)
    {
      vitae_resume_set_title (self->open_resume, title);
      adw_window_title_set_title (self->resume_title, title);
    }
  reload_resumes (self);
}

static void
on_rename_entry_changed (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *title != '\0');
}

static void
on_rename_entry_activate (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    {
      adw_message_dialog_response (dialog, "rename");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_profile_dialog_save (VitaeProfileDialog *dialog,
                        VitaeWindow        *self)
{
  g_autoptr(GError) error = NULL;
  VitaeUser *editing = g_object_get_data (G_OBJECT (dialog), "user");
  g_autoptr(VitaeUser) user = NULL;

  if (editing != NULL)
    user = g_object_ref (editing);
  else
    {
      user = vitae_store_create_user (self->store, vitae_profile_dialog_get_name (dialog),
                                      vitae_profile_dialog_get_email (dialog), &error);
      if (user == NULL)
        {
          show_error (self, error);
          return;
        }
    }

  vitae_user_set_name (user, vitae_profile_dialog_get_name (dialog));
  vitae_user_set_email (user, vitae_profile_dialog_get_email (dialog));
  vitae_user_set_avatar (user, vitae_profile_dialog_get_avatar (dialog));
  if (!vitae_store_save_user (self->store, user, &error))
    {
      show_error (self, error);
      return;
    }

  if (editing != NULL)
    {
      rebuild_profile_menu (self);
      update_library_state (self);
    }
  else
    {
      set_user (self, user);
      vitae_window_email_notify (self, VITAE_MAIL_NOTIFY_WELCOME, user, NULL);
    }
}

static void
on_delete_profile_response (AdwMessageDialog *dialog,
                            const char       *response,
                            VitaeWindow      *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) next = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->user == NULL)
    return;

  commit_pending_delete (self);
  if (!vitae_store_delete_user (self->store, vitae_user_get_id (self->user), &error))
    {
      show_error (self, error);
      return;
    }

  g_clear_object (&self->user);
  next = pick_initial_user (self, NULL);
  set_user (self, next);
  if (next == NULL)
    {
      reload_resumes (self);
      rebuild_profile_menu (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  show_toast (self, _("Profile deleted"));
}

static gboolean
present_error_dialog_cb (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_error_window_map (GtkWidget *window,
                     GtkWindow *dialog)
{
  /* After the parent is on screen, so the dialog sits on top of it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_error_dialog_cb,
                   g_object_ref (dialog), g_object_unref);
}

static void
load_json_resume_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GError *error = NULL;
  VitaeResume *resume = vitae_json_resume_load_file (task_data, cancellable, &error);

  if (resume == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, resume, g_object_unref);
}

/* Stores @resume, read from the file @name, as a new resume of the profile
 * and opens it; a failure is explained in a toast. */
static void
store_imported_resume (VitaeWindow *self,
                       VitaeResume *resume,
                       const char  *name)
{
  g_autoptr(GError) error = NULL;

  vitae_resume_set_user_id (resume, vitae_user_get_id (self->user));
  if (vitae_resume_get_title (resume) == NULL || *vitae_resume_get_title (resume) == '\0')
    vitae_resume_set_title (resume, name);
  if (!vitae_store_insert_resume (self->store, resume, &error))
    {
      /* Translators: %s is a file name, then the reason it could not be imported */
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);

      show_toast (self, message);
      return;
    }

  if (self->show_archived)
    g_object_set (self, "show-archived", FALSE, NULL);
  reload_resumes (self);
  open_resume (self, vitae_resume_get_id (resume));
}

static void
on_json_resume_loaded (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  VitaeWindow *self = VITAE_WINDOW (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (file);

  if (resume == NULL)
    {
      g_autofree char *message = NULL;

      if (error == NULL)
        return;
      /* Translators: %s is a file name, then the reason it could not be imported */
      message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);
      show_toast (self, message);
      return;
    }

  if (self->user == NULL)
    {
      /* The first run: the file waits for the profile the welcome page
       * creates (see set_user()). */
      g_autofree char *message = NULL;

      g_set_object (&self->pending_import, resume);
      g_free (self->pending_import_name);
      self->pending_import_name = g_strdup (name);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” will be imported into the profile you create"), name);
      show_toast (self, message);
      return;
    }

  store_imported_resume (self, resume, name);
}

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            VitaeWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->import_chooser);
  if (file != NULL)
    vitae_window_import_file (self, file);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VitaeWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->user == NULL)
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    vitae_window_import_file (self, l->data);
  return files != NULL;
}

static void
on_export_toast_open (AdwToast    *toast,
                      VitaeWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_pdf_exported (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VitaeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = vitae_export_pdf_finish (result, &error);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (self->toast_overlay == NULL)
    return;
  if (file == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not export the PDF: %s"), error->message);
      show_toast (self, message);
      return;
    }

  path = g_file_get_path (file);
  name = path ? g_filename_display_basename (path) : g_file_get_parse_name (file);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported “%s”"), name);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_export_toast_open), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  if (self->open_resume != NULL)
    vitae_window_email_notify (self, VITAE_MAIL_NOTIFY_RESUME_DOWNLOADED, self->user, self->open_resume);
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            VitaeWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->export_chooser);
  if (file != NULL)
    vitae_window_export_pdf (self, file);
}

static void
on_printed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitaeWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitae_export_print_finish (result, &error) && error != NULL && self->toast_overlay != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);
      show_toast (self, message);
    }
}

/* Actions ------------------------------------------------------------------ */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->user == NULL || self->import_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("JSON Resume"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  self->import_chooser = gtk_file_chooser_native_new (_("Import a JSON Resume"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  g_signal_connect (self->import_chooser, "response", G_CALLBACK (on_import_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

static void
new_resume_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;

  if (self->user == NULL)
    return;

  resume = vitae_store_create_resume (self->store, vitae_user_get_id (self->user),
                                      _("Untitled Resume"), &error);
  if (resume == NULL)
    {
      show_error (self, error);
      return;
    }

  if (self->settings != NULL)
    {
      g_autofree char *template_id = g_settings_get_string (self->settings, "default-template");
      g_autofree char *page_size = g_settings_get_string (self->settings, "default-page-size");

      vitae_resume_set_template (resume, template_id);
      vitae_resume_set_page_size (resume, page_size);
      if (!vitae_store_save_resume (self->store, resume, &error))
        show_error (self, error);
    }

  vitae_window_email_notify (self, VITAE_MAIL_NOTIFY_RESUME_CREATED, self->user, resume);
  if (self->show_archived)
    g_object_set (self, "show-archived", FALSE, NULL);
  reload_resumes (self);
  open_resume (self, vitae_resume_get_id (resume));
}

static void
open_resume_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_resume (VITAE_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
close_resume_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->open_resume == NULL)
    return;
  close_editor (self);
  close_preview (self);
  g_clear_object (&self->open_resume);
  reload_resumes (self);
  gtk_stack_set_visible_child_name (self->main_stack, "library");
}

static void
rename_resume_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  VitaeResume *resume = find_resume (self, id);
  GtkWidget *dialog, *entry;
  const char *title;

  if (resume == NULL && self->open_resume != NULL && vitae_resume_get_id (self->open_resume) == id)
    resume = self->open_resume;
  if (resume == NULL)
    return;
  title = vitae_resume_get_title (resume);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Resume"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Resume title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "resume-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_entry_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename_entry_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
duplicate_resume_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) copy = NULL;
  VitaeResume *resume = find_resume (self, g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;

  if (resume == NULL)
    return;

  /* Translators: the title of a copy of the resume titled %s */
  title = g_strdup_printf (_("%s (Copy)"), vitae_resume_get_title (resume));
  copy = vitae_store_duplicate_resume (self->store, vitae_resume_get_id (resume), title, &error);
  if (copy == NULL)
    {
      show_error (self, error);
      return;
    }
  if (self->show_archived)
    g_object_set (self, "show-archived", FALSE, NULL);
  reload_resumes (self);
  show_toast (self, _("Resume duplicated"));
}

static void
archive_resume_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = find_resume (self, g_variant_get_int64 (parameter));
  gboolean archive;

  if (resume == NULL)
    return;

  archive = vitae_resume_get_is_active (resume);
  if (!vitae_store_set_resume_active (self->store, vitae_resume_get_id (resume), !archive, &error))
    {
      show_error (self, error);
      return;
    }
  reload_resumes (self);
  show_toast (self, archive ? _("Resume archived") : _("Resume restored from the archive"));
}

static void
delete_resume_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  VitaeResume *resume = find_resume (self, id);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (resume == NULL && self->open_resume != NULL && vitae_resume_get_id (self->open_resume) == id)
    resume = self->open_resume;
  if (resume == NULL)
    return;

  commit_pending_delete (self);

  /* Translators: %s is a resume title */
  title = g_strdup_printf (_("“%s” deleted"), vitae_resume_get_title (resume));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_pending_toast_dismissed), self, 0);

  self->pending_delete_id = id;
  self->pending_delete_toast = g_object_ref (toast);

  if (self->open_resume != NULL && vitae_resume_get_id (self->open_resume) == id)
    {
      close_editor (self);
      close_preview (self);
      g_clear_object (&self->open_resume);
      gtk_stack_set_visible_child_name (self->main_stack, "library");
    }
  reload_resumes (self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->pending_delete_id == 0)
    return;

  self->pending_delete_id = 0;
  if (self->pending_delete_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->pending_delete_toast);
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
  reload_resumes (self);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->open_resume == NULL || self->export_chooser != NULL)
    return;

  name = vitae_export_pdf_file_name (self->open_resume);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  self->export_chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->export_chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  g_signal_connect (self->export_chooser, "response", G_CALLBACK (on_export_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->open_resume == NULL)
    return;
  vitae_export_print_async (GTK_WINDOW (self), self->store, self->open_resume, NULL,
                            NULL, on_printed, g_object_ref (self));
}

static gint64
selected_resume_id (VitaeWindow *self)
{
  VitaeResume *resume = gtk_single_selection_get_selected_item (self->selection);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "resume") == 0 &&
      self->open_resume != NULL)
    return vitae_resume_get_id (self->open_resume);
  return resume ? vitae_resume_get_id (resume) : 0;
}

/* The open resume's Rename and Delete are the library's, for its id. */
static void
open_resume_forward_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->open_resume == NULL)
    return;
  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "win.rename-open-resume")
                                ? "win.rename-resume" : "win.delete-resume",
                              "x", vitae_resume_get_id (self->open_resume));
}

/* Ctrl+Z anywhere in the window is the open resume's undo. */
static void
editor_forward_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->editor != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->editor),
                                g_str_equal (action_name, "win.undo") ? "editor.undo" : "editor.redo",
                                NULL);
}

static void
on_preview_button_toggled (GtkToggleButton *button,
                           VitaeWindow     *self)
{
  adw_leaflet_set_visible_child (self->resume_leaflet,
                                 gtk_toggle_button_get_active (button) ? self->preview_bin : self->editor_bin);
}

static void
on_leaflet_folded (AdwLeaflet  *leaflet,
                   GParamSpec  *pspec,
                   VitaeWindow *self)
{
  /* One column: the header offers the preview; two columns show both. */
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), folded);
  if (!folded)
    gtk_toggle_button_set_active (self->preview_button, FALSE);
}

static gboolean
selected_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  const char *action = g_variant_get_string (args, NULL);
  gint64 id = selected_resume_id (self);

  if (id == 0)
    return FALSE;
  return gtk_widget_activate_action (widget, action, "x", id);
}

static void
switch_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) user = vitae_store_get_user (self->store, g_variant_get_int64 (parameter), &error);

  if (user == NULL)
    {
      show_error (self, error);
      return;
    }
  set_user (self, user);
}

static void
present_profile_dialog (VitaeWindow *self,
                        VitaeUser   *user)
{
  VitaeProfileDialog *dialog = vitae_profile_dialog_new (GTK_WINDOW (self), user);

  if (user != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "user", g_object_ref (user), g_object_unref);
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_profile_dialog_save), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present_profile_dialog (VITAE_WINDOW (widget), NULL);
}

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);

  if (self->user != NULL)
    present_profile_dialog (self, self->user);
}

static void
delete_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  g_autoptr(GListModel) all = NULL;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  guint n;

  if (self->user == NULL)
    return;

  all = vitae_store_list_resumes (self->store, vitae_user_get_id (self->user),
                                  VITAE_RESUME_FILTER_ALL, NULL);
  n = all ? g_list_model_get_n_items (all) : 0;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u resume and all its history will be deleted. This cannot be undone.",
                                       "Its %u resumes and all their history will be deleted. This cannot be undone.",
                                       n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete Profile “%s”?"),
                                     vitae_user_get_name (self->user));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_profile_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ------------------------------------------------------------------ */

static gboolean
vitae_window_close_request (GtkWindow *window)
{
  VitaeWindow *self = VITAE_WINDOW (window);

  close_editor (self);
  commit_pending_delete (self);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (vitae_window_parent_class)->close_request (window);
}

static void
vitae_window_dispose (GObject *object)
{
  VitaeWindow *self = (VitaeWindow *)object;

  close_editor (self);
  commit_pending_delete (self);
  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->selection);
  close_preview (self);
  g_clear_object (&self->open_resume);

  /* libadwaita 1.2's switcher bar must let go of its stack before the stack goes. */
  if (self->library_switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->library_switcher_bar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_WINDOW);

  G_OBJECT_CLASS (vitae_window_parent_class)->dispose (object);
}

static void
vitae_window_finalize (GObject *object)
{
  VitaeWindow *self = (VitaeWindow *)object;

  g_clear_object (&self->resumes);
  g_clear_object (&self->user);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->pending_import);
  g_free (self->pending_import_name);

  G_OBJECT_CLASS (vitae_window_parent_class)->finalize (object);
}

static void
vitae_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VitaeWindow *self = VITAE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VitaeWindow *self = VITAE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          reload_resumes (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_window_class_init (VitaeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vitae_window_dispose;
  object_class->finalize = vitae_window_finalize;
  object_class->get_property = vitae_window_get_property;
  object_class->set_property = vitae_window_set_property;
  window_class->close_request = vitae_window_close_request;

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, archived_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, library_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, library_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, library_title);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, library_view_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, resume_leaflet);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, resume_list);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, resume_title);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, switch_profile_submenu);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, welcome_create_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, welcome_email_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeWindow, welcome_name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, library_shows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_library_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_resume_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_resume_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_create_clicked);

  gtk_widget_class_install_action (widget_class, "win.archive-resume", "x", archive_resume_action);
  gtk_widget_class_install_action (widget_class, "win.close-resume", NULL, close_resume_action);
  gtk_widget_class_install_action (widget_class, "win.delete-profile", NULL, delete_profile_action);
  gtk_widget_class_install_action (widget_class, "win.delete-resume", "x", delete_resume_action);
  gtk_widget_class_install_action (widget_class, "win.delete-open-resume", NULL, open_resume_forward_action);
  gtk_widget_class_install_action (widget_class, "win.rename-open-resume", NULL, open_resume_forward_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-resume", "x", duplicate_resume_action);
  gtk_widget_class_install_action (widget_class, "win.edit-profile", NULL, edit_profile_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.new-profile", NULL, new_profile_action);
  gtk_widget_class_install_action (widget_class, "win.new-resume", NULL, new_resume_action);
  gtk_widget_class_install_action (widget_class, "win.open-resume", "x", open_resume_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.rename-resume", "x", rename_resume_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-statistics", NULL, show_statistics_action);
  gtk_widget_class_install_action (widget_class, "win.switch-profile", "x", switch_profile_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, editor_forward_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, editor_forward_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-archived", "show-archived");
  vitae_window_email_install_actions (widget_class);  /* email-resume, show-outbox */
  vitae_window_transfer_install_actions (widget_class);  /* text exports, versions */

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-resume", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.close-resume", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F2, 0, selected_shortcut_cb, "s", "win.rename-resume");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, selected_shortcut_cb, "s", "win.delete-resume");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, selected_shortcut_cb, "s", "win.duplicate-resume");

  g_type_ensure (VITAE_TYPE_DASHBOARD);
  g_type_ensure (VITAE_TYPE_SEARCH_VIEW);
}

static void
vitae_window_init (VitaeWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (on_main_page_changed), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->resumes = g_list_store_new (VITAE_TYPE_RESUME);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->resumes)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->resume_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->resume_list, GTK_SELECTION_MODEL (self->selection));

  self->settings = vitae_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_window_new:
 * @profile: (nullable): a profile name or id to show first
 *
 * Returns: (transfer full): a window over @store
 */
VitaeWindow *
vitae_window_new (GtkApplication *application,
                  VitaeStore     *store,
                  const char     *profile)
{
  VitaeWindow *self;
  g_autoptr(VitaeUser) user = NULL;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  self = g_object_new (VITAE_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);

  user = pick_initial_user (self, profile);
  self->user = NULL;
  set_user (self, user);
  if (user == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-profile", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-profile", FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_library_state (self);
    }
  vitae_window_email_start (self);
  return self;
}

/**
 * vitae_window_new_for_error:
 *
 * A window that explains why the database could not be opened, with a dialog
 * saying so; the file itself is left untouched.
 */
VitaeWindow *
vitae_window_new_for_error (GtkApplication *application,
                            const GError   *error)
{
  VitaeWindow *self;
  GtkWidget *dialog;

  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (VITAE_TYPE_WINDOW, "application", application, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  for (guint i = 0; i < 6; i++)
    {
      static const char * const actions[] = {
        "win.new-resume", "win.new-profile", "win.edit-profile", "win.delete-profile",
        "win.show-archived", "win.close-resume",
      };
      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], FALSE);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Resumes Could Not Be Opened"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_object_set_data (G_OBJECT (self), "error-dialog", dialog);
  g_signal_connect (self, "map", G_CALLBACK (on_error_window_map), dialog);
  return self;
}

VitaeStore *
vitae_window_get_store (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return self->store;
}

VitaeUser *
vitae_window_get_user (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return self->user;
}

/**
 * vitae_window_get_resumes:
 *
 * Returns: (transfer none): the resumes the library shows
 */
GListModel *
vitae_window_get_resumes (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->resumes);
}

/**
 * vitae_window_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the open resume
 */
VitaeResumeEditor *
vitae_window_get_editor (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return self->editor;
}

VitaeResume *
vitae_window_get_open_resume (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return self->open_resume;
}

const char *
vitae_window_get_visible_page (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * vitae_window_import_file:
 *
 * Reads a JSON Resume file on a worker thread and stores it as a new resume
 * of the current profile, then opens it; a file that cannot be imported is
 * explained in a toast and changes nothing.
 */
void
vitae_window_import_file (VitaeWindow *self,
                          GFile       *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VITAE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  task = g_task_new (self, NULL, on_json_resume_loaded, NULL);
  g_task_set_source_tag (task, vitae_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_json_resume_thread);
}

/**
 * vitae_window_flush_pending:
 *
 * Carries out a deletion still waiting for its Undo toast to go away.
 */
void
vitae_window_flush_pending (VitaeWindow *self)
{
  g_return_if_fail (VITAE_IS_WINDOW (self));
  commit_pending_delete (self);
}

/**
 * vitae_window_get_preview:
 *
 * Returns: (transfer none) (nullable): the preview of the open resume
 */
VitaePreview *
vitae_window_get_preview (VitaeWindow *self)
{
  g_return_val_if_fail (VITAE_IS_WINDOW (self), NULL);
  return self->preview;
}

/**
 * vitae_window_export_pdf:
 *
 * What Export PDF does once a file is chosen: writes the open resume's PDF
 * (the bytes its preview shows) to @file, counts the download, and says so
 * in a toast.
 */
void
vitae_window_export_pdf (VitaeWindow *self,
                         GFile       *file)
{
  g_return_if_fail (VITAE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->open_resume == NULL)
    return;
  vitae_export_pdf_async (self->store, self->open_resume, file,
                          self->preview ? vitae_preview_get_creation_date (self->preview) : NULL,
                          NULL, on_pdf_exported, g_object_ref (self));
}
