import type { MonitorApi } from '@enlace/contracts';

// The monitor API's types, generated from contracts/openapi/monitor.openapi.yaml (type-only: nothing is bundled).
type Schemas = MonitorApi.components['schemas'];
export type Granularity = Schemas['Granularity'];
export type FlowReport = Schemas['FlowReport'];
export type CorridorFlow = Schemas['CorridorFlow'];
export type DelayReport = Schemas['DelayReport'];
export type CorridorDelays = Schemas['CorridorDelays'];
export type DelayStats = Schemas['DelayStats'];
export type OverdueAnswer = Schemas['OverdueAnswer'];
export type OverdueList = Schemas['OverdueList'];
export type DeadLetter = Schemas['DeadLetter'];
export type DeadLetterList = Schemas['DeadLetterList'];
export type RedriveReport = Schemas['RedriveReport'];
export type MonitorUser = Schemas['MonitorUser'];
export type NodeHealth = Schemas['NodeHealth'];
export type NodeHealthList = Schemas['NodeHealthList'];
export type RegionalStatisticsTable = Schemas['RegionalStatisticsTable'];
export type RegionalStatisticsRow = Schemas['RegionalStatisticsRow'];
