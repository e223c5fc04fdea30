/**
 * Presentation mode in the browser: the editor's chrome hides, the key figures and verdicts show
 * over the view, a tour plays from there with its per-stop highlight, and Esc ends it all.
 */
import { dragInScene, expect, openApp, test } from './fixtures';

test('present: key figures and verdicts over the view, a tour with a highlight, Esc to leave', async ({ page }) => {
  await openApp(page);
  // A tour of two stops; the first shows the security zones.
  await page.getByRole('tab', { name: 'Tours' }).click();
  await page.getByRole('button', { name: 'New tour' }).click();
  await page.getByRole('button', { name: 'Record current view' }).click();
  await dragInScene(page, 150, 0, 5);
  await page.getByRole('button', { name: 'Record current view' }).click();
  await page.getByLabel('Highlight at stop 1').selectOption('zones');
  await page.getByLabel('Caption of stop 1').fill('Four boundaries from the street to the GPUs');
  await page.getByLabel('Caption of stop 1').press('Tab');
  await expect(page.getByTestId('zone-label-zone-hall-a')).toHaveCount(0);

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeHidden();
  await expect(page.getByTestId('figure-it')).toHaveText('0.91 MW');
  await expect(page.getByTestId('figure-pflops')).toHaveText('285 PFLOPS BF16 · 288 GPUs');
  await expect(page.getByTestId('figure-capex')).toContainText('$7,164,000');
  await expect(page.getByTestId('verdict-power')).toHaveText('Power 1 error');
  await expect(page.getByTestId('verdict-security')).toHaveText('Security 3 errors');

  await page.getByRole('button', { name: 'Play tour' }).click();
  await expect(page.getByTestId('tour-caption')).toContainText('Four boundaries from the street to the GPUs');
  // The stop's highlight: the zones are drawn while the tour is there.
  await expect(page.getByTestId('zone-label-zone-hall-a')).toBeVisible();
  await expect(page.getByTestId('tour-caption')).toContainText('Stop 2', { timeout: 15_000 });
  await expect(page.getByTestId('zone-label-zone-hall-a')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
});
