import { fieldRuleOf } from './field-rule';

describe('fieldRuleOf', () => {
  it.each([
    ['is required', { rule: 'required' }],
    ['is not allowed', { rule: 'notAllowed' }],
    ['must NOT have fewer than 1 items', { rule: 'fewerItems', limit: 1 }],
    ['must NOT have more than 20 items', { rule: 'moreItems', limit: 20 }],
    ['must NOT have fewer than 2 characters', { rule: 'shorter', limit: 2 }],
    ['must NOT have more than 200 characters', { rule: 'longer', limit: 200 }],
    ['must be equal to one of the allowed values', { rule: 'notAllowedValue' }],
    ['must match format "date"', { rule: 'format' }],
    ['must match pattern "^[A-Z]{2}$"', { rule: 'pattern' }],
    ['must be string', { rule: 'type' }],
    ['must be >= 0', { rule: 'minimum', limit: 0 }],
    ['must be <= 120', { rule: 'maximum', limit: 120 }],
    ['must not be a date in the future', { rule: 'future' }],
  ])('should read "%s" as its rule', (message, expected) => {
    expect(fieldRuleOf(message)).toEqual(expected);
  });

  it('should not guess the rule of a message of another form', () => {
    expect(fieldRuleOf('must be after createdFrom')).toBeUndefined();
  });
});
