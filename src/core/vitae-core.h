/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-analytics.h"
#include "vitae-completion.h"
#include "vitae-entry.h"
#include "vitae-autosave.h"
#include "vitae-backup.h"
#include "vitae-event.h"
#include "vitae-history.h"
#include "vitae-resume.h"
#include "vitae-search.h"
#include "vitae-section.h"
#include "vitae-store.h"
#include "vitae-user.h"
#include "vitae-versions.h"
