import { REINTEGRATION_COMMAND_TYPES } from '@enlace/protocols';
import { reintegrationStepsFor } from './reintegration-steps';

describe('reintegrationStepsFor', () => {
  const all = REINTEGRATION_COMMAND_TYPES;

  describe('given a reintegration that tells the sending country nothing', () => {
    it('should offer the work inside the country to case workers and the decisions to supervisors too', () => {
      expect(reintegrationStepsFor(all, ['case-worker'])).toEqual([
        'start-implementation',
        'start-monitoring',
        'report-follow-up',
        'withdraw-consent',
      ]);
      expect(reintegrationStepsFor(all, ['supervisor'])).toHaveLength(8);
      expect(reintegrationStepsFor(all, ['auditor'])).toEqual([]);
    });
  });

  describe('given a reintegration whose steps the person consented to tell the sending country', () => {
    it('should offer every step to a focal point only, who speaks across the border', () => {
      expect(reintegrationStepsFor(all, ['case-worker'], 'case.answer')).toEqual([]);
      expect(reintegrationStepsFor(all, ['supervisor'], 'case.answer')).toEqual([]);
      expect(reintegrationStepsFor(all, ['focal-point'], 'case.answer')).toHaveLength(8);
    });
  });
});
