/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-mail-config.h"
#include "vitae-mail-error.h"
#include "vitae-mail-message.h"
#include "vitae-mail-secret.h"
#include "vitae-mail-transport.h"
#include "vitae-mailer.h"
#include "vitae-relay-transport.h"
#include "vitae-smtp-transport.h"
