import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadConsoleConfig, type ConsoleConfig } from '../api/console-config';
import { ProblemAlert } from './problem-alert';

const ConfigContext = createContext<ConsoleConfig | undefined>(undefined);

export function ConsoleConfigProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadConsoleConfig().then(setConfig, setError);
  }, []);
  if (error) return <ProblemAlert error={error} />;
  if (!config) return <p aria-busy="true">…</p>;
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConsoleConfig(): ConsoleConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConsoleConfig outside ConsoleConfigProvider');
  return config;
}
