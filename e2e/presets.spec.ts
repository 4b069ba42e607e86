import { expect, test } from '@playwright/test';
import { analyzeProject } from '../lib/compiler/context';
import { PRESET_IDS, PRESETS } from '../lib/project/presets';
import { headerParams, openEditor } from './support/editor';

for (const id of PRESET_IDS) {
  test(`preset ${id} opens clean, with the compiler's parameter counts`, async ({ page }, testInfo) => {
    await openEditor(page);
    await page.getByTestId('presets').selectOption(id);
    await expect(page.getByTestId('project-name')).toHaveValue(PRESETS[id].project.name);
    await expect(page.getByTestId('problems')).toContainText('none: both networks compile');
    const analysis = analyzeProject(PRESETS[id].project);
    expect(await headerParams(page, 'generator')).toBe(analysis.generator.totalParams);
    expect(await headerParams(page, 'discriminator')).toBe(analysis.discriminator.totalParams);
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.mouse.move(0, 0);
    const path = testInfo.outputPath(`preset-${id}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`preset-${id}`, { path, contentType: 'image/png' });
  });
}
