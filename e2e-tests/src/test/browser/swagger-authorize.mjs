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
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${gateway}/q/swagger-ui/`);
  await page.locator('.auth-wrapper .authorize').click();

  // The modal nests a container per scheme and flow; this is the innermost one of the code flow.
  const codeFlow = page.locator('.auth-container')
    .filter({ has: page.locator('h4', { hasText: 'authorization_code' }) })
    .filter({ hasNotText: 'client_credentials' });
  // The modal fills in the SPA client (initOAuth) once it has read the provider's discovery document.
  const clientId = codeFlow.locator('input[data-name="clientId"]');
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
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
