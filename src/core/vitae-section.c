/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vitae-section.h"

/* The one description of a resume's structure: the JSON Resume schema 1.0.0.
 * The store, editor, JSON codec, renderer, completion and search all read it. */

#define T VITAE_FIELD_TEXT
#define M VITAE_FIELD_MULTILINE
#define D VITAE_FIELD_DATE
#define U VITAE_FIELD_URL
#define E VITAE_FIELD_EMAIL
#define L VITAE_FIELD_STRING_LIST

static const VitaeFieldInfo basics_fields[] = {
  { "name",                 N_("Full Name"),    T },
  { "label",                N_("Headline"),     T },
  { "email",                N_("Email"),        E },
  { "phone",                N_("Phone"),        T },
  { "url",                  N_("Website"),      U },
  { "summary",              N_("Summary"),      M },
  { "location.address",     N_("Address"),      T },
  { "location.postalCode",  N_("Postal Code"),  T },
  { "location.city",        N_("City"),         T },
  { "location.region",      N_("Region"),       T },
  { "location.countryCode", N_("Country Code"), T },
  { "image",                N_("Photo URL"),    U },
};

static const VitaeFieldInfo profile_fields[] = {
  { "network",  N_("Network"),  T },
  { "username", N_("Username"), T },
  { "url",      N_("URL"),      U },
};

static const VitaeFieldInfo work_fields[] = {
  { "position",    N_("Position"),     T },
  { "name",        N_("Company"),      T },
  { "location",    N_("Location"),     T },
  { "url",         N_("Website"),      U },
  { "startDate",   N_("Start Date"),   D },
  { "endDate",     N_("End Date"),     D },
  { "description", N_("Description"),  T },
  { "summary",     N_("Summary"),      M },
  { "highlights",  N_("Highlights"),   L },
};

static const VitaeFieldInfo volunteer_fields[] = {
  { "position",     N_("Position"),     T },
  { "organization", N_("Organization"), T },
  { "url",          N_("Website"),      U },
  { "startDate",    N_("Start Date"),   D },
  { "endDate",      N_("End Date"),     D },
  { "summary",      N_("Summary"),      M },
  { "highlights",   N_("Highlights"),   L },
};

static const VitaeFieldInfo education_fields[] = {
  { "institution", N_("Institution"),  T },
  { "area",        N_("Area of Study"), T },
  { "studyType",   N_("Degree"),       T },
  { "url",         N_("Website"),      U },
  { "startDate",   N_("Start Date"),   D },
  { "endDate",     N_("End Date"),     D },
  { "score",       N_("Grade"),        T },
  { "courses",     N_("Courses"),      L },
};

static const VitaeFieldInfo award_fields[] = {
  { "title",   N_("Title"),   T },
  { "awarder", N_("Awarder"), T },
  { "date",    N_("Date"),    D },
  { "summary", N_("Summary"), M },
};

static const VitaeFieldInfo certificate_fields[] = {
  { "name",   N_("Name"),   T },
  { "issuer", N_("Issuer"), T },
  { "date",   N_("Date"),   D },
  { "url",    N_("URL"),    U },
};

static const VitaeFieldInfo publication_fields[] = {
  { "name",        N_("Title"),        T },
  { "publisher",   N_("Publisher"),    T },
  { "releaseDate", N_("Release Date"), D },
  { "url",         N_("URL"),          U },
  { "summary",     N_("Summary"),      M },
};

static const VitaeFieldInfo skill_fields[] = {
  { "name",     N_("Skill"),    T },
  { "level",    N_("Level"),    T },
  { "keywords", N_("Keywords"), L },
};

static const VitaeFieldInfo language_fields[] = {
  { "language", N_("Language"), T },
  { "fluency",  N_("Fluency"),  T },
};

static const VitaeFieldInfo interest_fields[] = {
  { "name",     N_("Interest"), T },
  { "keywords", N_("Keywords"), L },
};

static const VitaeFieldInfo reference_fields[] = {
  { "name",      N_("Name"),      T },
  { "reference", N_("Reference"), M },
};

static const VitaeFieldInfo project_fields[] = {
  { "name",        N_("Name"),         T },
  { "entity",      N_("Organization"), T },
  { "type",        N_("Type"),         T },
  { "url",         N_("URL"),          U },
  { "startDate",   N_("Start Date"),   D },
  { "endDate",     N_("End Date"),     D },
  { "description", N_("Description"),  M },
  { "highlights",  N_("Highlights"),   L },
  { "keywords",    N_("Keywords"),     L },
  { "roles",       N_("Roles"),        L },
};

#undef T
#undef M
#undef D
#undef U
#undef E
#undef L

#define FIELDS(a) a, G_N_ELEMENTS (a)

