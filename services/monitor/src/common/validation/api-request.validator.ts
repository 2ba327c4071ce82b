import { MonitorApiRequestValidator } from '@enlace/contracts';

/** The requests' validator of the monitor's contract (contracts/openapi/monitor.openapi.yaml), compiled once for the process: every pipe shares it. */
export const apiRequestValidator = new MonitorApiRequestValidator();
