import {
  ESCORT_ROLES,
  SERVICE_TYPES,
  type ReintegrationStep,
  type ReintegrationView,
  type ReturnStep,
  type ReturnView,
} from '../api/node-api.types';

/** A value the user entered in a step's form. */
export type StepValue = string | boolean | string[];
export type StepValues = Record<string, StepValue>;

interface FieldBase {
  /** The field's key in the form and in the translations (`steps.field.<name>`). */
  readonly name: string;
  /** Where the value goes in the request body; `[name]` by default. */
  readonly path?: readonly string[];
}

/** One input of a step's form, as the step's contract (contracts/openapi/node-api.openapi.yaml) defines its body. */
export type StepField =
  | (FieldBase & { kind: 'choice'; options: readonly string[]; optionPrefix: string })
  | (FieldBase & { kind: 'select'; options: readonly string[]; optionPrefix: string; required: boolean })
  | (FieldBase & { kind: 'multi'; options: readonly string[]; optionPrefix: string })
  | (FieldBase & {
      kind: 'text';
      maxLength: number;
      required: boolean;
      /** Required only when another field holds one of these values (a negative finding needs a reason). */
      requiredWhen?: { field: string; values: readonly string[] };
    })
  | (FieldBase & { kind: 'datetime'; required: boolean })
  | (FieldBase & { kind: 'number'; min: number; max: number })
  | (FieldBase & { kind: 'checkbox' });

export interface StepForm {
  readonly fields: readonly StepField[];
  /** The step cannot be undone (the person's data are erased, or the case ends): the form says so. */
  readonly warning?: 'erasure' | 'final';
}

const reason = (required: boolean, requiredWhen?: { field: string; values: readonly string[] }): StepField => ({
  name: 'reason',
  kind: 'text',
  maxLength: 1000,
  required,
  ...(requiredWhen ? { requiredWhen } : {}),
});

const finding = (name: string, options: readonly [string, string]): StepField[] => [
  { name, kind: 'choice', options, optionPrefix: 'steps.option' },
  reason(false, { field: name, values: [options[1]] }),
];

const NONE: StepForm = { fields: [] };

export const RETURN_STEP_FORMS: Record<ReturnStep, StepForm> = {
  'verify-nationality': { fields: finding('outcome', ['confirmed', 'not-confirmed']) },
  'record-risk-assessment': { fields: finding('result', ['safe', 'not-safe']) },
  'appoint-guardian': NONE,
  'record-best-interests': { fields: finding('result', ['in-favour', 'against']) },
  'record-family-assessment': { fields: finding('result', ['suitable', 'unsuitable']) },
  'propose-reception-plan': NONE,
  'confirm-reception-plan': NONE,
  'reject-reception-plan': { fields: [reason(true)] },
  'issue-travel-documents': NONE,
  'schedule-travel': {
    fields: [
      { name: 'travelDate', kind: 'datetime', required: true },
      { name: 'route', kind: 'text', maxLength: 300, required: true },
      {
        name: 'escortRole',
        path: ['escort', 'role'],
        kind: 'select',
        options: ESCORT_ROLES,
        optionPrefix: 'escortRole',
        required: false,
      },
      { name: 'escortOrganisation', path: ['escort', 'organisation'], kind: 'text', maxLength: 200, required: false },
    ],
  },
  'record-departure': NONE,
  'record-no-show': { fields: [reason(false)] },
  'record-arrival': NONE,
  'hand-over': NONE,
  suspend: { fields: [reason(true)] },
  resume: NONE,
  'cancel-by-person': { fields: [reason(false)], warning: 'final' },
  'withdraw-consent': { fields: [], warning: 'erasure' },
};

