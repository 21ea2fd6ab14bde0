/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae"

#include "config.h"

#include <epoxy/gl.h>
#include <gtk/gtk.h>
#include <string.h>

#include "vitae-gl-check.h"

/* GTK 4.8's GL renderer draws each frame with the GPU; where OpenGL is
 * Mesa's software rasteriser (no GPU driver: virtual machines, remote
 * sessions, some Flatpak set-ups) a frame of the editor with the preview's
 * two pages costs 100–150 ms there, against 8–16 ms with the cairo
 * renderer (tests/bench/bench-preview, Xvfb with llvmpipe). So when the GL
 * driver is a software one and nobody chose a renderer, Vitae asks GTK for
 * its cairo renderer. */

/**
 * vitae_gl_renderer_is_software:
 * @renderer: an OpenGL GL_RENDERER string
 *
 * Returns: %TRUE when @renderer names a software rasteriser
 */
gboolean
vitae_gl_renderer_is_software (const char *renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "swrast", "SWR", "Software Rasterizer", NULL };

  if (renderer == NULL)
    return FALSE;
  for (guint i = 0; software[i] != NULL; i++)
    if (strstr (renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * vitae_prefer_cairo_on_software_gl:
 *
 * Asks GTK for the cairo renderer (GSK_RENDERER) when the default display's
 * OpenGL is a software rasteriser and GSK_RENDERER is not set. Call it
 * before the first window is realised: GTK reads GSK_RENDERER once.
 *
 * Returns: %TRUE when it chose the cairo renderer
 */
gboolean
vitae_prefer_cairo_on_software_gl (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean software;

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      /* No OpenGL at all: GTK falls back to cairo by itself. */
      g_debug ("No OpenGL context: %s", error ? error->message : "");
      return FALSE;
    }
  gdk_gl_context_make_current (context);
  renderer = (const char *)glGetString (GL_RENDERER);
  software = vitae_gl_renderer_is_software (renderer);
  g_debug ("OpenGL renderer: %s", renderer ? renderer : "(unknown)");
  gdk_gl_context_clear_current ();

  if (software)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return software;
}
