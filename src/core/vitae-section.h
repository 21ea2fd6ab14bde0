/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VitaeFieldKind:
 * How a field's value is typed, validated, edited and rendered.
 */
typedef enum {
  VITAE_FIELD_TEXT,
  VITAE_FIELD_MULTILINE,
  VITAE_FIELD_DATE,
  VITAE_FIELD_URL,
  VITAE_FIELD_EMAIL,
  VITAE_FIELD_STRING_LIST,
} VitaeFieldKind;

typedef struct {
  /* JSON Resume key; a dot nests it in an object ("location.city"). */
  const char     *key;
  /* Translatable label, marked with N_(); translate with _() when shown. */
  const char     *title;
  VitaeFieldKind  kind;
} VitaeFieldInfo;

typedef enum {
  VITAE_SECTION_BASICS,
  VITAE_SECTION_PROFILES,
  VITAE_SECTION_WORK,
  VITAE_SECTION_VOLUNTEER,
  VITAE_SECTION_EDUCATION,
  VITAE_SECTION_AWARDS,
  VITAE_SECTION_CERTIFICATES,
  VITAE_SECTION_PUBLICATIONS,
  VITAE_SECTION_SKILLS,
  VITAE_SECTION_LANGUAGES,
  VITAE_SECTION_INTERESTS,
  VITAE_SECTION_REFERENCES,
  VITAE_SECTION_PROJECTS,
  VITAE_N_SECTIONS
} VitaeSectionId;

typedef struct {
  VitaeSectionId        id;
  /* The JSON Resume key of the array (or object, for basics). */
  const char           *key;
  /* Where it lives in a JSON Resume document: "basics", "basics.profiles", "work"… */
  const char           *json_path;
  const char           *title;         /* N_() marked */
  const char           *entry_noun;    /* N_() marked, for "Add Position" */
  /* TRUE for basics: exactly one entry, an object rather than an array. */
  gboolean              single;
  const VitaeFieldInfo *fields;
  guint                 n_fields;
  /* Fields that make the entry's one-line summary: primary, secondary. */
  const char           *title_field;
  const char           *subtitle_field;
  /* Date fields used for the "2019–present" range, or NULL. */
  const char           *start_field;
  const char           *end_field;
} VitaeSectionInfo;

const VitaeSectionInfo *vitae_section_get_info     (VitaeSectionId  id);
const VitaeSectionInfo *vitae_section_lookup       (const char     *key);
const VitaeFieldInfo   *vitae_section_lookup_field (const VitaeSectionInfo *info,
                                                    const char             *key);
gboolean                vitae_field_is_list        (const VitaeFieldInfo   *field);

gboolean                vitae_validate_date        (const char *value);
gboolean                vitae_validate_email       (const char *value);
gboolean                vitae_validate_url         (const char *value);
gboolean                vitae_field_validate       (const VitaeFieldInfo *field,
                                                    const char           *value);

G_END_DECLS
