// Swagger UI as a person uses it in a real browser: Authorize (authorization code with PKCE through
// Keycloak's login page in the popup), then "Try it out" on GET /api/me. Prints one JSON line with
// what the page showed; the Java test (SwaggerUiIT) judges it.
//
// Environment: GATEWAY (the gateway's base URL), PORTAL_USERNAME, PORTAL_PASSWORD, CHROMIUM (path).
import { chromium } from 'playwright-core';

const gateway = process.env.GATEWAY;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  // Without the background-networking flags Chromium keeps dialling Google, which this network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = {};
// What the page met on the way, reported when the journey stops: a failed fetch (the provider's
// discovery document, the API document) otherwise leaves only a locator's timeout.
const seen = [];
let page;
try {
  page = await (await browser.newContext()).newPage();
  page.on('console', (message) => message.type() === 'error' && seen.push(`console: ${message.text()}`));
  page.on('requestfailed', (request) => seen.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && seen.push(`${response.status()}: ${response.url()}`));
  page.setDefaultTimeout(20000);
  await page.goto(`${gateway}/q/swagger-ui/`);
  // The modal nests a container per scheme and flow; this is the innermost one of the code flow.
  const codeFlow = page.locator('.auth-container')
    .filter({ has: page.locator('h4', { hasText: 'authorization_code' }) })
    .filter({ hasNotText: 'client_credentials' });
  const clientId = codeFlow.locator('input[data-name="clientId"]');
  // Swagger UI fills the dialog with the schemes it knows when Authorize is clicked. The code flow comes
  // from the provider's discovery document, fetched after the API document: seconds later on a busy
  // machine, and a click before then shows only the bearer field. A person then closes the dialog and
  // opens it again.
  for (let opened = 1; ; opened++) {
    await page.locator('.auth-wrapper .authorize').click();
    if (await clientId.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
      break;
    }
    if (opened === 10) {
      throw new Error('the Authorize dialog never offered the authorization code flow');
    }
    await page.locator('.modal-ux .close-modal').click();
  }
  // The modal fills in the SPA client (initOAuth) just after it shows the flow.
  for (let waited = 0; waited < 10000 && !(await clientId.inputValue()); waited += 100) {
    await page.waitForTimeout(100);
  }
  result.clientId = await clientId.inputValue();
  const [popup] = await Promise.all([page.waitForEvent('popup'), codeFlow.locator('button.authorize').click()]);
  await popup.waitForLoadState();
  result.loginPage = popup.url().split('?')[0];
  result.pkce = new URL(popup.url()).searchParams.get('code_challenge_method');
  await popup.fill('#username', process.env.PORTAL_USERNAME);
  await popup.fill('#password', process.env.PORTAL_PASSWORD);
  await Promise.all([popup.waitForEvent('close'), popup.locator('#kc-login').click()]);
  // The code is exchanged for the token after the popup closes; then the scheme shows as authorized.
  result.signedIn = await page.locator('.modal-ux').getByText('Authorized').first().waitFor().then(() => true, () => false);
  await page.locator('.modal-ux .close-modal').click();

  const operation = page.locator('#operations-Me-getMe');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  result.status = (await status.textContent()).trim();
  result.body = (await operation.locator('.live-responses-table .response-col_description pre').first().textContent()).slice(0, 2000);
} catch (e) {
  result.error = String(e);
  result.seen = seen;
  result.modal = await page?.locator('.modal-ux').textContent({ timeout: 1000 }).catch(() => null);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
