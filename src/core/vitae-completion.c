/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-completion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vitae-completion.h"

/* How complete a resume is, from the section schema. Each rule below earns
 * its weight; the weights add up to 100, and the percentage is the sum of
 * what is earned, rounded down, so 100 % means nothing is missing:
 *
 *   Personal details  name 10, headline 5, email 5, phone 5, city 5, summary 10
 *   Work              at least one entry 15; start dates on every entry 10
 *   Education         at least one entry 10; start dates on every entry 5
 *   Skills            three skills 10 (a third of it per skill)
 *   Projects          at least one 5
 *   Profiles          at least one (LinkedIn, GitHub…) 5
 *
 * A "dates" rule earns its weight in proportion to the entries that have the
 * section's start date (VitaeSectionInfo.start_field), and only once the
 * section has an entry. Entries with nothing in them count for nothing. */

typedef enum {
  RULE_FIELD,     /* a basics field is filled */
  RULE_ENTRIES,   /* the section has `wanted` entries */
  RULE_DATES,     /* every entry of the section has its start date */
} RuleKind;

typedef struct {
  RuleKind        kind;
  VitaeSectionId  section;
  const char     *field;    /* RULE_FIELD: the basics field key */
  guint           weight;
  guint           wanted;   /* RULE_ENTRIES: entries for the whole weight */
} CompletionRule;

static const CompletionRule rules[] = {
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "name",          10, 0 },
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "label",          5, 0 },
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "email",          5, 0 },
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "phone",          5, 0 },
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "location.city",  5, 0 },
  { RULE_FIELD,   VITAE_SECTION_BASICS,    "summary",       10, 0 },
  { RULE_ENTRIES, VITAE_SECTION_WORK,      NULL,            15, 1 },
  { RULE_DATES,   VITAE_SECTION_WORK,      NULL,            10, 0 },
  { RULE_ENTRIES, VITAE_SECTION_EDUCATION, NULL,            10, 1 },
  { RULE_DATES,   VITAE_SECTION_EDUCATION, NULL,             5, 0 },
  { RULE_ENTRIES, VITAE_SECTION_SKILLS,    NULL,            10, 3 },
  { RULE_ENTRIES, VITAE_SECTION_PROJECTS,  NULL,             5, 1 },
  { RULE_ENTRIES, VITAE_SECTION_PROFILES,  NULL,             5, 1 },
};

struct _VitaeCompletion
{
  GObject    parent_instance;

  guint      percent;
  guint      n_entries[VITAE_N_SECTIONS];
  GPtrArray *missing;   /* translated sentences, NULL-terminated */
};

enum {
  PROP_0,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeCompletion, vitae_completion, G_TYPE_OBJECT)

static char *
missing_field (const char *field)
{
  if (g_str_equal (field, "name"))
    return g_strdup (_("Add your name"));
  if (g_str_equal (field, "label"))
    return g_strdup (_("Add a headline"));
  if (g_str_equal (field, "email"))
    return g_strdup (_("Add an email address"));
  if (g_str_equal (field, "phone"))
    return g_strdup (_("Add a phone number"));
  if (g_str_equal (field, "location.city"))
    return g_strdup (_("Add your city"));
  if (g_str_equal (field, "summary"))
    return g_strdup (_("Add a summary"));
  g_assert_not_reached ();
}

static char *
missing_entries (VitaeSectionId section,
                 guint          n_more)
{
  switch (section)
    {
    case VITAE_SECTION_WORK:
      return g_strdup (_("Add a work entry"));
    case VITAE_SECTION_EDUCATION:
      return g_strdup (_("Add an education entry"));
    case VITAE_SECTION_PROJECTS:
      return g_strdup (_("Add a project"));
    case VITAE_SECTION_PROFILES:
      return g_strdup (_("Add a profile, such as LinkedIn or GitHub"));
    case VITAE_SECTION_SKILLS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u more skill",
                                           "Add %u more skills", n_more), n_more);
    default:
      g_assert_not_reached ();
    }
}

static char *
missing_dates (VitaeSectionId section,
               guint          n_undated)
{
  switch (section)
    {
    case VITAE_SECTION_WORK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add dates to %u work entry",
                                           "Add dates to %u work entries", n_undated), n_undated);
    case VITAE_SECTION_EDUCATION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add dates to %u education entry",
                                           "Add dates to %u education entries", n_undated), n_undated);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_text (VitaeEntry *entry,
          const char *key)
{
  const char *value = vitae_entry_get_text (entry, key);

  return value != NULL && *value != '\0';
}

