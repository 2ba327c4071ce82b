/**
 * Who the console offers the steps that speak across the border to, by the roles the token names (for display
 * only: the node decides, by ROLE_RIGHTS in libs/auth and its gateway agency, on every call). Only a focal point
 * sends and answers for the country: a new referral or return request is theirs; opening a reintegration is a
 * decision inside the country, for supervisors too.
 */
const BORDER_SPEAKERS: readonly string[] = ['focal-point'];
const REINTEGRATION_DECIDERS: readonly string[] = ['focal-point', 'supervisor'];

export const speaksAcrossBorder = (roles: readonly string[]): boolean =>
  roles.some((role) => BORDER_SPEAKERS.includes(role));

export const canOpenReintegration = (roles: readonly string[]): boolean =>
  roles.some((role) => REINTEGRATION_DECIDERS.includes(role));
