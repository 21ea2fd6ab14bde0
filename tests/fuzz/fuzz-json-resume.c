/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vitae-json-resume.h"

/* libFuzzer target for the JSON Resume importer. Besides crashes and
 * sanitizer reports it checks two properties: a refusal is always a
 * VITAE_JSON_RESUME_ERROR, and whatever imports exports to a document that
 * imports again and exports to the very same text. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical or warning is a bug here, as under G_DEBUG=fatal-warnings.
 * abort() rather than GLib's breakpoint trap, which libFuzzer does not
 * catch: it saves the input as a crash-* artifact. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeResume) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  resume = vitae_json_resume_parse ((const char *)data, size, &error);
  if (resume == NULL)
    {
      if (error == NULL || error->domain != VITAE_JSON_RESUME_ERROR || error->message == NULL)
        abort ();
      return 0;
    }
  if (error != NULL)
    abort ();

  text = vitae_json_resume_to_string (resume);
  again = vitae_json_resume_parse (text, strlen (text), &error);
  if (again == NULL)
    {
      g_printerr ("export does not import again: %s\n%s\n", error->message, text);
      abort ();
    }
  text_again = vitae_json_resume_to_string (again);
  if (strcmp (text, text_again) != 0)
    {
      g_printerr ("export is not stable:\n%s\n---\n%s\n", text, text_again);
      abort ();
    }
  return 0;
}