static void
compute (VitaeCompletion *self,
         VitaeResume     *resume)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  guint n_dated[VITAE_N_SECTIONS] = { 0, };
  double earned = 0;

  self->n_entries[VITAE_SECTION_BASICS] = vitae_entry_is_empty (basics) ? 0 : 1;
  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      GListModel *entries = vitae_resume_get_entries (resume, s);
      guint n = g_list_model_get_n_items (entries);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VitaeEntry) entry = g_list_model_get_item (entries, i);

          if (vitae_entry_is_empty (entry))
            continue;
          self->n_entries[s]++;
          if (info->start_field != NULL && has_text (entry, info->start_field))
            n_dated[s]++;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const CompletionRule *rule = &rules[i];
      guint n = self->n_entries[rule->section];

      switch (rule->kind)
        {
        case RULE_FIELD:
          if (has_text (basics, rule->field))
            earned += rule->weight;
          else
            g_ptr_array_add (self->missing, missing_field (rule->field));
          break;

        case RULE_ENTRIES:
          earned += (double)rule->weight * MIN (n, rule->wanted) / rule->wanted;
          if (n < rule->wanted)
            g_ptr_array_add (self->missing, missing_entries (rule->section, rule->wanted - n));
          break;

        case RULE_DATES:
          g_assert_nonnull (vitae_section_get_info (rule->section)->start_field);
          if (n == 0)
            break;
          earned += (double)rule->weight * n_dated[rule->section] / n;
          if (n_dated[rule->section] < n)
            g_ptr_array_add (self->missing, missing_dates (rule->section, n - n_dated[rule->section]));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A hair of slack: 3 × (10/3) must make 10, not 9.999. */
  self->percent = MIN (100, (guint)(earned + 1e-9));
  g_ptr_array_add (self->missing, NULL);
}

static void
vitae_completion_finalize (GObject *object)
{
  VitaeCompletion *self = (VitaeCompletion *)object;

  g_clear_pointer (&self->missing, g_ptr_array_unref);

  G_OBJECT_CLASS (vitae_completion_parent_class)->finalize (object);
}

static void
vitae_completion_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VitaeCompletion *self = VITAE_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      g_value_set_uint (value, self->percent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_completion_class_init (VitaeCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_completion_finalize;
  object_class->get_property = vitae_completion_get_property;

  properties[PROP_PERCENT] =
    g_param_spec_uint ("percent", NULL, NULL, 0, 100, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_completion_init (VitaeCompletion *self)
{
  self->missing = g_ptr_array_new_with_free_func (g_free);
}

/**
 * vitae_completion_new:
 *
 * Measures @resume as it is now; the result does not follow later edits.
 *
 * Returns: (transfer full): the completion of @resume
 */
VitaeCompletion *
vitae_completion_new (VitaeResume *resume)
{
  VitaeCompletion *self;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  self = g_object_new (VITAE_TYPE_COMPLETION, NULL);
  compute (self, resume);
  return self;
}

/**
 * vitae_completion_get_percent:
 *
 * Returns: 0 to 100; 100 only when nothing is missing
 */
guint
vitae_completion_get_percent (VitaeCompletion *self)
{
  g_return_val_if_fail (VITAE_IS_COMPLETION (self), 0);
  return self->percent;
}

/**
 * vitae_completion_get_n_entries:
 *
 * Returns: the entries of @section with something in them (for basics, 1
 *   when any personal detail is filled)
 */
guint
vitae_completion_get_n_entries (VitaeCompletion *self,
                                VitaeSectionId   section)
{
  g_return_val_if_fail (VITAE_IS_COMPLETION (self), 0);
  g_return_val_if_fail (section < VITAE_N_SECTIONS, 0);
  return self->n_entries[section];
}

/**
 * vitae_completion_get_missing:
 *
 * Returns: (transfer none): what is missing to reach 100 %, as translated
 *   sentences ("Add a summary", "Add dates to 2 work entries"), in the
 *   order of the weights table; empty when complete
 */
const char * const *
vitae_completion_get_missing (VitaeCompletion *self)
{
  g_return_val_if_fail (VITAE_IS_COMPLETION (self), NULL);
  return (const char * const *)self->missing->pdata;
}
