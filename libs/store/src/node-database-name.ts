/** Each node keeps its cases in a database of its own; node-api and courier of one node find it by this name. */
export function nodeDatabaseName(network: string, country: string): string {
  return `enlace_${network}_${country.toLowerCase()}`.replace(/[^a-zA-Z0-9_]/g, '_');
}
