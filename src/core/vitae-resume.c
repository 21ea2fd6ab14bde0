/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-resume.h"

#define FIRST_ORDERED_SECTION VITAE_SECTION_WORK
#define N_ORDERED_SECTIONS    (VITAE_N_SECTIONS - FIRST_ORDERED_SECTION)

typedef struct {
  VitaeSectionId  id;
  gboolean        visible;
  char           *heading;
} SectionLayout;

struct _VitaeResume
{
  GObject        parent_instance;

  gint64         id;
  gint64         user_id;
  char          *title;
  char          *template_id;
  char          *page_size;
  char          *accent;
  gboolean       is_active;
  gint64         download_count;
  gint64         view_count;
  gint64         created_at;
  gint64         updated_at;
  GBytes        *photo;
  JsonObject    *extra;
  char          *candidate_name;

  VitaeEntry    *basics;
  GListStore    *entries[VITAE_N_SECTIONS];
  SectionLayout  layout[N_ORDERED_SECTIONS];
};

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_TITLE,
  PROP_TEMPLATE,
  PROP_PAGE_SIZE,
  PROP_ACCENT,
  PROP_IS_ACTIVE,
  PROP_DOWNLOAD_COUNT,
  PROP_VIEW_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CANDIDATE_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VitaeResume, vitae_resume, G_TYPE_OBJECT)

static void
emit_changed (VitaeResume *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed (VitaeEntry  *entry,
                  const char  *key,
                  VitaeResume *self)
{
  if (entry == self->basics && (key == NULL || g_strcmp0 (key, "name") == 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE_NAME]);
  emit_changed (self);
}

static void
watch_entry (VitaeResume *self,
             VitaeEntry  *entry)
{
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), self, 0);
}

/* A resume in a list of 10,000 is only its summary: the entry lists and the
 * basics are made the first time something asks for them. */
