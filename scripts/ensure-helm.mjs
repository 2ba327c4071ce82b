// Makes sure the chart's checks have Helm: when .enlace/tools/helm-<version>/helm (or $ENLACE_HELM) is missing,
// builds it with `go install` from the Go module proxy (no download site is needed; Go's own module and build
// caches make later runs fast). Plain Node, like ensure-chromium.mjs, so that `npm test` works on a fresh machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// The Helm the checks are written against (package.json's config.helmVersion, which the checks read too).
const HELM_VERSION = JSON.parse(readFileSync('package.json', 'utf8')).config.helmVersion;
const helm = process.env.ENLACE_HELM || resolve(`.enlace/tools/helm-${HELM_VERSION}/helm`);

if (!existsSync(helm)) {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    console.error(`${helm} is missing and Go is not installed: install Go (1.24 or newer), or set ENLACE_HELM.`);
    process.exit(1);
  }
  console.log(`Building Helm ${HELM_VERSION} for the chart's checks (go install, a few minutes the first time)...`);
  execFileSync('go', ['install', `helm.sh/helm/v4/cmd/helm@${HELM_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: dirname(helm), CGO_ENABLED: '0' },
  });
}
