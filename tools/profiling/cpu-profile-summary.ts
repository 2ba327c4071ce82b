// Where a process's time went, from the profiles node --cpu-prof writes (see ENLACE_CPU_PROF_DIR in
// deploy/local/src/network/node-processes.ts):
//   npx tsx tools/profiling/cpu-profile-summary.ts <profile or folder>... [--busiest=<seconds>] [--last=<seconds>] [--per=<count>] [--top=<n>]
// --busiest takes the window of that many seconds in which the first profile was busiest (the load, e.g. the
// sending node's API during a bench) and reads every profile over that same window; --per divides the busy time
// by a count (the referrals of the run) to give milliseconds per referral. --last takes the last that many seconds of
// the first profile instead (a steady load, its start-up left out).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CpuProfile, FunctionTime, TimeWindow, busiestWindow, summarizeProfile } from './cpu-profile';

function profileFiles(given: string): string[] {
  if (!fs.statSync(given).isDirectory()) return [given];
  return fs
    .readdirSync(given, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .map((name) => path.join(given, name));
}

function option(name: string): number | undefined {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return given === undefined ? undefined : Number(given.slice(name.length + 3));
}

function main(): void {
  const files = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('--'))
    .flatMap(profileFiles);
  if (files.length === 0) throw new Error('name one or more .cpuprofile files or folders');
  const seconds = option('busiest');
  const per = option('per');
  const top = option('top') ?? 10;
  const profiles = files.map((file) => ({ file, profile: JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile }));
  const last = option('last');
  const first = (profiles[0] as (typeof profiles)[0]).profile;
  const window: TimeWindow | undefined =
    last !== undefined
      ? { from: first.endTime - last * 1e6, to: first.endTime }
      : seconds === undefined
        ? undefined
        : busiestWindow(first, seconds);

  for (const { file, profile } of profiles) {
    const summary = summarizeProfile(profile, window, top);
    const share = (ms: number) =>
      `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(7)} ms`;
    const list = (title: string, rows: readonly FunctionTime[]) =>
      [`  ${title}`, ...rows.map((row) => `    ${share(row.ms)}  ${row.name}`)].join('\n');
    const seconds = (summary.window.to - summary.window.from) / 1e6;
    console.log(
      [
        file,
        `  window ${seconds.toFixed(1)} s: busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms` +
          (per ? `, busy per item ${(summary.busyMs / per).toFixed(2)} ms` : ''),
        list('by area', summary.areas),
        list('by self time', summary.topSelf),
        list('by inclusive time', summary.topInclusive),
        '',
      ].join('\n'),
    );
  }
}

main();
