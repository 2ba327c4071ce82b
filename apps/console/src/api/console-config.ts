import { requestJson } from './http-client';

/** What the console server tells the application: the countries it reaches and whether a monitor exists. */
export interface ConsoleConfig {
  countries: string[];
  monitor: boolean;
}

export const loadConsoleConfig = (): Promise<ConsoleConfig> => requestJson<ConsoleConfig>('/console-config.json');
