/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-store-private.h"

G_BEGIN_DECLS

/* What the store keeps beside each resume so that search and the dashboard
 * never read every entry: a row of the FTS5 table `resume_search` and a row
 * of `resume_summaries` (completion and candidate name). Every path that writes a resume's content calls
 * vitae_store_index_resume() inside its transaction; triggers (migration v5)
 * keep the search row's title in step and delete both with the resume. */

/* Separates the values of the `content` and `fields` search columns: a
 * control character, which the unicode61 tokenizer never makes a token of. */
#define VITAE_SEARCH_SEPARATOR '\x1e'

/* The search document of the resumes that @where selects (SQL over `r`, a
 * row of resumes; ?1 may be bound): title, the candidate's name, every other
 * text value (basics, then entries), and in `fields` each value's
 * "section.field" key in the same order. The values go through one JSON
 * array so that both columns list them in the same order.
 * Migration v5 fills the table with it; changing it needs a migration step
 * that rebuilds the table. */
#define VITAE_SEARCH_DOCUMENT_SQL(where)                                                           \
  "INSERT INTO resume_search (rowid, title, name, content, fields)"                                \
  " SELECT d.id, d.title, d.name,"                                                                 \
  "  coalesce ((SELECT group_concat (replace (p.value ->> 1, char (30), ' '), char (30))"          \
  "             FROM json_each (d.parts) p), ''),"                                                 \
  "  coalesce ((SELECT group_concat (p.value ->> 0, char (30)) FROM json_each (d.parts) p), '')"   \
  " FROM (SELECT r.id AS id, r.title AS title,"                                                    \
  "              coalesce (json_extract (r.basics, '$.name'), '') AS name,"                        \
  "              (SELECT json_group_array (json_array (v.k, v.v)) FROM ("                          \
  "                 SELECT 'basics.' || iif (j.path = '$', j.key, trim (substr (j.path, 3), '\"')) AS k," \
  "                        j.value AS v"                                                           \
  "                   FROM json_tree (r.basics) j"                                                 \
  "                  WHERE j.type = 'text' AND j.fullkey != '$.name'"                              \
  "                 UNION ALL"                                                                     \
  "                 SELECT e.section || '.' || iif (j.path = '$', j.key, trim (substr (j.path, 3), '\"')),"   \
  "                        j.value"                                                                \
  "                   FROM entries e, json_tree (e.fields) j"                                      \
  "                  WHERE e.resume_id = r.id AND j.type = 'text') v) AS parts"                     \
  "         FROM resumes r WHERE " where ") d"

gboolean      vitae_store_index_resume    (VitaeStore   *self,
                                           VitaeResume  *resume,
                                           GError      **error);
gboolean      vitae_store_save_summary    (VitaeStore   *self,
                                           VitaeResume  *resume,
                                           GError      **error);

G_END_DECLS
