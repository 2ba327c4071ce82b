import {
  REINTEGRATION_STEP_FORMS,
  RETURN_STEP_FORMS,
  fieldOfPointer,
  initialStepValues,
  isRequired,
  stepBody,
} from './step-forms';

describe('step forms', () => {
  describe('stepBody', () => {
    it('should send a finding with its reason, and leave an empty reason out', () => {
      const form = RETURN_STEP_FORMS['verify-nationality'];
      expect(stepBody(form, { outcome: 'confirmed', reason: '  ' })).toEqual({ outcome: 'confirmed' });
      expect(stepBody(form, { outcome: 'not-confirmed', reason: ' No record ' })).toEqual({
        outcome: 'not-confirmed',
        reason: 'No record',
      });
    });

    it('should build the travel with an ISO date and an escort only when a role is chosen', () => {
      const form = RETURN_STEP_FORMS['schedule-travel'];
      const base = { travelDate: '2026-05-01T10:30', route: 'EZE-VVI' };
      expect(stepBody(form, { ...base, escortRole: '', escortOrganisation: 'SENAF' })).toEqual({
        travelDate: new Date('2026-05-01T10:30').toISOString(),
        route: 'EZE-VVI',
      });
      expect(stepBody(form, { ...base, escortRole: 'social-worker', escortOrganisation: 'SENAF' })).toMatchObject({
        escort: { role: 'social-worker', organisation: 'SENAF' },
      });
    });

    it('should send a follow-up with a number and a boolean', () => {
      const form = REINTEGRATION_STEP_FORMS['report-follow-up'];
      const values = initialStepValues(form, { followUpCount: 2 });
      expect(stepBody(form, values)).toEqual({ sequence: 3, wellbeing: 'stable', signsOfRetrafficking: false });
    });

    it('should send a closing reason under the name the contract gives it', () => {
      expect(stepBody(REINTEGRATION_STEP_FORMS.close, { closeReason: 'moved' })).toEqual({ reason: 'moved' });
    });

    it('should send an empty body for a step without data', () => {
      expect(stepBody(RETURN_STEP_FORMS['hand-over'], {})).toEqual({});
    });
  });

  describe('isRequired', () => {
    it('should ask for a reason only with a negative finding', () => {
      const [result, reason] = RETURN_STEP_FORMS['record-risk-assessment'].fields;
      expect(result && reason).toBeDefined();
      if (!reason) return;
      expect(isRequired(reason, { result: 'safe' })).toBe(false);
      expect(isRequired(reason, { result: 'not-safe' })).toBe(true);
    });
  });

  describe('fieldOfPointer', () => {
    it('should find the form field a problem names, nested or renamed', () => {
      expect(fieldOfPointer(RETURN_STEP_FORMS['schedule-travel'], '/escort/role')).toBe('escortRole');
      expect(fieldOfPointer(REINTEGRATION_STEP_FORMS.close, '/reason')).toBe('closeReason');
      expect(fieldOfPointer(RETURN_STEP_FORMS['hand-over'], '/reason')).toBeUndefined();
    });
  });
});
