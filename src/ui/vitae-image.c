/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "vitae-image.h"

/**
 * vitae_image_load_scaled:
 * @max_size: the longest side in pixels, at most
 * @format: "png" or "jpeg"
 *
 * Loads a picture the user chose (an avatar, a resume photo), scaled down and
 * re-encoded, so that what is stored is small and known to decode. A file
 * that is not a picture is refused with a message that says so.
 *
 * Returns: (transfer full): the encoded image, or %NULL with @error set
 */
GBytes *
vitae_image_load_scaled (GFile       *file,
                         int          max_size,
                         const char  *format,
                         GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size > 0, NULL);

  path = g_file_get_path (file);
  display = g_file_get_parse_name (file);
  if (path != NULL)
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, max_size, max_size, TRUE, NULL);
  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a picture Vitae can read. Choose a PNG, JPEG or another image file."),
                   display);
      return NULL;
    }

  flat = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (g_str_equal (format, "jpeg"))
    {
      /* JPEG has no alpha: put the picture on white. */
      if (gdk_pixbuf_get_has_alpha (flat))
        {
          g_autoptr(GdkPixbuf) opaque = gdk_pixbuf_composite_color_simple (flat,
                                                                            gdk_pixbuf_get_width (flat),
                                                                            gdk_pixbuf_get_height (flat),
                                                                            GDK_INTERP_BILINEAR, 255, 8,
                                                                            0xffffffff, 0xffffffff);
          g_set_object (&flat, opaque);
        }
      if (!gdk_pixbuf_save_to_buffer (flat, &data, &size, "jpeg", error, "quality", "88", NULL))
        return NULL;
    }
  else if (!gdk_pixbuf_save_to_buffer (flat, &data, &size, format, error, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&data), size);
}
