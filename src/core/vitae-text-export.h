/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-resume.h"

G_BEGIN_DECLS

typedef enum {
  /* Plain text for the "paste your resume" box of job application forms. */
  VITAE_TEXT_FORMAT_PLAIN,
  /* Markdown, for the body of an email. */
  VITAE_TEXT_FORMAT_MARKDOWN,
} VitaeTextFormat;

/* The resume as text: sections in the resume's order, hidden and empty
 * sections left out, the user's own headings used. Ends with a newline. */
char *vitae_text_export          (VitaeResume     *resume,
                                  VitaeTextFormat  format);
char *vitae_text_export_plain    (VitaeResume     *resume);
char *vitae_text_export_markdown (VitaeResume     *resume);

G_END_DECLS
