/**
 * How every headless run of this repository starts Debian's Chromium (the
 * e2e test, the adopter test, the overview benchmark): Playwright's own
 * browser downloads cannot be fetched on our machines.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