export const REINTEGRATION_STEP_FORMS: Record<ReintegrationStep, StepForm> = {
  'agree-plan': {
    fields: [
      { name: 'supportTypes', kind: 'multi', options: SERVICE_TYPES, optionPrefix: 'service' },
      { name: 'plannedEndDate', kind: 'datetime', required: true },
    ],
  },
  'start-implementation': NONE,
  'start-monitoring': NONE,
  'report-follow-up': {
    fields: [
      { name: 'sequence', kind: 'number', min: 1, max: 1000 },
      {
        name: 'wellbeing',
        kind: 'choice',
        options: ['stable', 'improving', 'deteriorating'],
        optionPrefix: 'steps.option',
      },
      { name: 'signsOfRetrafficking', kind: 'checkbox' },
    ],
  },
  'resolve-risk-review': {
    fields: [
      { name: 'outcome', kind: 'choice', options: ['continue', 're-refer'], optionPrefix: 'steps.option' },
      reason(true),
    ],
  },
  close: {
    fields: [
      {
        name: 'closeReason',
        path: ['reason'],
        kind: 'select',
        options: ['support-ended', 'opted-out', 'moved', 'no-longer-eligible', 'died'],
        optionPrefix: 'steps.option',
        required: true,
      },
    ],
    warning: 'final',
  },
  're-refer': { fields: [reason(true)], warning: 'final' },
  'withdraw-consent': { fields: [], warning: 'erasure' },
};

/** The form's starting values: the first option of a choice, the next follow-up's number, nothing elsewhere. */
export function initialStepValues(form: StepForm, context: { followUpCount?: number } = {}): StepValues {
  const values: StepValues = {};
  for (const field of form.fields) {
    if (field.kind === 'choice') values[field.name] = field.options[0] ?? '';
    else if (field.kind === 'multi') values[field.name] = [];
    else if (field.kind === 'checkbox') values[field.name] = false;
    else if (field.kind === 'number') values[field.name] = String((context.followUpCount ?? 0) + 1);
    else values[field.name] = '';
  }
  return values;
}

/** Whether a text field must be filled given the other values (e.g. a reason for a negative finding). */
export function isRequired(field: StepField, values: StepValues): boolean {
  if (field.kind === 'text') {
    if (field.required) return true;
    const when = field.requiredWhen;
    return when ? when.values.includes(String(values[when.field] ?? '')) : false;
  }
  return field.kind === 'datetime' || field.kind === 'select' ? field.required : false;
}

function setPath(body: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = body;
  path.slice(0, -1).forEach((key) => {
    target[key] = (target[key] as Record<string, unknown> | undefined) ?? {};
    target = target[key] as Record<string, unknown>;
  });
  target[path[path.length - 1] as string] = value;
}

/**
 * The request body of a step from the form's values: empty texts are left out (the contract refuses an empty
 * string), times become ISO instants, numbers numbers; nested paths (the escort) are built only when filled.
 */
export function stepBody(form: StepForm, values: StepValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = values[field.name];
    const path = field.path ?? [field.name];
    if (field.kind === 'checkbox') setPath(body, path, value === true);
    else if (field.kind === 'multi') setPath(body, path, Array.isArray(value) ? value : []);
    else if (typeof value !== 'string' || value.trim() === '') continue;
    else if (field.kind === 'datetime') setPath(body, path, new Date(value).toISOString());
    else if (field.kind === 'number') setPath(body, path, Number(value));
    else setPath(body, path, value.trim());
  }
  // An escort without a role is no escort: the organisation alone is not a valid escort.
  const escort = body['escort'] as Record<string, unknown> | undefined;
  if (escort && !escort['role']) delete body['escort'];
  return body;
}

/** The form field a problem's JSON Pointer names (`/escort/role` -> escortRole), to show the error beside it. */
export function fieldOfPointer(form: StepForm, pointer: string): string | undefined {
  const path = pointer.split('/').filter(Boolean);
  const match = form.fields.find((field) => {
    const fieldPath = field.path ?? [field.name];
    return fieldPath.length <= path.length && fieldPath.every((key, index) => path[index] === key);
  });
  return match?.name;
}

export type ProtocolCaseView = ReturnView | ReintegrationView;
