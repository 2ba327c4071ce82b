import { developmentIssuerProblems } from './development-issuer.rules';

const whose = { tokens: "the monitor's", provider: "the secretariat's" };

describe(developmentIssuerProblems, () => {
  it('should name the missing provider, the users file and the secret, each once', () => {
    expect(developmentIssuerProblems({ ENLACE_USERS_FILE: '/u.json', ENLACE_JWT_SECRET: 'x' }, whose)).toEqual([
      {
        setting: 'ENLACE_OIDC_ISSUER',
        problem: expect.stringContaining(
          "would sign the monitor's tokens; production takes the tokens of the secretariat's",
        ),
      },
      { setting: 'ENLACE_USERS_FILE', problem: expect.stringContaining('users and passwords') },
      { setting: 'ENLACE_JWT_SECRET', problem: expect.stringContaining('no place in production') },
    ]);
  });

  it('should find nothing with a provider and without the development issuer’s settings', () => {
    expect(developmentIssuerProblems({ ENLACE_OIDC_ISSUER: 'https://idp.example' }, whose)).toEqual([]);
  });

  it('should still name the development issuer’s settings beside a provider', () => {
    const problems = developmentIssuerProblems(
      { ENLACE_OIDC_ISSUER: 'https://idp.example', ENLACE_JWT_SECRET: 'x' },
      whose,
    );

    expect(problems.map(({ setting }) => setting)).toEqual(['ENLACE_JWT_SECRET']);
  });
});
