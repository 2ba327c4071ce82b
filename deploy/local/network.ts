// CLI of the demo network:  tsx deploy/local/network.ts up|down   (npm run up / npm run down)
import { demoDown, demoUp, networkDescriptionFile } from './src/network/demo-network';

async function main(command: string | undefined): Promise<number> {
  if (command === 'up') {
    const started = Date.now();
    const description = await demoUp();
    console.log(
      `\nEnlace demo network "${description.network}" is up (${((Date.now() - started) / 1000).toFixed(0)} s).\n`,
    );
    for (const node of description.nodes) {
      console.log(
        `  ${node.country}  API ${node.apiUrl}/api/v1   Swagger UI ${node.docsUrl}   metrics ${node.metricsUrls.join(' ')}`,
      );
    }
    if (description.monitorUrl) {
      console.log(
        `  secretariat's monitor ${description.monitorUrl}/api/v1   Swagger UI ${description.monitorUrl}/docs`,
      );
    }
    if (description.consoleUrl) console.log(`\n  Web console  ${description.consoleUrl}`);
    console.log('\nDemo users (passwords are random per installation):');
    for (const user of description.users) {
      const where = user.country ?? '--';
      console.log(`  ${where}  ${user.username.padEnd(22)} ${user.password}  ${user.roles.join(', ')}`);
    }
    console.log(`\nAll of this is in ${networkDescriptionFile()}. Stop everything with: npm run down\n`);
    return 0;
  }
  if (command === 'down') {
    await demoDown();
    console.log('Enlace demo network stopped.');
    return 0;
  }
  console.error('usage: tsx deploy/local/network.ts up|down');
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`network: ${error.message}`);
    process.exit(1);
  },
);
