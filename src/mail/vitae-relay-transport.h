/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-mail-transport.h"

G_BEGIN_DECLS

#define VITAE_TYPE_RELAY_TRANSPORT (vitae_relay_transport_get_type ())
G_DECLARE_FINAL_TYPE (VitaeRelayTransport, vitae_relay_transport, VITAE, RELAY_TRANSPORT, GObject)

VitaeRelayTransport *vitae_relay_transport_new       (const char  *base_url,
                                                      const char  *api_key,
                                                      const char  *ca_file,
                                                      guint        timeout_seconds);
gboolean             vitae_relay_url_check           (const char  *base_url,
                                                      GError     **error);

G_END_DECLS