static GListStore *
ensure_entries (VitaeResume    *self,
                VitaeSectionId  section)
{
  if (self->entries[section] == NULL)
    {
      self->entries[section] = g_list_store_new (VITAE_TYPE_ENTRY);
      if (section == VITAE_SECTION_BASICS)
        g_list_store_append (self->entries[section], vitae_resume_get_basics (self));
    }
  return self->entries[section];
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static SectionLayout *
find_layout (VitaeResume    *self,
             VitaeSectionId  section)
{
  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    if (self->layout[i].id == section)
      return &self->layout[i];
  return NULL;
}

static void
vitae_resume_dispose (GObject *object)
{
  VitaeResume *self = (VitaeResume *)object;

  for (guint i = 0; i < VITAE_N_SECTIONS; i++)
    g_clear_object (&self->entries[i]);
  g_clear_object (&self->basics);

  G_OBJECT_CLASS (vitae_resume_parent_class)->dispose (object);
}

static void
vitae_resume_finalize (GObject *object)
{
  VitaeResume *self = (VitaeResume *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->page_size, g_free);
  g_clear_pointer (&self->accent, g_free);
  g_clear_pointer (&self->candidate_name, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    g_clear_pointer (&self->layout[i].heading, g_free);

  G_OBJECT_CLASS (vitae_resume_parent_class)->finalize (object);
}

static void
vitae_resume_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VitaeResume *self = VITAE_RESUME (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_USER_ID: g_value_set_int64 (value, self->user_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_TEMPLATE: g_value_set_string (value, self->template_id); break;
    case PROP_PAGE_SIZE: g_value_set_string (value, self->page_size); break;
    case PROP_ACCENT: g_value_set_string (value, self->accent); break;
    case PROP_IS_ACTIVE: g_value_set_boolean (value, self->is_active); break;
    case PROP_DOWNLOAD_COUNT: g_value_set_int64 (value, self->download_count); break;
    case PROP_VIEW_COUNT: g_value_set_int64 (value, self->view_count); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    case PROP_CANDIDATE_NAME: g_value_set_string (value, vitae_resume_get_candidate_name (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_resume_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VitaeResume *self = VITAE_RESUME (object);

  switch (prop_id)
    {
    case PROP_ID: vitae_resume_set_id (self, g_value_get_int64 (value)); break;
    case PROP_USER_ID: vitae_resume_set_user_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: vitae_resume_set_title (self, g_value_get_string (value)); break;
    case PROP_TEMPLATE: vitae_resume_set_template (self, g_value_get_string (value)); break;
    case PROP_PAGE_SIZE: vitae_resume_set_page_size (self, g_value_get_string (value)); break;
    case PROP_ACCENT: vitae_resume_set_accent (self, g_value_get_string (value)); break;
    case PROP_IS_ACTIVE: vitae_resume_set_is_active (self, g_value_get_boolean (value)); break;
    case PROP_DOWNLOAD_COUNT: vitae_resume_set_download_count (self, g_value_get_int64 (value)); break;
    case PROP_VIEW_COUNT: vitae_resume_set_view_count (self, g_value_get_int64 (value)); break;
    case PROP_CREATED_AT: vitae_resume_set_created_at (self, g_value_get_int64 (value)); break;
    case PROP_UPDATED_AT: vitae_resume_set_updated_at (self, g_value_get_int64 (value)); break;
    case PROP_CANDIDATE_NAME: vitae_resume_set_candidate_name (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_resume_class_init (VitaeResumeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vitae_resume_dispose;
  object_class->finalize = vitae_resume_finalize;
  object_class->get_property = vitae_resume_get_property;
  object_class->set_property = vitae_resume_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USER_ID] = g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TEMPLATE] = g_param_spec_string ("template", NULL, NULL, VITAE_DEFAULT_TEMPLATE, flags);
  properties[PROP_PAGE_SIZE] = g_param_spec_string ("page-size", NULL, NULL, VITAE_DEFAULT_PAGE_SIZE, flags);
  properties[PROP_ACCENT] = g_param_spec_string ("accent", NULL, NULL, VITAE_DEFAULT_ACCENT, flags);
  properties[PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, TRUE, flags);
  properties[PROP_DOWNLOAD_COUNT] = g_param_spec_int64 ("download-count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VIEW_COUNT] = g_param_spec_int64 ("view-count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CANDIDATE_NAME] = g_param_spec_string ("candidate-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitaeResume::changed:
   *
   * The content changed: a field, an entry added, removed or moved, the
   * layout, or a per-resume setting. Counters and timestamps do not emit it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vitae_resume_init (VitaeResume *self)
{
  self->template_id = g_strdup (VITAE_DEFAULT_TEMPLATE);
  self->page_size = g_strdup (VITAE_DEFAULT_PAGE_SIZE);
  self->accent = g_strdup (VITAE_DEFAULT_ACCENT);
  self->is_active = TRUE;

  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    {
      self->layout[i].id = FIRST_ORDERED_SECTION + i;
      self->layout[i].visible = TRUE;
    }

}

VitaeResume *
vitae_resume_new (void)
{
  return g_object_new (VITAE_TYPE_RESUME, NULL);
}

/**
 * vitae_resume_copy:
 *
 * Returns: (transfer full): a deep copy that shares nothing mutable with @self:
 *   the immutable snapshot a worker thread renders from.
 */
VitaeResume *
vitae_resume_copy (VitaeResume *self)
{
  VitaeResume *copy;

  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);

  copy = vitae_resume_new ();
  copy->id = self->id;
  copy->user_id = self->user_id;
  set_string (&copy->title, self->title);
  set_string (&copy->template_id, self->template_id);
  set_string (&copy->page_size, self->page_size);
  set_string (&copy->accent, self->accent);
  set_string (&copy->candidate_name, self->candidate_name);
  copy->is_active = self->is_active;
  copy->download_count = self->download_count;
  copy->view_count = self->view_count;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->photo = self->photo ? g_bytes_ref (self->photo) : NULL;
  if (self->extra != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->extra);
      g_autoptr(JsonNode) dup = json_node_copy (node);
      copy->extra = json_object_ref (json_node_get_object (dup));
    }

  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    {
      copy->layout[i].id = self->layout[i].id;
      copy->layout[i].visible = self->layout[i].visible;
      copy->layout[i].heading = g_strdup (self->layout[i].heading);
    }

  if (self->basics != NULL)
    {
      copy->basics = vitae_entry_copy (self->basics);
      watch_entry (copy, copy->basics);
    }

  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    {
      GListModel *model = G_LIST_MODEL (self->entries[s]);
      guint n = model ? g_list_model_get_n_items (model) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VitaeEntry) entry = g_list_model_get_item (model, i);
          g_autoptr(VitaeEntry) dup = vitae_entry_copy (entry);
          g_list_store_append (ensure_entries (copy, s), dup);
          watch_entry (copy, dup);
        }
    }

  return copy;
}

#define DEFINE_INT64_PROP(name, NAME, notify_changed)                    \
gint64                                                                   \
vitae_resume_get_##name (VitaeResume *self)                             \
{                                                                        \
  g_return_val_if_fail (VITAE_IS_RESUME (self), 0);                      \
  return self->name;                                                     \
}                                                                        \
void                                                                     \
vitae_resume_set_##name (VitaeResume *self,                             \
                         gint64       value)                             \
{                                                                        \
  g_return_if_fail (VITAE_IS_RESUME (self));                             \
  if (self->name == value)                                               \
    return;                                                              \
  self->name = value;                                                    \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);   \
}

DEFINE_INT64_PROP (id, ID, FALSE)
DEFINE_INT64_PROP (user_id, USER_ID, FALSE)
DEFINE_INT64_PROP (download_count, DOWNLOAD_COUNT, FALSE)
DEFINE_INT64_PROP (view_count, VIEW_COUNT, FALSE)
DEFINE_INT64_PROP (created_at, CREATED_AT, FALSE)
DEFINE_INT64_PROP (updated_at, UPDATED_AT, FALSE)

#define DEFINE_STRING_PROP(name, field, NAME, fallback)                  \
const char *                                                             \
vitae_resume_get_##name (VitaeResume *self)                             \
{                                                                        \
  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);                   \
  return self->field;                                                    \
}                                                                        \
void                                                                     \
vitae_resume_set_##name (VitaeResume *self,                             \
                         const char  *value)                             \
{                                                                        \
  g_return_if_fail (VITAE_IS_RESUME (self));                             \
  if (value == NULL)                                                     \
    value = fallback;                                                    \
  if (!set_string (&self->field, value))                                 \
    return;                                                              \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);   \
  emit_changed (self);                                                   \
}

