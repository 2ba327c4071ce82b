export * from './seed-stories';
export * from './story-schedule';
export * from './story-player';
export * from './traffic-run';
export * from './demo-traffic';