static const VitaeSectionInfo sections[VITAE_N_SECTIONS] = {
  { VITAE_SECTION_BASICS, "basics", "basics", N_("Personal Details"), N_("Details"),
    TRUE, FIELDS (basics_fields), "name", "label", NULL, NULL },
  { VITAE_SECTION_PROFILES, "profiles", "basics.profiles", N_("Profiles"), N_("Profile"),
    FALSE, FIELDS (profile_fields), "network", "username", NULL, NULL },
  { VITAE_SECTION_WORK, "work", "work", N_("Work"), N_("Position"),
    FALSE, FIELDS (work_fields), "position", "name", "startDate", "endDate" },
  { VITAE_SECTION_VOLUNTEER, "volunteer", "volunteer", N_("Volunteering"), N_("Role"),
    FALSE, FIELDS (volunteer_fields), "position", "organization", "startDate", "endDate" },
  { VITAE_SECTION_EDUCATION, "education", "education", N_("Education"), N_("School"),
    FALSE, FIELDS (education_fields), "studyType", "institution", "startDate", "endDate" },
  { VITAE_SECTION_AWARDS, "awards", "awards", N_("Awards"), N_("Award"),
    FALSE, FIELDS (award_fields), "title", "awarder", "date", NULL },
  { VITAE_SECTION_CERTIFICATES, "certificates", "certificates", N_("Certificates"), N_("Certificate"),
    FALSE, FIELDS (certificate_fields), "name", "issuer", "date", NULL },
  { VITAE_SECTION_PUBLICATIONS, "publications", "publications", N_("Publications"), N_("Publication"),
    FALSE, FIELDS (publication_fields), "name", "publisher", "releaseDate", NULL },
  { VITAE_SECTION_SKILLS, "skills", "skills", N_("Skills"), N_("Skill"),
    FALSE, FIELDS (skill_fields), "name", "level", NULL, NULL },
  { VITAE_SECTION_LANGUAGES, "languages", "languages", N_("Languages"), N_("Language"),
    FALSE, FIELDS (language_fields), "language", "fluency", NULL, NULL },
  { VITAE_SECTION_INTERESTS, "interests", "interests", N_("Interests"), N_("Interest"),
    FALSE, FIELDS (interest_fields), "name", NULL, NULL, NULL },
  { VITAE_SECTION_REFERENCES, "references", "references", N_("References"), N_("Reference"),
    FALSE, FIELDS (reference_fields), "name", NULL, NULL, NULL },
  { VITAE_SECTION_PROJECTS, "projects", "projects", N_("Projects"), N_("Project"),
    FALSE, FIELDS (project_fields), "name", "entity", "startDate", "endDate" },
};

const VitaeSectionInfo *
vitae_section_get_info (VitaeSectionId id)
{
  g_return_val_if_fail (id < VITAE_N_SECTIONS, NULL);

  return &sections[id];
}

const VitaeSectionInfo *
vitae_section_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < VITAE_N_SECTIONS; i++)
    if (strcmp (sections[i].key, key) == 0)
      return &sections[i];

  return NULL;
}

const VitaeFieldInfo *
vitae_section_lookup_field (const VitaeSectionInfo *info,
                            const char             *key)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (info->fields[i].key, key) == 0)
      return &info->fields[i];

  return NULL;
}

gboolean
vitae_field_is_list (const VitaeFieldInfo *field)
{
  return field != NULL && field->kind == VITAE_FIELD_STRING_LIST;
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* JSON Resume's iso8601 subset: YYYY, YYYY-MM or YYYY-MM-DD. */
gboolean
vitae_validate_date (const char *value)
{
  gsize len;
  int month, day;

  if (value == NULL || *value == '\0')
    return TRUE;

  len = strlen (value);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!all_digits (value, 4))
    return FALSE;
  if (len == 4)
    return TRUE;
  if (value[4] != '-' || !all_digits (value + 5, 2))
    return FALSE;
  month = (value[5] - '0') * 10 + (value[6] - '0');
  if (month < 1 || month > 12)
    return FALSE;
  if (len == 7)
    return TRUE;
  if (value[7] != '-' || !all_digits (value + 8, 2))
    return FALSE;
  day = (value[8] - '0') * 10 + (value[9] - '0');
  return g_date_valid_dmy (day, month, atoi (value)) ;
}

gboolean
vitae_validate_email (const char *value)
{
  const char *at;

  if (value == NULL || *value == '\0')
    return TRUE;

  at = strchr (value, '@');
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (value, ' ') != NULL)
    return FALSE;
  /* A domain needs a dot that is neither first nor last. */
  at++;
  return strchr (at, '.') != NULL && at[0] != '.' && value[strlen (value) - 1] != '.';
}

gboolean
vitae_validate_url (const char *value)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (value == NULL || *value == '\0')
    return TRUE;

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 &&
      g_ascii_strcasecmp (scheme, "https") != 0 &&
      g_ascii_strcasecmp (scheme, "mailto") != 0)
    return FALSE;
  if (g_ascii_strcasecmp (scheme, "mailto") != 0 &&
      (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'))
    return FALSE;
  return TRUE;
}

gboolean
vitae_field_validate (const VitaeFieldInfo *field,
                      const char           *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  switch (field->kind)
    {
    case VITAE_FIELD_DATE:
      return vitae_validate_date (value);
    case VITAE_FIELD_EMAIL:
      return vitae_validate_email (value);
    case VITAE_FIELD_URL:
      return vitae_validate_url (value);
    case VITAE_FIELD_TEXT:
    case VITAE_FIELD_MULTILINE:
    case VITAE_FIELD_STRING_LIST:
    default:
      return TRUE;
    }
}
