/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-search"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-search-view.h"

/* The library's search results: each resume that matches, with where it
 * matched and the words around it. The list makes rows only for what is on
 * screen, and a result works out its snippet only when a row shows it. */

struct _VitaeSearchView
{
  AdwBin       parent_instance;

  /* template children */
  GtkLabel    *more_label;
  GtkListView *results_list;

  VitaeStore  *store;
  gint64       user_id;
  GListStore  *results;
};

enum {
  RESUME_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VitaeSearchView, vitae_search_view, ADW_TYPE_BIN)

static char *
format_subtitle (gpointer    this,
                 const char *candidate_name,
                 gboolean    is_active)
{
  const char *name = candidate_name && *candidate_name ? candidate_name : _("No name yet");

  if (is_active)
    return g_strdup (name);
  /* Translators: a candidate's name, then a mark for an archived resume */
  return g_strdup_printf (_("%s · Archived"), name);
}

static void
on_results_list_activate (VitaeSearchView *self,
                          guint            position)
{
  g_autoptr(VitaeSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (result != NULL)
    g_signal_emit (self, signals[RESUME_ACTIVATED], 0, vitae_search_result_get_resume_id (result));
}

static void
vitae_search_view_dispose (GObject *object)
{
  VitaeSearchView *self = (VitaeSearchView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_SEARCH_VIEW);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vitae_search_view_parent_class)->dispose (object);
}

static void
vitae_search_view_class_init (VitaeSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_search_view_dispose;

  /**
   * VitaeSearchView::resume-activated:
   * @resume_id: the resume to open
   */
  signals[RESUME_ACTIVATED] =
    g_signal_new ("resume-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeSearchView, more_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeSearchView, results_list);
  gtk_widget_class_bind_template_callback (widget_class, format_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_activate);

  g_type_ensure (VITAE_TYPE_SEARCH_RESULT);
}

static void
vitae_search_view_init (VitaeSearchView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (VITAE_TYPE_SEARCH_RESULT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
vitae_search_view_new (void)
{
  return g_object_new (VITAE_TYPE_SEARCH_VIEW, NULL);
}

void
vitae_search_view_set_profile (VitaeSearchView *self,
                               VitaeStore      *store,
                               gint64           user_id)
{
  g_return_if_fail (VITAE_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || VITAE_IS_STORE (store));

  g_set_object (&self->store, store);
  self->user_id = user_id;
  g_list_store_remove_all (self->results);
}

/**
 * vitae_search_view_search:
 * @text: what the person typed; any text
 *
 * Shows the resumes that match @text, at most %VITAE_SEARCH_LIMIT.
 */
gboolean
vitae_search_view_search (VitaeSearchView  *self,
                          const char       *text,
                          GError          **error)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean more = FALSE;
  guint n;

  g_return_val_if_fail (VITAE_IS_SEARCH_VIEW (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  found = vitae_store_search_full (self->store, self->user_id, text, VITAE_SEARCH_LIMIT, &more, error);
  if (found == NULL)
    return FALSE;

  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), more);
  if (more)
    {
      g_autofree char *text_more = g_strdup_printf (_("Showing the newest %d matches: type more to narrow the search"),
                                                    VITAE_SEARCH_LIMIT);
      gtk_label_set_label (self->more_label, text_more);
    }
  /* The stack is the bin's child, not bound: GTK 4.8 would unparent a bound
   * direct child in dispose_template, then AdwBin again. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    n > 0 ? "results" : "empty");
  return TRUE;
}

/**
 * vitae_search_view_get_results:
 *
 * Returns: (transfer none): the #VitaeSearchResult shown
 */
GListModel *
vitae_search_view_get_results (VitaeSearchView *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_VIEW (self), NULL);
  return G_LIST_MODEL (self->results);
}
