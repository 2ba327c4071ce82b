// Reading a V8 .cpuprofile (node --cpu-prof): where a process's time went, by area of the code and by function.

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  /** The node each sample hit, in order. */
  readonly samples: readonly number[];
  /** Microseconds from the previous sample (the first: from startTime). */
  readonly timeDeltas: readonly number[];
  /** Microseconds on the machine's monotonic clock, the same for every process: windows compare across profiles. */
  readonly startTime: number;
  readonly endTime: number;
}

/** Microseconds on the profiles' clock. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

export interface FunctionTime {
  readonly name: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly window: TimeWindow;
  /** Sampled time the thread was not idle in the event loop: CPU, plus time descheduled on a busy machine. */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly areas: readonly FunctionTime[];
  readonly topSelf: readonly FunctionTime[];
  readonly topInclusive: readonly FunctionTime[];
}

const LIBRARY_AREAS: ReadonlyArray<readonly [string, RegExp]> = [
  ['crypto (node:crypto, jose)', /\/node_modules\/jose\/|^node:crypto|^node:internal\/crypto\//],
  ['validation (ajv)', /\/node_modules\/(ajv|ajv-formats|fast-uri|fast-deep-equal)\//],
  ['database (pg, Kysely)', /\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-connection-string|kysely)\//],
  ['kafkajs', /\/node_modules\/kafkajs\//],
  [
    'http (NestJS, express, passport, JWT)',
    /\/node_modules\/(@nestjs|express|router|body-parser|passport|passport-jwt|passport-strategy|jsonwebtoken|jws|jwa|helmet|path-to-regexp|finalhandler|send|qs|raw-body|type-is|on-finished|rxjs|iterare)\//,
  ],
  ['logging (pino)', /\/node_modules\/(pino|pino-http|nestjs-pino|sonic-boom|fast-redact|pino-std-serializers)\//],
];
const OWN_CODE = 'enlace code';
/** Frames under which everything runs: they top every inclusive list and say nothing. */
const EVENT_LOOP = /^(\(root\)|\(program\)|runMicrotasks|processTicksAndRejections |listOnTimeout |processTimers )/;
const NODE_CORE = 'node core (net, streams, timers)';
const NATIVE = 'native builtins';

/** The area a frame belongs to by its own code, before any caller is considered. */
export function areaOf(frame: CpuProfileNode['callFrame']): string {
  const { functionName, url } = frame;
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'VM (program)';
  if (url === '' && (functionName === 'parse' || functionName === 'stringify')) return 'JSON';
  for (const [area, pattern] of LIBRARY_AREAS) if (pattern.test(url)) return area;
  if (url.includes('/node_modules/')) return 'other packages';
  if (/\/(dist|libs|services|apps)\//.test(url)) return OWN_CODE;
  if (url.startsWith('node:')) return NODE_CORE;
  return NATIVE;
}

function sampleTimes(profile: CpuProfile): number[] {
  let at = profile.startTime;
  return profile.timeDeltas.map((delta) => (at += delta));
}

function isIdle(node: CpuProfileNode | undefined): boolean {
  return node?.callFrame.functionName === '(idle)';
}

/** The window of the given length in which the process was busiest: the load, without start-up and shutdown. */
export function busiestWindow(profile: CpuProfile, seconds: number): TimeWindow {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = sampleTimes(profile);
  const length = seconds * 1e6;
  const busyFor = (i: number) => (isIdle(byId.get(profile.samples[i] as number)) ? 0 : durationOf(times, i));
  let best = { busy: -1, from: profile.startTime, to: profile.endTime };
  let busy = 0;
  for (let first = 0, i = 0; i < times.length; i++) {
    busy += busyFor(i);
    while ((times[i] as number) - (times[first] as number) > length) busy -= busyFor(first++);
    if (busy > best.busy) best = { busy, from: times[first] as number, to: times[i] as number };
  }
  return { from: best.from, to: best.to };
}

/** A sample lasts until the next one; the last one has no end and counts for nothing. */
function durationOf(times: readonly number[], i: number): number {
  return i + 1 < times.length ? (times[i + 1] as number) - (times[i] as number) : 0;
}

/** Time by area, and the heaviest functions by self and by inclusive time, within the window (all of it if none). */
export function summarizeProfile(profile: CpuProfile, window?: TimeWindow, top = 10): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const times = sampleTimes(profile);
  const from = window?.from ?? profile.startTime;
  const to = window?.to ?? profile.endTime;

  const selfByNode = new Map<number, number>();
  times.forEach((at, i) => {
    if (at < from || at > to) return;
    const id = profile.samples[i] as number;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + durationOf(times, i));
  });

  const ancestors = (id: number): CpuProfileNode[] => {
    const chain: CpuProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      chain.push(byId.get(at) as CpuProfileNode);
    return chain;
  };
  // Node core and native code count for the library that called them (a socket write under pg is the database's),
  // and for themselves when our own code or nothing called them.
  const effectiveArea = (id: number): string => {
    const [self, ...callers] = ancestors(id);
    const area = areaOf((self as CpuProfileNode).callFrame);
    if (area !== NODE_CORE && area !== NATIVE) return area;
    for (const caller of callers) {
      const callerArea = areaOf(caller.callFrame);
      if (callerArea === OWN_CODE) break;
      if (LIBRARY_AREAS.some(([name]) => name === callerArea)) return callerArea;
    }
    return area;
  };

  const areas = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfByNode) {
    const node = byId.get(id) as CpuProfileNode;
    if (isIdle(node)) {
      idle += us;
      continue;
    }
    busy += us;
    add(areas, effectiveArea(id), us);
    add(self, functionName(node), us);
    // A recursive function counts once per sample.
    for (const name of new Set(ancestors(id).map(functionName))) add(inclusive, name, us);
  }
  for (const name of inclusive.keys()) if (EVENT_LOOP.test(name)) inclusive.delete(name);
  return {
    window: { from, to },
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    areas: heaviest(areas, Infinity),
    topSelf: heaviest(self, top),
    topInclusive: heaviest(inclusive, top),
  };
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

function heaviest(totals: Map<string, number>, count: number): FunctionTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
}

/** A function as a reader finds it: its name, and its file from the package or the repository on. */
export function functionName(node: CpuProfileNode): string {
  const { functionName: name, url, lineNumber } = node.callFrame;
  if (url === '') return name || '(anonymous)';
  const path = url.replace(/^file:\/\//, '');
  const file = path.includes('/node_modules/')
    ? path.replace(/^.*\/node_modules\//, '')
    : path.replace(/^.*\/dist\//, 'dist/');
  return `${name || '(anonymous)'} ${file}:${lineNumber + 1}`;
}