DEFINE_STRING_PROP (title, title, TITLE, NULL)
DEFINE_STRING_PROP (template, template_id, TEMPLATE, VITAE_DEFAULT_TEMPLATE)
DEFINE_STRING_PROP (page_size, page_size, PAGE_SIZE, VITAE_DEFAULT_PAGE_SIZE)
DEFINE_STRING_PROP (accent, accent, ACCENT, VITAE_DEFAULT_ACCENT)

gboolean
vitae_resume_get_is_active (VitaeResume *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), FALSE);
  return self->is_active;
}

void
vitae_resume_set_is_active (VitaeResume *self,
                            gboolean     is_active)
{
  g_return_if_fail (VITAE_IS_RESUME (self));

  is_active = !!is_active;
  if (self->is_active == is_active)
    return;
  self->is_active = is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ACTIVE]);
}

/**
 * vitae_resume_get_photo:
 *
 * Returns: (nullable) (transfer none): the photo's image bytes.
 */
GBytes *
vitae_resume_get_photo (VitaeResume *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);
  return self->photo;
}

void
vitae_resume_set_photo (VitaeResume *self,
                        GBytes      *photo)
{
  g_return_if_fail (VITAE_IS_RESUME (self));

  if (self->photo == photo || (self->photo && photo && g_bytes_equal (self->photo, photo)))
    return;
  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = photo ? g_bytes_ref (photo) : NULL;
  emit_changed (self);
}

/**
 * vitae_resume_get_extra:
 *
 * Returns: (nullable) (transfer none): top-level JSON Resume keys Vitae does
 *   not model (meta, unknown sections), kept for a lossless export.
 */
JsonObject *
vitae_resume_get_extra (VitaeResume *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);
  return self->extra;
}

void
vitae_resume_set_extra (VitaeResume *self,
                        JsonObject  *extra)
{
  g_return_if_fail (VITAE_IS_RESUME (self));

  if (self->extra == extra)
    return;
  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL && json_object_get_size (extra) > 0)
    self->extra = json_object_ref (extra);
  emit_changed (self);
}

/**
 * vitae_resume_get_basics:
 *
 * Returns: (transfer none): the basics entry (name, label, contact, summary…).
 */
VitaeEntry *
vitae_resume_get_basics (VitaeResume *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);
  if (self->basics == NULL)
    {
      self->basics = vitae_entry_new (VITAE_SECTION_BASICS);
      watch_entry (self, self->basics);
    }
  return self->basics;
}

const char *
vitae_resume_get_candidate_name (VitaeResume *self)
{
  const char *name;

  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);

  name = self->basics ? vitae_entry_get_text (self->basics, "name") : NULL;
  return name != NULL ? name : self->candidate_name;
}

void
vitae_resume_set_candidate_name (VitaeResume *self,
                                 const char  *name)
{
  g_return_if_fail (VITAE_IS_RESUME (self));

  if (set_string (&self->candidate_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE_NAME]);
}

