/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-entry.h"

struct _VitaeEntry
{
  GObject         parent_instance;

  VitaeSectionId  section;
  gint64          id;
  /* field key -> GVariant ("s" or "as"); only schema fields, never empty values */
  GHashTable     *values;
  /* keys of the JSON Resume object that the schema does not know, kept verbatim */
  JsonObject     *extra;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SECTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void store_value (VitaeEntry *self,
                         const char *key,
                         GVariant   *value);

G_DEFINE_FINAL_TYPE (VitaeEntry, vitae_entry, G_TYPE_OBJECT)

static GQuark
list_quark (const char *key)
{
  g_autofree char *name = g_strconcat ("vitae-list-", key, NULL);
  return g_quark_from_string (name);
}

static void
emit_changed (VitaeEntry *self,
              const char *key)
{
  g_signal_emit (self, signals[CHANGED], key ? g_quark_from_string (key) : 0, key);
}

static void
vitae_entry_finalize (GObject *object)
{
  VitaeEntry *self = (VitaeEntry *)object;

  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (vitae_entry_parent_class)->finalize (object);
}

static void
vitae_entry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VitaeEntry *self = VITAE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SECTION:
      g_value_set_int (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_entry_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VitaeEntry *self = VITAE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      vitae_entry_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SECTION:
      self->section = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_entry_class_init (VitaeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_entry_finalize;
  object_class->get_property = vitae_entry_get_property;
  object_class->set_property = vitae_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_int ("section", NULL, NULL, 0, VITAE_N_SECTIONS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitaeEntry::changed:
   * @key: (nullable): the field that changed, or %NULL for the unknown keys
   *
   * A field value changed; detailed by the field key.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vitae_entry_init (VitaeEntry *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_variant_unref);
}

VitaeEntry *
vitae_entry_new (VitaeSectionId section)
{
  g_return_val_if_fail (section < VITAE_N_SECTIONS, NULL);

  return g_object_new (VITAE_TYPE_ENTRY, "section", section, NULL);
}

/**
 * vitae_entry_copy:
 *
 * Returns: (transfer full): a deep copy, sharing nothing mutable with @self,
 *   so that it may be handed to another thread.
 */
VitaeEntry *
vitae_entry_copy (VitaeEntry *self)
{
  VitaeEntry *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);

  copy = vitae_entry_new (self->section);
  copy->id = self->id;
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    store_value (copy, key, g_variant_ref (value));
  if (self->extra != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->extra);
      g_autoptr(JsonNode) dup = json_node_copy (node);
      copy->extra = json_object_ref (json_node_get_object (dup));
    }

  return copy;
}

static gboolean
extra_equal (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  if ((a == NULL || json_object_get_size (a) == 0) &&
      (b == NULL || json_object_get_size (b) == 0))
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  na = json_node_init_object (json_node_alloc (), a);
  nb = json_node_init_object (json_node_alloc (), b);
  return json_node_equal (na, nb);
}

gboolean
vitae_entry_equal (VitaeEntry *a,
                   VitaeEntry *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (VITAE_IS_ENTRY (a), FALSE);
  g_return_val_if_fail (VITAE_IS_ENTRY (b), FALSE);

  if (a->section != b->section)
    return FALSE;
  if (g_hash_table_size (a->values) != g_hash_table_size (b->values))
    return FALSE;
  g_hash_table_iter_init (&iter, a->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GVariant *other = g_hash_table_lookup (b->values, key);
      if (other == NULL || !g_variant_equal (value, other))
        return FALSE;
    }
  return extra_equal (a->extra, b->extra);
}

VitaeSectionId
vitae_entry_get_section (VitaeEntry *self)
{
  g_return_val_if_fail (VITAE_IS_ENTRY (self), 0);
  return self->section;
}

const VitaeSectionInfo *
vitae_entry_get_section_info (VitaeEntry *self)
{
  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);
  return vitae_section_get_info (self->section);
}

gint64
vitae_entry_get_id (VitaeEntry *self)
{
  g_return_val_if_fail (VITAE_IS_ENTRY (self), 0);
  return self->id;
}

