/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-history"

#include "config.h"

#include "vitae-history.h"

/* Undo and redo for one open resume: field edits, and entries added,
 * removed and moved. Typing in one field within a moment is one step. */

#define COALESCE_USEC (G_USEC_PER_SEC * 2)
#define MAX_STEPS 500

typedef enum {
  STEP_SET_VALUE,
  STEP_INSERT,
  STEP_REMOVE,
  STEP_MOVE,
} StepKind;

typedef struct {
  StepKind    kind;
  VitaeEntry *entry;
  char       *key;
  GVariant   *before;
  GVariant   *after;
  guint       from;
  guint       to;
  gint64      time;
} Step;

struct _VitaeHistory
{
  GObject      parent_instance;

  VitaeResume *resume;
  GQueue       undo;
  GQueue       redo;
  gboolean     sealed;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeHistory, vitae_history, G_TYPE_OBJECT)

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->entry);
  g_clear_pointer (&step->key, g_free);
  g_clear_pointer (&step->before, g_variant_unref);
  g_clear_pointer (&step->after, g_variant_unref);
  g_free (step);
}

static void
notify_state (VitaeHistory *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != vitae_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != vitae_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push (VitaeHistory *self,
      Step         *step)
{
  gboolean could_undo = vitae_history_can_undo (self);
  gboolean could_redo = vitae_history_can_redo (self);

  g_queue_clear_full (&self->redo, step_free);
  g_queue_push_head (&self->undo, step);
  while (self->undo.length > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  self->sealed = FALSE;
  notify_state (self, could_undo, could_redo);
}

static void
apply (VitaeHistory *self,
       Step         *step,
       gboolean      forward)
{
  switch (step->kind)
    {
    case STEP_SET_VALUE:
      vitae_entry_set_value (step->entry, step->key, forward ? step->after : step->before);
      break;
    case STEP_INSERT:
    case STEP_REMOVE:
      if ((step->kind == STEP_INSERT) == forward)
        vitae_resume_insert_entry (self->resume, step->entry, step->from);
      else
        vitae_resume_remove_entry (self->resume, step->entry, NULL);
      break;
    case STEP_MOVE:
      vitae_resume_move_entry (self->resume, step->entry, forward ? step->to : step->from);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
vitae_history_finalize (GObject *object)
{
  VitaeHistory *self = (VitaeHistory *)object;

  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_clear_object (&self->resume);

  G_OBJECT_CLASS (vitae_history_parent_class)->finalize (object);
}

static void
vitae_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VitaeHistory *self = VITAE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vitae_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, vitae_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_history_class_init (VitaeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_history_finalize;
  object_class->get_property = vitae_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_history_init (VitaeHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

VitaeHistory *
vitae_history_new (VitaeResume *resume)
{
  VitaeHistory *self;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  self = g_object_new (VITAE_TYPE_HISTORY, NULL);
  self->resume = g_object_ref (resume);
  return self;
}

gboolean
vitae_history_can_undo (VitaeHistory *self)
{
  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);
  return self->undo.length > 0;
}

gboolean
vitae_history_can_redo (VitaeHistory *self)
{
  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);
  return self->redo.length > 0;
}

/**
 * vitae_history_seal:
 *
 * Ends the current step: the next keystroke starts a new one (focus left
 * the field, say).
 */
void
vitae_history_seal (VitaeHistory *self)
{
  g_return_if_fail (VITAE_IS_HISTORY (self));
  self->sealed = TRUE;
}

gboolean
vitae_history_undo (VitaeHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);

  could_undo = vitae_history_can_undo (self);
  could_redo = vitae_history_can_redo (self);
  step = g_queue_pop_head (&self->undo);
  if (step == NULL)
    return FALSE;
  apply (self, step, FALSE);
  g_queue_push_head (&self->redo, step);
  self->sealed = TRUE;
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
vitae_history_redo (VitaeHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);

  could_undo = vitae_history_can_undo (self);
  could_redo = vitae_history_can_redo (self);
  step = g_queue_pop_head (&self->redo);
  if (step == NULL)
    return FALSE;
  apply (self, step, TRUE);
  g_queue_push_head (&self->undo, step);
  self->sealed = TRUE;
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

static void
set_value (VitaeHistory *self,
           VitaeEntry   *entry,
           const char   *key,
           GVariant     *value)
{
  g_autoptr(GVariant) before = vitae_entry_dup_value (entry, key);
  g_autoptr(GVariant) after = NULL;
  Step *top = g_queue_peek_head (&self->undo);
  gint64 now = g_get_monotonic_time ();

  if (value != NULL)
    g_variant_ref_sink (value);
  vitae_entry_set_value (entry, key, value);
  after = vitae_entry_dup_value (entry, key);
  g_clear_pointer (&value, g_variant_unref);

  if (before == after || (before && after && g_variant_equal (before, after)))
    return;

  if (!self->sealed && top != NULL && top->kind == STEP_SET_VALUE && top->entry == entry &&
      g_str_equal (top->key, key) && now - top->time < COALESCE_USEC && self->redo.length == 0)
    {
      g_clear_pointer (&top->after, g_variant_unref);
      top->after = g_steal_pointer (&after);
      top->time = now;
      return;
    }

  top = g_new0 (Step, 1);
  top->kind = STEP_SET_VALUE;
  top->entry = g_object_ref (entry);
  top->key = g_strdup (key);
  top->before = g_steal_pointer (&before);
  top->after = g_steal_pointer (&after);
  top->time = now;
  push (self, top);
}

void
vitae_history_set_text (VitaeHistory *self,
                        VitaeEntry   *entry,
                        const char   *key,
                        const char   *value)
{
  g_return_if_fail (VITAE_IS_HISTORY (self));
  g_return_if_fail (VITAE_IS_ENTRY (entry));
  g_return_if_fail (key != NULL);

  set_value (self, entry, key, value && *value ? g_variant_new_string (value) : NULL);
}

void
vitae_history_set_list (VitaeHistory       *self,
                        VitaeEntry         *entry,
                        const char         *key,
                        const char * const *values)
{
  g_return_if_fail (VITAE_IS_HISTORY (self));
  g_return_if_fail (VITAE_IS_ENTRY (entry));
  g_return_if_fail (key != NULL);

  set_value (self, entry, key, values && values[0] ? g_variant_new_strv (values, -1) : NULL);
}

void
vitae_history_insert_entry (VitaeHistory *self,
                            VitaeEntry   *entry,
                            guint         position)
{
  GListModel *model;
  Step *step;

  g_return_if_fail (VITAE_IS_HISTORY (self));
  g_return_if_fail (VITAE_IS_ENTRY (entry));

  model = vitae_resume_get_entries (self->resume, vitae_entry_get_section (entry));
  position = MIN (position, g_list_model_get_n_items (model));
  vitae_resume_insert_entry (self->resume, entry, position);

  step = g_new0 (Step, 1);
  step->kind = STEP_INSERT;
  step->entry = g_object_ref (entry);
  step->from = position;
  push (self, step);
  self->sealed = TRUE;
}

/**
 * vitae_history_add_entry:
 *
 * Returns: (transfer none): a new empty entry at the end of @section
 */
VitaeEntry *
vitae_history_add_entry (VitaeHistory   *self,
                         VitaeSectionId  section)
{
  g_autoptr(VitaeEntry) entry = NULL;

  g_return_val_if_fail (VITAE_IS_HISTORY (self), NULL);

  entry = vitae_entry_new (section);
  vitae_history_insert_entry (self, entry, G_MAXUINT);
  return entry;
}

gboolean
vitae_history_remove_entry (VitaeHistory *self,
                            VitaeEntry   *entry)
{
  Step *step;
  guint position;

  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (VITAE_IS_ENTRY (entry), FALSE);

  g_object_ref (entry);
  if (!vitae_resume_remove_entry (self->resume, entry, &position))
    {
      g_object_unref (entry);
      return FALSE;
    }

  step = g_new0 (Step, 1);
  step->kind = STEP_REMOVE;
  step->entry = entry;
  step->from = position;
  push (self, step);
  self->sealed = TRUE;
  return TRUE;
}

gboolean
vitae_history_move_entry (VitaeHistory *self,
                          VitaeEntry   *entry,
                          guint         position)
{
  GListModel *model;
  Step *step;
  guint from;

  g_return_val_if_fail (VITAE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (VITAE_IS_ENTRY (entry), FALSE);

  model = vitae_resume_get_entries (self->resume, vitae_entry_get_section (entry));
  if (!g_list_store_find (G_LIST_STORE (model), entry, &from))
    return FALSE;
  if (!vitae_resume_move_entry (self->resume, entry, position))
    return FALSE;

  step = g_new0 (Step, 1);
  step->kind = STEP_MOVE;
  step->entry = g_object_ref (entry);
  step->from = from;
  g_list_store_find (G_LIST_STORE (model), entry, &step->to);
  push (self, step);
  self->sealed = TRUE;
  return TRUE;
}