/**
 * vitae_resume_get_entries:
 *
 * Returns: (transfer none): a #GListModel of #VitaeEntry, in resume order.
 *   Change it through vitae_resume_add_entry() and friends.
 */
GListModel *
vitae_resume_get_entries (VitaeResume    *self,
                          VitaeSectionId  section)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);
  g_return_val_if_fail (section < VITAE_N_SECTIONS, NULL);

  return G_LIST_MODEL (ensure_entries (self, section));
}

guint
vitae_resume_get_n_entries (VitaeResume *self)
{
  guint n = 0;

  g_return_val_if_fail (VITAE_IS_RESUME (self), 0);

  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    if (self->entries[s] != NULL)
      n += g_list_model_get_n_items (G_LIST_MODEL (self->entries[s]));
  return n;
}

/**
 * vitae_resume_add_entry:
 *
 * Returns: (transfer none): a new empty entry appended to @section.
 */
VitaeEntry *
vitae_resume_add_entry (VitaeResume    *self,
                        VitaeSectionId  section)
{
  g_autoptr(VitaeEntry) entry = NULL;

  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);
  g_return_val_if_fail (section > VITAE_SECTION_BASICS && section < VITAE_N_SECTIONS, NULL);

  entry = vitae_entry_new (section);
  vitae_resume_insert_entry (self, entry, G_MAXUINT);
  return entry;
}

void
vitae_resume_insert_entry (VitaeResume *self,
                           VitaeEntry  *entry,
                           guint        position)
{
  GListStore *store;
  guint n;

  g_return_if_fail (VITAE_IS_RESUME (self));
  g_return_if_fail (VITAE_IS_ENTRY (entry));
  g_return_if_fail (vitae_entry_get_section (entry) != VITAE_SECTION_BASICS);

  store = ensure_entries (self, vitae_entry_get_section (entry));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_list_store_insert (store, MIN (position, n), entry);
  watch_entry (self, entry);
  emit_changed (self);
}

gboolean
vitae_resume_remove_entry (VitaeResume *self,
                           VitaeEntry  *entry,
                           guint       *position)
{
  GListStore *store;
  guint pos;

  g_return_val_if_fail (VITAE_IS_RESUME (self), FALSE);
  g_return_val_if_fail (VITAE_IS_ENTRY (entry), FALSE);

  store = ensure_entries (self, vitae_entry_get_section (entry));
  if (entry == self->basics || !g_list_store_find (store, entry, &pos))
    return FALSE;

  g_signal_handlers_disconnect_by_data (entry, self);
  g_list_store_remove (store, pos);
  if (position != NULL)
    *position = pos;
  emit_changed (self);
  return TRUE;
}

gboolean
vitae_resume_move_entry (VitaeResume *self,
                         VitaeEntry  *entry,
                         guint        new_position)
{
  GListStore *store;
  guint pos, n;

  g_return_val_if_fail (VITAE_IS_RESUME (self), FALSE);
  g_return_val_if_fail (VITAE_IS_ENTRY (entry), FALSE);

  store = ensure_entries (self, vitae_entry_get_section (entry));
  if (!g_list_store_find (store, entry, &pos))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  new_position = MIN (new_position, n - 1);
  if (new_position == pos)
    return FALSE;

  g_object_ref (entry);
  g_list_store_remove (store, pos);
  g_list_store_insert (store, new_position, entry);
  g_object_unref (entry);
  emit_changed (self);
  return TRUE;
}

/**
 * vitae_resume_get_section_order:
 * @order: (out caller-allocates) (array): room for %VITAE_N_SECTIONS ids
 *
 * Returns: how many sections @order holds (all but basics and profiles).
 */
guint
vitae_resume_get_section_order (VitaeResume    *self,
                                VitaeSectionId *order)
{
  g_return_val_if_fail (VITAE_IS_RESUME (self), 0);
  g_return_val_if_fail (order != NULL, 0);

  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    order[i] = self->layout[i].id;
  return N_ORDERED_SECTIONS;
}

/**
 * vitae_resume_set_section_order:
 *
 * Puts the given sections first, in that order; the others keep their
 * relative order after them. Unknown or repeated ids are ignored.
 */