void
vitae_entry_set_id (VitaeEntry *self,
                    gint64      id)
{
  g_return_if_fail (VITAE_IS_ENTRY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * vitae_entry_get_text:
 *
 * Returns: (nullable): the value of a text-like field, or %NULL when unset.
 */
const char *
vitae_entry_get_text (VitaeEntry *self,
                      const char *key)
{
  GVariant *value;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = g_hash_table_lookup (self->values, key);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;
  return g_variant_get_string (value, NULL);
}

/* A list's strings live in its variant; a NULL-terminated view of them is kept
 * as qdata under the key so that vitae_entry_get_list() can return it. */
static void
store_value (VitaeEntry *self,
             const char *key,
             GVariant   *value)
{
  GQuark quark = list_quark (key);

  if (value == NULL)
    {
      g_hash_table_remove (self->values, key);
      g_object_set_qdata (G_OBJECT (self), quark, NULL);
      return;
    }

  g_hash_table_replace (self->values, g_strdup (key), value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    g_object_set_qdata_full (G_OBJECT (self), quark, g_variant_get_strv (value, NULL), g_free);
  else
    g_object_set_qdata (G_OBJECT (self), quark, NULL);
}

static void
replace_value (VitaeEntry *self,
               const char *key,
               GVariant   *value)
{
  GVariant *old = g_hash_table_lookup (self->values, key);

  if (value != NULL)
    g_variant_ref_sink (value);

  if (old == NULL && value == NULL)
    return;
  if (old != NULL && value != NULL && g_variant_equal (old, value))
    {
      g_variant_unref (value);
      return;
    }

  store_value (self, key, value);
  emit_changed (self, key);
}

/**
 * vitae_entry_set_text:
 * @value: (nullable): the new value; %NULL or "" clears the field
 *
 * Sets a field; emits #VitaeEntry::changed only when the value changes.
 */
void
vitae_entry_set_text (VitaeEntry *self,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (VITAE_IS_ENTRY (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  replace_value (self, key,
                 value != NULL && *value != '\0' ? g_variant_new_string (value) : NULL);
}

/**
 * vitae_entry_get_list:
 *
 * Returns: (nullable) (array zero-terminated=1): the strings of a list field.
 */
const char * const *
vitae_entry_get_list (VitaeEntry *self,
                      const char *key)
{
  GVariant *value;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = g_hash_table_lookup (self->values, key);
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    return NULL;
  return g_object_get_qdata (G_OBJECT (self), list_quark (key));
}

void
vitae_entry_set_list (VitaeEntry         *self,
                      const char         *key,
                      const char * const *values)
{
  g_return_if_fail (VITAE_IS_ENTRY (self));
  g_return_if_fail (key != NULL);

  if (values == NULL || values[0] == NULL)
    replace_value (self, key, NULL);
  else
    replace_value (self, key, g_variant_new_strv (values, -1));
}

/**
 * vitae_entry_dup_value:
 *
 * Returns: (nullable) (transfer full): a field's value as a "s" or "as"
 *   variant, or %NULL when unset; what undo keeps.
 */
GVariant *
vitae_entry_dup_value (VitaeEntry *self,
                       const char *key)
{
  GVariant *value;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = g_hash_table_lookup (self->values, key);
  return value ? g_variant_ref (value) : NULL;
}

/**
 * vitae_entry_set_value:
 * @value: (nullable): a "s" or "as" variant, or %NULL to clear
 */
void
vitae_entry_set_value (VitaeEntry *self,
                       const char *key,
                       GVariant   *value)
{
  g_return_if_fail (VITAE_IS_ENTRY (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    replace_value (self, key, NULL);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    vitae_entry_set_text (self, key, g_variant_get_string (value, NULL));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **strv = g_variant_get_strv (value, NULL);
      vitae_entry_set_list (self, key, strv);
    }
  else
    g_return_if_reached ();
}

/**
 * vitae_entry_get_extra:
 *
 * Returns: (nullable) (transfer none): the keys the schema does not know.
 */
JsonObject *
vitae_entry_get_extra (VitaeEntry *self)
{
  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);
  return self->extra;
}

void
vitae_entry_set_extra (VitaeEntry *self,
                       JsonObject *extra)
{
  g_return_if_fail (VITAE_IS_ENTRY (self));

  if (extra_equal (self->extra, extra))
    return;
  g_clear_pointer (&self->extra, json_object_unref);
  if (extra != NULL && json_object_get_size (extra) > 0)
    self->extra = json_object_ref (extra);
  emit_changed (self, NULL);
}

gboolean
vitae_entry_is_empty (VitaeEntry *self)
{
  g_return_val_if_fail (VITAE_IS_ENTRY (self), TRUE);
  return g_hash_table_size (self->values) == 0 &&
         (self->extra == NULL || json_object_get_size (self->extra) == 0);
}

static char *
format_year (const char *date)
{
  if (date == NULL || strlen (date) < 4)
    return g_strdup (date);
  return g_strndup (date, 4);
}

/**
 * vitae_entry_dup_date_range:
 *
 * Returns: (nullable): "2019–present", "2015–2018", "2020", or %NULL without dates.
 */
char *
vitae_entry_dup_date_range (VitaeEntry *self)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (self);
  const char *start, *end;
  g_autofree char *start_year = NULL;
  g_autofree char *end_year = NULL;

  if (info->start_field == NULL)
    return NULL;

  start = vitae_entry_get_text (self, info->start_field);
  end = info->end_field ? vitae_entry_get_text (self, info->end_field) : NULL;
  start_year = format_year (start);
  end_year = format_year (end);

  if (start_year == NULL && end_year == NULL)
    return NULL;
  if (info->end_field == NULL || (start_year != NULL && end_year != NULL && strcmp (start_year, end_year) == 0))
    return g_strdup (start_year ? start_year : end_year);
  if (start_year == NULL)
    return g_strdup (end_year);
  if (end_year == NULL)
    /* Translators: a date range of something still going on, as in "2019–present" */
    return g_strdup_printf (_("%s–present"), start_year);
  return g_strdup_printf ("%s–%s", start_year, end_year);
}

/**
 * vitae_entry_dup_summary:
 *
 * Returns: the one line that names the entry the way the resume reads,
 *   "Senior Engineer — Acme · 2019–present".
 */
char *
vitae_entry_dup_summary (VitaeEntry *self)
{
  const VitaeSectionInfo *info;
  const char *title, *subtitle;
  g_autofree char *range = NULL;
  GString *str;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);

  info = vitae_entry_get_section_info (self);
  title = vitae_entry_get_text (self, info->title_field);
  subtitle = info->subtitle_field ? vitae_entry_get_text (self, info->subtitle_field) : NULL;
  range = vitae_entry_dup_date_range (self);

  str = g_string_new (title);
  if (subtitle != NULL)
    {
      if (str->len > 0)
        g_string_append (str, " — ");
      g_string_append (str, subtitle);
    }
  if (range != NULL)
    {
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, range);
    }
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      /* Translators: an entry of a resume section with nothing filled in yet */
      return g_strdup_printf (_("New %s"), _(info->entry_noun));
    }
  return g_string_free (str, FALSE);
}

/**
 * vitae_entry_to_json:
 *
 * Returns: the field values as a compact JSON object, the store's column format.
 */
char *
vitae_entry_to_json (VitaeEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->values), (GCompareFunc)strcmp);
  json_builder_begin_object (builder);
  for (const GList *l = keys; l; l = l->next)
    {
      GVariant *value = g_hash_table_lookup (self->values, l->data);

      json_builder_set_member_name (builder, l->data);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        json_builder_add_string_value (builder, g_variant_get_string (value, NULL));
      else
        {
          g_autofree const char **strv = g_variant_get_strv (value, NULL);
          json_builder_begin_array (builder);
          for (guint i = 0; strv[i]; i++)
            json_builder_add_string_value (builder, strv[i]);
          json_builder_end_array (builder);
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/**
 * vitae_entry_load_json:
 * @fields_json: a JSON object as written by vitae_entry_to_json()
 *
 * Replaces the field values with those of @fields_json.
 */
gboolean
vitae_entry_load_json (VitaeEntry  *self,
                       const char  *fields_json,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_return_val_if_fail (VITAE_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (fields_json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, fields_json, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "entry fields are not a JSON object");
      return FALSE;
    }

  {
    g_autoptr(GList) old_keys = g_hash_table_get_keys (self->values);
    for (const GList *l = old_keys; l; l = l->next)
      g_object_set_qdata (G_OBJECT (self), list_quark (l->data), NULL);
    g_hash_table_remove_all (self->values);
  }
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (node);
          if (s != NULL && *s != '\0')
            store_value (self, member, g_variant_ref_sink (g_variant_new_string (s)));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GPtrArray) strv = g_ptr_array_new ();

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                g_ptr_array_add (strv, (gpointer)json_node_get_string (item));
            }
          g_ptr_array_add (strv, NULL);
          if (strv->len > 1)
            store_value (self, member,
                         g_variant_ref_sink (g_variant_new_strv ((const char * const *)strv->pdata, -1)));
        }
    }

  emit_changed (self, NULL);
  return TRUE;
}
