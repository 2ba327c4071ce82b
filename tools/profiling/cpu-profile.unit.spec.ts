import { CpuProfile, CpuProfileNode, areaOf, busiestWindow, summarizeProfile } from './cpu-profile';

const PG = '/repo/node_modules/pg/lib/client.js';
const OWN = '/repo/dist/services/node-api/src/referrals/application/referrals.service.js';

function frame(id: number, functionName: string, url: string, children: number[] = []): CpuProfileNode {
  return { id, callFrame: { functionName, url, lineNumber: 9 }, children };
}

/**
 * root > create (our code) > query (pg) > writev (native); root > (idle). Samples every 1 ms: the first second
 * idle, then 3 ms in writev under pg, 1 ms in create itself, then idle again.
 */
function profile(): CpuProfile {
  const nodes = [
    frame(1, '(root)', '', [2, 5]),
    frame(2, 'create', OWN, [3]),
    frame(3, 'query', PG, [4]),
    frame(4, 'writev', ''),
    frame(5, '(idle)', ''),
  ];
  const samples = [5, 5, 5, 4, 4, 4, 2, 5, 5, 5];
  return { nodes, samples, timeDeltas: samples.map(() => 1_000), startTime: 0, endTime: 10_000 };
}

describe('areaOf', () => {
  it('should name a package frame by its library and our compiled code as ours', () => {
    expect(areaOf({ functionName: 'query', url: PG, lineNumber: 0 })).toBe('database (pg, Kysely)');
    expect(areaOf({ functionName: 'create', url: OWN, lineNumber: 0 })).toBe('enlace code');
    expect(areaOf({ functionName: 'verifyOneShot', url: 'node:internal/crypto/sig', lineNumber: 0 })).toBe(
      'crypto (node:crypto, jose)',
    );
  });
});

describe('summarizeProfile', () => {
  it('should count native time for the library that called it, and idle apart from busy', () => {
    const summary = summarizeProfile(profile());

    expect(summary.busyMs).toBe(4);
    expect(summary.idleMs).toBe(5);
    expect(summary.areas).toEqual([
      { name: 'database (pg, Kysely)', ms: 3 },
      { name: 'enlace code', ms: 1 },
    ]);
  });

  it('should rank functions by self time and by the time of everything they called', () => {
    const summary = summarizeProfile(profile());

    expect(summary.topSelf[0]).toEqual({ name: 'writev', ms: 3 });
    expect(summary.topInclusive[0]).toEqual({
      name: 'create dist/services/node-api/src/referrals/application/referrals.service.js:10',
      ms: 4,
    });
  });

  it('should read only the samples inside the window given', () => {
    expect(summarizeProfile(profile(), { from: 6_500, to: 10_000 }).busyMs).toBe(1);
  });
});

describe('busiestWindow', () => {
  it('should find the stretch in which the process was busy', () => {
    const window = busiestWindow(profile(), 0.003);

    expect(summarizeProfile(profile(), window).busyMs).toBe(4);
  });
});
