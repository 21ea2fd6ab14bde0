/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-resume.h"

G_BEGIN_DECLS

#define VITAE_JSON_RESUME_ERROR (vitae_json_resume_error_quark ())

typedef enum {
  VITAE_JSON_RESUME_ERROR_TOO_LARGE,
  VITAE_JSON_RESUME_ERROR_SYNTAX,
  VITAE_JSON_RESUME_ERROR_ENCODING,
  VITAE_JSON_RESUME_ERROR_TOO_DEEP,
  VITAE_JSON_RESUME_ERROR_TYPE,
  VITAE_JSON_RESUME_ERROR_IO,
} VitaeJsonResumeError;

/* The largest file accepted by an import, checked before it is read whole. */
#define VITAE_JSON_RESUME_MAX_SIZE (10 * 1024 * 1024)
#define VITAE_JSON_RESUME_MAX_DEPTH 64

GQuark       vitae_json_resume_error_quark (void);

/* Parse a JSON Resume document (UTF-8, BOM accepted) into a new, unsaved
 * resume. Errors name what is wrong and where: "work[2].startDate: expected a string". */
VitaeResume *vitae_json_resume_parse       (const char   *data,
                                            gsize         length,
                                            GError      **error);
VitaeResume *vitae_json_resume_load_file   (GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
/* Pretty-printed JSON Resume, unknown keys kept, Vitae settings under meta.vitae. */
char        *vitae_json_resume_to_string   (VitaeResume  *resume);
/* The same document as a tree, for callers that embed or inspect it. */
JsonObject  *vitae_json_resume_to_object   (VitaeResume  *resume);

G_END_DECLS