void
vitae_resume_set_section_order (VitaeResume          *self,
                                const VitaeSectionId *order,
                                guint                 n_order)
{
  SectionLayout layout[N_ORDERED_SECTIONS];
  gboolean used[N_ORDERED_SECTIONS] = { FALSE, };
  guint n = 0;
  gboolean changed = FALSE;

  g_return_if_fail (VITAE_IS_RESUME (self));

  for (guint i = 0; i < n_order; i++)
    for (guint j = 0; j < N_ORDERED_SECTIONS; j++)
      if (!used[j] && self->layout[j].id == order[i])
        {
          used[j] = TRUE;
          layout[n++] = self->layout[j];
        }
  for (guint j = 0; j < N_ORDERED_SECTIONS; j++)
    if (!used[j])
      layout[n++] = self->layout[j];

  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    changed |= layout[i].id != self->layout[i].id;
  if (!changed)
    return;
  memcpy (self->layout, layout, sizeof layout);
  emit_changed (self);
}

gboolean
vitae_resume_get_section_visible (VitaeResume    *self,
                                  VitaeSectionId  section)
{
  SectionLayout *layout;

  g_return_val_if_fail (VITAE_IS_RESUME (self), FALSE);

  layout = find_layout (self, section);
  return layout == NULL || layout->visible;
}

void
vitae_resume_set_section_visible (VitaeResume    *self,
                                  VitaeSectionId  section,
                                  gboolean        visible)
{
  SectionLayout *layout;

  g_return_if_fail (VITAE_IS_RESUME (self));

  layout = find_layout (self, section);
  if (layout == NULL || layout->visible == !!visible)
    return;
  layout->visible = !!visible;
  emit_changed (self);
}

/**
 * vitae_resume_get_section_heading:
 *
 * Returns: (nullable): the heading the user chose, or %NULL for the default.
 */
const char *
vitae_resume_get_section_heading (VitaeResume    *self,
                                  VitaeSectionId  section)
{
  SectionLayout *layout;

  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);

  layout = find_layout (self, section);
  return layout ? layout->heading : NULL;
}

void
vitae_resume_set_section_heading (VitaeResume    *self,
                                  VitaeSectionId  section,
                                  const char     *heading)
{
  SectionLayout *layout;

  g_return_if_fail (VITAE_IS_RESUME (self));

  if (heading != NULL && *heading == '\0')
    heading = NULL;
  layout = find_layout (self, section);
  if (layout == NULL || !set_string (&layout->heading, heading))
    return;
  emit_changed (self);
}

/**
 * vitae_resume_get_section_title:
 *
 * Returns: the heading to show: the user's own, or the translated default.
 */
const char *
vitae_resume_get_section_title (VitaeResume    *self,
                                VitaeSectionId  section)
{
  const char *heading = vitae_resume_get_section_heading (self, section);

  return heading ? heading : _(vitae_section_get_info (section)->title);
}

/**
 * vitae_resume_layout_to_json:
 *
 * Returns: the section layout, the store's column format:
 *   `[{"key":"work","visible":true,"heading":"Experience"}, …]`
 */
char *
vitae_resume_layout_to_json (VitaeResume *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (VITAE_IS_RESUME (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < N_ORDERED_SECTIONS; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, vitae_section_get_info (self->layout[i].id)->key);
      json_builder_set_member_name (builder, "visible");
      json_builder_add_boolean_value (builder, self->layout[i].visible);
      if (self->layout[i].heading != NULL)
        {
          json_builder_set_member_name (builder, "heading");
          json_builder_add_string_value (builder, self->layout[i].heading);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
member_boolean (JsonObject *object,
                const char *name,
                gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * vitae_resume_layout_from_json:
 *
 * Applies a layout written by vitae_resume_layout_to_json(); what it does
 * not name or cannot be read keeps its default.
 */
void
vitae_resume_layout_from_json (VitaeResume *self,
                               const char  *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  VitaeSectionId order[N_ORDERED_SECTIONS];
  guint n_order = 0;
  JsonArray *array;

  g_return_if_fail (VITAE_IS_RESUME (self));

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const VitaeSectionInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      node = json_object_get_member (object, "key");
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      info = vitae_section_lookup (json_node_get_string (node));
      if (info == NULL || info->id < FIRST_ORDERED_SECTION || n_order >= N_ORDERED_SECTIONS)
        continue;
      order[n_order++] = info->id;
      vitae_resume_set_section_visible (self, info->id,
                                        member_boolean (object, "visible", TRUE));
      vitae_resume_set_section_heading (self, info->id,
                                        member_string (object, "heading"));
    }
  vitae_resume_set_section_order (self, order, n_order);
}
